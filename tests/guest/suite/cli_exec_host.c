#define _GNU_SOURCE
/* execve of host files, as qemu-riscv64 does them (no binfmt): a host
 * program (/bin/echo) runs natively, a #! script runs its host
 * interpreter, and the errors are the kernel's: ENOENT, EACCES (a
 * directory, a file without execute permission, also for a riscv64
 * executable), ENOEXEC (an executable file that is no program), EFAULT
 * (bad pointers). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static char dir[] = "/tmp/cli_exec_XXXXXX";

static void put(const char *name, const char *text, mode_t mode)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    fputs(text, f);
    fclose(f);
    chmod(p, mode);
}

/* execve PATH in a child; prints the error or the child's status. */
static void try(const char *what, const char *path, char **argv, char **envp)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        long r = syscall(SYS_execve, path, argv, envp);
        printf("%s: execve returned %ld errno %s\n", what, r,
               strerrorname_np(errno));
        fflush(stdout);
        _exit(99);
    }
    int st;
    waitpid(pid, &st, 0);
    if (WEXITSTATUS(st) != 99)
        printf("%s: exit status %d\n", what, WEXITSTATUS(st));
}

int main(int argc, char **argv)
{
    (void)argc;
    char p[256];
    if (!mkdtemp(dir))
        return 1;
    char *echo[] = { "echo", "hello from", "/bin/echo", NULL };
    try("echo", "/bin/echo", echo, environ);

    char *env[] = { "CLI_VAR=from the guest", NULL };
    put("script", "#!/bin/sh\necho \"script: $(basename $0) $1 $CLI_VAR\"\nexit 3\n",
        0755);
    snprintf(p, sizeof p, "%s/script", dir);
    char *sargv[] = { p, "arg1", NULL };
    try("script", p, sargv, env);

    char *none[] = { "x", NULL };
    snprintf(p, sizeof p, "%s/missing", dir);
    try("missing", p, none, environ);
    try("directory", dir, none, environ);
    put("noexec", "#!/bin/sh\necho no\n", 0644);
    snprintf(p, sizeof p, "%s/noexec", dir);
    try("not executable", p, none, environ);
    put("garbage", "\x01\x02\x03 not a program\n", 0755);
    snprintf(p, sizeof p, "%s/garbage", dir);
    try("garbage", p, none, environ);

    /* a copy of this riscv64 program without execute permission */
    char self[256];
    snprintf(self, sizeof self, "%s/self", dir);
    int in = open(argv[0], O_RDONLY), out = open(self, O_CREAT | O_WRONLY,
                                                 0644);
    char buf[4096];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, n) != n)
            return 1;
    close(in);
    close(out);
    try("riscv64 not executable", self, none, environ);

    try("bad path pointer", (char *)8, none, environ);
    char *badv[] = { "x", (char *)8, NULL };
    try("bad argv string", "/bin/echo", badv, environ);
    try("bad argv array", "/bin/echo", (char **)8, environ);

    snprintf(p, sizeof p, "rm -rf %s", dir);
    char *rm[] = { "sh", "-c", p, NULL };
    try("cleanup", "/bin/sh", rm, environ);
    return 0;
}
