/* chmod/fchmod/fchmodat/umask/access/faccessat/chown to self. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

static void mode(const char *p)
{
    struct stat s;
    if (stat(p, &s) == 0)
        printf("%s: %o\n", p, s.st_mode & 07777);
}

int main(void)
{
    CHECK(umask(027));
    CHECK(umask(002));
    int fd = open("a", O_CREAT | O_WRONLY, 0777);
    close(fd);
    mode("a");
    CHECK(umask(077));
    fd = open("b", O_CREAT | O_WRONLY, 0666);
    mode("b");
    CHECK(fchmod(fd, 0604));
    mode("b");
    close(fd);
    CHECK(chmod("a", 0751));
    mode("a");
    CHECK(fchmodat(AT_FDCWD, "a", 0640, 0));
    mode("a");
    CHECK(chmod("missing", 0600));
    mkdir("dir", 0777);
    mode("dir");
    CHECK(chmod("dir", 01777));
    mode("dir");
    CHECK(access("a", F_OK));
    CHECK(access("a", R_OK));
    CHECK(access("missing", F_OK));
    CHECK(access("a", X_OK) == 0 || errno == EACCES);
    CHECK(faccessat(AT_FDCWD, "b", R_OK, 0));
    CHECK(faccessat(AT_FDCWD, "b", R_OK, AT_EACCESS));
    CHECK(syscall(SYS_faccessat, AT_FDCWD, "b", F_OK));
    CHECK(syscall(439 /* faccessat2 */, AT_FDCWD, "b", F_OK, AT_SYMLINK_NOFOLLOW));
    CHECK(syscall(439 /* faccessat2 */, AT_FDCWD, "b", F_OK, 0x12345));
    CHECK(chown("a", getuid(), getgid()));
    CHECK(lchown("a", -1, -1));
    fd = open("a", O_RDONLY);
    CHECK(fchown(fd, -1, getgid()));
    CHECK(fchownat(AT_FDCWD, "a", -1, -1, AT_SYMLINK_NOFOLLOW));
    close(fd);
    chmod("dir", 0755);
    return 0;
}
