/*
 * Time and timers: clock_gettime(2), clock_getres(2), clock_nanosleep(2),
 * nanosleep(2), gettimeofday(2), getitimer(2)/setitimer(2),
 * timerfd_create(2) and friends, times(2), getrusage(2), and setting the
 * clocks; the POSIX timers are in sys_timer.c.
 *
 * All are passed to the host kernel: struct timespec, timeval, itimerval,
 * itimerspec, tms and rusage are made of longs on both LP64 ABIs (same
 * layout), and clock ids and timer flags are arch-independent.  ITIMER_REAL
 * sends the host process SIGALRM, which rvtcg's host handler queues for
 * the guest (runtime/signal).  The host kernel's own calls are used
 * (syscall(2)), not glibc's wrappers.
 *
 * The sleeps never restart after a handler (man 7 signal): interrupted by
 * a signal for the guest they return -EINTR (with the remaining time);
 * interrupted by any other host signal they go on sleeping (sys_intr.h).
 * A signal already pending makes them return at once; unlike the waits
 * with a sigmask argument, one arriving between that check and the start
 * of the host sleep is noticed only when the sleep ends.
 */
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

#include "sys_gbuf.h"
#include "sys_intr.h"
#include "syscall.h"

#define TS 16u                    /* struct timespec, timeval */
#define ITS 32u                   /* struct itimerspec, itimerval */

/* the host layouts that are passed through have the riscv64 sizes */
_Static_assert(sizeof(struct timespec) == TS, "timespec");
_Static_assert(sizeof(struct itimerspec) == ITS, "itimerspec");
_Static_assert(sizeof(struct tms) == 32, "tms");
_Static_assert(sizeof(struct rusage) == 144, "rusage");
_Static_assert(sizeof(struct timex) == 208, "timex");

int64_t sys_clock_gettime(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *tp = sys_gbuf(a[1], TS, true, &bad);
    if (bad || !tp)
        return -EFAULT;
    /* glibc's clock_gettime uses the vDSO: the same result, faster */
    return clock_gettime((clockid_t)a[0], tp) == 0 ? 0 : -errno;
}

int64_t sys_clock_getres(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_pass_id_buf(SYS_clock_getres, (clockid_t)a[0], a[1], TS, true);
}

/* One sleep: NR is SYS_nanosleep (args REQ, REM) or SYS_clock_nanosleep
 * (CLK, FLAGS, REQ, REM).  An absolute sleep resumes with the same
 * deadline, a relative one with the remaining time. */
static int64_t sleep_common(RtThread *t, long nr, clockid_t clk, int flags,
                            uint64_t greq, uint64_t grem)
{
    bool bad = false;
    const struct timespec *req = sys_gbuf(greq, TS, false, &bad);
    struct timespec *rem = sys_gbuf(grem, TS, true, &bad);
    if (bad || !req)
        return -EFAULT;
    struct timespec cur = *req, left;
    if (cur.tv_nsec < 0 || cur.tv_nsec >= 1000000000 || cur.tv_sec < 0)
        return -EINVAL;
    if (sys_wait_signalled(t)) {
        /* arrived since the TB started: the kernel would not sleep */
        if (rem && !(flags & TIMER_ABSTIME))
            *rem = cur;
        return -EINTR;
    }
    for (;;) {
        long r = nr == SYS_nanosleep
                     ? syscall(SYS_nanosleep, &cur, &left)
                     : syscall(SYS_clock_nanosleep, clk, flags, &cur, &left);
        if (r == 0)
            return 0;
        if (errno != EINTR)
            return -errno;
        if (sys_wait_signalled(t)) {
            if (rem && !(flags & TIMER_ABSTIME))
                *rem = left;
            return -EINTR;
        }
        if (!(flags & TIMER_ABSTIME))
            cur = left;
    }
}

int64_t sys_nanosleep(RtThread *t, const uint64_t *a)
{
    return sleep_common(t, SYS_nanosleep, CLOCK_MONOTONIC, 0, a[0], a[1]);
}

int64_t sys_clock_nanosleep(RtThread *t, const uint64_t *a)
{
    return sleep_common(t, SYS_clock_nanosleep, (clockid_t)a[0], (int)a[1],
                        a[2], a[3]);
}

int64_t sys_gettimeofday(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *tv = sys_gbuf(a[0], TS, true, &bad);
    void *tz = sys_gbuf(a[1], 8, true, &bad);       /* struct timezone */
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_gettimeofday, tv, tz));
}

int64_t sys_getitimer(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_pass_id_buf(SYS_getitimer, (int)a[0], a[1], ITS, true);
}

int64_t sys_setitimer(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const void *nv = sys_gbuf(a[1], ITS, false, &bad);
    void *ov = sys_gbuf(a[2], ITS, true, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_setitimer, (int)a[0], nv, ov));
}

/* timerfd flags are O_CLOEXEC / O_NONBLOCK, the same bits on both. */
int64_t sys_timerfd_create(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_timerfd_create, (int)a[0], (int)a[1]));
}

int64_t sys_timerfd_settime(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_pass_settime(SYS_timerfd_settime, a);
}

int64_t sys_timerfd_gettime(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_pass_gettime(SYS_timerfd_gettime, a);
}

/* times(2): the result is clock ticks, never an error (the buffer may be
 * NULL). */
int64_t sys_times(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *buf = sys_gbuf(a[0], 32, true, &bad);      /* struct tms */
    if (bad)
        return -EFAULT;
    return syscall(SYS_times, buf);
}

int64_t sys_getrusage(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *ru = sys_gbuf(a[1], 144, true, &bad);     /* struct rusage */
    if (bad || !ru)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_getrusage, (int)a[0], ru));
}

/* Setting the clocks (clock_settime(2), settimeofday(2)) and adjtimex(2),
 * clock_adjtime(2): the host decides (they need CAP_SYS_TIME, except an
 * adjtimex query with modes 0).  struct timex is the same on both LP64
 * ABIs (longs and ints, 208 bytes). */
int64_t sys_clock_settime(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const void *tp = sys_gbuf(a[1], TS, false, &bad);
    if (bad || !tp)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_clock_settime, (clockid_t)a[0], tp));
}

int64_t sys_settimeofday(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const void *tv = sys_gbuf(a[0], TS, false, &bad);
    const void *tz = sys_gbuf(a[1], 8, false, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_settimeofday, tv, tz));
}

int64_t sys_adjtimex(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *tx = sys_gbuf(a[0], sizeof(struct timex), true, &bad);
    if (bad || !tx)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_adjtimex, tx));
}

int64_t sys_clock_adjtime(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *tx = sys_gbuf(a[1], sizeof(struct timex), true, &bad);
    if (bad || !tx)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_clock_adjtime, (clockid_t)a[0], tx));
}
