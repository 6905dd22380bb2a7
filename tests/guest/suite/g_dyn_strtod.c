/* Dynamically linked strtod/strtol family
 * (the same source as g_strtod.c, linked dynamically: run with -L sysroot). */
#include "g_strtod.c"
