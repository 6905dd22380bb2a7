/* SA_SIGINFO handlers: si_signo, si_code and si_pid of signals sent by
 * raise (tgkill: SI_TKILL), kill (SI_USER) and sigqueue (SI_QUEUE, with
 * its value); a plain handler gets the signal number. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int got_sig, got_code, got_pid_ok, got_val;

static void on_info(int sig, siginfo_t *si, void *uc)
{
    got_sig = si->si_signo * 1000 + sig;
    got_code = si->si_code;
    got_pid_ok = si->si_pid == getpid();
    got_val = si->si_code == SI_QUEUE ? si->si_value.sival_int : -1;
    (void)uc;
}

static volatile int plain;
static void on_plain(int sig)
{
    plain = sig;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGUSR1, &sa, NULL) != 0)
        perror("sigaction");
    raise(SIGUSR1);
    printf("raise: sig %d code %d pid_ok %d\n", got_sig, got_code, got_pid_ok);
    kill(getpid(), SIGUSR1);
    printf("kill: sig %d code %d pid_ok %d\n", got_sig, got_code, got_pid_ok);
    union sigval v = { .sival_int = 1234 };
    sigqueue(getpid(), SIGUSR1, v);
    printf("sigqueue: sig %d code %d pid_ok %d value %d\n", got_sig, got_code,
           got_pid_ok, got_val);

    signal(SIGUSR2, on_plain);
    raise(SIGUSR2);
    printf("plain: %d\n", plain);

    struct sigaction old;
    sigaction(SIGUSR1, NULL, &old);
    printf("old flags has SA_SIGINFO: %d, handler ok: %d\n",
           !!(old.sa_flags & SA_SIGINFO), old.sa_sigaction == on_info);
    printf("sigaction(SIGKILL) = %d\n", sigaction(SIGKILL, &sa, NULL));
    printf("sigaction(65) = %d\n", sigaction(65, &sa, NULL));
    printf("kill(self, 0) = %d\n", kill(getpid(), 0));
    return 0;
}
