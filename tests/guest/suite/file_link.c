/* symlink/readlink/link/linkat/symlinkat/readlinkat and link counts. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

int main(void)
{
    char buf[256];
    struct stat s;
    int fd = open("target.txt", O_CREAT | O_WRONLY, 0644);
    write(fd, "target\n", 7);
    close(fd);
    CHECK(symlink("target.txt", "sym"));
    CHECK(symlink("target.txt", "sym"));
    CHECK(symlink("/nonexistent/abs/path", "dangling"));
    memset(buf, 0, sizeof buf);
    CHECK(readlink("sym", buf, sizeof buf));
    printf("sym -> %s\n", buf);
    memset(buf, 0, sizeof buf);
    CHECK(readlink("dangling", buf, 5));
    printf("short -> %s\n", buf);
    CHECK(readlink("target.txt", buf, sizeof buf));
    CHECK(readlink("missing", buf, sizeof buf));
    CHECK(readlink("sym", buf, 0));
    CHECK(link("target.txt", "hard"));
    CHECK(link("target.txt", "hard"));
    CHECK(stat("target.txt", &s));
    printf("nlink %lu\n", (unsigned long)s.st_nlink);
    mkdir("d", 0755);
    int dfd = open("d", O_RDONLY | O_DIRECTORY);
    CHECK(symlinkat("../target.txt", dfd, "up"));
    CHECK(linkat(AT_FDCWD, "sym", dfd, "hardsym", 0));
    CHECK(linkat(AT_FDCWD, "sym", dfd, "hardfollow", AT_SYMLINK_FOLLOW));
    CHECK(lstat("d/hardsym", &s));
    printf("hardsym is link: %d\n", S_ISLNK(s.st_mode));
    CHECK(lstat("d/hardfollow", &s));
    printf("hardfollow is reg: %d nlink %lu\n", S_ISREG(s.st_mode), (unsigned long)s.st_nlink);
    memset(buf, 0, sizeof buf);
    CHECK(readlinkat(dfd, "up", buf, sizeof buf));
    printf("up -> %s\n", buf);
    fd = openat(dfd, "up", O_RDONLY);
    memset(buf, 0, sizeof buf);
    CHECK(read(fd, buf, sizeof buf));
    printf("through up: %s", buf);
    close(fd);
    CHECK(open("sym", O_RDONLY | O_NOFOLLOW));
    CHECK(unlink("hard"));
    CHECK(stat("target.txt", &s));
    printf("nlink %lu\n", (unsigned long)s.st_nlink);
    close(dfd);
    return 0;
}
