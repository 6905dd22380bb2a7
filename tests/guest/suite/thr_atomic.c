/* 8 threads x 1,000,000 __atomic_fetch_add (amoadd.w/.d) with no lost
 * update, plus a compare-exchange loop (lr/sc from the compiler). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define THREADS 8
#define ITERS 1000000

static int32_t c32;
static int64_t c64;
static int64_t cas_counter;

static void *work(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        __atomic_fetch_add(&c32, 1, __ATOMIC_RELAXED);
        __atomic_fetch_add(&c64, 3, __ATOMIC_SEQ_CST);
        if (i % 8 == 0) {
            int64_t old = __atomic_load_n(&cas_counter, __ATOMIC_RELAXED);
            while (!__atomic_compare_exchange_n(&cas_counter, &old, old + 1,
                                                1, __ATOMIC_ACQ_REL,
                                                __ATOMIC_RELAXED))
                ;
        }
    }
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, work, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    printf("c32 %d c64 %lld cas %lld\n", c32, (long long)c64,
           (long long)cas_counter);
    return c32 == THREADS * ITERS && c64 == 3LL * THREADS * ITERS &&
           cas_counter == THREADS * (ITERS / 8) ? 0 : 1;
}
