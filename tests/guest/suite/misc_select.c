/* select and pselect on pipes: readable and writable sets, timeouts,
 * high fd numbers, EBADF, pselect with a sigmask. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/select.h>
#include <unistd.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

int main(void)
{
    int p[2];
    check(pipe(p) == 0, "pipe");
    int hi = dup2(p[0], 200);
    check(hi == 200, "dup2 to 200");
    fd_set r, w;
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    FD_SET(hi, &r);
    struct timeval tv = { 0, 20000 };
    check(select(hi + 1, &r, NULL, NULL, &tv) == 0, "timeout");
    check(!FD_ISSET(p[0], &r) && !FD_ISSET(hi, &r), "sets cleared");

    check(write(p[1], "abc", 3) == 3, "write");
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    FD_SET(hi, &r);
    FD_ZERO(&w);
    FD_SET(p[1], &w);
    tv.tv_sec = 5;
    int n = select(hi + 1, &r, &w, NULL, &tv);
    check(n == 3, "three ready");
    check(FD_ISSET(p[0], &r) && FD_ISSET(hi, &r) && FD_ISSET(p[1], &w),
          "bits set");
    check(select(0, NULL, NULL, NULL, &(struct timeval){ 0, 1000 }) == 0,
          "sleep via select");

    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR2);
    struct timespec ts = { 0, 10000000 };
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    check(pselect(p[0] + 1, &r, NULL, NULL, &ts, &m) == 1 &&
              FD_ISSET(p[0], &r), "pselect ready");
    char buf[8];
    check(read(p[0], buf, sizeof buf) == 3, "drain");
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    check(pselect(p[0] + 1, &r, NULL, NULL, &ts, &m) == 0, "pselect timeout");
    check(pselect(p[0] + 1, &r, NULL, NULL, &ts, NULL) == 0,
          "pselect no mask");

    close(hi);
    FD_ZERO(&r);
    FD_SET(hi, &r);
    check(select(hi + 1, &r, NULL, NULL, &tv) == -1 && errno == EBADF,
          "EBADF");
    check(select(-1, NULL, NULL, NULL, &tv) == -1 && errno == EINVAL,
          "EINVAL");
    return fails != 0;
}
