/* POSIX timers: timer_create (SIGEV_NONE, SIGEV_SIGNAL with a blocked
 * signal collected by sigwaitinfo), timer_settime/gettime/getoverrun,
 * timer_delete; errors. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

static long long ns(const struct timespec *t)
{
    return t->tv_sec * 1000000000ll + t->tv_nsec;
}

int main(void)
{
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_NONE;
    timer_t id;
    check(timer_create(CLOCK_MONOTONIC, &sev, &id) == 0, "create none");
    struct itimerspec its = { { 1, 0 }, { 5, 0 } }, old, cur;
    check(timer_gettime(id, &cur) == 0 && ns(&cur.it_value) == 0,
          "initially disarmed");
    check(timer_settime(id, 0, &its, &old) == 0, "settime");
    check(ns(&old.it_value) == 0, "old zero");
    check(timer_gettime(id, &cur) == 0, "gettime");
    check(ns(&cur.it_value) > 4000000000ll &&
              ns(&cur.it_value) <= 5000000000ll, "counts down from 5s");
    check(ns(&cur.it_interval) == 1000000000ll, "interval");
    check(timer_getoverrun(id) == 0, "no overrun");
    /* an absolute expiry in the past fires at once (SIGEV_NONE: nothing
     * delivered); with its interval it keeps running */
    struct itimerspec past = { { 0, 0 }, { 1, 0 } };
    check(timer_settime(id, TIMER_ABSTIME, &past, NULL) == 0, "abs past");
    check(timer_gettime(id, &cur) == 0 && ns(&cur.it_value) == 0,
          "expired one-shot disarmed");
    check(timer_delete(id) == 0, "delete");
    errno = 0;
    check(timer_gettime(id, &cur) == -1 && errno == EINVAL,
          "deleted: EINVAL");

    /* SIGEV_SIGNAL: a blocked SIGRTMIN+3 with the timer's value */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGRTMIN + 3);
    sigprocmask(SIG_BLOCK, &set, NULL);
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGRTMIN + 3;
    sev.sigev_value.sival_int = 4242;
    check(timer_create(CLOCK_REALTIME, &sev, &id) == 0, "create signal");
    struct itimerspec shot = { { 0, 0 }, { 0, 20000000 } };
    check(timer_settime(id, 0, &shot, NULL) == 0, "arm 20ms");
    siginfo_t si;
    int sig = sigwaitinfo(&set, &si);
    check(sig == SIGRTMIN + 3, "signal arrived");
    check(si.si_code == SI_TIMER, "si_code SI_TIMER");
    check(si.si_value.sival_int == 4242, "si_value");
    check(timer_delete(id) == 0, "delete 2");

    /* default sigevent (NULL): SIGALRM; just create and delete */
    check(timer_create(CLOCK_MONOTONIC, NULL, &id) == 0, "create NULL sev");
    check(timer_delete(id) == 0, "delete 3");
    check(timer_create(12345, NULL, &id) == -1 && errno == EINVAL,
          "bad clock EINVAL");
    return fails != 0;
}
