/* realloc growth and shrinking keeps the contents: a buffer grown byte by
 * byte to 2 MiB (moving between brk and mmap), shrunk back, realloc(NULL)
 * and realloc to 0; reallocarray overflow check. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    unsigned char *b = NULL;
    size_t n = 0;
    int bad = 0;
    for (size_t target = 1; target <= 2u << 20; target = target * 3 / 2 + 1) {
        b = realloc(b, target);
        for (size_t i = 0; i < n; i++)
            bad += b[i] != (unsigned char)(i * 13);
        for (size_t i = n; i < target; i++)
            b[i] = (unsigned char)(i * 13);
        n = target;
    }
    printf("grew to %zu bytes, bad %d\n", n, bad);
    while (n > 10) {
        n /= 3;
        b = realloc(b, n);
        for (size_t i = 0; i < n; i++)
            bad += b[i] != (unsigned char)(i * 13);
    }
    printf("shrunk to %zu bytes, bad %d\n", n, bad);
    free(b);
    int *q = realloc(NULL, 40);
    q[9] = 5;
    printf("realloc(NULL) usable: %d\n", q[9]);
    free(q);
    errno = 0;
    volatile size_t big = (size_t)1 << 40;
    void *r = reallocarray(NULL, big, big);
    printf("reallocarray overflow: %s errno %d\n", r ? "non-NULL" : "NULL", errno);
    return bad;
}
