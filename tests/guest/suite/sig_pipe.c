/* SIGPIPE: writing to a pipe without readers raises it (a handler sees
 * it and write fails with EPIPE; ignored, only EPIPE); at the default
 * action it ends the process (status 141) after the output so far. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int got;
static void on_pipe(int sig)
{
    got = sig;
}

int main(void)
{
    int p[2];
    if (pipe(p) != 0)
        return 1;
    close(p[0]);
    signal(SIGPIPE, on_pipe);
    ssize_t r = write(p[1], "x", 1);
    printf("handler: write %zd %s, got %d\n", r,
           r < 0 && errno == EPIPE ? "EPIPE" : "?", got);
    signal(SIGPIPE, SIG_IGN);
    r = write(p[1], "x", 1);
    printf("ignored: write %zd %s\n", r,
           r < 0 && errno == EPIPE ? "EPIPE" : "?");
    signal(SIGPIPE, SIG_DFL);
    printf("default:\n");
    fflush(stdout);
    r = write(p[1], "x", 1);
    printf("not reached %zd\n", r);
    return 0;
}
