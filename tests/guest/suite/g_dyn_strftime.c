/* Dynamically linked time formatting
 * (the same source as g_strftime.c, linked dynamically: run with -L sysroot). */
#include "g_strftime.c"
