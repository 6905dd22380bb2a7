/* Dynamically linked wc on standard input
 * (the same source as g_stdin_wc.c, linked dynamically: run with -L sysroot). */
#include "g_stdin_wc.c"
