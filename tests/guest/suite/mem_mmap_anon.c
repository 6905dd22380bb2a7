/* Anonymous mmap(2) variants: private and shared, MAP_FIXED over an
 * existing mapping, MAP_FIXED_NOREPLACE over a hole, hints, argument errors,
 * munmap, mprotect, madvise(MADV_DONTNEED) zeroing, mincore, mlock. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define PG 4096

static void show(const char *what, long r)
{
    if (r == -1)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static long ok(void *p)
{
    return p == MAP_FAILED ? -1 : 0;
}

int main(void)
{
    char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    show("anon", ok(p));
    printf("aligned %d zero %d %d\n", ((unsigned long)p & (PG - 1)) == 0,
           p[0], p[4 * PG - 1]);
    for (int i = 0; i < 4 * PG; i++)
        p[i] = (char)(i * 7);
    long sum = 0;
    for (int i = 0; i < 4 * PG; i++)
        sum += (unsigned char)p[i];
    printf("sum %ld\n", sum);

    /* MAP_FIXED over the second page: fresh zeros, neighbours kept */
    char *q = mmap(p + PG, PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("fixed same addr %d, p[PG]=%d p[PG-1]=%d p[2PG]=%d\n", q == p + PG,
           q[0], (unsigned char)p[PG - 1], (unsigned char)p[2 * PG]);

    /* MAP_FIXED_NOREPLACE over a hole works (over a mapping Linux and
     * rvtcg fail with EEXIST, qemu-riscv64 7.2 replaces it: not
     * compared here) */
    show("munmap page 3", munmap(p + 3 * PG, PG));
    q = mmap(p + 3 * PG, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE |
             MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    printf("noreplace over hole: %s %d\n", q == p + 3 * PG ? "same" : "other",
           q == MAP_FAILED ? -1 : q[5]);

    /* a hint at a free address is taken */
    char *hole = mmap(NULL, 2 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
                      -1, 0);
    munmap(hole, 2 * PG);
    q = mmap(hole, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("hint taken %d\n", q == hole);
    munmap(q, PG);

    /* argument errors */
    show("len 0", ok(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
                          -1, 0)));
    show("no type", ok(mmap(NULL, PG, PROT_READ, MAP_ANONYMOUS, -1, 0)));
    show("unaligned fixed", ok(mmap(p + 1, PG, PROT_READ,
                                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                                    -1, 0)));
    show("bad fd", ok(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 99, 0)));
    show("unaligned offset", ok(mmap(NULL, PG, PROT_READ, MAP_PRIVATE |
                                     MAP_ANONYMOUS, -1, 100)));
    show("munmap unaligned", munmap(p + 1, PG));
    show("munmap len 0", munmap(p, 0));
    show("munmap hole", munmap(p + 3 * PG, PG));
    show("munmap again", munmap(p + 3 * PG, PG));
    show("mprotect unmapped", mprotect(p + 3 * PG, PG, PROT_READ));
    show("mprotect unaligned", mprotect(p + 1, PG, PROT_READ));
    show("mprotect bad prot", mprotect(p, PG, 0x100));

    /* mprotect read-only then back; contents stay */
    show("mprotect ro", mprotect(p, 2 * PG, PROT_READ));
    printf("read after ro %d\n", (unsigned char)p[10]);
    show("mprotect rw", mprotect(p, 2 * PG, PROT_READ | PROT_WRITE));
    p[10] = 42;
    printf("write after rw %d\n", p[10]);

    /* MADV_DONTNEED zeroes private anonymous pages */
    memset(p, 0x5a, 2 * PG);
    show("madvise dontneed", madvise(p, 2 * PG, MADV_DONTNEED));
    printf("after dontneed %d %d\n", p[0], p[2 * PG - 1]);
    show("madvise unaligned", madvise(p + 1, PG, MADV_DONTNEED));
    /* (a range with a hole: Linux ENOMEM, qemu-riscv64 0; not compared) */
    show("madvise normal", madvise(p, PG, MADV_NORMAL));

    /* mincore: touched pages are resident */
    unsigned char vec[2];
    p[0] = 1;
    p[PG] = 1;
    show("mincore", mincore(p, 2 * PG, vec));
    printf("resident %d %d\n", vec[0] & 1, vec[1] & 1);
    show("mincore hole", mincore(p + 3 * PG, PG, vec));
    show("mincore unaligned", mincore(p + 1, PG, vec));
    show("mlock", mlock(p, PG));
    show("munlock", munlock(p, PG));
    show("mlock hole", mlock(p + 3 * PG, PG));
    show("msync", msync(p, PG, MS_SYNC));
    show("msync hole", msync(p + 3 * PG, PG, MS_SYNC));

    /* a shared anonymous mapping is shared with a forked child */
    int *shared = mmap(NULL, PG, PROT_READ | PROT_WRITE,
                       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int *priv = mmap(NULL, PG, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    *shared = 1;
    *priv = 1;
    pid_t pid = fork();
    if (pid == 0) {
        *shared = 2;
        *priv = 2;
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("after child: shared %d private %d\n", *shared, *priv);

    /* a large mapping, touched sparsely */
    char *big = mmap(NULL, 256 << 20, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    show("big", ok(big));
    for (long i = 0; i < (256 << 20); i += 1 << 20)
        big[i] = 1;
    show("munmap big", munmap(big, 256 << 20));
    return 0;
}
