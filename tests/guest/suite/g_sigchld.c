/* SIGCHLD: a handler reaps children with waitpid(WNOHANG) in a loop;
 * the main program waits with sigsuspend until all 5 children are
 * reaped, then checks the sum of their exit codes; SIGCHLD with
 * SA_NOCLDSTOP, and waitid with WEXITED on a last child. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int reaped, status_sum;

static void on_chld(int sig)
{
    (void)sig;
    int st;
    pid_t p;
    while ((p = waitpid(-1, &st, WNOHANG)) > 0) {
        reaped++;
        status_sum += WEXITSTATUS(st);
    }
}

int main(void)
{
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, &old);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_chld;
    sa.sa_flags = SA_NOCLDSTOP | SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);
    for (int i = 1; i <= 5; i++)
        if (fork() == 0)
            _exit(i * 3);
    while (reaped < 5)
        sigsuspend(&old);
    printf("reaped %d children, exit code sum %d\n", reaped, status_sum);
    sigprocmask(SIG_SETMASK, &old, NULL);
    signal(SIGCHLD, SIG_DFL);
    pid_t p = fork();
    if (p == 0)
        _exit(77);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int r = waitid(P_PID, p, &si, WEXITED);
    printf("waitid %d: code %d status %d pid matches %d\n", r, si.si_code, si.si_status, si.si_pid == p);
    return 0;
}
