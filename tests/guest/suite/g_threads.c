/* 8 threads x 1,000,000 atomic increments of a shared counter (amoadd),
 * plus a per-thread result returned through pthread_join and
 * thread-local storage that each thread sees separately. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

enum { THREADS = 8, ITER = 1000000 };
static atomic_long counter;
static __thread long tls_count = 100;

static void *work(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < ITER; i++) {
        atomic_fetch_add_explicit(&counter, 1, memory_order_relaxed);
        tls_count++;
    }
    return (void *)(tls_count + id);
}

int main(void)
{
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++)
        if (pthread_create(&t[i], NULL, work, (void *)i) != 0) {
            printf("pthread_create failed\n");
            return 1;
        }
    long sum = 0;
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        sum += (long)r;
    }
    printf("counter = %ld (expected %ld)\n", (long)counter, (long)THREADS * ITER);
    printf("sum of thread results = %ld, main tls = %ld\n", sum, tls_count);
    return counter == (long)THREADS * ITER ? 0 : 1;
}
