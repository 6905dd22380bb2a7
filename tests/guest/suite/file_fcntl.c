/* fcntl: flags, fd flags, F_DUPFD, record locks (OFD locks give
 * deterministic conflicts inside one process), flock. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

int main(void)
{
    int fd = open("lock.txt", O_CREAT | O_RDWR, 0644);
    write(fd, "0123456789", 10);
    int fl = fcntl(fd, F_GETFL);
    printf("accmode %d append %d nonblock %d\n", fl & O_ACCMODE,
           !!(fl & O_APPEND), !!(fl & O_NONBLOCK));
    CHECK(fcntl(fd, F_SETFL, fl | O_APPEND | O_NONBLOCK));
    fl = fcntl(fd, F_GETFL);
    printf("accmode %d append %d nonblock %d\n", fl & O_ACCMODE,
           !!(fl & O_APPEND), !!(fl & O_NONBLOCK));
    CHECK(fcntl(fd, F_GETFD));
    CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC));
    CHECK(fcntl(fd, F_GETFD));
    int d = fcntl(fd, F_DUPFD, 20);
    printf("dupfd %d\n", d);
    CHECK(fcntl(d, F_GETFD));
    int d2 = fcntl(fd, F_DUPFD_CLOEXEC, 20);
    printf("dupfd_cloexec %d\n", d2);
    CHECK(fcntl(d2, F_GETFD));
    CHECK(fcntl(99, F_GETFD));

    struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 5 };
    CHECK(fcntl(fd, F_SETLK, &l));
    l.l_type = F_RDLCK;
    CHECK(fcntl(fd, F_GETLK, &l));
    printf("getlk own: unlocked %d\n", l.l_type == F_UNLCK);
    l.l_type = F_UNLCK;
    CHECK(fcntl(fd, F_SETLK, &l));
    int fd2 = open("lock.txt", O_RDWR);
    struct flock o = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 4 };
    CHECK(fcntl(fd, F_OFD_SETLK, &o));
    struct flock q = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
    CHECK(fcntl(fd2, F_OFD_GETLK, &q));
    printf("ofd getlk: wr %d start %ld len %ld pid %d\n", q.l_type == F_WRLCK,
           (long)q.l_start, (long)q.l_len, q.l_pid);
    q.l_type = F_WRLCK; q.l_start = 3; q.l_len = 1; q.l_pid = 0;
    CHECK(fcntl(fd2, F_OFD_SETLK, &q));
    q.l_start = 8;
    CHECK(fcntl(fd2, F_OFD_SETLK, &q));
    o.l_type = F_UNLCK;
    CHECK(fcntl(fd, F_OFD_SETLK, &o));
    q.l_start = 3;
    CHECK(fcntl(fd2, F_OFD_SETLKW, &q));
    q.l_type = F_UNLCK;
    CHECK(fcntl(fd2, F_OFD_SETLK, &q));
    q.l_start = 8;
    CHECK(fcntl(fd2, F_OFD_SETLK, &q));
    struct flock *volatile badl = (void *)8;
    CHECK(fcntl(fd, F_SETLK, badl));
    l.l_type = F_WRLCK;
    CHECK(fcntl(fd, F_SETLKW, &l));
    l.l_type = F_UNLCK;
    CHECK(fcntl(fd, F_SETLKW, &l));

    CHECK(flock(fd, LOCK_EX));
    CHECK(flock(fd2, LOCK_EX | LOCK_NB));
    CHECK(flock(fd2, LOCK_SH | LOCK_NB));
    CHECK(flock(fd, LOCK_UN));
    CHECK(flock(fd2, LOCK_SH | LOCK_NB));
    CHECK(flock(99, LOCK_SH));
    close(fd);
    close(fd2);
    close(d);
    close(d2);
    return 0;
}
