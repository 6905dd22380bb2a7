/* pthread_cancel (SIGCANCEL, a guest signal handler that unwinds): a
 * thread blocked in pthread_cond_wait (a futex wait interrupted by the
 * signal), one in a pthread_testcancel loop, asynchronous cancellation of
 * a busy loop; cleanup handlers run, join sees PTHREAD_CANCELED. */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;
static volatile long sink;

static void cleanup(void *arg)
{
    printf("cleanup %s\n", (const char *)arg);
    if (arg == (void *)"condwait")
        pthread_mutex_unlock(&mu);
}

static void mark_ready(void)
{
    pthread_mutex_lock(&mu);
    ready++;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
}

static void *condwaiter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    pthread_cleanup_push(cleanup, "condwait");
    ready++;
    pthread_cond_broadcast(&cv);
    for (;;)
        pthread_cond_wait(&cv, &mu);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *tester(void *arg)
{
    (void)arg;
    pthread_cleanup_push(cleanup, "testcancel");
    mark_ready();
    for (;;) {
        sink++;
        pthread_testcancel();
    }
    pthread_cleanup_pop(0);
    return NULL;
}

static void *busy(void *arg)
{
    (void)arg;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    mark_ready();
    for (;;)
        sink++;
    return NULL;
}

static void wait_ready(int n)
{
    pthread_mutex_lock(&mu);
    while (ready < n)
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
}

int main(void)
{
    void *(*fn[3])(void *) = { condwaiter, tester, busy };
    for (int i = 0; i < 3; i++) {
        pthread_t t;
        void *r;
        pthread_create(&t, NULL, fn[i], NULL);
        wait_ready(i + 1);
        pthread_cancel(t);
        pthread_join(t, &r);
        printf("thread %d canceled: %d\n", i, r == PTHREAD_CANCELED);
        fflush(stdout);
    }
    return 0;
}
