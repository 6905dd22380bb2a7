/* thr_tls.c, dynamically linked: libpthread/libc from the sysroot, TLS of
 * the shared objects. */
#include "thr_tls.c"
