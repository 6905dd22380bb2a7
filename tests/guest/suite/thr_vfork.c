/* vfork + _exit: the parent resumes after the child's _exit and reaps
 * its status. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    for (int i = 0; i < 3; i++) {
        pid_t pid = vfork();
        if (pid == 0)
            _exit(20 + i);
        if (pid < 0)
            return 1;
        int st;
        if (waitpid(pid, &st, 0) != pid)
            return 2;
        printf("vfork child %d exited %d\n", i, WEXITSTATUS(st));
    }
    return 0;
}
