/* Waits in threads: a thread blocked in epoll_wait wakes when another
 * thread writes to the pipe; a thread blocked in poll is interrupted by
 * pthread_kill (its handler runs, poll returns EINTR) while the main
 * thread blocks the signal; a thread blocked in accept gets its client. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static int fails;
static int p[2];
static volatile int handled;
static volatile pid_t handler_tid;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

static void on_usr1(int s)
{
    (void)s;
    handled++;
    handler_tid = gettid();
}

static void *epoll_waiter(void *arg)
{
    (void)arg;
    int ep = epoll_create1(0);
    struct epoll_event ev = { EPOLLIN, { .u64 = 0xfeedface12345678ull } };
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    struct epoll_event out;
    int n = epoll_wait(ep, &out, 1, 10000);
    return (void *)(long)(n == 1 && out.data.u64 == 0xfeedface12345678ull);
}

static volatile pid_t poller_tid;

static void *poller(void *arg)
{
    (void)arg;
    poller_tid = gettid();
    int q[2];
    pipe(q);
    struct pollfd f = { q[0], POLLIN, 0 };
    int r = poll(&f, 1, 10000);
    return (void *)(long)(r == -1 && errno == EINTR);
}

static struct sockaddr_un addr = { .sun_family = AF_UNIX };
static socklen_t alen;
static int srv;

static void *acceptor(void *arg)
{
    (void)arg;
    int c = accept(srv, NULL, NULL);
    char b[4] = { 0 };
    return (void *)(long)(c >= 0 && read(c, b, 3) == 3 && !strcmp(b, "hey"));
}

int main(void)
{
    pipe(p);
    pthread_t t;
    void *res;
    pthread_create(&t, NULL, epoll_waiter, NULL);
    struct timespec d = { 0, 50000000 };
    nanosleep(&d, NULL);
    write(p[1], "x", 1);
    pthread_join(t, &res);
    check(res == (void *)1, "epoll_wait woken by another thread");

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t b;
    sigemptyset(&b);
    sigaddset(&b, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &b, NULL);
    sigset_t none;
    sigemptyset(&none);
    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setsigmask_np(&at, &none);
    pthread_create(&t, &at, poller, NULL);
    nanosleep(&d, NULL);
    pthread_kill(t, SIGUSR1);
    pthread_join(t, &res);
    check(res == (void *)1, "poll in thread EINTR");
    check(handled == 1 && handler_tid == poller_tid, "handler ran in it");

    int nl = snprintf(addr.sun_path + 1, sizeof addr.sun_path - 1,
                      "rvtcg-misc-tw-%d", (int)getpid());
    alen = sizeof(sa_family_t) + 1 + nl;
    srv = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(srv, (struct sockaddr *)&addr, alen);
    listen(srv, 1);
    pthread_create(&t, NULL, acceptor, NULL);
    nanosleep(&d, NULL);
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    check(connect(c, (struct sockaddr *)&addr, alen) == 0 &&
              write(c, "hey", 3) == 3, "client");
    pthread_join(t, &res);
    check(res == (void *)1, "accept in thread");
    return fails != 0;
}
