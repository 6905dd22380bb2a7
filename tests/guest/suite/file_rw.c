/* open/creat/write/read/lseek/pread/pwrite, O_APPEND, O_EXCL, O_TRUNC:
 * files left in the working directory are compared. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

int main(void)
{
    char buf[64];
    int fd = open("data.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    printf("fd >= 3: %d\n", fd >= 3);
    CHECK(write(fd, "hello, world\n", 13));
    CHECK(lseek(fd, 0, SEEK_CUR));
    CHECK(lseek(fd, 0, SEEK_SET));
    memset(buf, 0, sizeof buf);
    CHECK(read(fd, buf, sizeof buf));
    printf("read: %s", buf);
    CHECK(read(fd, buf, sizeof buf));
    CHECK(pwrite(fd, "HELLO", 5, 0));
    CHECK(lseek(fd, 0, SEEK_CUR));
    memset(buf, 0, sizeof buf);
    CHECK(pread(fd, buf, 8, 3));
    printf("pread: %s\n", buf);
    CHECK(lseek(fd, 100, SEEK_SET));
    CHECK(write(fd, "X", 1));
    CHECK(lseek(fd, 0, SEEK_END));
    CHECK(lseek(fd, -2, SEEK_END));
    CHECK(lseek(fd, 0, SEEK_DATA));
    CHECK(lseek(fd, -200, SEEK_SET));
    CHECK(lseek(fd, 0, 17));
    CHECK(close(fd));
    CHECK(close(fd));
    CHECK(open("data.txt", O_CREAT | O_EXCL | O_WRONLY, 0600));
    CHECK(open("missing/x", O_RDONLY));
    CHECK(open("data.txt/x", O_RDONLY));
    CHECK(open(".", O_WRONLY));
    fd = open("append.txt", O_CREAT | O_WRONLY | O_APPEND, 0600);
    CHECK(write(fd, "one\n", 4));
    CHECK(lseek(fd, 0, SEEK_SET));
    CHECK(write(fd, "two\n", 4));
    CHECK(pwrite(fd, "three\n", 6, 0));
    close(fd);
    fd = open("append.txt", O_RDONLY);
    CHECK(write(fd, "x", 1));
    memset(buf, 0, sizeof buf);
    CHECK(read(fd, buf, sizeof buf));
    printf("append: %s", buf);
    close(fd);
    fd = open("trunc.txt", O_CREAT | O_WRONLY, 0640);
    CHECK(write(fd, "long contents here\n", 19));
    close(fd);
    fd = open("trunc.txt", O_WRONLY | O_TRUNC);
    CHECK(write(fd, "short\n", 6));
    close(fd);
    FILE *f = fopen("stdio.txt", "w");
    for (int i = 0; i < 1000; i++)
        fprintf(f, "line %d\n", i);
    fclose(f);
    f = fopen("stdio.txt", "r");
    int n = 0;
    while (fgets(buf, sizeof buf, f))
        n++;
    fclose(f);
    printf("lines: %d\n", n);
    CHECK(read(0, buf, 1));
    return 0;
}
