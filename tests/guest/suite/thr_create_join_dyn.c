/* thr_create_join.c, dynamically linked: libpthread/libc from the sysroot, TLS of
 * the shared objects. */
#include "thr_create_join.c"
