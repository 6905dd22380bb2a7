/* A signal with an SA_RESTART handler sent (pthread_kill) to a thread
 * blocked in a futex wait (sem_wait): the handler runs in that thread and
 * the wait goes on (futex EINTR -> restart), three times, before the
 * semaphore is finally posted. */
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static sem_t go, handled;
static volatile int got;
static pthread_t waiter_id;
static volatile int wrong_thread;

static void handler(int sig)
{
    (void)sig;
    if (!pthread_equal(pthread_self(), waiter_id))
        wrong_thread = 1;
    got++;
    sem_post(&handled);
}

static void *waiter(void *arg)
{
    (void)arg;
    while (sem_wait(&go) != 0)
        ;
    return (void *)(long)got;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &sa, NULL);
    sem_init(&go, 0, 0);
    sem_init(&handled, 0, 0);
    pthread_create(&waiter_id, NULL, waiter, NULL);
    usleep(50000);              /* most likely blocked by now */
    for (int i = 0; i < 3; i++) {
        pthread_kill(waiter_id, SIGUSR1);
        while (sem_wait(&handled) != 0)
            ;
    }
    sem_post(&go);
    void *r;
    pthread_join(waiter_id, &r);
    printf("handler ran %ld times, in the right thread: %d\n", (long)r,
           !wrong_thread);
    return 0;
}
