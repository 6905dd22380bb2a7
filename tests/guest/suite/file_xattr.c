/* Extended attributes (user.*), sync_file_range, FIGETBSZ.  (openat2
 * is not compared: qemu-riscv64 7.2 lacks it.) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

int main(void)
{
    int fd = open("x.txt", O_CREAT | O_RDWR, 0644);
    write(fd, "xattr test\n", 11);
    symlink("x.txt", "lnk");
    char buf[256];
    long r = setxattr("x.txt", "user.color", "blue", 4, 0);
    if (r != 0 && errno == EOPNOTSUPP) {
        printf("no user xattrs here\n");
    } else {
        printf("setxattr %ld\n", r);
        CHECK(setxattr("x.txt", "user.color", "red", 3, XATTR_CREATE));
        CHECK(setxattr("x.txt", "user.color", "green", 5, XATTR_REPLACE));
        CHECK(fsetxattr(fd, "user.size", "11", 2, 0));
        CHECK(getxattr("x.txt", "user.color", NULL, 0));
        memset(buf, 0, sizeof buf);
        CHECK(getxattr("x.txt", "user.color", buf, sizeof buf));
        printf("color %s\n", buf);
        memset(buf, 0, sizeof buf);
        CHECK(fgetxattr(fd, "user.size", buf, 1));
        CHECK(lgetxattr("lnk", "user.color", buf, sizeof buf));
        CHECK(getxattr("lnk", "user.color", buf, sizeof buf));
        CHECK(getxattr("x.txt", "user.missing", buf, sizeof buf));
        long n = listxattr("x.txt", buf, sizeof buf);
        int users = 0;
        for (long i = 0; i < n; i += strlen(buf + i) + 1)
            users += !strncmp(buf + i, "user.", 5);
        printf("list: %d user attributes\n", users);
        CHECK(flistxattr(fd, buf, 1) < 0 && errno == ERANGE);
        CHECK(removexattr("x.txt", "user.color"));
        CHECK(fremovexattr(fd, "user.color"));
        CHECK(lremovexattr("x.txt", "user.size"));
        char longname[300];
        memset(longname, 'n', sizeof longname - 1);
        longname[sizeof longname - 1] = 0;
        memcpy(longname, "user.", 5);
        CHECK(getxattr("x.txt", longname, buf, sizeof buf));
        char *volatile bad = (char *)16;
        CHECK(getxattr("x.txt", bad, buf, sizeof buf));
    }
    CHECK(sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE));
    CHECK(sync_file_range(fd, -1, 0, 0));
    int bsz = 0;
    CHECK(ioctl(fd, FIGETBSZ, &bsz));
    printf("bsz>0 %d\n", bsz > 0);
    close(fd);
    return 0;
}
