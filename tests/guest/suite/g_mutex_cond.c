/* Mutex and condition variables: a bounded queue with 3 producers and 3
 * consumers moving 30000 items, a barrier, a rwlock, pthread_once, and a
 * non-atomic counter protected by a mutex; results are sums, so they are
 * independent of scheduling. */
#include <pthread.h>
#include <stdio.h>

enum { CAP = 16, PER = 10000, NP = 3, NC = 3 };
static int q[CAP], head, tail, count;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static long consumed_sum[NC];
static int done_producers;
static pthread_barrier_t bar;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long shared, once_calls;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_once(void) { once_calls++; }

static void *producer(void *arg)
{
    long id = (long)arg;
    pthread_once(&once, init_once);
    pthread_barrier_wait(&bar);
    for (int i = 1; i <= PER; i++) {
        pthread_mutex_lock(&m);
        while (count == CAP) pthread_cond_wait(&not_full, &m);
        q[tail] = (int)(id * PER + i);
        tail = (tail + 1) % CAP;
        count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&m);
    }
    pthread_mutex_lock(&m);
    done_producers++;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&m);
    return NULL;
}

static void *consumer(void *arg)
{
    long id = (long)arg;
    pthread_once(&once, init_once);
    pthread_barrier_wait(&bar);
    for (;;) {
        pthread_mutex_lock(&m);
        while (count == 0 && done_producers < NP) pthread_cond_wait(&not_empty, &m);
        if (count == 0) { pthread_mutex_unlock(&m); break; }
        int v = q[head];
        head = (head + 1) % CAP;
        count--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&m);
        consumed_sum[id] += v;
        pthread_rwlock_wrlock(&rw);
        shared++;
        pthread_rwlock_unlock(&rw);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NP + NC];
    pthread_barrier_init(&bar, NULL, NP + NC);
    for (long i = 0; i < NP; i++) pthread_create(&t[i], NULL, producer, (void *)i);
    for (long i = 0; i < NC; i++) pthread_create(&t[NP + i], NULL, consumer, (void *)i);
    for (int i = 0; i < NP + NC; i++) pthread_join(t[i], NULL);
    long total = 0;
    for (int i = 0; i < NC; i++) total += consumed_sum[i];
    long n = (long)NP * PER;
    printf("consumed sum %ld (expected %ld), items %ld, once %ld\n", total, n * (n + 1) / 2,
           shared, once_calls);
    pthread_rwlock_rdlock(&rw);
    int r = pthread_rwlock_trywrlock(&rw);
    printf("trywrlock under a read lock: %s\n", r ? "busy" : "acquired");
    pthread_rwlock_unlock(&rw);
    r = pthread_mutex_trylock(&m);
    printf("trylock free mutex: %d, again: %d\n", r, pthread_mutex_trylock(&m) != 0);
    pthread_mutex_unlock(&m);
    return 0;
}
