/* Dynamically linked stdio on files (run with files)
 * (the same source as g_stdio_files.c, linked dynamically: run with -L sysroot). */
#include "g_stdio_files.c"
