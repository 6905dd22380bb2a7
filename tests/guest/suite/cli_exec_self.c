/* execve and execveat of a riscv64 program (tests/runtime/check_cli.py):
 *   cli_exec_self PATH        execve(PATH)
 *   cli_exec_self at DIR NAME execveat(open(DIR), NAME)
 *   cli_exec_self fd PATH     execveat(open(PATH), "", AT_EMPTY_PATH)
 * each with argv {"renamed", "child", "two words"} and the environment
 * {CLI_EXEC=yes}; PATH etc. name this program (or a copy), which as the
 * child prints what it got (and its signal mask and SIGUSR2 disposition,
 * set by the parent) and exits with status 7.  qemu-riscv64
 * without binfmt_misc can't do this (ENOEXEC), rvtcg runs the program
 * under itself. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "child")) {
        for (int i = 0; i < argc; i++)
            printf("child argv[%d]=%s\n", i, argv[i]);
        for (char **e = environ; *e; e++)
            printf("child env %s\n", *e);
        sigset_t cur;
        struct sigaction sa;
        sigprocmask(SIG_BLOCK, NULL, &cur);
        sigaction(SIGUSR2, NULL, &sa);
        printf("child SIGUSR1 blocked %d, SIGUSR2 ignored %d\n",
               sigismember(&cur, SIGUSR1), sa.sa_handler == SIG_IGN);
        return 7;
    }
    char *cargv[] = { "renamed", "child", "two words", NULL };
    char *cenv[] = { "CLI_EXEC=yes", NULL };
    /* the mask and ignored signals survive execve (man 2 execve) */
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigprocmask(SIG_BLOCK, &s, NULL);
    signal(SIGUSR2, SIG_IGN);
    printf("parent: %s\n", argv[1]);
    fflush(stdout);
    long r;
    if (argc == 4 && !strcmp(argv[1], "at")) {
        int dfd = open(argv[2], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        r = syscall(SYS_execveat, dfd, argv[3], cargv, cenv, 0);
    } else if (argc == 3 && !strcmp(argv[1], "fd")) {
        int fd = open(argv[2], O_RDONLY | O_CLOEXEC);
        r = syscall(SYS_execveat, fd, "", cargv, cenv, AT_EMPTY_PATH);
    } else {
        r = syscall(SYS_execve, argv[1], cargv, cenv);
    }
    printf("parent: exec failed: %ld %s\n", r, strerrorname_np(errno));
    return 1;
}
