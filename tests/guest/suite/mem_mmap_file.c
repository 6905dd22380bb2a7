/* File-backed mmap(2): private read and copy-on-write, shared write with
 * msync read back through read(2), offsets, mapping past the end of the
 * file, a read-only fd mapped shared writable (EACCES), mprotect on a
 * shared mapping, munmap of part of a file mapping.  The file written
 * is compared too. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PG 4096

static void show(const char *what, long r)
{
    if (r == -1)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

int main(void)
{
    int fd = open("mem_file.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
    char buf[3 * PG];
    for (int i = 0; i < 3 * PG; i++)
        buf[i] = 'a' + i % 26;
    show("write", write(fd, buf, sizeof buf));

    /* private read mapping */
    char *r = mmap(NULL, 3 * PG, PROT_READ, MAP_PRIVATE, fd, 0);
    printf("private ro: %.10s %.5s\n", r, r + 2 * PG);
    /* private writable: copy on write, the file does not change */
    char *w = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    memcpy(w, "PRIVATE", 7);
    char chk[8] = { 0 };
    pread(fd, chk, 7, 0);
    printf("cow: map %.7s file %.7s other map %.7s\n", w, chk, r);

    /* shared writable at an offset: writes reach the file */
    char *s = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PG);
    printf("shared at offset: %.6s\n", s);
    memcpy(s, "SHARED", 6);
    show("msync", msync(s, PG, MS_SYNC));
    memset(chk, 0, sizeof chk);
    pread(fd, chk, 6, PG);
    printf("file after msync: %.6s, private ro map sees %.6s\n", chk, r + PG);
    /* the file written through write(2) shows in the shared mapping */
    pwrite(fd, "XY", 2, PG + 10);
    printf("map after pwrite: %.2s\n", s + 10);

    /* unaligned offset, read-only fd mapped shared+write, bad fd */
    show("unaligned offset", mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 100)
                                 == MAP_FAILED ? -1 : 0);
    int ro = open("mem_file.dat", O_RDONLY);
    show("ro fd shared write", mmap(NULL, PG, PROT_READ | PROT_WRITE,
                                    MAP_SHARED, ro, 0) == MAP_FAILED ? -1 : 0);
    char *rs = mmap(NULL, PG, PROT_READ, MAP_SHARED, ro, 0);
    show("ro fd shared read", rs == MAP_FAILED ? -1 : 0);
    show("mprotect write on ro shared", mprotect(rs, PG, PROT_READ |
                                                  PROT_WRITE));
    show("ro fd private write", mmap(NULL, PG, PROT_READ | PROT_WRITE,
                                     MAP_PRIVATE, ro, 0) == MAP_FAILED ? -1 : 0);

    /* the last page is partly past the end of the file: zeros there */
    ftruncate(fd, 2 * PG + 100);
    char *t = mmap(NULL, 3 * PG, PROT_READ, MAP_PRIVATE, fd, 0);
    printf("tail: %c %d %d\n", t[2 * PG + 99], t[2 * PG + 100], t[3 * PG - 1]);

    /* unmap the middle page of a file mapping; the rest stays */
    show("munmap middle", munmap(w + PG, PG));
    printf("after munmap: %.7s %.3s\n", w, w + 2 * PG);

    /* a mapping survives closing the fd */
    char *c = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    memcpy(c + 20, "closed", 6);
    show("msync closed", msync(c, PG, MS_SYNC));
    show("munmap", munmap(c, PG));
    fd = open("mem_file.dat", O_RDONLY);
    memset(chk, 0, sizeof chk);
    pread(fd, chk, 6, 20);
    printf("written through closed fd's mapping: %.6s\n", chk);
    close(fd);
    close(ro);
    return 0;
}
