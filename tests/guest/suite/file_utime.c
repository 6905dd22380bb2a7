/* utimensat/futimens/utimes with fixed times, then stat's times. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

static void times(const char *p, int flags)
{
    struct stat s;
    if (fstatat(AT_FDCWD, p, &s, flags) != 0) {
        printf("%s: %s\n", p, strerror(errno));
        return;
    }
    printf("%s: atime %ld.%09ld mtime %ld.%09ld\n", p, (long)s.st_atim.tv_sec,
           s.st_atim.tv_nsec, (long)s.st_mtim.tv_sec, s.st_mtim.tv_nsec);
}

int main(void)
{
    int fd = open("f", O_CREAT | O_WRONLY, 0644);
    struct timespec ts[2] = { { 1000000000, 123456789 }, { 1234567890, 5 } };
    CHECK(utimensat(AT_FDCWD, "f", ts, 0));
    times("f", 0);
    ts[0].tv_nsec = UTIME_OMIT;
    ts[1].tv_sec = 1500000000;
    ts[1].tv_nsec = 0;
    CHECK(futimens(fd, ts));
    times("f", 0);
    struct timeval tv[2] = { { 300000000, 1 }, { 400000000, 999999 } };
    CHECK(utimes("f", tv));
    times("f", 0);
    symlink("f", "l");
    ts[0].tv_sec = 42; ts[0].tv_nsec = 0;
    ts[1].tv_sec = 43; ts[1].tv_nsec = 0;
    CHECK(utimensat(AT_FDCWD, "l", ts, AT_SYMLINK_NOFOLLOW));
    times("l", AT_SYMLINK_NOFOLLOW);
    times("f", 0);
    ts[1].tv_nsec = 1000000000;
    CHECK(utimensat(AT_FDCWD, "f", ts, 0));
    CHECK(utimensat(AT_FDCWD, "missing", ts, 0));
    struct timespec *volatile badts = (void *)8;
    CHECK(utimensat(AT_FDCWD, "f", badts, 0));
    CHECK(utimensat(AT_FDCWD, "f", NULL, 0));
    struct stat s;
    stat("f", &s);
    printf("now-ish %d\n", s.st_mtim.tv_sec > 1600000000);
    close(fd);
    return 0;
}
