/* Dynamically linked abort()
 * (the same source as g_abort.c, linked dynamically: run with -L sysroot). */
#include "g_abort.c"
