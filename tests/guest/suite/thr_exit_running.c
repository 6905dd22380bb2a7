/* Threads end (pthread_exit, return) while others keep running and
 * creating more; the main thread finally leaves with pthread_exit and the
 * process ends with the last thread (status 0). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static volatile int stop;
static long spins;

static void *short_lived(void *arg)
{
    if ((long)arg & 1)
        pthread_exit((void *)((long)arg * 3));
    return (void *)((long)arg * 3);
}

static void *spinner(void *arg)
{
    (void)arg;
    long n = 0;
    while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE))
        n++;
    __atomic_store_n(&spins, n > 0, __ATOMIC_RELEASE);
    return NULL;
}

static void *last(void *arg)
{
    pthread_t sp = *(pthread_t *)arg;
    long sum = 0;
    for (long i = 0; i < 40; i++) {
        pthread_t t;
        void *r;
        pthread_create(&t, NULL, short_lived, (void *)i);
        pthread_join(t, &r);
        sum += (long)r;
    }
    __atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
    pthread_join(sp, NULL);
    printf("sum %ld spinner ran %ld\n", sum, spins);
    fflush(stdout);
    return NULL;          /* the last thread: the process ends with 0 */
}

int main(void)
{
    static pthread_t sp, l;
    pthread_create(&sp, NULL, spinner, NULL);
    pthread_create(&l, NULL, last, &sp);
    printf("main leaves\n");
    fflush(stdout);
    pthread_exit(NULL);
}
