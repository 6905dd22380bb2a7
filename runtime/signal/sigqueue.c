/*
 * Pending guest signals and the host signal mask (man 7 signal, "Signal
 * mask and pending signals"), after QEMU linux-user: the host mask of a
 * guest thread mirrors the guest's,
 *
 *   host mask = guest blocked | signals recorded and not yet delivered
 *               (never SIGSEGV/SIGBUS/SIGILL/SIGFPE, 32, 33)
 *
 * so the host kernel does the work: a process-directed signal goes to a
 * thread whose guest does not block it, blocked signals stay pending in
 * the kernel (per thread or process), real-time signals queue.  A signal
 * that reaches rvtcg's handler is therefore deliverable by the receiving
 * thread: the handler records it in RtThread.sig.pending (and its siginfo)
 * and blocks it on the host until it is delivered (through the handler's
 * saved mask), so further instances wait in the kernel; then it kicks
 * the thread back to its loop.  Delivery (sigdeliver.c) takes it and
 * puts the mirrored mask back (sig_host_sync), which lets the next one in.
 *
 * Recorded signals may still be blocked by the guest: faults sent by
 * kill(2) (never blocked on the host), and signals that arrived while a
 * system call was changing the mask.  Signals sent to 32/33 (host glibc's)
 * by the guest to itself are recorded by tkill/tgkill directly.
 *
 * The producers are host signal handlers: the info is written before the
 * pending bit is set (atomics); the consumer clears the bit and then reads
 * the info.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "rt_signal.h"
#include "sig_internal.h"

/* signals for the process as a whole that no host kernel routed: from
 * a host thread without a guest thread, or queued by the runtime itself
 * (sys_timer.c); taken by any guest thread that does not block them */
static volatile uint64_t proc_pending;
static siginfo_t proc_info[RT_NSIG];
static RtThread *volatile main_thread;  /* kicked when rt_self is NULL */

/* Signals whose host mask bit never follows the guest's. */
static bool host_unmirrored(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
           sig == SIGFPE || sig_host_reserved(sig);
}

void sig_host_mask(RtThread *t, sigset_t *set)
{
    uint64_t m = sig_blocked(t) |
                 __atomic_load_n(&t->sig.pending, __ATOMIC_SEQ_CST);
    sigemptyset(set);
    for (int sig = 1; sig <= RT_NSIG; sig++)
        if ((m & SIG_BIT(sig)) && !host_unmirrored(sig))
            sigaddset(set, sig);
}

void sig_host_sync(RtThread *t)
{
    if (t != rt_self)
        return;
    /* computed with every host signal blocked, so no handler records a
     * signal between the computation and the new mask */
    sigset_t all, set;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, NULL);
    sig_host_mask(t, &set);
    pthread_sigmask(SIG_SETMASK, &set, NULL);
}

void sig_set_blocked(RtThread *t, uint64_t m)
{
    __atomic_store_n(&t->sig.blocked, sig_clean_mask(m), __ATOMIC_SEQ_CST);
    sig_host_sync(t);
}

/* A second instance while one is recorded keeps the first one's info
 * (standard signals merge; real-time ones normally wait in the kernel,
 * blocked by the host mask). */
void sig_queue_thread(RtThread *t, int sig, const siginfo_t *si)
{
    if (!(__atomic_load_n(&t->sig.pending, __ATOMIC_SEQ_CST) & SIG_BIT(sig))) {
        t->sig.info[sig - 1] = *si;
        __atomic_or_fetch(&t->sig.pending, SIG_BIT(sig), __ATOMIC_SEQ_CST);
    }
    rt_thread_kick(t);
}

void sig_queue_process(int sig, const siginfo_t *si)
{
    proc_info[sig - 1] = *si;
    __atomic_or_fetch(&proc_pending, SIG_BIT(sig), __ATOMIC_SEQ_CST);
    if (main_thread)
        rt_thread_kick(main_thread);
}

bool sig_dequeue(RtThread *t, int sig, siginfo_t *si)
{
    uint64_t bit = SIG_BIT(sig);
    if (__atomic_fetch_and(&t->sig.pending, ~bit, __ATOMIC_SEQ_CST) & bit) {
        *si = t->sig.info[sig - 1];
        return true;
    }
    if (__atomic_fetch_and(&proc_pending, ~bit, __ATOMIC_SEQ_CST) & bit) {
        *si = proc_info[sig - 1];
        return true;
    }
    return false;
}

/* the lowest number first (kernel/signal.c next_signal) */
int sig_take(RtThread *t, uint64_t mask, siginfo_t *si)
{
    for (;;) {
        uint64_t p = sig_pending_mask(t) & mask;
        if (!p)
            return 0;
        int sig = __builtin_ctzll(p) + 1;
        if (sig_dequeue(t, sig, si))
            return sig;
    }
}

uint64_t sig_pending_mask(RtThread *t)
{
    return __atomic_load_n(&t->sig.pending, __ATOMIC_SEQ_CST) |
           __atomic_load_n(&proc_pending, __ATOMIC_SEQ_CST);
}

/* Makes OTHER (a thread of this process) return to its loop: the kick,
 * and a host signal that interrupts a blocking host syscall.  It is sent
 * as SIGSEGV, whose host handler rvtcg always installs (hostfault.c) and
 * never blocks, with rvtcg's own si_code, so the receiver only returns to
 * its loop. */
void sig_wake(RtThread *other)
{
    rt_thread_kick(other);
    if (other == rt_self)
        return;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = SIGSEGV;
    si.si_code = SIG_WAKE_CODE;
    si.si_pid = getpid();
    syscall(SYS_rt_tgsigqueueinfo, getpid(), other->tid, SIGSEGV, &si);
}

void sig_recheck(RtThread *t)
{
    if (sig_pending_mask(t) & ~sig_blocked(t))
        rt_thread_kick(t);
}

void rt_signal_after_fork(RtThread *t)
{
    __atomic_store_n(&proc_pending, 0, __ATOMIC_SEQ_CST);
    __atomic_store_n(&t->sig.pending, 0, __ATOMIC_SEQ_CST);
    main_thread = t;
    sig_host_sync(t);
}

/* The host handler of every signal the guest may receive (sigaction.c);
 * also called by the fault handler for sent (si_code <= 0) signals. */
void sig_host_on_signal(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    int saved_errno = errno;
    RtThread *t = rt_self;
    if (si->si_code == SIG_WAKE_CODE && si->si_pid == getpid()) {
        if (t)
            rt_thread_kick(t);
    } else if (t) {
        sig_queue_thread(t, sig, si);
        if (uc && !host_unmirrored(sig))
            sigaddset(&uc->uc_sigmask, sig);    /* until delivered */
    } else {
        sig_queue_process(sig, si);
    }
    errno = saved_errno;
}
