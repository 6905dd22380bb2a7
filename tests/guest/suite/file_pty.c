/* Terminal ioctls on a pseudo-terminal: TIOCGPTN/TIOCSPTLCK (ptsname,
 * unlockpt), TCGETS/TCSETS (tcgetattr/tcsetattr), TIOCSWINSZ/TIOCGWINSZ,
 * FIONREAD, TCFLSH, TIOCGPGRP on a terminal that is not ours. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

int main(void)
{
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) {
        printf("no ptys: %s\n", strerror(errno));
        return 0;
    }
    CHECK(grantpt(m));
    CHECK(unlockpt(m));
    const char *name = ptsname(m);
    printf("ptsname ok %d\n", name && !strncmp(name, "/dev/pts/", 9));
    int s = open(name, O_RDWR | O_NOCTTY);
    printf("slave ok %d isatty %d %d\n", s >= 0, isatty(s), isatty(m));
    struct termios t;
    CHECK(tcgetattr(s, &t));
    printf("icanon %d echo %d\n", !!(t.c_lflag & ICANON), !!(t.c_lflag & ECHO));
    cfmakeraw(&t);
    cfsetspeed(&t, B38400);
    CHECK(tcsetattr(s, TCSANOW, &t));
    memset(&t, 0, sizeof t);
    CHECK(tcgetattr(s, &t));
    printf("icanon %d echo %d speed %d vmin %d\n", !!(t.c_lflag & ICANON),
           !!(t.c_lflag & ECHO), cfgetospeed(&t) == B38400, t.c_cc[VMIN]);
    struct winsize w = { .ws_row = 33, .ws_col = 101 };
    CHECK(ioctl(m, TIOCSWINSZ, &w));
    memset(&w, 0, sizeof w);
    CHECK(ioctl(s, TIOCGWINSZ, &w));
    printf("winsize %d x %d\n", w.ws_row, w.ws_col);
    CHECK(write(m, "raw input", 9));
    usleep(100000);
    int n = -1;
    CHECK(ioctl(s, FIONREAD, &n));
    printf("fionread %d\n", n);
    char buf[32] = { 0 };
    CHECK(read(s, buf, sizeof buf - 1));
    printf("slave read: %s\n", buf);
    CHECK(write(m, "flushed", 7));
    usleep(100000);
    CHECK(tcflush(s, TCIFLUSH));
    CHECK(ioctl(s, FIONREAD, &n));
    printf("fionread %d\n", n);
    pid_t pg;
    CHECK(ioctl(s, TIOCGPGRP, &pg));
    CHECK(tcsetattr(s, TCSADRAIN, &t));
    CHECK(tcdrain(s));
    close(s);
    close(m);
    return 0;
}
