/* mremap(2): growing in place, moving with MREMAP_MAYMOVE (contents kept,
 * the old range unmapped), MREMAP_FIXED to a chosen address (replacing
 * what is there), shrinking, a file mapping grown, argument errors. */
#define _GNU_SOURCE
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

static int mapped(void *p)
{
    unsigned char v;
    return mincore(p, PG, &v) == 0;
}

static long sum(const unsigned char *p, long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += p[i];
    return s;
}

int main(void)
{
    /* room behind: reserve 8 pages, keep 2 */
    char *p = mmap(NULL, 8 * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(p + 2 * PG, 6 * PG);
    for (int i = 0; i < 2 * PG; i++)
        p[i] = (char)i;
    char *q = mremap(p, 2 * PG, 4 * PG, 0);
    printf("grow in place: %s sum %ld new zero %d\n",
           q == p ? "same" : "moved", sum((unsigned char *)q, 2 * PG),
           q[3 * PG]);
    q[4 * PG - 1] = 1;

    /* blocked behind: without MAYMOVE ENOMEM, with it moves */
    char *block = mmap(q + 4 * PG, PG, PROT_READ,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    show("blocked grow", mremap(q, 4 * PG, 6 * PG, 0) == MAP_FAILED ? -1 : 0);
    char *m = mremap(q, 4 * PG, 16 * PG, MREMAP_MAYMOVE);
    printf("maymove: %s sum %ld tail %d old mapped %d\n",
           m == q ? "same" : "moved", sum((unsigned char *)m, 4 * PG),
           m[4 * PG - 1], mapped(q));
    memset(m + 4 * PG, 3, 12 * PG);

    /* MREMAP_FIXED onto an existing mapping replaces it */
    char *dst = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(dst, 9, 4 * PG);
    char *f = mremap(m, 16 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, dst);
    printf("fixed: at dst %d sum %ld rest mapped %d old mapped %d\n",
           f == dst, sum((unsigned char *)f, 2 * PG), mapped(dst + 2 * PG),
           mapped(m));

    /* shrinking in place */
    char *s = mremap(dst, 2 * PG, PG, 0);
    printf("shrink: same %d second page mapped %d\n", s == dst,
           mapped(dst + PG));

    /* a moved mapping grown in place, then moved again (rvtcg: several
     * host mappings behind one guest mapping) */
    char *a = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(a, 5, 2 * PG);
    char *room = mmap(NULL, 16 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
                      -1, 0);
    char *b = mremap(a, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, room);
    munmap(room + 2 * PG, 14 * PG);
    char *c = mremap(b, 2 * PG, 6 * PG, 0);
    memset(c + 2 * PG, 6, 4 * PG);
    mmap(c + 6 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
         -1, 0);
    char *d = mremap(c, 6 * PG, 10 * PG, MREMAP_MAYMOVE);
    printf("regrown and moved: in place %d moved %d sum %ld\n", c == b,
           d != c, d == MAP_FAILED ? -1 : sum((unsigned char *)d, 6 * PG));
    char *e2 = mremap(d, 10 * PG, 3 * PG, MREMAP_MAYMOVE | MREMAP_FIXED,
                      mmap(NULL, 3 * PG, PROT_NONE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    printf("moved again: sum %ld\n",
           e2 == MAP_FAILED ? -1 : sum((unsigned char *)e2, 3 * PG));

    /* errors */
    show("unaligned", mremap(s + 1, PG, 2 * PG, MREMAP_MAYMOVE)
                          == MAP_FAILED ? -1 : 0);
    show("fixed without maymove", mremap(s, PG, PG, MREMAP_FIXED, block)
                                      == MAP_FAILED ? -1 : 0);
    /* (new size 0: Linux and rvtcg EINVAL, qemu-riscv64 7.2 ENOMEM; an
     * unmapped old range: EFAULT, qemu 0; not compared) */
    show("bad flags", mremap(s, PG, PG, 0x80) == MAP_FAILED ? -1 : 0);

    /* a shared file mapping grown (moving) still maps the file */
    int fd = open("mem_mremap.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
    ftruncate(fd, 4 * PG);
    pwrite(fd, "page3", 5, 3 * PG);
    char *fm = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    mmap(fm + PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
         -1, 0);
    char *fg = mremap(fm, PG, 4 * PG, MREMAP_MAYMOVE);
    printf("file grown: %.5s\n", fg == MAP_FAILED ? "fail" : fg + 3 * PG);
    memcpy(fg + 3 * PG, "PAGE3", 5);
    msync(fg, 4 * PG, MS_SYNC);
    char chk[6] = { 0 };
    pread(fd, chk, 5, 3 * PG);
    printf("file after write: %s\n", chk);
    close(fd);
    unlink("mem_mremap.dat");
    return 0;
}
