/* Dynamically linked getopt_long
 * (the same source as g_getopt.c, linked dynamically: run with -L sysroot). */
#include "g_getopt.c"
