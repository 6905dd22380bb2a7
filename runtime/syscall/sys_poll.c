/*
 * Waiting for file descriptors: ppoll(2) (riscv64 has no poll(2)),
 * pselect6 (select(2)), the epoll(7) calls epoll_create1, epoll_ctl,
 * epoll_pwait, epoll_pwait2, and eventfd2 (eventfd(2)).
 *
 * struct pollfd and fd_set are the same on both LP64 ABIs and go to the
 * host as they are; so does the timeout of ppoll and pselect6, which the
 * kernel updates with the time left (the raw calls do that on riscv64
 * too; C libraries hide it).  The sixth argument of pselect6 is a pair
 * { const sigset_t *ss; size_t ss_len } (linux fs/select.c).
 *
 * struct epoll_event differs: x86-64 packs it to 12 bytes (__EPOLL_PACKED,
 * { u32 events; u64 data } with data at offset 4), riscv64 has the natural
 * 16-byte layout with data at offset 8 (linux uapi/linux/eventpoll.h), so
 * epoll_ctl and the waits convert it.  Event bits and the EPOLL_CLOEXEC /
 * EFD_* flags (O_CLOEXEC, O_NONBLOCK) are the same.
 *
 * The sigmask arguments and interruption by signals: sys_intr.h.  These
 * calls never restart after a handler (man 7 signal): -EINTR.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "sys_gbuf.h"
#include "sys_intr.h"
#include "syscall.h"

#define GEV_SIZE 16u              /* riscv64 struct epoll_event */
#define EV_BATCH 256              /* events fetched per host call */

_Static_assert(sizeof(struct epoll_event) == 12, "x86-64 epoll_event");
_Static_assert(sizeof(struct pollfd) == 8, "pollfd");

/* The timeout of ppoll/pselect6: the kernel writes the time left back
 * but ignores a failure to (linux fs/select.c poll_select_finish), so a
 * read-only timeout works, through a copy. */
static struct timespec *timeout_arg(uint64_t g, struct timespec *copy,
                                    bool *bad)
{
    if (!g)
        return NULL;
    if (!mem_read_ok(g, sizeof *copy)) {
        *bad = true;
        return NULL;
    }
    if (mem_prepare_write(g, sizeof *copy) == 0)
        return g2h(g);
    memcpy(copy, g2h(g), sizeof *copy);
    return copy;
}

int64_t sys_ppoll(RtThread *t, const uint64_t *a)
{
    uint64_t nfds = a[1];
    if (nfds > (1u << 20))        /* more than any RLIMIT_NOFILE allows */
        return -EINVAL;
    bool bad = false;
    void *fds = sys_gbuf(a[0], nfds * 8, true, &bad);
    struct timespec copy, *ts = timeout_arg(a[2], &copy, &bad);
    if (bad)
        return -EFAULT;
    SysWait w;
    int e = sys_wait_begin(t, a[3], a[4], &w);
    if (e)
        return e;
    int64_t r;
    if (sys_wait_signalled(t)) {
        /* a signal is already waiting: report ready fds, else EINTR */
        struct timespec zero = { 0, 0 };
        r = sys_host_ret(syscall(SYS_ppoll, fds, nfds, &zero, NULL, 8));
        if (r == 0)
            r = -EINTR;
    } else {
        for (;;) {
            r = sys_host_ret(syscall(SYS_ppoll, fds, nfds, ts, &w.host_mask,
                                     8));
            if (r != -EINTR || sys_wait_signalled(t))
                break;
        }
    }
    return sys_wait_end(t, &w, r);
}

int64_t sys_pselect6(RtThread *t, const uint64_t *a)
{
    int64_t n = (int)a[0];
    if (n < 0)
        return -EINVAL;
    if (n > (1 << 20))
        n = 1 << 20;
    uint64_t setlen = (uint64_t)(n + 63) / 64 * 8;
    bool bad = false;
    void *in = sys_gbuf(a[1], setlen, true, &bad);
    void *out = sys_gbuf(a[2], setlen, true, &bad);
    void *ex = sys_gbuf(a[3], setlen, true, &bad);
    struct timespec copy, *ts = timeout_arg(a[4], &copy, &bad);
    const uint64_t *sig = sys_gbuf(a[5], 16, false, &bad);
    if (bad)
        return -EFAULT;
    SysWait w;
    int e = sys_wait_begin(t, sig ? sig[0] : 0, sig ? sig[1] : 8, &w);
    if (e)
        return e;
    int64_t r;
    if (sys_wait_signalled(t)) {
        struct timespec zero = { 0, 0 };
        r = sys_host_ret(syscall(SYS_pselect6, n, in, out, ex, &zero, NULL));
        if (r == 0)
            r = -EINTR;
    } else {
        const void *hsig[2] = { &w.host_mask, (void *)8 };
        for (;;) {
            r = sys_host_ret(syscall(SYS_pselect6, n, in, out, ex, ts, hsig));
            if (r != -EINTR || sys_wait_signalled(t))
                break;
        }
    }
    return sys_wait_end(t, &w, r);
}

