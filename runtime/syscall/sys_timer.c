/*
 * POSIX per-process timers: timer_create(2), timer_settime(2),
 * timer_gettime(2), timer_getoverrun(2), timer_delete(2).
 *
 * The timers are the host kernel's (guest timer ids are host ids).
 * struct sigevent is 64 bytes with the same fields on riscv64 and x86-64
 * (asm-generic/siginfo.h: sigev_value at 0, sigev_signo at 8, sigev_notify
 * at 12, the SIGEV_THREAD_ID tid at 16), signal numbers are the same and
 * guest tids are host tids.  A timer that signals the process
 * (SIGEV_SIGNAL; the kernel treats SIGEV_THREAD alike) is left to the
 * host: its signal reaches rvtcg's host handler like any other
 * (runtime/signal).  Two kinds are routed instead (linux
 * kernel/time/posix-timers.c good_sigevent says which are valid):
 *   - SIGEV_THREAD_ID: the guest names the thread; rvtcg's host handler
 *     queues signals that are not tkill'ed as process-directed, so the
 *     host signal would not stay with that thread;
 *   - signals 32 and 33: they are host glibc's SIGCANCEL/SIGSETXID, which
 *     rvtcg does not handle (runtime/signal/sigaction.c); the host kernel
 *     sending one would kill rvtcg (glibc's SIGEV_THREAD timers use 32).
 * Such a timer is created on the host as SIGEV_THREAD_ID with signal 32
 * aimed at a helper thread of rvtcg (not a guest thread), which blocks 32
 * and collects it with rt_sigtimedwait: it looks up the guest's signal
 * and target of the timer (si_timerid) and queues the guest signal on
 * that thread (or the process), then wakes the thread out of a blocking
 * host call (sig_wake, runtime/signal/sigqueue.c).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "sig_internal.h"
#include "sys_gbuf.h"
#include "syscall.h"

#define ITS 32u                   /* struct itimerspec */
#define HOST_TIMER_SIG 32         /* what the helper thread receives */
#define G_SIGEV_SIGNAL 0
#define G_SIGEV_NONE 1
#define G_SIGEV_THREAD 2
#define G_SIGEV_THREAD_ID 4

typedef struct GuestSigevent {
    uint64_t value;
    int32_t signo;
    int32_t notify;
    int32_t tid;
    int32_t pad[11];
} GuestSigevent;

_Static_assert(sizeof(GuestSigevent) == 64, "sigevent");
_Static_assert(sizeof(struct sigevent) == 64, "host sigevent");

typedef struct TimerRoute {
    int id;                       /* host = guest timer id */
    int sig;                      /* the guest's signal */
    int tid;                      /* target thread; 0: the process */
} TimerRoute;

static pthread_mutex_t routes_mu = PTHREAD_MUTEX_INITIALIZER;
static TimerRoute *routes;
static size_t nb_routes, cap_routes;
static pid_t helper_pid;          /* the process the helper runs in */
static int helper_tid;

/* ---- the helper thread ---- */

/* Interrupts thread O's blocking host call: sigqueue.c's wake-up, which
 * uses a host signal O's host mask lets through. */
static void wake(RtThread *o)
{
    sig_wake(o);
}

static bool find_route(int id, TimerRoute *out)
{
    bool found = false;
    pthread_mutex_lock(&routes_mu);
    for (size_t i = 0; i < nb_routes; i++)
        if (routes[i].id == id) {
            *out = routes[i];
            found = true;
            break;
        }
    pthread_mutex_unlock(&routes_mu);
    return found;
}

/* One expiry: queue the guest's signal where the guest asked for it. */
static void deliver(const siginfo_t *host)
{
    TimerRoute r;
    if (!find_route(host->si_timerid, &r))
        return;                   /* deleted meanwhile */
    siginfo_t si = *host;
    si.si_signo = r.sig;
    rt_threads_lock();
    if (r.tid) {
        RtThread *o = rt_thread_find(r.tid);
        if (o) {
            sig_queue_thread(o, r.sig, &si);
            wake(o);
        }
    } else {
        sig_queue_process(r.sig, &si);
        for (RtThread *o = rt_threads_first(); o; o = o->next)
            if (!(sig_blocked(o) & SIG_BIT(r.sig))) {
                wake(o);
                break;
            }
    }
    rt_threads_unlock();
}

