/* epoll: several pipes, level- and edge-triggered readiness, 64-bit
 * event data returned intact (riscv64's struct epoll_event is 16 bytes,
 * x86-64's 12), EPOLLONESHOT, EPOLL_CTL_MOD/DEL, errors, epoll_pwait. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <unistd.h>

static int fails;
static void *volatile bad_ptr = (void *)8;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

#define TAG(i) (0x1234567800000000ull | (uint64_t)(i) << 8 | 0xab)

int main(void)
{
    int ep = epoll_create1(EPOLL_CLOEXEC);
    check(ep >= 0, "create");
    int p[4][2];
    for (int i = 0; i < 4; i++) {
        pipe(p[i]);
        struct epoll_event ev = { .events = EPOLLIN | (i >= 2 ? EPOLLET : 0),
                                  .data.u64 = TAG(i) };
        if (epoll_ctl(ep, EPOLL_CTL_ADD, p[i][0], &ev) != 0)
            fails++;
    }
    struct epoll_event ev = { EPOLLIN, { .u64 = 1 } };
    check(epoll_ctl(ep, EPOLL_CTL_ADD, p[0][0], &ev) == -1 && errno == EEXIST,
          "EEXIST");
    check(epoll_ctl(ep, EPOLL_CTL_DEL, p[0][1], NULL) == -1 &&
              errno == ENOENT, "ENOENT");
    check(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev) == -1 && errno == EINVAL,
          "self EINVAL");

    struct epoll_event out[8];
    check(epoll_wait(ep, out, 8, 0) == 0, "nothing ready");
    check(epoll_wait(ep, out, 8, 20) == 0, "timeout");

    write(p[1][1], "a", 1);
    write(p[3][1], "b", 1);
    int n = epoll_wait(ep, out, 8, 1000);
    check(n == 2, "two ready");
    int seen1 = 0, seen3 = 0;
    for (int i = 0; i < n; i++) {
        if (out[i].data.u64 == TAG(1) && out[i].events == EPOLLIN)
            seen1 = 1;
        if (out[i].data.u64 == TAG(3) && out[i].events == EPOLLIN)
            seen3 = 1;
    }
    check(seen1 && seen3, "data and events intact");
    /* level-triggered p[1] is still ready; edge-triggered p[3] is not */
    n = epoll_wait(ep, out, 8, 0);
    check(n == 1 && out[0].data.u64 == TAG(1), "level stays, edge does not");
    write(p[3][1], "c", 1);
    n = epoll_wait(ep, out, 8, 0);
    check(n == 2, "new data re-arms edge");

    /* maxevents 1 returns one at a time */
    check(epoll_wait(ep, out, 1, 0) == 1, "maxevents 1");

    char buf[4];
    read(p[1][0], buf, 4);
    read(p[3][0], buf, 4);
    check(epoll_wait(ep, out, 8, 0) == 0, "drained");

    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.u64 = TAG(9);
    check(epoll_ctl(ep, EPOLL_CTL_MOD, p[0][0], &ev) == 0, "MOD oneshot");
    write(p[0][1], "d", 1);
    n = epoll_wait(ep, out, 8, 1000);
    check(n == 1 && out[0].data.u64 == TAG(9), "oneshot fires");
    check(epoll_wait(ep, out, 8, 0) == 0, "oneshot disarmed");
    check(epoll_ctl(ep, EPOLL_CTL_DEL, p[0][0], NULL) == 0, "DEL");

    ev.events = EPOLLOUT;
    ev.data.u64 = TAG(7);
    check(epoll_ctl(ep, EPOLL_CTL_ADD, p[2][1], &ev) == 0, "add writer");
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR1);
    n = epoll_pwait(ep, out, 8, 1000, &m);
    check(n == 1 && out[0].events == EPOLLOUT && out[0].data.u64 == TAG(7),
          "epoll_pwait EPOLLOUT");
    close(p[2][0]);
    n = epoll_wait(ep, out, 8, 0);
    check(n == 1 && (out[0].events & EPOLLERR), "EPOLLERR reader gone");
    check(epoll_wait(ep, out, 0, 0) == -1 && errno == EINVAL,
          "maxevents 0 EINVAL");
    check(epoll_wait(ep, bad_ptr, 4, 0) == -1 && errno == EFAULT,
          "EFAULT");
    check(epoll_wait(p[0][0], out, 4, 0) == -1 && errno == EINVAL,
          "not an epoll fd");
    return fails != 0;
}
