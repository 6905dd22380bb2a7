/* Real-time signals queue (man 7 signal): several sigqueue()s of one
 * blocked real-time signal are all delivered after unblocking, in order,
 * each with its value; sigtimedwait takes them one by one; a lower
 * real-time signal goes first; standard signals still merge. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile int n;
static int got[16];

static void on_rt(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got[n++] = (sig - SIGRTMIN) * 100 + si->si_value.sival_int;
}

static void show(const char *what)
{
    printf("%s:", what);
    for (int i = 0; i < n; i++)
        printf(" %d", got[i]);
    printf("\n");
    n = 0;
}

static void send(int sig, int v)
{
    union sigval val = { .sival_int = v };
    sigqueue(getpid(), sig, val);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_rt;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGRTMIN, &sa, NULL);
    sigaction(SIGRTMIN + 1, &sa, NULL);
    sigaction(SIGUSR1, &sa, NULL);

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGRTMIN);
    sigaddset(&set, SIGRTMIN + 1);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    for (int i = 1; i <= 4; i++)
        send(SIGRTMIN, i);
    sigset_t p;
    sigpending(&p);
    printf("pending: rtmin %d\n", sigismember(&p, SIGRTMIN));
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    show("queued");

    sigprocmask(SIG_BLOCK, &set, NULL);
    send(SIGRTMIN + 1, 1);
    send(SIGRTMIN, 5);
    send(SIGRTMIN + 1, 2);
    send(SIGRTMIN, 6);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    show("two signals");

    sigprocmask(SIG_BLOCK, &set, NULL);
    for (int i = 1; i <= 3; i++)
        send(SIGRTMIN + 1, 10 + i);
    siginfo_t si;
    struct timespec zero = { 0, 0 };
    printf("sigtimedwait:");
    for (;;) {
        int s = sigtimedwait(&set, &si, &zero);
        if (s < 0) {
            printf(" %s\n", errno == EAGAIN ? "EAGAIN" : "?");
            break;
        }
        printf(" %d/%d", s - SIGRTMIN, si.si_value.sival_int);
    }

    for (int i = 1; i <= 3; i++)
        send(SIGUSR1, i);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    printf("standard signal delivered %d time(s)\n", n);
    return 0;
}
