/* 8 threads x 1,000,000 increments of a shared counter under a mutex:
 * the total must be exact (futex wait/wake under contention). */
#include <pthread.h>
#include <stdio.h>

#define THREADS 8
#define ITERS 1000000

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *work(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        pthread_mutex_lock(&mu);
        counter++;
        pthread_mutex_unlock(&mu);
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
    printf("counter %ld (expected %ld)\n", counter, (long)THREADS * ITERS);
    return counter == (long)THREADS * ITERS ? 0 : 1;
}