static void *helper_main(void *arg)
{
    (void)arg;
    uint64_t all = ~(uint64_t)0, want = SIG_BIT(HOST_TIMER_SIG);
    /* the raw call: glibc's pthread_sigmask would leave 32 and 33 out */
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, NULL, 8);
    __atomic_store_n(&helper_tid, gettid(), __ATOMIC_SEQ_CST);
    for (;;) {
        siginfo_t si;
        if (syscall(SYS_rt_sigtimedwait, &want, &si, NULL, 8) ==
                HOST_TIMER_SIG && si.si_code == SI_TIMER)
            deliver(&si);
    }
    return NULL;
}

static void after_fork_child(void)
{
    /* timers are not inherited (man 2 fork), nor is the helper */
    pthread_mutex_init(&routes_mu, NULL);
    nb_routes = 0;
    helper_pid = 0;
    helper_tid = 0;
}

/* The helper's tid, starting it in this process if needed; 0 on failure.
 * Under routes_mu. */
static int helper_start(void)
{
    static bool atfork_done;
    if (helper_pid == getpid() && helper_tid)
        return helper_tid;
    if (!atfork_done) {
        pthread_atfork(NULL, NULL, after_fork_child);
        atfork_done = true;
    }
    helper_tid = 0;
    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&at, 64 * 1024);
    pthread_t th;
    int e = pthread_create(&th, &at, helper_main, NULL);
    pthread_attr_destroy(&at);
    if (e)
        return 0;
    while (!__atomic_load_n(&helper_tid, __ATOMIC_SEQ_CST))
        sched_yield();
    helper_pid = getpid();
    return helper_tid;
}

static int add_route(int id, int sig, int tid)
{
    if (nb_routes == cap_routes) {
        size_t cap = cap_routes ? 2 * cap_routes : 16;
        TimerRoute *n = realloc(routes, cap * sizeof *n);
        if (!n)
            return -ENOMEM;
        routes = n;
        cap_routes = cap;
    }
    routes[nb_routes++] = (TimerRoute){ id, sig, tid };
    return 0;
}

static void del_route(int id)
{
    for (size_t i = 0; i < nb_routes; i++)
        if (routes[i].id == id) {
            routes[i] = routes[--nb_routes];
            return;
        }
}

/* ---- the system calls ---- */

static int64_t create_routed(clockid_t clk, const GuestSigevent *g,
                             uint32_t *idp)
{
    if (g->signo <= 0 || g->signo > RT_NSIG)
        return -EINVAL;
    int tid = 0;
    if (g->notify == G_SIGEV_THREAD_ID) {
        rt_threads_lock();
        bool ours = rt_thread_find(g->tid) != NULL;
        rt_threads_unlock();
        if (!ours)
            return -EINVAL;
        tid = g->tid;
    }
    pthread_mutex_lock(&routes_mu);
    int helper = helper_start();
    int64_t r = -EAGAIN;
    if (helper) {
        struct sigevent h;
        memset(&h, 0, sizeof h);
        memcpy(&h.sigev_value, &g->value, 8);
        h.sigev_signo = HOST_TIMER_SIG;
        h.sigev_notify = SIGEV_THREAD_ID;
        h._sigev_un._tid = helper;
        int id;
        r = sys_host_ret(syscall(SYS_timer_create, clk, &h, &id));
        if (r == 0) {
            r = add_route(id, g->signo, tid);
            if (r)
                syscall(SYS_timer_delete, id);
            else
                *idp = (uint32_t)id;
        }
    }
    pthread_mutex_unlock(&routes_mu);
    return r;
}

int64_t sys_timer_create(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const GuestSigevent *g = sys_gbuf(a[1], 64, false, &bad);
    uint32_t *id = sys_gbuf(a[2], 4, true, &bad);  /* kernel timer_t: int */
    if (bad || !id)
        return -EFAULT;
    if (g && (g->notify == G_SIGEV_THREAD_ID ||
              ((g->notify == G_SIGEV_SIGNAL || g->notify == G_SIGEV_THREAD) &&
               (g->signo == 32 || g->signo == 33))))
        return create_routed((clockid_t)a[0], g, id);
    return sys_host_ret(syscall(SYS_timer_create, (clockid_t)a[0], g, id));
}

int64_t sys_timer_settime(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_pass_settime(SYS_timer_settime, a);
}

int64_t sys_timer_gettime(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_pass_gettime(SYS_timer_gettime, a);
}

int64_t sys_timer_getoverrun(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_timer_getoverrun, (int)a[0]));
}

int64_t sys_timer_delete(RtThread *t, const uint64_t *a)
{
    (void)t;
    pthread_mutex_lock(&routes_mu);
    int64_t r = sys_host_ret(syscall(SYS_timer_delete, (int)a[0]));
    if (r == 0)
        del_route((int)a[0]);
    pthread_mutex_unlock(&routes_mu);
    return r;
}
