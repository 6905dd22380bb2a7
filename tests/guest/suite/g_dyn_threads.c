/* Dynamically linked threads with atomics and TLS (libc.so TLS)
 * (the same source as g_threads.c, linked dynamically: run with -L sysroot). */
#include "g_threads.c"
