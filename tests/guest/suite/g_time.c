/* Clocks, printing only facts that hold in every run: CLOCK_REALTIME is
 * after 2020, CLOCK_MONOTONIC never goes backwards over 1000 reads,
 * nanosleep(20 ms) takes at least 20 ms, clock_getres, time() agrees
 * with gettimeofday within a second, times/clock return sane values,
 * and an invalid clock id fails with EINVAL. */
#include <errno.h>
#include <stdio.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>

static double secs(struct timespec t) { return t.tv_sec + t.tv_nsec / 1e9; }

int main(void)
{
    struct timespec rt, a, b, res;
    clock_gettime(CLOCK_REALTIME, &rt);
    printf("realtime after 2020: %d\n", rt.tv_sec > 1577836800);
    int backwards = 0;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < 1000; i++) {
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (secs(b) < secs(a)) backwards++;
        a = b;
    }
    printf("monotonic went backwards %d times\n", backwards);
    clock_gettime(CLOCK_MONOTONIC, &a);
    struct timespec req = { 0, 20000000 };
    int r = nanosleep(&req, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("nanosleep %d, slept at least 20 ms: %d\n", r, secs(b) - secs(a) >= 0.020);
    printf("clock_getres monotonic %d, resolution <= 1 ms: %d\n", clock_getres(CLOCK_MONOTONIC, &res),
           res.tv_sec == 0 && res.tv_nsec <= 1000000);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    time_t t = time(NULL);
    printf("time vs gettimeofday within 1 s: %d\n", t - tv.tv_sec <= 1 && tv.tv_sec - t <= 1);
    struct tms tm;
    printf("times succeeded: %d, clock() >= 0: %d\n", times(&tm) != (clock_t)-1, clock() >= 0);
    errno = 0;
    printf("bad clock: %d errno %d\n", clock_gettime(12345, &a), errno);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
    printf("cpu clocks readable: %d\n", a.tv_sec >= 0 && b.tv_sec >= 0);
    return 0;
}
