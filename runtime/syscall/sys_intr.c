/*
 * Interruptible waits and their temporary signal masks (sys_intr.h).
 * Uses the signal code's pending sets, dispositions and mask accessors
 * (runtime/signal/sig_internal.h).  Guest sigset_t is 64 bits on riscv64
 * (asm-generic _NSIG 64): a sigmask argument of another size is EINVAL
 * (linux kernel/signal.c set_user_sigmask).
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include "guest_mem.h"
#include "sig_internal.h"
#include "sys_intr.h"

int sys_wait_begin(RtThread *t, uint64_t mask, uint64_t size, SysWait *w)
{
    w->mask_set = false;
    if (mask) {
        if (size != 8)
            return -EINVAL;
        if (!mem_read_ok(mask, 8))
            return -EFAULT;
        uint64_t m;
        memcpy(&m, g2h(mask), 8);
        w->old_blocked = sig_blocked(t);
        w->mask_set = true;
        sig_set_blocked(t, m);
    }
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &w->host_mask);
    return 0;
}

bool sys_wait_signalled(RtThread *t)
{
    uint64_t ready = sig_pending_mask(t) & ~sig_blocked(t);
    while (ready) {
        int sig = __builtin_ctzll(ready) + 1;
        ready &= ready - 1;
        GuestSigaction act;
        sig_action_get(sig, &act);
        if (act.handler == G_SIG_IGN ||
            (act.handler == G_SIG_DFL && sig_default_ignores(sig)))
            continue;
        return true;
    }
    return false;
}

int64_t sys_wait_end(RtThread *t, SysWait *w, int64_t r)
{
    (void)w->host_mask;
    sig_host_sync(t);       /* the host mask mirroring the guest's again */
    if (!w->mask_set)
        return r;
    if (r == -EINTR) {
        /* deliver under the temporary mask; the frame (or the delivery
         * code, if no handler runs) restores the old one */
        t->sig.saved_mask = w->old_blocked;
        t->sig.has_saved_mask = 1;
        rt_thread_kick(t);
    } else {
        sig_set_blocked(t, w->old_blocked);
        sig_recheck(t);
    }
    return r;
}
