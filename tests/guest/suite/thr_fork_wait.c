/* fork + wait4: exit statuses come back through wait4 and waitpid, the
 * child's memory is a copy (its writes stay its own), and rusage is
 * filled in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static int shared_value = 1;

int main(void)
{
    for (int code = 0; code < 4; code++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0)
            return 1;
        if (pid == 0) {
            shared_value = 100 + code;
            printf("child %d: value %d\n", code, shared_value);
            fflush(stdout);
            _exit(code * 10 + 3);
        }
        int st = -1;
        struct rusage ru;
        memset(&ru, 0xff, sizeof ru);
        pid_t w = wait4(pid, &st, 0, &ru);
        printf("parent: waited %s, exited %d status %d, value %d, "
               "rusage sane %d\n", w == pid ? "ok" : "wrong",
               WIFEXITED(st), WEXITSTATUS(st), shared_value,
               ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000);
    }
    /* waitpid(-1) for two children at once */
    fflush(stdout);
    pid_t a = fork();
    if (a == 0)
        _exit(7);
    pid_t b = fork();
    if (b == 0)
        exit(9);
    int got = 0;
    for (int i = 0; i < 2; i++) {
        int st;
        pid_t w = waitpid(-1, &st, 0);
        if (w == a && WEXITSTATUS(st) == 7)
            got |= 1;
        if (w == b && WEXITSTATUS(st) == 9)
            got |= 2;
    }
    printf("both children reaped: %d\n", got);
    int st;
    printf("no more children: %d\n", waitpid(-1, &st, WNOHANG) == -1);
    return 0;
}
