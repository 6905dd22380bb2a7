/* Dynamically linked malloc stress
 * (the same source as g_malloc_stress.c, linked dynamically: run with -L sysroot). */
#include "g_malloc_stress.c"
