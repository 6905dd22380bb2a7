/* More of pthreads: pthread_cancel at a cancellation point with cleanup
 * handlers, detached threads signalling completion, pthread_kill with a
 * handler running in the target thread, per-thread signal masks with
 * pthread_sigmask, recursive and error-checking mutexes, timed waits
 * that time out, and pthread_exit values. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile int cleaned, got_signal_in;
static pthread_t target;
static void cleanup(void *arg) { cleaned += (int)(long)arg; }
static void *cancellable(void *arg)
{
    (void)arg;
    pthread_cleanup_push(cleanup, (void *)5);
    pthread_cleanup_push(cleanup, (void *)10);
    for (;;) pause();
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}
static void on_usr1(int sig) { (void)sig; got_signal_in = pthread_equal(pthread_self(), target) ? 1 : 2; }
static volatile int waiting;
static void *sig_target(void *arg)
{
    (void)arg;
    sigset_t set;               /* the mask is inherited from main: unblock here */
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    waiting = 1;
    while (!got_signal_in) usleep(1000);
    return NULL;
}
static pthread_mutex_t done_m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t done_c = PTHREAD_COND_INITIALIZER;
static int detached_done;
static void *detached(void *arg)
{
    pthread_mutex_lock(&done_m);
    detached_done += (int)(long)arg;
    pthread_cond_signal(&done_c);
    pthread_mutex_unlock(&done_m);
    return NULL;
}
static void *exiter(void *arg) { (void)arg; pthread_exit((void *)77); }

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, cancellable, NULL);
    usleep(20000);
    pthread_cancel(t);
    void *r;
    pthread_join(t, &r);
    printf("cancelled: %d, cleanup sum %d\n", r == PTHREAD_CANCELED, cleaned);

    signal(SIGUSR1, on_usr1);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set, NULL);    /* main blocks it; the new thread unblocks */
    pthread_create(&target, NULL, sig_target, NULL);
    while (!waiting) usleep(1000);
    pthread_kill(target, SIGUSR1);
    pthread_join(target, NULL);
    printf("signal handled in target thread: %d\n", got_signal_in);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);

    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
    for (long i = 1; i <= 4; i++) pthread_create(&t, &at, detached, (void *)i);
    pthread_mutex_lock(&done_m);
    while (detached_done < 10) pthread_cond_wait(&done_c, &done_m);
    pthread_mutex_unlock(&done_m);
    printf("detached threads done: %d\n", detached_done);

    pthread_create(&t, NULL, exiter, NULL);
    pthread_join(t, &r);
    printf("pthread_exit value %ld\n", (long)r);

    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_t rm;
    pthread_mutex_init(&rm, &ma);
    printf("recursive: %d %d %d %d\n", pthread_mutex_lock(&rm), pthread_mutex_lock(&rm),
           pthread_mutex_unlock(&rm), pthread_mutex_unlock(&rm));
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_t em;
    pthread_mutex_init(&em, &ma);
    pthread_mutex_lock(&em);
    printf("errorcheck relock: %s\n", pthread_mutex_lock(&em) == EDEADLK ? "EDEADLK" : "?");
    pthread_mutex_unlock(&em);
    printf("errorcheck unlock unowned: %s\n", pthread_mutex_unlock(&em) == EPERM ? "EPERM" : "?");

    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 30000000;
    if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    pthread_mutex_lock(&m);
    int w = pthread_cond_timedwait(&c, &m, &ts);
    pthread_mutex_unlock(&m);
    printf("timedwait: %s\n", w == ETIMEDOUT ? "ETIMEDOUT" : strerror(w));
    pthread_mutex_lock(&m);
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec = 0;
    printf("timedlock on held mutex: %s\n", pthread_mutex_timedlock(&m, &ts) == ETIMEDOUT ? "ETIMEDOUT" : "?");
    return 0;
}
