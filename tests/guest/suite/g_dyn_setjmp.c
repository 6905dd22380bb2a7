/* Dynamically linked setjmp/longjmp
 * (the same source as g_setjmp.c, linked dynamically: run with -L sysroot). */
#include "g_setjmp.c"
