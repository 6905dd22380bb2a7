/* A dynamically linked program's memory: the dynamic loader maps libc
 * (mmap of a file with several protections, mprotect for RELRO), then
 * malloc's large blocks come from mmap, realloc of them uses mremap,
 * posix_memalign, calloc of fresh (zero) pages, and free (munmap). */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long sum(const unsigned char *p, size_t n)
{
    unsigned long s = 0;
    for (size_t i = 0; i < n; i++)
        s += p[i];
    return s;
}

int main(void)
{
    size_t n = 1 << 20;
    unsigned char *a = malloc(n);
    for (size_t i = 0; i < n; i++)
        a[i] = (unsigned char)(i * 13);
    unsigned long s = sum(a, n);
    for (int k = 0; k < 6; k++) {
        n *= 2;
        a = realloc(a, n);
        memset(a + n / 2, 1, n / 2);
        s += n / 2;
        printf("realloc %zu KiB: %s\n", n >> 10,
               sum(a, n) == s ? "contents kept" : "CHANGED");
    }
    n /= 16;
    a = realloc(a, n);
    printf("shrunk to %zu KiB, first bytes %d %d\n", n >> 10, a[1], a[2]);
    free(a);

    void *al = NULL;
    int r = posix_memalign(&al, 1 << 16, 3 << 20);
    printf("posix_memalign %d aligned %d\n", r,
           ((uintptr_t)al & 0xffff) == 0);
    free(al);

    unsigned char *c = calloc(4 << 20, 1);
    printf("calloc zero %d\n", sum(c, 4 << 20) == 0);
    free(c);

    /* many blocks of varying sizes around the mmap threshold */
    void *blocks[64];
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 64; i++) {
            size_t sz = (size_t)(i + 1) * 9000 + round;
            blocks[i] = malloc(sz);
            memset(blocks[i], i, sz);
        }
        int ok = 1;
        for (int i = 0; i < 64; i++) {
            ok &= ((unsigned char *)blocks[i])[(i + 1) * 9000 - 1] == i;
            free(blocks[i]);
        }
        printf("round %d ok %d\n", round, ok);
    }
    return 0;
}
