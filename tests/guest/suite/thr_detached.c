/* Detached threads (never joined) report through a semaphore-free
 * counter and a condition variable; more are created than ever run at
 * once, so their resources must be released at exit. */
#include <pthread.h>
#include <stdio.h>

#define N 64

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int finished;
static long total;

static void *work(void *arg)
{
    long v = (long)arg;
    long s = 0;
    for (long i = 0; i <= v * 100; i++)
        s += i;
    pthread_mutex_lock(&mu);
    total += s;
    finished++;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    for (long i = 0; i < N; i++) {
        pthread_t t;
        if (pthread_create(&t, &a, work, (void *)i))
            return 1;
        if (i % 8 == 7) {         /* at most 8 running at once */
            pthread_mutex_lock(&mu);
            while (finished <= i)
                pthread_cond_wait(&cv, &mu);
            pthread_mutex_unlock(&mu);
        }
    }
    pthread_mutex_lock(&mu);
    while (finished < N)
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    printf("finished %d total %ld\n", finished, total);
    return 0;
}
