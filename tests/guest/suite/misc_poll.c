/* poll and ppoll on pipes: nothing ready (timeout 0 and a short timeout),
 * POLLIN after a write, POLLOUT, POLLHUP after the writer closes,
 * POLLNVAL for a closed fd, negative fds ignored, ppoll with a sigmask. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static int fails;
static void *volatile bad_ptr = (void *)8;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000ll + t.tv_nsec;
}

int main(void)
{
    int p[2], q[2];
    check(pipe(p) == 0 && pipe(q) == 0, "pipes");
    struct pollfd f[3] = { { p[0], POLLIN, 0 }, { q[0], POLLIN, 0 },
                           { q[1], POLLOUT, 0 } };
    check(poll(f, 2, 0) == 0 && f[0].revents == 0, "nothing ready");
    long long t0 = now_ns();
    check(poll(f, 2, 30) == 0, "timeout");
    check(now_ns() - t0 >= 30000000, "timeout duration");
    check(poll(f, 3, 0) == 1 && f[2].revents == POLLOUT, "POLLOUT");

    check(write(q[1], "x", 1) == 1, "write");
    check(poll(f, 2, 1000) == 1, "one ready");
    check(f[0].revents == 0 && f[1].revents == POLLIN, "POLLIN on q");
    char c;
    check(read(q[0], &c, 1) == 1 && c == 'x', "read");

    close(p[1]);
    check(poll(f, 1, 1000) == 1 && (f[0].revents & POLLHUP), "POLLHUP");

    int dead = dup(q[0]);
    close(dead);
    struct pollfd g[2] = { { dead, POLLIN, 0 }, { -1, POLLIN, 5 } };
    check(poll(g, 2, 0) == 1 && g[0].revents == POLLNVAL, "POLLNVAL");
    check(g[1].revents == 0, "negative fd ignored");

    struct timespec ts = { 0, 20000000 };
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR1);
    t0 = now_ns();
    check(ppoll(&f[1], 1, &ts, &m) == 0, "ppoll timeout with mask");
    check(now_ns() - t0 >= 20000000, "ppoll duration");
    ts.tv_sec = 5;
    check(write(q[1], "y", 1) == 1 && ppoll(&f[1], 1, &ts, NULL) == 1 &&
              f[1].revents == POLLIN, "ppoll ready");
    struct timespec badts = { 0, 1000000000 };
    check(ppoll(&f[1], 1, &badts, NULL) == -1 && errno == EINVAL,
          "ppoll bad timeout EINVAL");
    check(poll(bad_ptr, 1, 0) == -1 && errno == EFAULT,
          "bad pointer EFAULT");
    return fails != 0;
}
