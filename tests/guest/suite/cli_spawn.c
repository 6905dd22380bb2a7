/* Host programs started the ways libc starts them: system(3) (posix_spawn
 * of /bin/sh: clone with CLONE_VM|CLONE_VFORK, then execve in the child),
 * posix_spawn(3) of /bin/echo, and vfork + execve; compared with
 * qemu-riscv64, which runs them natively too.  (Not a failing
 * posix_spawn: qemu runs CLONE_VFORK children as forks, so the child's
 * error never reaches the parent there.) */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(void)
{
    int st;
    pid_t pid;
    fflush(stdout);
    st = system("echo from system; exit 3");
    printf("system: status %d\n", WEXITSTATUS(st));
    fflush(stdout);

    char *echo[] = { "/bin/echo", "from", "posix_spawn", NULL };
    int r = posix_spawn(&pid, "/bin/echo", NULL, NULL, echo, environ);
    waitpid(pid, &st, 0);
    printf("posix_spawn: %d, status %d\n", r, WEXITSTATUS(st));
    fflush(stdout);

    pid = vfork();
    if (pid == 0) {
        char *v[] = { "echo", "from vfork", NULL };
        execve("/bin/echo", v, environ);
        _exit(99);
    }
    waitpid(pid, &st, 0);
    printf("vfork: status %d\n", WEXITSTATUS(st));
    return 0;
}
