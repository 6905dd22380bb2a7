/* Robust mutexes: a thread that ends while holding one leaves it to the
 * next locker with EOWNERDEAD (set_robust_list and the exit-time walk of
 * the list; glibc walks it itself where set_robust_list fails, as under
 * qemu-riscv64 7.2), a waiter blocked on it is woken, and
 * pthread_mutex_consistent makes it usable again. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t m;
static pthread_barrier_t bar;

static const char *name(int r)
{
    return r == EOWNERDEAD ? "EOWNERDEAD" :
           r == ENOTRECOVERABLE ? "ENOTRECOVERABLE" : strerror(r);
}

static void *die_holding(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    pthread_barrier_wait(&bar);
    usleep(20000);          /* let the waiter block on the futex */
    return NULL;            /* ends with the mutex held */
}

static void *waiter(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&bar);
    int r = pthread_mutex_lock(&m);
    if (r == EOWNERDEAD)
        pthread_mutex_consistent(&m);
    pthread_mutex_unlock(&m);
    return (void *)(long)r;
}

int main(void)
{
    pthread_mutexattr_t at;
    pthread_mutexattr_init(&at);
    pthread_mutexattr_setrobust(&at, PTHREAD_MUTEX_ROBUST);
    if (pthread_mutex_init(&m, &at))
        return 1;

    pthread_barrier_init(&bar, NULL, 2);
    pthread_t t;
    pthread_create(&t, NULL, die_holding, NULL);
    pthread_barrier_wait(&bar);
    pthread_join(t, NULL);
    int r = pthread_mutex_lock(&m);
    printf("after owner died: %s\n", name(r));
    pthread_mutex_consistent(&m);
    pthread_mutex_unlock(&m);
    printf("relock: %s\n", name(pthread_mutex_lock(&m)));
    pthread_mutex_unlock(&m);

    pthread_barrier_destroy(&bar);
    pthread_barrier_init(&bar, NULL, 3);
    pthread_t w;
    pthread_create(&t, NULL, die_holding, NULL);
    pthread_create(&w, NULL, waiter, NULL);
    pthread_barrier_wait(&bar);
    void *wr;
    pthread_join(t, NULL);
    pthread_join(w, &wr);
    printf("blocked waiter: %s\n", name((int)(long)wr));

    /* not made consistent: unusable afterwards */
    pthread_barrier_destroy(&bar);
    pthread_barrier_init(&bar, NULL, 2);
    pthread_create(&t, NULL, die_holding, NULL);
    pthread_barrier_wait(&bar);
    pthread_join(t, NULL);
    r = pthread_mutex_lock(&m);
    printf("owner died again: %s\n", name(r));
    pthread_mutex_unlock(&m);
    printf("without consistent: %s\n", name(pthread_mutex_lock(&m)));
    return 0;
}
