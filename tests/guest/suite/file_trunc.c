/* truncate/ftruncate/fallocate/fsync/fdatasync/sync/syncfs/fadvise. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

static long size(const char *p)
{
    struct stat s;
    return stat(p, &s) == 0 ? (long)s.st_size : -1;
}

int main(void)
{
    int fd = open("t.txt", O_CREAT | O_RDWR, 0644);
    CHECK(write(fd, "abcdefghijklmnopqrstuvwxyz\n", 27));
    CHECK(ftruncate(fd, 10));
    printf("size %ld\n", size("t.txt"));
    CHECK(truncate("t.txt", 5));
    printf("size %ld\n", size("t.txt"));
    CHECK(ftruncate(fd, 20));
    printf("size %ld\n", size("t.txt"));
    char buf[32];
    CHECK(pread(fd, buf, 32, 0));
    for (int i = 0; i < 20; i++)
        printf("%02x", (unsigned char)buf[i]);
    printf("\n");
    CHECK(ftruncate(fd, -1));
    CHECK(truncate("missing", 0));
    CHECK(fsync(fd));
    CHECK(fdatasync(fd));
    sync();
    CHECK(syncfs(fd));
    CHECK(posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL));
    CHECK(readahead(fd, 0, 4096));
    int r = fallocate(fd, 0, 0, 100);
    printf("fallocate ok or unsupported: %d\n", r == 0 || errno == EOPNOTSUPP);
    if (r == 0)
        printf("size %ld\n", size("t.txt"));
    r = fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 4096);
    printf("keep size: %ld\n", size("t.txt"));
    CHECK(fallocate(fd, 0, -1, 10));
    CHECK(fsync(99));
    close(fd);
    int ro = open("t.txt", O_RDONLY);
    CHECK(ftruncate(ro, 0));
    close(ro);
    return 0;
}
