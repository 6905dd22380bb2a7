/* Signals and threads: pthread_kill reaches the target thread's handler;
 * a process-directed kill() that the main thread blocks is handled by the
 * thread that does not block it (even while it sleeps in read(2), which
 * fails with EINTR without SA_RESTART); a thread inherits its creator's
 * mask. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_t worker;
static volatile int in_worker = -1, hits;
static int fds[2];
static volatile int worker_inherited_block = -1;
static volatile int read_result, read_errno, read_done;
static pthread_barrier_t bar;

static void on_usr(int sig)
{
    (void)sig;
    in_worker = pthread_equal(pthread_self(), worker);
    hits++;
}

static void *work(void *arg)
{
    (void)arg;
    sigset_t cur;
    pthread_sigmask(SIG_BLOCK, NULL, &cur);
    worker_inherited_block = sigismember(&cur, SIGUSR2);
    /* take USR1 and USR2 here */
    sigset_t un;
    sigemptyset(&un);
    sigaddset(&un, SIGUSR1);
    sigaddset(&un, SIGUSR2);
    pthread_sigmask(SIG_UNBLOCK, &un, NULL);
    pthread_barrier_wait(&bar);
    char c;
    ssize_t r = read(fds[0], &c, 1);
    read_result = (int)r;
    read_errno = r < 0 ? errno : 0;
    read_done = 1;
    pthread_barrier_wait(&bar);
    return NULL;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);
    if (pipe(fds) != 0)
        return 1;
    pthread_barrier_init(&bar, NULL, 2);

    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &block, NULL);
    pthread_create(&worker, NULL, work, NULL);
    pthread_barrier_wait(&bar);
    printf("worker inherited the mask: %d\n", worker_inherited_block);

    /* the worker sleeps in read(); the main thread blocks USR2.  Sent
     * until the read ends, in case the first one came before the read. */
    while (!read_done) {
        kill(getpid(), SIGUSR2);
        usleep(10000);
    }
    pthread_barrier_wait(&bar);
    pthread_join(worker, NULL);
    printf("kill: handled %d, in worker %d, read %d %s\n", hits > 0,
           in_worker, read_result, read_errno == EINTR ? "EINTR" : "?");
    hits = 1;

    /* pthread_kill to the main thread itself, unblocked */
    pthread_sigmask(SIG_UNBLOCK, &block, NULL);
    worker = pthread_self();
    pthread_kill(pthread_self(), SIGUSR1);
    printf("pthread_kill self: hits %d, in target %d\n", hits, in_worker);
    return 0;
}
