/* Dynamically linked SIGSEGV recovery
 * (the same source as g_sigsegv.c, linked dynamically: run with -L sysroot). */
#include "g_sigsegv.c"
