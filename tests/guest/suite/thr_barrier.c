/* pthread_barrier: 5 threads, 200 phases; in each phase every thread
 * writes its slot, then after the barrier checks all the others. */
#include <pthread.h>
#include <stdio.h>

#define THREADS 5
#define PHASES 200

static pthread_barrier_t bar;
static int slot[THREADS];
static int errors[THREADS], serial[THREADS];

static void *work(void *arg)
{
    int me = (int)(long)arg;
    for (int ph = 0; ph < PHASES; ph++) {
        slot[me] = ph * 10 + me;
        if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD)
            serial[me]++;
        for (int j = 0; j < THREADS; j++)
            if (slot[j] != ph * 10 + j)
                errors[me]++;
        pthread_barrier_wait(&bar);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    pthread_barrier_init(&bar, NULL, THREADS);
    for (long i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, work, (void *)i);
    int err = 0, ser = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        err += errors[i];
        ser += serial[i];
    }
    pthread_barrier_destroy(&bar);
    printf("errors %d serial %d (expected 0 %d)\n", err, ser, PHASES);
    return err == 0 && ser == PHASES ? 0 : 1;
}
