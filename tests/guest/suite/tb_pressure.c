/*
 * Code-cache pressure: many distinct functions (so many translation
 * blocks), called in changing orders, through function pointers (indirect
 * jumps: lookups from generated code) and directly (chained jumps), with
 * qsort and printf in between.  Listed with rvtcg=--code-size=16K, where
 * the cache is flushed over and over; with THREADS, that many threads run
 * it at once and every flush stops them all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef THREADS
#include <pthread.h>
#endif

#ifndef ROUNDS
#define ROUNDS 12
#endif

#define F(n)                                                              \
    static __attribute__((noinline)) unsigned long f##n(unsigned long x)  \
    {                                                                     \
        for (int i = 0; i < (n % 7) + 1; i++) {                           \
            x = x * (2 * n + 1) + (x >> (n % 13 + 1));                    \
            if (x & (1ul << (n % 17)))                                    \
                x ^= 0x9e3779b97f4a7c15ul >> (n % 5);                     \
            else                                                          \
                x += n * 12345;                                           \
        }                                                                 \
        return x;                                                         \
    }
#define F8(n) F(n##0) F(n##1) F(n##2) F(n##3) F(n##4) F(n##5) F(n##6) F(n##7)
F8(1) F8(2) F8(3) F8(4) F8(5) F8(6) F8(7) F8(8)

#define P(n) f##n,
#define P8(n) P(n##0) P(n##1) P(n##2) P(n##3) P(n##4) P(n##5) P(n##6) P(n##7)
static unsigned long (*const fns[])(unsigned long) = {
    P8(1) P8(2) P8(3) P8(4) P8(5) P8(6) P8(7) P8(8)
};
#define NFNS (sizeof fns / sizeof fns[0])

static int cmp(const void *a, const void *b)
{
    unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;
    return x < y ? -1 : x > y;
}

static unsigned long run(unsigned seed, int rounds)
{
    unsigned long acc = seed, v[32];
    char buf[128];
    for (int r = 0; r < rounds; r++) {
        for (unsigned i = 0; i < NFNS; i++)
            acc = fns[(i * 7 + r + seed) % NFNS](acc);
        acc = f10(f27(f35(f47(f52(f66(f71(f84(acc))))))));
        for (int i = 0; i < 32; i++)
            v[i] = fns[(acc >> i) % NFNS](acc + (unsigned long)i);
        qsort(v, 32, sizeof v[0], cmp);
        snprintf(buf, sizeof buf, "%lu %lx %.3f", v[0], v[31],
                 (double)(v[16] % 100000) / 7.0);
        for (char *s = buf; *s; s++)
            acc = acc * 131 + (unsigned char)*s;
    }
    return acc;
}

#ifdef THREADS
static unsigned long results[THREADS];

static void *worker(void *p)
{
    long id = (long)p;
    results[id] = run((unsigned)id * 11 + 1, ROUNDS);
    return NULL;
}
#endif

int main(void)
{
#ifdef THREADS
    pthread_t th[THREADS];
    for (long i = 0; i < THREADS; i++)
        pthread_create(&th[i], NULL, worker, (void *)i);
    for (long i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
        printf("thread %ld: %lx\n", i, results[i]);
    }
#else
    for (unsigned s = 1; s <= 3; s++)
        printf("seed %u: %lx\n", s, run(s, ROUNDS));
#endif
    return 0;
}
