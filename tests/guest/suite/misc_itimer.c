/* Interval timers: setitimer/getitimer readback for ITIMER_REAL,
 * ITIMER_VIRTUAL, ITIMER_PROF (no signal is delivered: the timers are
 * cancelled before they expire), alarm(). */
#include <errno.h>
#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

static long long us(const struct timeval *t)
{
    return t->tv_sec * 1000000ll + t->tv_usec;
}

int main(void)
{
    int which[] = { ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF };
    const char *names[] = { "real", "virtual", "prof" };
    for (int i = 0; i < 3; i++) {
        struct itimerval v = { { 2, 500000 }, { 10, 0 } }, old, cur;
        printf("[%s]\n", names[i]);
        check(getitimer(which[i], &cur) == 0 && us(&cur.it_value) == 0,
              "initially disarmed");
        check(setitimer(which[i], &v, &old) == 0, "setitimer");
        check(us(&old.it_value) == 0 && us(&old.it_interval) == 0,
              "old value zero");
        check(getitimer(which[i], &cur) == 0, "getitimer");
        check(us(&cur.it_value) > 9000000 && us(&cur.it_value) <= 10010000,
              "value counts down from 10s");
        check(us(&cur.it_interval) == 2500000, "interval kept");
        struct itimerval zero = { { 0, 0 }, { 0, 0 } };
        check(setitimer(which[i], &zero, &old) == 0, "disarm");
        check(us(&old.it_value) > 9000000 && us(&old.it_interval) == 2500000,
              "disarm returns old");
        check(getitimer(which[i], &cur) == 0 && us(&cur.it_value) == 0 &&
                  us(&cur.it_interval) == 0, "disarmed");
    }
    struct itimerval cur;
    check(getitimer(99, &cur) == -1 && errno == EINVAL, "bad which EINVAL");
    struct itimerval badv = { { 0, 0 }, { 0, 1000000 } };
    check(setitimer(ITIMER_REAL, &badv, NULL) == -1 && errno == EINVAL,
          "bad usec EINVAL");
    check(alarm(100) == 0, "alarm first");
    unsigned left = alarm(0);
    check(left >= 99 && left <= 100, "alarm returns remaining");
    return fails != 0;
}
