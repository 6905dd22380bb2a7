/* Dynamically linked wide characters in C.UTF-8
 * (the same source as g_wchar.c, linked dynamically: run with -L sysroot). */
#include "g_wchar.c"
