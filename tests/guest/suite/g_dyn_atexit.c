/* Dynamically linked atexit handlers and _exit
 * (the same source as g_exit_atexit.c, linked dynamically: run with -L sysroot). */
#include "g_exit_atexit.c"
