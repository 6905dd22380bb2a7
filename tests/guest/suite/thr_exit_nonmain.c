/* exit() from a thread other than main ends the whole process with that
 * status, atexit handlers run once, while main is blocked in join. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void bye(void)
{
    printf("atexit handler\n");
}

static void *quitter(void *arg)
{
    (void)arg;
    printf("thread calls exit(42)\n");
    exit(42);
}

static void *sleeper(void *arg)
{
    (void)arg;
    for (;;)
        pthread_cond_wait(&(pthread_cond_t)PTHREAD_COND_INITIALIZER,
                          &(pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER);
    return NULL;
}

int main(void)
{
    atexit(bye);
    pthread_t s, q;
    pthread_create(&s, NULL, sleeper, NULL);
    pthread_create(&q, NULL, quitter, NULL);
    pthread_join(s, NULL);
    printf("not reached\n");
    return 0;
}
