/* dup/dup2/dup3/pipe2, data through a pipe in one process, FIONREAD,
 * FIONBIO, TIOCGWINSZ on a non-terminal, close_range. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

int main(void)
{
    int p[2];
    char buf[64];
    CHECK(pipe2(p, O_CLOEXEC));
    printf("cloexec %d %d\n", fcntl(p[0], F_GETFD), fcntl(p[1], F_GETFD));
    CHECK(write(p[1], "through the pipe", 16));
    int n = -1;
    CHECK(ioctl(p[0], FIONREAD, &n));
    printf("fionread %d\n", n);
    memset(buf, 0, sizeof buf);
    CHECK(read(p[0], buf, 7));
    printf("got %s\n", buf);
    CHECK(ioctl(p[0], FIONREAD, &n));
    printf("fionread %d\n", n);
    int on = 1;
    CHECK(ioctl(p[0], FIONBIO, &on));
    printf("nonblock %d\n", !!(fcntl(p[0], F_GETFL) & O_NONBLOCK));
    CHECK(read(p[0], buf, sizeof buf));
    CHECK(read(p[0], buf, sizeof buf));
    struct winsize ws;
    CHECK(ioctl(p[0], TIOCGWINSZ, &ws));
    struct termios tio;
    CHECK(tcgetattr(p[0], &tio));
    CHECK(ioctl(99, TIOCGWINSZ, &ws));
    CHECK(ioctl(p[0], FIONREAD, (void *)8));
    CHECK(ioctl(p[0], FIOCLEX));
    CHECK(ioctl(p[0], FIONCLEX));
    printf("cloexec %d\n", fcntl(p[0], F_GETFD));

    int d = dup(p[1]);
    printf("dup cloexec %d\n", fcntl(d, F_GETFD));
    CHECK(write(d, "via dup", 7));
    CHECK(dup2(p[1], 30));
    CHECK(write(30, "+30", 3));
    CHECK(dup3(p[1], 31, O_CLOEXEC));
    printf("dup3 cloexec %d\n", fcntl(31, F_GETFD));
    CHECK(dup3(p[1], p[1], 0));
    CHECK(dup2(p[1], p[1]));
    CHECK(dup(99));
    memset(buf, 0, sizeof buf);
    CHECK(read(p[0], buf, sizeof buf));
    printf("got %s\n", buf);
    /* a large transfer */
    static char big[60000], back[60000];
    for (int i = 0; i < (int)sizeof big; i++)
        big[i] = (char)(i * 7);
    int q[2];
    pipe(q);
    long w = write(q[1], big, 30000);
    long r = 0;
    while (r < w) {
        long k = read(q[0], back + r, sizeof back - r);
        if (k <= 0)
            break;
        r += k;
    }
    printf("big %ld %ld %d\n", w, r, memcmp(big, back, 30000) == 0);
    CHECK(close(q[1]));
    CHECK(read(q[0], buf, sizeof buf));
    CHECK(syscall(SYS_close_range, 30, 31, 0));
    CHECK(fcntl(30, F_GETFD));
    CHECK(fcntl(31, F_GETFD));
    CHECK(syscall(SYS_close_range, 5, 2, 0));
    CHECK(pipe2(p, 0x12345678));
    int *volatile badp = (int *)8;
    CHECK(pipe(badp));
    return 0;
}
