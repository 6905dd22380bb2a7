/* fork in a multithreaded program: the child has only the forking
 * thread, can create threads of its own and exits normally, while the
 * parent's threads keep running. */
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int stop;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long ticks;

static void *ticker(void *arg)
{
    (void)arg;
    while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE)) {
        pthread_mutex_lock(&mu);
        ticks++;
        pthread_mutex_unlock(&mu);
    }
    return NULL;
}

static void *child_work(void *arg)
{
    return (void *)((long)arg + 1);
}

static void *forker(void *arg)
{
    (void)arg;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        /* the mutex may have been held by a ticker at the fork: glibc
         * leaves that to the program; use fresh state only */
        pthread_t t;
        void *r;
        pthread_create(&t, NULL, child_work, (void *)41);
        pthread_join(t, &r);
        printf("child: thread returned %ld\n", (long)r);
        fflush(stdout);
        _exit(5);
    }
    int st;
    waitpid(pid, &st, 0);
    return (void *)(long)WEXITSTATUS(st);
}

int main(void)
{
    pthread_t tk[2], f;
    for (int i = 0; i < 2; i++)
        pthread_create(&tk[i], NULL, ticker, NULL);
    void *r;
    pthread_create(&f, NULL, forker, NULL);
    pthread_join(f, &r);
    printf("parent: child exited %ld\n", (long)r);
    /* and the main thread forks too */
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        printf("child 2 alone\n");
        return 3;
    }
    int st;
    waitpid(pid, &st, 0);
    printf("parent: child 2 exited %d\n", WEXITSTATUS(st));
    __atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
    for (int i = 0; i < 2; i++)
        pthread_join(tk[i], NULL);
    printf("tickers stopped, ticked %d\n", ticks > 0);
    return 0;
}
