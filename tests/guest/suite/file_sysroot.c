/* Absolute paths under -L: the sysroot's copy of a file is used when it
 * exists there (the riscv64 dynamic loader is only in the sysroot), the
 * host's otherwise; as in qemu-riscv64, only open, newfstatat, readlink
 * and statfs look in the sysroot (statx, faccessat, chdir do not). */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#define LDSO "/lib/ld-linux-riscv64-lp64d.so.1"

int main(void)
{
    int fd = open(LDSO, O_RDONLY);
    printf("open ldso: %s\n", fd >= 0 ? "ok" : strerror(errno));
    if (fd >= 0) {
        Elf64_Ehdr h;
        long n = read(fd, &h, sizeof h);
        printf("read %ld elf %d machine %d\n", n,
               memcmp(h.e_ident, ELFMAG, SELFMAG) == 0, h.e_machine);
        close(fd);
    }
    struct stat s;
    printf("stat: %d regular %d\n", stat(LDSO, &s), S_ISREG(s.st_mode));
    printf("access: %d\n", access(LDSO, R_OK));
    printf("fstatat: %d\n", fstatat(AT_FDCWD, LDSO, &s, 0));
    struct statx x;
    printf("statx: %d\n", statx(AT_FDCWD, LDSO, 0, STATX_BASIC_STATS, &x));
    struct statfs f;
    printf("statfs: %d\n", statfs(LDSO, &f));
    char buf[64];
    printf("readlink: %ld %s\n", (long)readlink(LDSO, buf, sizeof buf),
           strerror(errno));
    int top = open(".", O_RDONLY | O_DIRECTORY);
    printf("chdir: %d\n", chdir("/lib") == 0 &&
           access("ld-linux-riscv64-lp64d.so.1", F_OK) == 0);
    printf("back: %d\n", fchdir(top));
    close(top);
    printf("/dev/null: %d\n", access("/dev/null", W_OK));
    printf("missing: %d %s\n", open("/lib/no-such-file.so", O_RDONLY),
           strerror(errno));
    fd = open("here.txt", O_CREAT | O_WRONLY, 0644);
    printf("relative: %d\n", fd >= 0);
    close(fd);
    return 0;
}
