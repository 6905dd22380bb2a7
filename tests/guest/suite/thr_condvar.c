/* Producer/consumer over a bounded queue with a mutex and two condition
 * variables: 2 producers, 3 consumers, every item consumed exactly once. */
#include <pthread.h>
#include <stdio.h>

#define CAP 8
#define PER_PRODUCER 20000
#define PRODUCERS 2
#define CONSUMERS 3

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int q[CAP], head, len, done_producers;
static long consumed_sum[CONSUMERS], consumed_n[CONSUMERS];

static void *producer(void *arg)
{
    int base = (int)(long)arg * PER_PRODUCER;
    for (int i = 1; i <= PER_PRODUCER; i++) {
        pthread_mutex_lock(&mu);
        while (len == CAP)
            pthread_cond_wait(&not_full, &mu);
        q[(head + len++) % CAP] = base + i;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&mu);
    }
    pthread_mutex_lock(&mu);
    done_producers++;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&mu);
    return NULL;
}

static void *consumer(void *arg)
{
    int me = (int)(long)arg;
    for (;;) {
        pthread_mutex_lock(&mu);
        while (len == 0 && done_producers < PRODUCERS)
            pthread_cond_wait(&not_empty, &mu);
        if (len == 0) {
            pthread_mutex_unlock(&mu);
            return NULL;
        }
        int v = q[head];
        head = (head + 1) % CAP;
        len--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&mu);
        consumed_sum[me] += v;
        consumed_n[me]++;
    }
}

int main(void)
{
    pthread_t p[PRODUCERS], c[CONSUMERS];
    for (long i = 0; i < CONSUMERS; i++)
        pthread_create(&c[i], NULL, consumer, (void *)i);
    for (long i = 0; i < PRODUCERS; i++)
        pthread_create(&p[i], NULL, producer, (void *)i);
    for (int i = 0; i < PRODUCERS; i++)
        pthread_join(p[i], NULL);
    long n = 0, sum = 0;
    for (int i = 0; i < CONSUMERS; i++) {
        pthread_join(c[i], NULL);
        n += consumed_n[i];
        sum += consumed_sum[i];
    }
    long total = (long)PRODUCERS * PER_PRODUCER;
    printf("consumed %ld items, sum %ld (expected %ld)\n", n, sum,
           total * (total + 1) / 2);
    return n == total && sum == total * (total + 1) / 2 ? 0 : 1;
}
