/* misc_scm.c linked low (cflags in programs.txt), so rvtcg runs it with
 * guest_base != 0: every guest pointer in a system call argument, struct
 * msghdr or iovec must be converted. */
#include "misc_scm.c"
