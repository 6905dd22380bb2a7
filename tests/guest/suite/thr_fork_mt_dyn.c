/* thr_fork_mt.c, dynamically linked: libpthread/libc from the sysroot, TLS of
 * the shared objects. */
#include "thr_fork_mt.c"
