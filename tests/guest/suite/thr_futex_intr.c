/* A raw FUTEX_WAIT with a relative timeout while signals arrive: ignored
 * ones (SIG_IGN) do not end it, it times out after the full time
 * (ETIMEDOUT); one with a handler ends it with EINTR even with
 * SA_RESTART (the kernel's ERESTART_RESTARTBLOCK); pthread_join
 * (a futex wait without timeout) goes on through the handled ones. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define FUTEX_WAIT_PRIVATE 0x80

static int word;
static pthread_t main_id;
static volatile int handled;

static void handler(int sig)
{
    (void)sig;
    handled++;
}

static void *pester(void *arg)
{
    int sig = (int)(long)arg;
    for (int i = 0; i < 5; i++) {
        usleep(20000);
        pthread_kill(main_id, sig);
    }
    return NULL;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static const char *err(long r, int e)
{
    return r == 0 ? "0" : e == ETIMEDOUT ? "ETIMEDOUT" : e == EINTR ? "EINTR"
                                                                   : strerror(e);
}

int main(void)
{
    main_id = pthread_self();
    signal(SIGUSR2, SIG_IGN);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &sa, NULL);

    pthread_t p;
    pthread_create(&p, NULL, pester, (void *)(long)SIGUSR2);
    struct timespec ts = { 0, 300000000 };
    double t0 = now();
    long r = syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0);
    int e = errno;
    printf("ignored signals: %s, waited the full time: %d\n", err(r, e),
           now() - t0 > 0.29);
    pthread_join(p, NULL);

    pthread_create(&p, NULL, pester, (void *)(long)SIGUSR1);
    struct timespec longer = { 10, 0 };
    r = syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &longer, NULL, 0);
    e = errno;
    printf("handled signal: %s\n", err(r, e));
    pthread_join(p, NULL);
    printf("handler ran %d times\n", handled);
    return 0;
}
