/* pthread_cancel, which glibc implements with signal 32 (SIGCANCEL, also
 * host glibc's: rvtcg queues it itself): a thread blocked in read(2)
 * (cleanup handler runs), one in sleep(3), and one spinning with
 * asynchronous cancellation are all canceled. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int fds[2];

static void cleanup(void *a)
{
    (void)a;
    printf("cleanup ran\n");
}

static void *reader(void *a)
{
    (void)a;
    char c;
    pthread_cleanup_push(cleanup, NULL);
    ssize_t r = read(fds[0], &c, 1);
    (void)r;
    pthread_cleanup_pop(0);
    return (void *)1;
}

static void *sleeper(void *a)
{
    (void)a;
    for (;;)
        sleep(10);
    return NULL;
}

static void *spinner(void *a)
{
    (void)a;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    for (;;)
        ;
    return NULL;
}

static void run(const char *what, void *(*fn)(void *))
{
    pthread_t t;
    void *r;
    pthread_create(&t, NULL, fn, NULL);
    usleep(20000);
    pthread_cancel(t);
    pthread_join(t, &r);
    printf("%s thread canceled: %d\n", what, r == PTHREAD_CANCELED);
}

int main(void)
{
    if (pipe(fds) != 0)
        return 1;
    run("read", reader);
    run("sleep", sleeper);
    run("spin", spinner);
    return 0;
}
