/* File mappings (run with `files`): a file written through a MAP_SHARED
 * mapping and msync'ed is seen by read(); a MAP_PRIVATE mapping's writes
 * are not; mremap grows an anonymous mapping keeping its contents;
 * munmap of part of a mapping; mprotect to read-only then back; and
 * mmap beyond the end of the file reads zeros in the last page. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
    int fd = open("mapped.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    ftruncate(fd, 3 * 4096);
    char *m = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (m == MAP_FAILED) { perror("mmap"); return 1; }
    for (int i = 0; i < 3 * 4096; i++) m[i] = 'a' + i % 26;
    memcpy(m + 4096, "SHARED WRITE", 12);
    printf("msync %d\n", msync(m, 3 * 4096, MS_SYNC));
    char buf[16] = { 0 };
    pread(fd, buf, 12, 4096);
    printf("read after shared write: %s\n", buf);

    char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    memcpy(p, "private", 7);
    pread(fd, buf, 7, 0);
    buf[7] = 0;
    printf("file after private write: %s, mapping: %.7s\n", buf, p);
    munmap(p, 4096);
    printf("munmap middle page: %d\n", munmap(m + 4096, 4096));
    printf("last page still mapped: %c\n", m[2 * 4096 + 1]);
    munmap(m, 4096);
    munmap(m + 2 * 4096, 4096);

    int fd2 = open("short.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd2, "only 20 bytes here!\n", 20);
    char *s = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd2, 0);
    printf("short file mapping: %.19s, byte 100 = %d\n", s, s[100]);
    munmap(s, 4096);
    close(fd2);

    char *a = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (int i = 0; i < 8192; i++) a[i] = (char)(i * 7);
    char *b = mremap(a, 8192, 1 << 20, MREMAP_MAYMOVE);
    int ok = b != MAP_FAILED;
    for (int i = 0; ok && i < 8192; i++) ok = b[i] == (char)(i * 7);
    printf("mremap kept contents: %d, new tail zero: %d\n", ok, b[(1 << 20) - 1] == 0);
    printf("mprotect ro %d, rw %d\n", mprotect(b, 4096, PROT_READ), mprotect(b, 4096, PROT_READ | PROT_WRITE));
    b[0] = 1;
    munmap(b, 1 << 20);
    close(fd);
    return 0;
}
