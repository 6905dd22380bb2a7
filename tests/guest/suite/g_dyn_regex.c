/* Dynamically linked POSIX regex
 * (the same source as g_regex.c, linked dynamically: run with -L sysroot). */
#include "g_regex.c"
