/* Waits interrupted by signals: nanosleep and clock_nanosleep return
 * EINTR with the time left when a handler runs; poll, ppoll, pselect and
 * epoll_pwait return EINTR; the temporary sigmask of ppoll/pselect/
 * epoll_pwait lets a pending blocked signal in, its handler runs with
 * that mask, and the old mask is back afterwards; signals that are
 * ignored or blocked do not interrupt. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int fails;
static volatile int got_alrm, got_usr1, usr2_blocked_in_handler;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

static void on_alrm(int s)
{
    (void)s;
    got_alrm++;
}

static void on_usr1(int s)
{
    (void)s;
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    usr2_blocked_in_handler = sigismember(&cur, SIGUSR2);
    got_usr1++;
}

static void alarm_in(long ms)
{
    struct itimerval v = { { 0, 0 }, { ms / 1000, ms % 1000 * 1000 } };
    setitimer(ITIMER_REAL, &v, NULL);
}

static int usr1_blocked(void)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    return sigismember(&cur, SIGUSR1);
}

/* A POSIX timer that sends SIG in MS milliseconds. */
static timer_t timer_for(int sig, long ms)
{
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = sig;
    timer_t id;
    timer_create(CLOCK_MONOTONIC, &sev, &id);
    struct itimerspec its = { { 0, 0 }, { 0, ms * 1000000 } };
    timer_settime(id, 0, &its, NULL);
    return id;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alrm;             /* no SA_RESTART */
    sigaction(SIGALRM, &sa, NULL);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);

    /* sleeps */
    alarm_in(50);
    struct timespec req = { 5, 0 }, rem = { 0, 0 };
    check(nanosleep(&req, &rem) == -1 && errno == EINTR, "nanosleep EINTR");
    check(got_alrm == 1, "handler ran");
    check(rem.tv_sec >= 1 && rem.tv_sec < 5, "time left");
    alarm_in(50);
    check(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem) == EINTR,
          "clock_nanosleep EINTR");
    check(got_alrm == 2 && rem.tv_sec >= 1 && rem.tv_sec < 5,
          "clock_nanosleep time left");

    /* an ignored signal and a blocked one do not interrupt */
    signal(SIGUSR2, SIG_IGN);
    timer_t t1 = timer_for(SIGUSR2, 20);
    struct timespec shortreq = { 0, 100000000 };
    check(nanosleep(&shortreq, NULL) == 0, "ignored signal: sleep completes");
    timer_delete(t1);
    signal(SIGUSR2, SIG_DFL);
    sigset_t b2;
    sigemptyset(&b2);
    sigaddset(&b2, SIGUSR2);
    sigprocmask(SIG_BLOCK, &b2, NULL);
    int p[2];
    pipe(p);
    struct pollfd pf = { p[0], POLLIN, 0 };
    t1 = timer_for(SIGUSR2, 20);
    check(poll(&pf, 1, 100) == 0, "blocked signal: poll times out");
    timer_delete(t1);
    sigset_t pend;
    sigpending(&pend);
    check(sigismember(&pend, SIGUSR2), "blocked signal pending");
    signal(SIGUSR2, SIG_IGN);            /* discards it */
    sigprocmask(SIG_UNBLOCK, &b2, NULL);
    signal(SIGUSR2, SIG_DFL);

    /* poll, epoll_wait interrupted */
    alarm_in(30);
    check(poll(&pf, 1, 5000) == -1 && errno == EINTR, "poll EINTR");
    int ep = epoll_create1(0);
    struct epoll_event ev = { EPOLLIN, { .u64 = 1 } }, out[2];
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    alarm_in(30);
    check(epoll_wait(ep, out, 2, 5000) == -1 && errno == EINTR,
          "epoll_wait EINTR");
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    alarm_in(30);
    check(select(p[0] + 1, &rs, NULL, NULL, NULL) == -1 && errno == EINTR,
          "select EINTR");

    /* the temporary mask: SIGUSR1 blocked and pending; the wait's mask
     * unblocks it (and blocks SIGUSR2 for the handler) */
    sigset_t b1, waitmask;
    sigemptyset(&b1);
    sigaddset(&b1, SIGUSR1);
    sigemptyset(&waitmask);
    sigaddset(&waitmask, SIGUSR2);
    const char *names[3] = { "ppoll", "pselect", "epoll_pwait" };
    for (int i = 0; i < 3; i++) {
        sigprocmask(SIG_BLOCK, &b1, NULL);
        raise(SIGUSR1);
        check(got_usr1 == i, "pending while blocked");
        int r;
        struct timespec ts = { 5, 0 };
        if (i == 0) {
            r = ppoll(&pf, 1, &ts, &waitmask);
        } else if (i == 1) {
            FD_ZERO(&rs);
            FD_SET(p[0], &rs);
            r = pselect(p[0] + 1, &rs, NULL, NULL, &ts, &waitmask);
        } else {
            r = epoll_pwait(ep, out, 2, 5000, &waitmask);
        }
        printf("[%s]\n", names[i]);
        check(r == -1 && errno == EINTR, "EINTR");
        check(got_usr1 == i + 1, "handler ran");
        check(usr2_blocked_in_handler, "handler ran with the wait's mask");
        check(usr1_blocked(), "old mask restored");
        sigprocmask(SIG_UNBLOCK, &b1, NULL);
    }

    /* ready fds win over a pending signal the mask lets in? the kernel
     * reports the fds; only check that the call returns */
    write(p[1], "x", 1);
    check(poll(&pf, 1, 0) == 1, "ready after all");
    return fails != 0;
}
