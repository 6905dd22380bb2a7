/* POSIX semaphores (futex based): a ping-pong between two threads, and a
 * counting semaphore bounding 4 workers over 6 slots of a resource. */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define ROUNDS 20000

static sem_t ping, pong, slots;
static int in_use, max_in_use;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long volley;

static void *ponger(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        sem_wait(&ping);
        volley++;
        sem_post(&pong);
    }
    return NULL;
}

static void *user(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2000; i++) {
        sem_wait(&slots);
        pthread_mutex_lock(&mu);
        if (++in_use > max_in_use)
            max_in_use = in_use;
        pthread_mutex_unlock(&mu);
        pthread_mutex_lock(&mu);
        in_use--;
        pthread_mutex_unlock(&mu);
        sem_post(&slots);
    }
    return NULL;
}

int main(void)
{
    sem_init(&ping, 0, 0);
    sem_init(&pong, 0, 0);
    sem_init(&slots, 0, 3);
    pthread_t p;
    pthread_create(&p, NULL, ponger, NULL);
    for (int i = 0; i < ROUNDS; i++) {
        volley++;
        sem_post(&ping);
        sem_wait(&pong);
    }
    pthread_join(p, NULL);
    printf("volley %ld\n", volley);

    pthread_t u[6];
    for (int i = 0; i < 6; i++)
        pthread_create(&u[i], NULL, user, NULL);
    for (int i = 0; i < 6; i++)
        pthread_join(u[i], NULL);
    int v;
    sem_getvalue(&slots, &v);
    printf("max in use <= 3: %d, final value %d\n", max_in_use <= 3, v);
    printf("trywait on empty: %d\n", sem_trywait(&ping));
    return 0;
}
