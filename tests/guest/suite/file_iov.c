/* readv/writev/preadv/pwritev/preadv2/pwritev2. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

int main(void)
{
    char a[8], b[8], c[16];
    int fd = open("iov.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    struct iovec w[3] = {
        { "alpha ", 6 }, { "", 0 }, { "beta gamma\n", 11 },
    };
    CHECK(writev(fd, w, 3));
    CHECK(pwritev(fd, w, 3, 40));
    CHECK(lseek(fd, 0, SEEK_CUR));
    struct iovec r[3] = { { a, 4 }, { b, 3 }, { c, 16 } };
    memset(a, 0, 8); memset(b, 0, 8); memset(c, 0, 16);
    CHECK(preadv(fd, r, 3, 0));
    printf("[%s][%s][%s]\n", a, b, c);
    lseek(fd, 2, SEEK_SET);
    memset(a, 0, 8); memset(b, 0, 8); memset(c, 0, 16);
    CHECK(readv(fd, r, 2));
    printf("[%s][%s]\n", a, b);
    CHECK(lseek(fd, 0, SEEK_CUR));
    CHECK(preadv2(fd, r, 1, 40, 0));
    CHECK(preadv2(fd, r, 1, -1, 0));
    CHECK(lseek(fd, 0, SEEK_CUR));
    CHECK(pwritev2(fd, w, 1, 60, 0));
    CHECK(writev(fd, w, 0));
    volatile int minus1 = -1;
    CHECK(writev(fd, w, minus1));
    volatile int many = 5000;
    CHECK(writev(fd, w, many));
    struct iovec bad[2] = { { a, 4 }, { (void *)8, 4 } };
    CHECK(writev(fd, bad, 2));
    CHECK(readv(99, r, 1));
    close(fd);
    return 0;
}
