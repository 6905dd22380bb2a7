/* memfd_create, seals, fstat of a memfd, mmap of it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

int main(void)
{
    int fd = memfd_create("guest-memfd", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    printf("fd ok %d cloexec %d\n", fd >= 3, fcntl(fd, F_GETFD));
    CHECK(write(fd, "memfd contents\n", 15));
    struct stat s;
    CHECK(fstat(fd, &s));
    printf("reg %d size %ld mode %o\n", S_ISREG(s.st_mode), (long)s.st_size, s.st_mode & 0777);
    CHECK(ftruncate(fd, 4096));
    char *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    printf("mmap ok %d: %.14s\n", m != MAP_FAILED, m);
    memcpy(m, "MEMFD", 5);
    char buf[32];
    memset(buf, 0, sizeof buf);
    CHECK(pread(fd, buf, 15, 0));
    printf("%s", buf);
    munmap(m, 4096);
    CHECK(fcntl(fd, F_GET_SEALS));
    CHECK(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK));
    CHECK(fcntl(fd, F_GET_SEALS));
    CHECK(ftruncate(fd, 10));
    CHECK(pwrite(fd, "x", 1, 8192));
    CHECK(pwrite(fd, "y", 1, 0));
    int fd2 = memfd_create("plain", 0);
    CHECK(fcntl(fd2, F_ADD_SEALS, F_SEAL_WRITE));
    CHECK(memfd_create("x", 0x1000));
    char longname[300];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    CHECK(memfd_create(longname, 0));
    CHECK(memfd_create((char *)8, 0));
    close(fd);
    close(fd2);
    return 0;
}
