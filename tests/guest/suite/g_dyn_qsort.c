/* Dynamically linked qsort
 * (the same source as g_qsort.c, linked dynamically: run with -L sysroot). */
#include "g_qsort.c"
