/* execve of host programs: /bin/echo and /bin/sh (native executables on
 * the host, run by the kernel under both emulators) from a forked child
 * with stdout redirected into a pipe; the parent reads their output.  A
 * failing execve returns ENOENT; the exit status of `sh -c 'exit 3'`. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void run(char *const argv[])
{
    int p[2];
    pipe(p);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        execve(argv[0], argv, environ);
        printf("execve failed: %s\n", strerror(errno));
        fflush(stdout);
        _exit(127);
    }
    close(p[1]);
    char buf[512];
    ssize_t n, total = 0;
    while ((n = read(p[0], buf + total, sizeof buf - 1 - total)) > 0) total += n;
    buf[total] = 0;
    close(p[0]);
    int st;
    waitpid(pid, &st, 0);
    printf("%s -> [%s] status %d\n", argv[0], strtok(buf, "\n") ? buf : "", WEXITSTATUS(st));
}

int main(void)
{
    run((char *const[]){ "/bin/echo", "hello", "from", "echo", NULL });
    run((char *const[]){ "/bin/sh", "-c", "echo $((6 * 7)) | tr 0-9 a-j", NULL });
    run((char *const[]){ "/bin/sh", "-c", "exit 3", NULL });
    run((char *const[]){ "/nonexistent/program", NULL });
    return 0;
}
