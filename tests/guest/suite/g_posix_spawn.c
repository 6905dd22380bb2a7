/* posix_spawn (vfork/clone(CLONE_VM|CLONE_VFORK) in glibc) of host
 * programs with file actions redirecting stdout to a pipe, and
 * posix_spawnp searching PATH; plus system() running /bin/sh. */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(void)
{
    int p[2];
    pipe(p);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, p[1], 1);
    posix_spawn_file_actions_addclose(&fa, p[0]);
    pid_t pid;
    char *argv[] = { "/bin/echo", "spawned", "echo", NULL };
    int r = posix_spawn(&pid, "/bin/echo", &fa, NULL, argv, environ);
    close(p[1]);
    char buf[100] = { 0 };
    ssize_t n = 0, k;
    while ((k = read(p[0], buf + n, sizeof buf - 1 - n)) > 0) n += k;
    int st;
    waitpid(pid, &st, 0);
    printf("posix_spawn %d: [%s] status %d\n", r, strtok(buf, "\n"), WEXITSTATUS(st));
    char *argv2[] = { "sh", "-c", "exit 9", NULL };
    r = posix_spawnp(&pid, "sh", NULL, NULL, argv2, environ);
    waitpid(pid, &st, 0);
    printf("posix_spawnp sh: %d status %d\n", r, WEXITSTATUS(st));
    char *argv3[] = { "/no/such/binary", NULL };
    r = posix_spawn(&pid, "/no/such/binary", NULL, NULL, argv3, environ);
    printf("posix_spawn of a missing file: %s\n", r ? "error" : "started");
    if (r == 0) waitpid(pid, &st, 0);
    fflush(stdout);
    int s = system("echo from system; exit 4");
    printf("system status %d\n", WEXITSTATUS(s));
    return 0;
}
