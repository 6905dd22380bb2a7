/* sigsuspend(2): with SIGUSR1 blocked and pending, sigsuspend with an
 * empty mask runs the handler (which sees the temporary mask), returns
 * -1/EINTR, and the old mask is back afterwards. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static volatile int got, usr2_blocked_inside, usr1_blocked_inside;

static void on_usr1(int sig)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    usr1_blocked_inside = sigismember(&cur, SIGUSR1);
    usr2_blocked_inside = sigismember(&cur, SIGUSR2);
    got = sig;
}

int main(void)
{
    signal(SIGUSR1, on_usr1);
    sigset_t block, empty, cur;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    sigprocmask(SIG_BLOCK, &block, NULL);
    raise(SIGUSR1);
    printf("before: got %d\n", got);
    sigemptyset(&empty);
    sigaddset(&empty, SIGUSR2);
    int r = sigsuspend(&empty);
    printf("sigsuspend %d %s, got %d, inside: usr1 blocked %d, usr2 blocked %d\n",
           r, errno == EINTR ? "EINTR" : "?", got, usr1_blocked_inside,
           usr2_blocked_inside);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("after: usr1 blocked %d usr2 blocked %d\n",
           sigismember(&cur, SIGUSR1), sigismember(&cur, SIGUSR2));
    return 0;
}
