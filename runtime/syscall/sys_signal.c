/*
 * The signal system calls (man 2 rt_sigaction, rt_sigprocmask,
 * rt_sigpending, rt_sigsuspend, rt_sigtimedwait, sigaltstack, kill, tkill,
 * tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo); rt_sigreturn is in
 * runtime/signal/sigframe.c.  The guest's masks and dispositions are
 * emulated (runtime/signal; the host mask mirrors the guest's); sending
 * goes to the host kernel, whose signal then reaches rvtcg's handler in
 * the target thread, or stays pending in the kernel while blocked.  Guest
 * sigset_t is 8 bytes (sigsetsize must be 8); siginfo_t and stack_t have
 * the same layout on riscv64 and x86-64; struct sigaction does not (see
 * sig_internal.h).
 *
 * Signals 32 and 33 are host glibc's own (SIGCANCEL, SIGSETXID): tkill and
 * tgkill of those to a thread of this process are queued internally
 * instead, and the thread is woken (sig_wake) from a blocking syscall.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "guest_mem.h"
#include "rt_signal.h"
#include "sig_internal.h"
#include "syscall.h"

#define GUEST_SIGSET_SIZE 8

static int64_t host_ret(long r)
{
    return r < 0 ? -errno : r;
}

static int read_set(uint64_t addr, uint64_t *set)
{
    if (!mem_read_ok(addr, 8))
        return -EFAULT;
    memcpy(set, g2h(addr), 8);
    return 0;
}

static int write_bytes(uint64_t addr, const void *p, uint64_t len)
{
    if (mem_prepare_write(addr, len))
        return -EFAULT;
    memcpy(g2h(addr), p, len);
    return 0;
}

int64_t sys_rt_sigaction(RtThread *t, const uint64_t *a)
{
    (void)t;
    int64_t sig = (int64_t)a[0];
    if (a[3] != GUEST_SIGSET_SIZE || sig < 1 || sig > RT_NSIG)
        return -EINVAL;
    GuestSigaction act, old;
    if (a[1]) {
        if (sig == SIGKILL || sig == SIGSTOP)
            return -EINVAL;
        if (!mem_read_ok(a[1], sizeof act))
            return -EFAULT;
        memcpy(&act, g2h(a[1]), sizeof act);
    }
    if (a[2] && mem_prepare_write(a[2], sizeof old))
        return -EFAULT;
    sig_action_get((int)sig, &old);
    if (a[1])
        sig_action_set((int)sig, &act);
    if (a[2])
        memcpy(g2h(a[2]), &old, sizeof old);
    return 0;
}

int64_t sys_rt_sigprocmask(RtThread *t, const uint64_t *a)
{
    if (a[3] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    uint64_t old = sig_blocked(t), set = 0, now = old;
    if (a[1]) {
        int r = read_set(a[1], &set);
        if (r)
            return r;
        switch (a[0]) {
        case 0: now = old | set; break;     /* SIG_BLOCK */
        case 1: now = old & ~set; break;    /* SIG_UNBLOCK */
        case 2: now = set; break;           /* SIG_SETMASK */
        default: return -EINVAL;
        }
    }
    if (a[2]) {
        int r = write_bytes(a[2], &old, 8);
        if (r)
            return r;
    }
    sig_set_blocked(t, now);
    sig_recheck(t);
    return 0;
}

int64_t sys_rt_sigpending(RtThread *t, const uint64_t *a)
{
    if (a[1] > GUEST_SIGSET_SIZE)
        return -EINVAL;
    /* recorded ones, and those the host kernel keeps (blocked) */
    sigset_t hp;
    uint64_t p = sig_pending_mask(t);
    if (sigpending(&hp) == 0)
        for (int sig = 1; sig <= RT_NSIG; sig++)
            if (sigismember(&hp, sig) == 1)
                p |= SIG_BIT(sig);
    p &= sig_blocked(t);
    return write_bytes(a[0], &p, a[1]);
}

/* Drops pending signals in MASK that the guest ignores (the kernel never
 * queues those). */
static void drop_ignored(RtThread *t, uint64_t mask)
{
    uint64_t p = sig_pending_mask(t) & mask;
    while (p) {
        int sig = __builtin_ctzll(p) + 1;
        p &= p - 1;
        GuestSigaction act;
        sig_action_get(sig, &act);
        if (act.handler == G_SIG_IGN ||
            (act.handler == G_SIG_DFL && sig_default_ignores(sig))) {
            siginfo_t si;
            sig_dequeue(t, sig, &si);
        }
    }
}

/* at most this long per host wait: signals the runtime queues itself
 * (timers routed by sys_timer.c) are noticed even without a wake-up */
#define WAIT_SLICE_NS 50000000L

