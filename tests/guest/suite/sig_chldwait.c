/* Waiting for SIGCHLD (whose default action ignores it) with sigwaitinfo
 * while it is blocked: each child's exit is reported, with CLD_EXITED and
 * its status, and it can then be reaped; a blocked default-ignore signal
 * stays pending (sigpending), an unblocked one is discarded. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, NULL);
    for (int i = 0; i < 3; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            struct timespec d = { 0, 10000000 };
            nanosleep(&d, NULL);
            _exit(10 + i);
        }
        siginfo_t si;
        int s = sigwaitinfo(&set, &si);
        printf("child %d: sig %d code %s status %d pid ok %d\n", i, s,
               si.si_code == CLD_EXITED ? "CLD_EXITED" : "other", si.si_status,
               si.si_pid == pid);
        int st;
        waitpid(pid, &st, 0);
    }
    raise(SIGCHLD);
    sigset_t p;
    sigpending(&p);
    printf("blocked SIGCHLD pending: %d\n", sigismember(&p, SIGCHLD));
    struct timespec zero = { 0, 0 };
    printf("taken: %d\n", sigtimedwait(&set, NULL, &zero) == SIGCHLD);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, NULL);
    sigpending(&p);
    printf("unblocked one discarded: %d\n", !sigismember(&p, SIGCHLD));
    return 0;
}
