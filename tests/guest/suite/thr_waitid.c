/* waitid(2): P_PID and P_ALL, WEXITED, WNOHANG with no child ready, and
 * WNOWAIT leaving the child waitable; siginfo fields for a child that
 * exited and one that was killed by a signal. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    siginfo_t si;
    pid_t a = fork();
    if (a == 0)
        _exit(17);
    memset(&si, 0x55, sizeof si);
    if (waitid(P_PID, a, &si, WEXITED | WNOWAIT) != 0)
        return 1;
    printf("nowait: signo %d code %d status %d pid ok %d\n", si.si_signo,
           si.si_code, si.si_status, si.si_pid == a);
    memset(&si, 0, sizeof si);
    if (waitid(P_ALL, 0, &si, WEXITED) != 0)
        return 2;
    printf("reaped: code %d status %d pid ok %d\n", si.si_code, si.si_status,
           si.si_pid == a);

    int p[2];
    if (pipe(p))
        return 3;
    pid_t b = fork();
    if (b == 0) {
        char c;
        read(p[0], &c, 1);     /* waits for the parent's go */
        abort();
    }
    memset(&si, 0x55, sizeof si);
    int r = waitid(P_PID, b, &si, WEXITED | WNOHANG);
    printf("wnohang: r %d pid %d\n", r, si.si_pid);
    write(p[1], "x", 1);
    memset(&si, 0, sizeof si);
    if (waitid(P_PID, b, &si, WEXITED) != 0)
        return 4;
    printf("killed: signo %d code %s status %d\n", si.si_signo,
           si.si_code == CLD_KILLED || si.si_code == CLD_DUMPED ? "killed"
                                                                 : "other",
           si.si_status);
    printf("no child: %d\n", waitid(P_ALL, 0, &si, WEXITED) == -1);
    return 0;
}
