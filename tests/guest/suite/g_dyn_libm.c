/* Dynamically linked libm: results from the shared libm.so.6
 * (the same source as g_libm.c, linked dynamically: run with -L sysroot). */
#include "g_libm.c"
