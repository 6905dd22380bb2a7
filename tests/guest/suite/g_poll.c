/* I/O multiplexing on pipes: poll with timeout 0 on an empty pipe, after
 * a write (POLLIN), on a closed write end (POLLHUP), select with fd sets,
 * a 50 ms poll timeout returning 0, epoll with two pipes, and
 * non-blocking reads returning EAGAIN. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

int main(void)
{
    int p[2], q[2];
    pipe(p);
    pipe(q);
    struct pollfd fds[2] = { { p[0], POLLIN, 0 }, { q[1], POLLOUT, 0 } };
    int r = poll(fds, 2, 0);
    printf("poll empty: %d revents %#x %#x\n", r, fds[0].revents, fds[1].revents);
    write(p[1], "x", 1);
    r = poll(fds, 2, 0);
    printf("poll after write: %d revents %#x %#x\n", r, fds[0].revents, fds[1].revents);
    fds[1].events = 0;
    r = poll(fds, 1, 50);
    printf("poll 50 ms with data: %d\n", r);
    char c;
    read(p[0], &c, 1);
    r = poll(fds, 1, 50);
    printf("poll 50 ms timeout: %d\n", r);

    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(q[1], &wr);
    struct timeval tv = { 0, 0 };
    r = select(q[1] + 1, &rd, &wr, NULL, &tv);
    printf("select: %d read-ready %d write-ready %d\n", r, FD_ISSET(p[0], &rd), FD_ISSET(q[1], &wr));

    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1111222233334444ull };
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    ev.data.u64 = 0x5555;
    epoll_ctl(ep, EPOLL_CTL_ADD, q[0], &ev);
    write(q[1], "yz", 2);
    struct epoll_event out[4];
    r = epoll_wait(ep, out, 4, 100);
    printf("epoll_wait: %d, data %#llx events %#x\n", r, (unsigned long long)out[0].data.u64, out[0].events);
    write(p[1], "w", 1);
    r = epoll_wait(ep, out, 4, 100);
    unsigned long long sum = 0;
    for (int i = 0; i < r; i++) sum += out[i].data.u64;
    printf("epoll_wait both: %d, data sum %#llx\n", r, sum);
    close(ep);

    close(p[1]);
    read(p[0], &c, 1);
    fds[0].events = POLLIN;
    r = poll(fds, 1, 0);
    printf("poll on closed writer: %d revents %#x\n", r, fds[0].revents);
    fcntl(q[0], F_SETFL, O_NONBLOCK);
    char buf[8];
    printf("read %zd\n", read(q[0], buf, 8));
    errno = 0;
    printf("nonblocking read of empty pipe: %zd errno %s\n", read(q[0], buf, 8),
           errno == EAGAIN ? "EAGAIN" : "other");
    return 0;
}
