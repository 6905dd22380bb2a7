/* Bad guest pointers give EFAULT (never a crash of the emulator), and a
 * buffer that ends in unmapped memory gives a short transfer. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

static const char rodata[64] = "read-only";

int main(void)
{
    void *volatile badv = (void *)16;
    void *bad = badv;
    int fd = open("f", O_CREAT | O_RDWR, 0644);
    char page[8192];
    memset(page, 'z', sizeof page);
    write(fd, page, sizeof page);
    lseek(fd, 0, SEEK_SET);
    CHECK(read(fd, bad, 10));
    CHECK(read(fd, (void *)rodata, 10));
    CHECK(read(-1, bad, 10));
    CHECK(write(fd, bad, 10));
    CHECK(write(-1, bad, 10));
    CHECK(write(fd, bad, 0));
    CHECK(pread(fd, bad, 10, 0));
    CHECK(pwrite(fd, bad, 10, 0));
    CHECK(syscall(SYS_openat, AT_FDCWD, bad, O_RDONLY));
    CHECK(syscall(SYS_openat, AT_FDCWD, NULL, O_RDONLY));
    CHECK(syscall(SYS_newfstatat, AT_FDCWD, "f", bad, 0));
    CHECK(syscall(SYS_fstat, fd, bad));
    CHECK(syscall(SYS_statx, AT_FDCWD, "f", 0, 0x7ff, bad));
    CHECK(syscall(SYS_readlinkat, AT_FDCWD, bad, page, 10));
    CHECK(syscall(SYS_mkdirat, AT_FDCWD, bad, 0755));
    CHECK(syscall(SYS_unlinkat, AT_FDCWD, bad, 0));
    CHECK(syscall(SYS_faccessat, AT_FDCWD, bad, 0));
    CHECK(syscall(SYS_statfs, "f", bad));
    CHECK(syscall(SYS_fstatfs, fd, bad));
    CHECK(syscall(SYS_getdents64, fd, bad, 100));
    CHECK(syscall(SYS_pipe2, bad, 0));
    CHECK(syscall(SYS_fcntl, fd, F_GETLK, bad));
    CHECK(syscall(SYS_readv, fd, bad, 2));
    CHECK(syscall(SYS_writev, fd, bad, 2));
    struct iovec v[2] = { { page, 4 }, { bad, 4 } };
    CHECK(writev(fd, v, 2));
    char longpath[5000];
    memset(longpath, 'a', sizeof longpath - 1);
    longpath[sizeof longpath - 1] = 0;
    CHECK(open(longpath, O_RDONLY));
    CHECK(syscall(SYS_chdir, bad));
    CHECK(syscall(SYS_truncate, bad, 0));
    CHECK(syscall(SYS_symlinkat, bad, AT_FDCWD, "x"));
    CHECK(syscall(SYS_renameat2, AT_FDCWD, "f", AT_FDCWD, bad, 0));

    /* a buffer whose second page is unmapped */
    char *two = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (two != MAP_FAILED && munmap(two + 4096, 4096) == 0) {
        lseek(fd, 0, SEEK_SET);
        CHECK(read(fd, two + 4000, 200));
        CHECK(lseek(fd, 0, SEEK_CUR));
        memset(two, 'q', 4096);
        CHECK(write(fd, two + 4090, 100));
        munmap(two, 4096);
    }
    close(fd);
    printf("survived\n");
    return 0;
}
