/* libm and FP printing compiled with -O0 -fno-builtin (cflags= option):
 * every value goes through memory and every call reaches libm.
 * (the same source as g_libm.c). */
#include "g_libm.c"
