/* timerfd: create, arm 10ms, blocking read of the expiration count,
 * periodic expirations, gettime, non-blocking EAGAIN, poll, disarm. */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

int main(void)
{
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    check(fd >= 0, "create");
    struct itimerspec its = { { 0, 0 }, { 0, 10000000 } }, cur;
    check(timerfd_settime(fd, 0, &its, NULL) == 0, "arm");
    uint64_t n = 0;
    check(read(fd, &n, 8) == 8 && n == 1, "read one expiration");
    check(timerfd_gettime(fd, &cur) == 0 && cur.it_value.tv_sec == 0 &&
              cur.it_value.tv_nsec == 0, "disarmed after one shot");

    struct itimerspec per = { { 0, 5000000 }, { 0, 5000000 } };
    check(timerfd_settime(fd, 0, &per, NULL) == 0, "periodic");
    struct timespec s = { 0, 30000000 };
    nanosleep(&s, NULL);
    check(read(fd, &n, 8) == 8 && n >= 2, "several expirations counted");
    check(timerfd_gettime(fd, &cur) == 0 && cur.it_interval.tv_nsec == 5000000,
          "interval kept");
    struct itimerspec zero = { { 0, 0 }, { 0, 0 } }, old;
    check(timerfd_settime(fd, 0, &zero, &old) == 0, "disarm");
    check(old.it_interval.tv_nsec == 5000000, "old interval");
    close(fd);

    fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK);
    check(fd >= 0, "create nonblock");
    check(read(fd, &n, 8) == -1 && errno == EAGAIN, "EAGAIN");
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct itimerspec abs = { { 0, 0 }, { now.tv_sec, now.tv_nsec } };
    abs.it_value.tv_nsec += 15000000;
    if (abs.it_value.tv_nsec >= 1000000000) {
        abs.it_value.tv_sec++;
        abs.it_value.tv_nsec -= 1000000000;
    }
    check(timerfd_settime(fd, TFD_TIMER_ABSTIME, &abs, NULL) == 0, "abs arm");
    struct pollfd p = { fd, POLLIN, 0 };
    check(poll(&p, 1, 5000) == 1 && (p.revents & POLLIN), "poll readable");
    check(read(fd, &n, 8) == 8 && n == 1, "read after poll");
    close(fd);
    check(timerfd_create(12345, 0) == -1 && errno == EINVAL, "bad clock");
    return fails != 0;
}