/* The time left until DEADLINE (CLOCK_MONOTONIC), at most one slice, in
 * *REL; false if it has passed. */
static bool time_left(const struct timespec *deadline, struct timespec *rel)
{
    rel->tv_sec = 0;
    rel->tv_nsec = WAIT_SLICE_NS;
    if (!deadline)
        return true;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    int64_t left = (int64_t)(deadline->tv_sec - now.tv_sec) * 1000000000 +
                   (deadline->tv_nsec - now.tv_nsec);
    if (left <= 0)
        return false;
    if (left < WAIT_SLICE_NS)
        rel->tv_nsec = left;
    return true;
}

/* Waits until a recorded signal is deliverable (unblocked, not ignored).
 * The check and the sleep are atomic: host signals are blocked while
 * checking, and ppoll sleeps with the thread's mirrored host mask, so a
 * signal arriving in between interrupts the sleep. */
static void wait_deliverable(RtThread *t)
{
    sigset_t all, during;
    sigfillset(&all);
    for (;;) {
        pthread_sigmask(SIG_SETMASK, &all, NULL);
        drop_ignored(t, ~sig_blocked(t));
        if (sig_pending_mask(t) & ~sig_blocked(t))
            break;
        struct timespec rel;
        time_left(NULL, &rel);
        sig_host_mask(t, &during);
        ppoll(NULL, 0, &rel, &during);
    }
    sig_host_sync(t);
}

