/* SA_RESETHAND (handler runs once, then the default is back), SA_NODEFER
 * (the signal may interrupt its own handler) versus the default (it waits
 * until the handler returns).  (Not tested: sa_mask, which qemu-riscv64
 * 7.2 records but does not apply while the handler runs.) */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static volatile int depth, maxdepth, count;
static char log_[64];
static volatile int logn;

static void note(char c)
{
    log_[logn++] = c;
}

static void on_usr1(int sig)
{
    (void)sig;
    depth++;
    if (depth > maxdepth)
        maxdepth = depth;
    count++;
    note('<');
    if (count == 1)
        raise(SIGUSR1);
    note('>');
    depth--;
}

static void on_usr2(int sig)
{
    (void)sig;
    note('2');
}

static void install(int sig, void (*h)(int), int flags, int masked)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    if (masked)
        sigaddset(&sa.sa_mask, masked);
    sigaction(sig, &sa, NULL);
}

int main(void)
{
    install(SIGUSR1, on_usr1, 0, 0);
    raise(SIGUSR1);
    log_[logn] = 0;
    printf("default: count %d maxdepth %d log %s\n", count, maxdepth, log_);

    count = maxdepth = logn = 0;
    install(SIGUSR1, on_usr1, SA_NODEFER, 0);
    raise(SIGUSR1);
    log_[logn] = 0;
    printf("nodefer: count %d maxdepth %d log %s\n", count, maxdepth, log_);

    count = maxdepth = logn = 0;
    install(SIGUSR1, on_usr1, SA_RESETHAND, 0);
    count = 1;                  /* no re-raise inside */
    raise(SIGUSR1);
    struct sigaction now;
    sigaction(SIGUSR1, NULL, &now);
    printf("resethand: count %d, now default: %d\n", count,
           now.sa_handler == SIG_DFL);

    logn = 0;
    install(SIGUSR2, on_usr2, 0, 0);
    raise(SIGUSR2);
    log_[logn] = 0;
    printf("usr2: %s\n", log_);

    /* SIG_IGN and default-ignore signals vanish */
    signal(SIGUSR2, SIG_IGN);
    raise(SIGUSR2);
    signal(SIGCHLD, SIG_DFL);
    raise(SIGCHLD);
    signal(SIGWINCH, SIG_DFL);
    raise(SIGWINCH);
    printf("ignored ok\n");
    return 0;
}
