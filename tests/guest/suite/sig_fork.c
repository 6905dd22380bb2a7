/* Signals between processes: a child waiting in pause() runs its handler
 * for the parent's SIGUSR1 and exits with a code from it; a child killed
 * by SIGTERM at its default action shows WTERMSIG 15; a child that ignores
 * SIGTERM survives it; the parent gets SIGCHLD with si_pid of the child. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int chld_code, got_chld;

static void on_usr1(int sig)
{
    _exit(40 + sig);
}

static void on_chld(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)uc;
    got_chld++;
    chld_code = si->si_code;
}

static void report(const char *what, int st)
{
    if (WIFEXITED(st))
        printf("%s: exited %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%s: killed by %d\n", what, WTERMSIG(st));
    else
        printf("%s: other %#x\n", what, st);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);

    int p[2], go[2];
    if (pipe(p) != 0 || pipe(go) != 0)
        return 1;
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGUSR1, on_usr1);
        if (write(p[1], "r", 1) != 1)
            _exit(1);
        for (;;)
            pause();
    }
    char c;
    if (read(p[0], &c, 1) != 1)
        return 1;
    kill(pid, SIGUSR1);
    int st;
    waitpid(pid, &st, 0);
    report("handler child", st);

    pid = fork();
    if (pid == 0) {
        if (write(p[1], "r", 1) != 1)
            _exit(1);
        for (;;)
            pause();
    }
    if (read(p[0], &c, 1) != 1)
        return 1;
    kill(pid, SIGTERM);
    waitpid(pid, &st, 0);
    report("default child", st);

    pid = fork();
    if (pid == 0) {
        signal(SIGTERM, SIG_IGN);
        if (write(p[1], "r", 1) != 1)
            _exit(1);
        if (read(go[0], &c, 1) != 1)    /* waits for the parent's go */
            _exit(2);
        _exit(7);
    }
    if (read(p[0], &c, 1) != 1)
        return 1;
    kill(pid, SIGTERM);
    usleep(20000);
    if (write(go[1], "g", 1) != 1)
        return 1;
    waitpid(pid, &st, 0);
    report("ignoring child", st);
    printf("SIGCHLD seen: %d, last code %s\n", got_chld > 0,
           chld_code == CLD_EXITED ? "CLD_EXITED" : "other");
    return 0;
}
