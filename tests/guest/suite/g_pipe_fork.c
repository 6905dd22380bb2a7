/* pipe + fork + wait: a child writes 1 MiB through a pipe while the
 * parent reads and checksums it; exit statuses and signal deaths of
 * several children are collected with waitpid in creation order. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int fd[2];
    if (pipe(fd) != 0) { perror("pipe"); return 1; }
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        static unsigned char buf[65536];
        for (int k = 0; k < 16; k++) {
            for (size_t i = 0; i < sizeof buf; i++) buf[i] = (unsigned char)(i * k + k);
            size_t off = 0;
            while (off < sizeof buf) {
                ssize_t w = write(fd[1], buf + off, sizeof buf - off);
                if (w <= 0) _exit(3);
                off += w;
            }
        }
        _exit(0);
    }
    close(fd[1]);
    unsigned long sum = 0, total = 0;
    unsigned char buf[4000];
    ssize_t r;
    while ((r = read(fd[0], buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < r; i++) sum = sum * 31 + buf[i];
        total += r;
    }
    int st;
    waitpid(pid, &st, 0);
    printf("read %lu bytes, checksum %lu, child exited %d status %d\n", total, sum,
           WIFEXITED(st), WEXITSTATUS(st));

    pid_t kids[5];
    for (int i = 0; i < 5; i++) {
        kids[i] = fork();
        if (kids[i] == 0) {
            if (i == 3) raise(SIGTERM);
            if (i == 4) abort();
            _exit(i * 10);
        }
    }
    for (int i = 0; i < 5; i++) {
        waitpid(kids[i], &st, 0);
        if (WIFEXITED(st)) printf("child %d exited with %d\n", i, WEXITSTATUS(st));
        else if (WIFSIGNALED(st)) printf("child %d killed by signal %d\n", i, WTERMSIG(st));
    }
    printf("wait with no children: %d\n", wait(&st));
    return 0;
}
