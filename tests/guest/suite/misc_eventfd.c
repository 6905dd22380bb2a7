/* eventfd: counter semantics, EFD_SEMAPHORE, EFD_NONBLOCK EAGAIN, poll
 * readiness, overflow. */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

int main(void)
{
    int fd = eventfd(5, EFD_NONBLOCK | EFD_CLOEXEC);
    check(fd >= 0, "create");
    uint64_t v = 0;
    check(read(fd, &v, 8) == 8 && v == 5, "initial value");
    check(read(fd, &v, 8) == -1 && errno == EAGAIN, "EAGAIN when zero");
    v = 3;
    write(fd, &v, 8);
    v = 4;
    write(fd, &v, 8);
    struct pollfd p = { fd, POLLIN | POLLOUT, 0 };
    check(poll(&p, 1, 0) == 1 && p.revents == (POLLIN | POLLOUT), "poll");
    check(read(fd, &v, 8) == 8 && v == 7, "sum");
    check(read(fd, &v, 4) == -1 && errno == EINVAL, "short read EINVAL");
    v = UINT64_MAX;
    check(write(fd, &v, 8) == -1 && errno == EINVAL, "max EINVAL");
    v = UINT64_MAX - 1;
    check(write(fd, &v, 8) == 8, "fill");
    v = 1;
    check(write(fd, &v, 8) == -1 && errno == EAGAIN, "overflow EAGAIN");
    close(fd);

    fd = eventfd(3, EFD_SEMAPHORE);
    int ok = 1;
    for (int i = 0; i < 3; i++)
        ok &= read(fd, &v, 8) == 8 && v == 1;
    check(ok, "semaphore reads one at a time");
    p.fd = fd;
    p.events = POLLIN;
    check(poll(&p, 1, 0) == 0, "semaphore empty");
    eventfd_t ev;
    eventfd_write(fd, 2);
    check(eventfd_read(fd, &ev) == 0 && ev == 1, "eventfd_read");
    close(fd);
    check(eventfd(0, 0x7fff0000) == -1 && errno == EINVAL, "bad flags");
    return fails != 0;
}
