/* Dynamically linked fenv flags (libm's fe* functions)
 * (the same source as g_fenv.c, linked dynamically: run with -L sysroot). */
#include "g_fenv.c"
