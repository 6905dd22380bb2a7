/* The auxiliary vector entries that are the same under every user-mode
 * emulator for a static riscv64 program: page size, HWCAP (rv64gc =
 * IMAFDC bits), program headers (static non-PIE: fixed addresses),
 * entry point, ids, clock ticks, AT_SECURE, and AT_RANDOM/AT_EXECFN
 * present (their values vary). */
#include <elf.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    printf("AT_PAGESZ = %lu\n", getauxval(AT_PAGESZ));
    printf("AT_HWCAP  = %#lx\n", getauxval(AT_HWCAP));
    printf("AT_PHENT  = %lu\n", getauxval(AT_PHENT));
    printf("AT_PHNUM  = %lu\n", getauxval(AT_PHNUM));
    extern char _start[];
    printf("AT_ENTRY is _start: %d\n", getauxval(AT_ENTRY) == (unsigned long)_start);
    printf("AT_PHDR   = %#lx\n", getauxval(AT_PHDR));
    printf("AT_UID matches getuid: %d\n", getauxval(AT_UID) == getuid());
    printf("AT_EUID matches geteuid: %d\n", getauxval(AT_EUID) == geteuid());
    printf("AT_GID matches getgid: %d\n", getauxval(AT_GID) == getgid());
    printf("AT_SECURE = %lu\n", getauxval(AT_SECURE));
    printf("AT_CLKTCK = %lu\n", getauxval(AT_CLKTCK));
    printf("AT_RANDOM present: %d\n", getauxval(AT_RANDOM) != 0);
    const char *fn = (const char *)getauxval(AT_EXECFN);
    printf("AT_EXECFN is argv[0]: %d\n", fn && strcmp(fn, argv[0]) == 0);
    printf("sysconf(_SC_PAGESIZE) = %ld\n", sysconf(_SC_PAGESIZE));
    return 0;
}
