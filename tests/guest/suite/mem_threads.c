/* Mapping calls from several threads at once: each thread maps, fills,
 * grows (mremap), protects, checks and unmaps its own memory while the
 * others do the same; malloc from all threads too.  Every thread must see
 * only its own data. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define NTHREADS 4
#define ROUNDS 300
#define PG 4096

static void *work(void *arg)
{
    long id = (long)arg, bad = 0;
    for (int r = 0; r < ROUNDS; r++) {
        size_t n = (size_t)(1 + (r + id) % 7) * PG;
        unsigned char *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            bad++;
            continue;
        }
        memset(p, (int)(id * 16 + r % 16), n);
        unsigned char *q = mremap(p, n, 2 * n, MREMAP_MAYMOVE);
        if (q == MAP_FAILED) {
            bad++;
            munmap(p, n);
            continue;
        }
        for (size_t i = 0; i < n; i += 512)
            bad += q[i] != (unsigned char)(id * 16 + r % 16);
        for (size_t i = n; i < 2 * n; i += 512)
            bad += q[i] != 0;
        mprotect(q, n, PROT_READ);
        bad += q[n - 1] != (unsigned char)(id * 16 + r % 16);
        char *m = malloc(100 + r);
        memset(m, 1, 100 + r);
        free(m);
        munmap(q, 2 * n);
    }
    return (void *)bad;
}

int main(void)
{
    pthread_t th[NTHREADS];
    for (long i = 0; i < NTHREADS; i++)
        pthread_create(&th[i], NULL, work, (void *)i);
    long bad = 0;
    for (int i = 0; i < NTHREADS; i++) {
        void *r;
        pthread_join(th[i], &r);
        bad += (long)r;
    }
    printf("%d threads x %d rounds, bad %ld\n", NTHREADS, ROUNDS, bad);
    return 0;
}
