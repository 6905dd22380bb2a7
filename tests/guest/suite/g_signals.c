/* Signal handling end to end: sigaction with SA_SIGINFO and si_value
 * from sigqueue, SA_RESETHAND (the handler runs once, then SIG_DFL),
 * SA_NODEFER (the same signal nests immediately) vs the default
 * self-blocking (a signal raised inside its handler is delivered after
 * the handler returns), sigaltstack handlers run on the alternate stack,
 * sigpending/sigsuspend, and SIGUSR1 ignored with SIG_IGN.  The order of
 * events is recorded in a log printed at the end. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile int log_n;
static char log_buf[64];
static void note(char c) { if (log_n < 63) log_buf[log_n++] = c; }

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    note('1');
    printf("SIGUSR1: signo %d code %d value %d\n", sig, si->si_code, si->si_value.sival_int);
}
static volatile int depth;
static void on_usr2(int sig)
{
    (void)sig;
    note('2');
    if (depth++ == 0) {
        raise(SIGUSR2);    /* blocked while we run (no SA_NODEFER): delivered after return */
        note('r');
    }
}
static void nodefer(int sig)
{
    (void)sig;
    note('n');
    if (depth++ < 2)
        raise(SIGHUP);     /* SA_NODEFER: nested immediately */
    note('N');
}
static char *alt_base;
static volatile int on_alt;
static void on_alt_stack(int sig)
{
    (void)sig;
    char here;
    on_alt = &here >= alt_base && &here < alt_base + 65536;
}
static void once(int sig) { (void)sig; note('o'); }

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    union sigval v = { .sival_int = 1234 };
    sigqueue(getpid(), SIGUSR1, v);
    raise(SIGUSR1);

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr2;
    sigaction(SIGUSR2, &sa, NULL);
    depth = 0;
    raise(SIGUSR2);
    note('|');

    sa.sa_handler = nodefer;
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGHUP, &sa, NULL);
    depth = 0;
    raise(SIGHUP);
    note('|');

    sa.sa_handler = once;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGWINCH, &sa, NULL);
    raise(SIGWINCH);
    struct sigaction cur;
    sigaction(SIGWINCH, NULL, &cur);
    printf("after SA_RESETHAND handler is SIG_DFL: %d\n", cur.sa_handler == SIG_DFL);
    raise(SIGWINCH);   /* default action of SIGWINCH: ignore */
    note('|');

    stack_t ss = { .ss_sp = alt_base = malloc(65536), .ss_size = 65536, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    sa.sa_handler = on_alt_stack;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGURG, &sa, NULL);
    raise(SIGURG);
    printf("handler ran on the alternate stack: %d\n", on_alt);
    stack_t old;
    sigaltstack(NULL, &old);
    printf("sigaltstack size %zu flags %d\n", old.ss_size, old.ss_flags);

    sigset_t block, pend, empty;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR2);
    sigprocmask(SIG_BLOCK, &block, NULL);
    depth = 5;
    raise(SIGUSR2);
    sigpending(&pend);
    printf("SIGUSR2 pending while blocked: %d\n", sigismember(&pend, SIGUSR2));
    sigemptyset(&empty);
    int r = sigsuspend(&empty);
    note('|');
    printf("sigsuspend returned %d\n", r);
    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    log_buf[log_n] = 0;
    printf("event log: %s\n", log_buf);
    return 0;
}
