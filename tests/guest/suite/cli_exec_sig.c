/* Signal state across execve (man 2 execve: the mask and ignored signals
 * are kept, handled signals go back to the default): block SIGUSR1,
 * ignore SIGUSR2, catch SIGTERM, then exec a host grep that shows its own
 * SigBlk and SigIgn lines of /proc/self/status (the host values: the
 * same under qemu-riscv64). */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static void on_term(int sig)
{
    (void)sig;
}

int main(void)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigprocmask(SIG_BLOCK, &s, NULL);
    signal(SIGUSR2, SIG_IGN);
    signal(SIGTERM, on_term);
    execl("/bin/sh", "sh", "-c",
          "exec grep -E '^Sig(Blk|Ign)' /proc/self/status", (char *)NULL);
    perror("execl");
    return 1;
}
