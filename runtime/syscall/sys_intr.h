/*
 * Blocking calls that never restart after a signal handler (man 7
 * signal, "Interruption of system calls and library functions by signal
 * handlers": poll, select, epoll_wait, nanosleep ...), and the temporary
 * signal mask of ppoll(2), pselect(2), epoll_pwait(2) (sys_intr.c).
 *
 * A wait runs between sys_wait_begin and sys_wait_end:
 *   begin   installs the guest's temporary mask (if the call has one) and
 *           blocks all host signals;
 *   the caller checks sys_wait_signalled (a guest signal is deliverable
 *           now: then the call only polls, and returns -EINTR if nothing
 *           is ready), otherwise makes its host call with the host mask
 *           w.host_mask (the mask rvtcg normally runs with), which the
 *           host kernel installs atomically with going to sleep, so a
 *           signal arriving in between is not missed; on EINTR it asks
 *           sys_wait_signalled again: the host signal may have been
 *           rvtcg's own wake-up or one the guest blocks or ignores, and
 *           then the call goes on (the kernel's restart for a signal
 *           without a handler);
 *   end     restores the host mask; when the result is -EINTR and a
 *           temporary mask is active, that mask stays until the signal is
 *           delivered and the frame records the old one (the kernel's
 *           restore_sigmask, like rt_sigsuspend); otherwise the old mask
 *           comes back now.
 * Sleeps without a sigmask argument (nanosleep) use sys_wait_signalled
 * only after EINTR.
 */
#ifndef SYS_INTR_H
#define SYS_INTR_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "rt_thread.h"

typedef struct SysWait {
    sigset_t host_mask;           /* the thread's host mask before begin */
    uint64_t old_blocked;         /* the guest mask before the call */
    bool mask_set;                /* a temporary guest mask is active */
} SysWait;

/* MASK: guest address of a sigset_t of SIZE bytes, or 0; 0 or -errno
 * (then nothing changed). */
int sys_wait_begin(RtThread *t, uint64_t mask, uint64_t size, SysWait *w);
/* Is a guest signal pending for T that its mask lets through and whose
 * disposition is not to ignore it? */
bool sys_wait_signalled(RtThread *t);
/* Returns R. */
int64_t sys_wait_end(RtThread *t, SysWait *w, int64_t r);

#endif
