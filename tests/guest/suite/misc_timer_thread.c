/* POSIX timers aimed at threads: SIGEV_THREAD callbacks (glibc runs them
 * from a helper thread woken by signal 32, SIGEV_THREAD_ID), one-shot and
 * periodic; SIGEV_THREAD_ID to a worker thread collected by sigwaitinfo;
 * SIGEV_THREAD_ID interrupting a worker's nanosleep, the handler running
 * in that worker. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid
#endif

static int fails;
static volatile int fired, ticks;
static volatile pid_t worker_tid, handler_tid;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

static void sleep_ms(long ms)
{
    struct timespec d = { ms / 1000, ms % 1000 * 1000000 };
    nanosleep(&d, NULL);
}

static void once(union sigval v)
{
    fired = v.sival_int;
}

static void tick(union sigval v)
{
    (void)v;
    __atomic_add_fetch(&ticks, 1, __ATOMIC_SEQ_CST);
}

static timer_t make(struct sigevent *sev, long first_ms, long every_ms)
{
    timer_t id;
    if (timer_create(CLOCK_MONOTONIC, sev, &id) != 0) {
        printf("timer_create errno %d\n", errno);
        return 0;
    }
    struct itimerspec its = { { every_ms / 1000, every_ms % 1000 * 1000000 },
                              { first_ms / 1000, first_ms % 1000 * 1000000 } };
    timer_settime(id, 0, &its, NULL);
    return id;
}

static void *waiter(void *arg)
{
    (void)arg;
    worker_tid = gettid();
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGRTMIN + 2);
    siginfo_t si;
    int sig = sigwaitinfo(&s, &si);
    return (void *)(long)(sig == SIGRTMIN + 2 && si.si_code == SI_TIMER &&
                          si.si_value.sival_int == 31337);
}

static void on_usr2(int s)
{
    (void)s;
    handler_tid = gettid();
}

static void *sleeper(void *arg)
{
    (void)arg;
    worker_tid = gettid();
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR2);
    pthread_sigmask(SIG_UNBLOCK, &s, NULL);
    struct timespec d = { 5, 0 };
    int r = nanosleep(&d, NULL);
    return (void *)(long)(r == -1 && errno == EINTR);
}

int main(void)
{
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_THREAD;
    sev.sigev_notify_function = once;
    sev.sigev_value.sival_int = 77;
    timer_t id = make(&sev, 20, 0);
    for (int i = 0; i < 500 && !fired; i++)
        sleep_ms(10);
    check(fired == 77, "SIGEV_THREAD callback");
    timer_delete(id);

    sev.sigev_notify_function = tick;
    id = make(&sev, 10, 10);
    for (int i = 0; i < 500 && ticks < 3; i++)
        sleep_ms(10);
    check(ticks >= 3, "periodic SIGEV_THREAD");
    timer_delete(id);

    /* SIGEV_THREAD_ID: all threads block the signal; the worker waits */
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGRTMIN + 2);
    sigaddset(&s, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &s, NULL);
    pthread_t th;
    void *res;
    worker_tid = 0;
    pthread_create(&th, NULL, waiter, NULL);
    while (!worker_tid)
        sleep_ms(1);
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_THREAD_ID;
    sev.sigev_signo = SIGRTMIN + 2;
    sev.sigev_value.sival_int = 31337;
    sev.sigev_notify_thread_id = worker_tid;
    id = make(&sev, 20, 0);
    pthread_join(th, &res);
    check(res == (void *)1, "SIGEV_THREAD_ID to a waiting thread");
    timer_delete(id);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr2;
    sigaction(SIGUSR2, &sa, NULL);
    worker_tid = 0;
    pthread_create(&th, NULL, sleeper, NULL);
    while (!worker_tid)
        sleep_ms(1);
    sleep_ms(20);
    sev.sigev_signo = SIGUSR2;
    sev.sigev_notify_thread_id = worker_tid;
    id = make(&sev, 20, 0);
    pthread_join(th, &res);
    check(res == (void *)1, "worker's nanosleep interrupted");
    check(handler_tid == worker_tid, "handler ran in the worker");
    timer_delete(id);

    sev.sigev_notify_thread_id = 1;      /* not a thread of ours */
    check(timer_create(CLOCK_MONOTONIC, &sev, &id) == -1 && errno == EINVAL,
          "foreign tid EINVAL");
    return fails != 0;
}
