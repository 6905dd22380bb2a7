/* An lr.w/sc.w retry loop written by hand, run by several threads on one
 * word (and lr.d/sc.d on another): no increment may be lost. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define THREADS 6
#define ITERS 200000

static int32_t w32;
static int64_t w64;

static void add32(int32_t *p, int32_t v)
{
    int32_t tmp, fail;
    __asm__ volatile("1: lr.w %0, (%2)\n"
                     "   add %0, %0, %3\n"
                     "   sc.w %1, %0, (%2)\n"
                     "   bnez %1, 1b\n"
                     : "=&r"(tmp), "=&r"(fail)
                     : "r"(p), "r"(v)
                     : "memory");
}

static void add64(int64_t *p, int64_t v)
{
    int64_t tmp, fail;
    __asm__ volatile("1: lr.d.aqrl %0, (%2)\n"
                     "   add %0, %0, %3\n"
                     "   sc.d.rl %1, %0, (%2)\n"
                     "   bnez %1, 1b\n"
                     : "=&r"(tmp), "=&r"(fail)
                     : "r"(p), "r"(v)
                     : "memory");
}

static void *work(void *arg)
{
    long k = (long)arg;
    for (int i = 0; i < ITERS; i++) {
        add32(&w32, 1);
        add64(&w64, k);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, work, (void *)(i + 1));
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    long long want64 = (long long)ITERS * (THREADS * (THREADS + 1) / 2);
    printf("w32 %d w64 %lld (expected %d %lld)\n", w32, (long long)w64,
           THREADS * ITERS, want64);
    return w32 == THREADS * ITERS && w64 == want64 ? 0 : 1;
}
