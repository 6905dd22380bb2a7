/* File descriptor operations (run with `files`): dup/dup2/dup3 share the
 * file offset, fcntl F_GETFD/F_SETFD (FD_CLOEXEC), F_GETFL/F_SETFL with
 * O_APPEND, F_DUPFD minimum numbers, lowest-free-number allocation,
 * readv/writev, O_TRUNC, lseek SEEK_END/SEEK_CUR, and EBADF cases. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
    int fd = open("out.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    int d = dup(fd);
    write(fd, "abc", 3);
    printf("dup shares offset: %ld\n", (long)lseek(d, 0, SEEK_CUR));
    int d2 = dup2(fd, 20);
    printf("dup2 -> %d, F_GETFD %d\n", d2, fcntl(d2, F_GETFD));
    int d3 = dup3(fd, 21, O_CLOEXEC);
    printf("dup3 O_CLOEXEC -> %d, F_GETFD %d\n", d3, fcntl(d3, F_GETFD));
    printf("F_DUPFD >= 30 -> %d\n", fcntl(fd, F_DUPFD, 30));
    close(d);
    int lowest = open("out.txt", O_RDONLY);
    printf("lowest free fd reused: %d\n", lowest == d);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_APPEND);
    lseek(fd, 0, SEEK_SET);
    write(fd, "def", 3);
    printf("O_APPEND write lands at end: size %ld, flags has O_APPEND %d, accmode RDWR %d\n",
           (long)lseek(fd, 0, SEEK_END), (fcntl(fd, F_GETFL) & O_APPEND) != 0,
           (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
    struct iovec iov[3] = { { "one ", 4 }, { "two ", 4 }, { "three\n", 6 } };
    printf("writev %zd\n", writev(fd, iov, 3));
    char a[5] = { 0 }, b[5] = { 0 }, c[32] = { 0 };
    struct iovec rv[3] = { { a, 4 }, { b, 4 }, { c, 31 } };
    lseek(lowest, 0, SEEK_SET);
    printf("readv %zd: [%s][%s][%s]\n", readv(lowest, rv, 3), a, b, c);
    printf("SEEK_END-2 %ld SEEK_CUR+1 %ld\n", (long)lseek(lowest, -2, SEEK_END), (long)lseek(lowest, 1, SEEK_CUR));
    errno = 0;
    int cr = close(99), ce = errno;
    ssize_t wr = write(99, "x", 1);
    printf("close(99) %d errno %d, write(99) %zd errno %d\n", cr, ce, wr, errno);
    errno = 0;
    printf("lseek on a pipe: ");
    int p[2];
    pipe(p);
    printf("%ld errno %d\n", (long)lseek(p[0], 0, SEEK_SET), errno);
    int t = open("trunc.txt", O_CREAT | O_WRONLY, 0600);
    write(t, "long original contents", 22);
    close(t);
    t = open("trunc.txt", O_WRONLY | O_TRUNC);
    write(t, "short", 5);
    close(t);
    errno = 0;
    printf("read of a closed fd: %zd errno %d\n", read(fd + 100, c, 1), errno);
    return 0;
}