int64_t sys_epoll_create1(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_epoll_create1, (int)a[0]));
}

int64_t sys_epoll_ctl(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const uint8_t *g = sys_gbuf(a[3], GEV_SIZE, false, &bad);
    if (bad)
        return -EFAULT;
    struct epoll_event ev, *evp = NULL;
    if (g) {
        uint32_t events;
        uint64_t data;
        memcpy(&events, g, 4);
        memcpy(&data, g + 8, 8);
        ev.events = events;
        ev.data.u64 = data;
        evp = &ev;
    }
    return sys_host_ret(syscall(SYS_epoll_ctl, (int)a[0], (int)a[1],
                                (int)a[2], evp));
}

/* Milliseconds left until DEADLINE (CLOCK_MONOTONIC), rounded up. */
static int ms_left(const struct timespec *deadline)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    int64_t sec = deadline->tv_sec - now.tv_sec;
    if (sec > INT_MAX / 1000)
        return INT_MAX;
    int64_t ns = sec * 1000000000ll + (deadline->tv_nsec - now.tv_nsec);
    if (ns <= 0)
        return 0;
    int64_t ms = (ns + 999999) / 1000000;
    return ms > INT_MAX ? INT_MAX : (int)ms;
}

/* The epoll waits: TIMEOUT_NS < 0 waits without limit.  Events go through
 * a host buffer of EV_BATCH (returning fewer than maxevents is allowed,
 * the rest stay ready for the next call). */
static int64_t epoll_wait_common(RtThread *t, int epfd, uint64_t gev,
                                 int64_t maxevents, int64_t timeout_ns,
                                 uint64_t mask, uint64_t masksize)
{
    if (maxevents <= 0 || maxevents > INT_MAX / GEV_SIZE)
        return -EINVAL;
    if (!gev || mem_prepare_write(gev, (uint64_t)maxevents * GEV_SIZE))
        return -EFAULT;
    struct timespec deadline = { 0, 0 };
    if (timeout_ns > 0) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        deadline.tv_sec += timeout_ns / 1000000000;
        deadline.tv_nsec += timeout_ns % 1000000000;
        if (deadline.tv_nsec >= 1000000000) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000;
        }
    }
    SysWait w;
    int e = sys_wait_begin(t, mask, masksize, &w);
    if (e)
        return e;
    struct epoll_event ev[EV_BATCH];
    int max = maxevents < EV_BATCH ? (int)maxevents : EV_BATCH;
    int64_t r;
    bool signalled = sys_wait_signalled(t);
    for (;;) {
        int ms_to = signalled ? 0
                    : timeout_ns < 0 ? -1
                    : timeout_ns == 0 ? 0 : ms_left(&deadline);
        r = sys_host_ret(syscall(SYS_epoll_pwait, epfd, ev, max, ms_to,
                                 &w.host_mask, 8));
        if (signalled && r == 0)
            r = -EINTR;
        if (r != -EINTR || signalled || sys_wait_signalled(t))
            break;
    }
    r = sys_wait_end(t, &w, r);
    for (int64_t i = 0; i < r; i++) {
        uint8_t *g = g2h(gev + (uint64_t)i * GEV_SIZE);
        uint32_t events = ev[i].events, pad = 0;
        uint64_t data = ev[i].data.u64;
        memcpy(g, &events, 4);
        memcpy(g + 4, &pad, 4);
        memcpy(g + 8, &data, 8);
    }
    return r;
}

int64_t sys_epoll_pwait(RtThread *t, const uint64_t *a)
{
    int timeout = (int)a[3];
    return epoll_wait_common(t, (int)a[0], a[1], (int)a[2],
                             timeout < 0 ? -1 : timeout * 1000000ll,
                             a[4], a[5]);
}

int64_t sys_epoll_pwait2(RtThread *t, const uint64_t *a)
{
    int64_t ns = -1;
    if (a[3]) {
        if (!mem_read_ok(a[3], 16))
            return -EFAULT;
        int64_t ts[2];
        memcpy(ts, g2h(a[3]), 16);
        if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1000000000)
            return -EINVAL;
        ns = ts[0] > INT64_MAX / 1000000000 - 1 ? INT64_MAX
                                               : ts[0] * 1000000000 + ts[1];
    }
    return epoll_wait_common(t, (int)a[0], a[1], (int)a[2], ns, a[4], a[5]);
}

int64_t sys_eventfd2(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_eventfd2, (unsigned)a[0], (int)a[1]));
}
