/* thr_condvar.c, dynamically linked: libpthread/libc from the sysroot, TLS of
 * the shared objects. */
#include "thr_condvar.c"
