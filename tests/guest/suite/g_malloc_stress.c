/* malloc stress: many sizes from 1 byte to 1 MiB (brk and mmap paths),
 * contents checked after other allocations, frees in several orders,
 * calloc zeroing, memalign/posix_memalign alignment. */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long seed = 99;
static unsigned rnd(void)
{
    seed = seed * 6364136223846793005ul + 1442695040888963407ul;
    return (unsigned)(seed >> 33);
}

enum { N = 3000 };
static unsigned char *p[N];
static size_t sz[N];

static void fill(int i)
{
    for (size_t k = 0; k < sz[i]; k += 1 + sz[i] / 64)
        p[i][k] = (unsigned char)(i + k);
}
static int check(int i)
{
    for (size_t k = 0; k < sz[i]; k += 1 + sz[i] / 64)
        if (p[i][k] != (unsigned char)(i + k))
            return 0;
    return 1;
}

int main(void)
{
    int bad = 0;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < N; i++) {
            unsigned r = rnd();
            sz[i] = (r % 16 == 0) ? 100000 + r % 1000000 : 1 + r % (round ? 2000 : 200);
            p[i] = malloc(sz[i]);
            if (!p[i]) {
                printf("malloc(%zu) failed\n", sz[i]);
                return 1;
            }
            fill(i);
        }
        for (int i = 0; i < N; i++)
            bad += !check(i);
        if (round == 0)
            for (int i = 0; i < N; i++) free(p[i]);
        else if (round == 1)
            for (int i = N - 1; i >= 0; i--) free(p[i]);
        else {
            for (int i = 0; i < N; i += 2) free(p[i]);
            for (int i = 1; i < N; i += 2) free(p[i]);
        }
        printf("round %d done, bad blocks %d\n", round, bad);
    }
    for (int i = 0; i < 200; i++) {
        size_t n = 1 + rnd() % 5000;
        unsigned char *c = calloc(n, 3);
        for (size_t k = 0; k < n * 3; k++)
            bad += c[k] != 0;
        memset(c, 0xff, n * 3);
        free(c);
    }
    printf("calloc zeroing bad %d\n", bad);
    int misaligned = 0;
    for (size_t al = 8; al <= 65536; al *= 2) {
        void *m;
        if (posix_memalign(&m, al, 100 + al) != 0)
            return 1;
        misaligned += ((uintptr_t)m % al) != 0;
        void *m2 = memalign(al, 33);
        misaligned += ((uintptr_t)m2 % al) != 0;
        void *m3 = aligned_alloc(al, al * 2);
        misaligned += ((uintptr_t)m3 % al) != 0;
        free(m);
        free(m2);
        free(m3);
    }
    printf("misaligned %d\n", misaligned);
    printf("malloc(0) is %s\n", malloc(0) ? "unique pointer" : "NULL");
    void *huge = malloc((size_t)1 << 62);
    printf("malloc(2^62) is %s\n", huge ? "non-NULL" : "NULL");
    return bad != 0;
}
