/* Dynamically linked hash functions
 * (the same source as g_hash.c, linked dynamically: run with -L sysroot). */
#include "g_hash.c"
