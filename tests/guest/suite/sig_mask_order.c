/* Blocked signals stay pending (sigpending) and are delivered when
 * unblocked, lowest number first, each handler frame stacked on the
 * previous one (so the last one set up runs first). */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static int order[8], n;

static void on_sig(int sig)
{
    order[n++] = sig;
}

static void show_pending(const char *when)
{
    sigset_t p;
    sigpending(&p);
    printf("%s pending:", when);
    for (int s = 1; s < 32; s++)
        if (sigismember(&p, s))
            printf(" %d", s);
    printf("\n");
}

int main(void)
{
    int sigs[] = { SIGUSR2, SIGUSR1, SIGHUP, SIGTERM };
    sigset_t set, old;
    sigemptyset(&set);
    for (int i = 0; i < 4; i++) {
        signal(sigs[i], on_sig);
        sigaddset(&set, sigs[i]);
    }
    sigprocmask(SIG_BLOCK, &set, &old);
    for (int i = 0; i < 4; i++)
        raise(sigs[i]);
    raise(SIGUSR1);             /* a standard signal does not queue twice */
    printf("delivered while blocked: %d\n", n);
    show_pending("blocked");

    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, SIGTERM);
    sigprocmask(SIG_UNBLOCK, &one, NULL);
    printf("after unblocking SIGTERM: %d delivered, first %d\n", n, order[0]);
    show_pending("now");

    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("order:");
    for (int i = 0; i < n; i++)
        printf(" %d", order[i]);
    printf("\n");
    show_pending("end");

    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("SIGUSR1 blocked at end: %d\n", sigismember(&cur, SIGUSR1));
    /* SIGKILL cannot be blocked */
    sigfillset(&set);
    sigprocmask(SIG_SETMASK, &set, NULL);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("SIGKILL blocked: %d, SIGSTOP blocked: %d, SIGINT blocked: %d\n",
           sigismember(&cur, SIGKILL), sigismember(&cur, SIGSTOP),
           sigismember(&cur, SIGINT));
    return 0;
}