int64_t sys_rt_sigsuspend(RtThread *t, const uint64_t *a)
{
    if (a[1] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    uint64_t mask;
    int r = read_set(a[0], &mask);
    if (r)
        return r;
    t->sig.saved_mask = sig_blocked(t);
    t->sig.has_saved_mask = 1;
    sig_set_blocked(t, mask);
    wait_deliverable(t);
    rt_thread_kick(t);      /* deliver, then restore the mask */
    return -EINTR;
}

/*
 * rt_sigtimedwait(2): a signal of the set recorded by rvtcg, or one the
 * host kernel keeps pending, taken with the host's rt_sigtimedwait (its
 * order: the thread's own before the process's; while it waits the
 * kernel routes process-directed signals of the set here, and a signal
 * the guest may receive interrupts it: rvtcg's handler records it and it
 * is delivered, -EINTR).  The host waits one slice at a time.
 */
int64_t sys_rt_sigtimedwait(RtThread *t, const uint64_t *a)
{
    if (a[3] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    uint64_t want;
    int r = read_set(a[0], &want);
    if (r)
        return r;
    want = sig_clean_mask(want);
    struct timespec deadline, *dp = NULL;
    if (a[2]) {
        struct timespec ts;     /* __kernel_timespec: same on both */
        if (!mem_read_ok(a[2], sizeof ts))
            return -EFAULT;
        memcpy(&ts, g2h(a[2]), sizeof ts);
        if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
            return -EINVAL;
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        deadline.tv_sec += ts.tv_sec;
        deadline.tv_nsec += ts.tv_nsec;
        if (deadline.tv_nsec >= 1000000000) {
            deadline.tv_nsec -= 1000000000;
            deadline.tv_sec++;
        }
        dp = &deadline;
    }
    sigset_t hw;
    sigemptyset(&hw);
    for (int sig = 1; sig <= RT_NSIG; sig++)
        if ((want & SIG_BIT(sig)) && !sig_host_reserved(sig))
            sigaddset(&hw, sig);
    /* the guest mask counts the set as unblocked meanwhile (the kernel's
     * real_blocked), for the runtime's own routing (sys_timer.c); the
     * host mask stays, so the host's wait gets them */
    uint64_t real = sig_blocked(t);
    __atomic_store_n(&t->sig.blocked, real & ~want, __ATOMIC_SEQ_CST);
    int64_t ret;
    bool first = true;
    for (;;) {
        siginfo_t si;
        int sig = sig_take(t, want, &si);
        if (sig) {
            ret = a[1] && write_bytes(a[1], &si, sizeof si) ? -EFAULT : sig;
            break;
        }
        drop_ignored(t, ~real & ~want);
        if (sig_pending_mask(t) & ~real & ~want) {
            rt_thread_kick(t);
            ret = -EINTR;
            break;
        }
        struct timespec rel;
        if (!time_left(dp, &rel)) {
            if (!first) {
                ret = -EAGAIN;
                break;
            }
            rel.tv_nsec = 0;    /* a zero timeout still takes what is there */
        }
        first = false;
        long hs = syscall(SYS_rt_sigtimedwait, &hw, &si, &rel, 8);
        if (hs > 0) {
            ret = a[1] && write_bytes(a[1], &si, sizeof si) ? -EFAULT : hs;
            break;
        }
    }
    __atomic_store_n(&t->sig.blocked, real, __ATOMIC_SEQ_CST);
    return ret;
}

int64_t sys_sigaltstack(RtThread *t, const uint64_t *a)
{
    GuestStack ss, oss;
    if (a[0]) {
        if (!mem_read_ok(a[0], sizeof ss))
            return -EFAULT;
        memcpy(&ss, g2h(a[0]), sizeof ss);
    }
    if (a[1] && mem_prepare_write(a[1], sizeof oss))
        return -EFAULT;
    int r = sig_do_sigaltstack(t, a[0] ? &ss : NULL, a[1] ? &oss : NULL,
                               t->cpu.x[2]);
    if (r)
        return r;
    if (a[1])
        memcpy(g2h(a[1]), &oss, sizeof oss);
    return 0;
}

static bool valid_sig(int64_t sig)
{
    return sig >= 0 && sig <= RT_NSIG;
}

/* tkill/tgkill of host-reserved 32/33 to thread TID of this process. */
static bool queue_reserved(int tid, int sig)
{
    bool found = false;
    rt_threads_lock();
    for (RtThread *o = rt_threads_first(); o; o = o->next) {
        if (o->tid != tid)
            continue;
        siginfo_t si;
        memset(&si, 0, sizeof si);
        si.si_signo = sig;
        si.si_code = SI_TKILL;
        si.si_pid = getpid();
        si.si_uid = getuid();
        sigset_t all, old;              /* sig_queue_thread of 32/33 */
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &old);
        sig_queue_thread(o, sig, &si);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        sig_wake(o);
        found = true;
        break;
    }
    rt_threads_unlock();
    return found;
}

int64_t sys_kill(RtThread *t, const uint64_t *a)
{
    (void)t;
    if (!valid_sig((int64_t)a[1]))
        return -EINVAL;
    return host_ret(syscall(SYS_kill, (pid_t)a[0], (int)a[1]));
}

int64_t sys_tkill(RtThread *t, const uint64_t *a)
{
    (void)t;
    int sig = (int)a[1];
    if (!valid_sig((int64_t)a[1]))
        return -EINVAL;
    if ((sig == 32 || sig == 33) && queue_reserved((int)a[0], sig))
        return 0;
    return host_ret(syscall(SYS_tkill, (pid_t)a[0], sig));
}

int64_t sys_tgkill(RtThread *t, const uint64_t *a)
{
    (void)t;
    int sig = (int)a[2];
    if (!valid_sig((int64_t)a[2]))
        return -EINVAL;
    if ((sig == 32 || sig == 33) && (pid_t)a[0] == getpid() &&
        queue_reserved((int)a[1], sig))
        return 0;
    return host_ret(syscall(SYS_tgkill, (pid_t)a[0], (pid_t)a[1], sig));
}

int64_t sys_rt_sigqueueinfo(RtThread *t, const uint64_t *a)
{
    (void)t;
    siginfo_t si;
    if (!valid_sig((int64_t)a[1]))
        return -EINVAL;
    if (!mem_read_ok(a[2], sizeof si))
        return -EFAULT;
    memcpy(&si, g2h(a[2]), sizeof si);
    return host_ret(syscall(SYS_rt_sigqueueinfo, (pid_t)a[0], (int)a[1],
                            &si));
}

int64_t sys_rt_tgsigqueueinfo(RtThread *t, const uint64_t *a)
{
    (void)t;
    siginfo_t si;
    if (!valid_sig((int64_t)a[2]))
        return -EINVAL;
    if (!mem_read_ok(a[3], sizeof si))
        return -EFAULT;
    memcpy(&si, g2h(a[3]), sizeof si);
    return host_ret(syscall(SYS_rt_tgsigqueueinfo, (pid_t)a[0], (pid_t)a[1],
                            (int)a[2], &si));
}

/*
 * signalfd4(2): the host's.  Since the host mask mirrors the guest's
 * (runtime/signal/sigqueue.c), the signals a guest blocks to read them
 * from a signalfd stay pending in the host kernel, where the host
 * signalfd finds them.  struct signalfd_siginfo (128 bytes) and the
 * SFD_CLOEXEC / SFD_NONBLOCK flags (O_CLOEXEC, O_NONBLOCK) are the same
 * on riscv64 and x86-64.  Signals 32 and 33 (host glibc's) are left out.
 */
int64_t sys_signalfd4(RtThread *t, const uint64_t *a)
{
    (void)t;
    if (a[2] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    uint64_t mask;
    int r = read_set(a[1], &mask);
    if (r)
        return r;
    mask &= ~(SIG_BIT(32) | SIG_BIT(33));
    return host_ret(syscall(SYS_signalfd4, (int)a[0], &mask, (size_t)8,
                            (int)a[3]));
}
