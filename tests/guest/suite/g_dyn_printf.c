/* Dynamically linked printf conversions
 * (the same source as g_printf.c, linked dynamically: run with -L sysroot). */
#include "g_printf.c"
