/* sigtimedwait/sigwaitinfo/sigwait: blocked pending signals are taken
 * without running handlers, lowest first, with their siginfo; a zero
 * timeout with nothing pending is EAGAIN; a short timeout expires. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile int handled;
static void on_sig(int sig)
{
    handled = sig;
}

int main(void)
{
    signal(SIGUSR1, on_sig);
    signal(SIGUSR2, on_sig);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGRTMIN + 2);
    sigprocmask(SIG_BLOCK, &set, NULL);

    raise(SIGUSR2);
    union sigval v = { .sival_int = 99 };
    sigqueue(getpid(), SIGUSR1, v);
    siginfo_t si;
    struct timespec zero = { 0, 0 };
    int s = sigtimedwait(&set, &si, &zero);
    printf("first %d code %d value %d\n", s, si.si_code, si.si_value.sival_int);
    s = sigwaitinfo(&set, &si);
    printf("second %d code %d\n", s, si.si_code);
    s = sigtimedwait(&set, &si, &zero);
    printf("none: %d %s\n", s, s < 0 && errno == EAGAIN ? "EAGAIN" : "?");
    struct timespec short_ = { 0, 20000000 };
    s = sigtimedwait(&set, &si, &short_);
    printf("timeout: %d %s\n", s, s < 0 && errno == EAGAIN ? "EAGAIN" : "?");
    raise(SIGRTMIN + 2);
    int sig = 0;
    int r = sigwait(&set, &sig);
    printf("sigwait %d sig is SIGRTMIN+2: %d\n", r, sig == SIGRTMIN + 2);
    struct timespec bad = { 0, 2000000000 };
    s = sigtimedwait(&set, &si, &bad);
    printf("bad timeout: %d %s\n", s, s < 0 && errno == EINVAL ? "EINVAL" : "?");
    printf("handled %d\n", handled);
    return 0;
}
