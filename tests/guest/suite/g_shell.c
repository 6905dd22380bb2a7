/* A mini shell running the pipeline "gen | filter | count" built from
 * fork, pipe, dup2 and close; the stages are functions of this program
 * (no exec of other binaries), connected like `sh -c 'a | b | c'`. The
 * shell waits for all of them and prints their statuses. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int gen(void)
{
    for (int i = 1; i <= 2000; i++)
        printf("item %d %s\n", i, i % 3 ? "keep" : "drop");
    return 0;
}
static int filter(void)
{
    char line[100];
    while (fgets(line, sizeof line, stdin))
        if (strstr(line, "keep"))
            for (char *p = line; *p; p++) putchar(toupper((unsigned char)*p));
    return 0;
}
static int count(void)
{
    char line[100];
    long n = 0, sum = 0;
    while (fgets(line, sizeof line, stdin)) {
        n++;
        sum += atol(line + 5);
    }
    printf("count: %ld lines, sum of numbers %ld\n", n, sum);
    return n == 1334 ? 0 : 1;
}

int main(void)
{
    int (*stage[])(void) = { gen, filter, count };
    pid_t pids[3];
    int in = -1;
    fflush(stdout);
    for (int i = 0; i < 3; i++) {
        int p[2] = { -1, -1 };
        if (i < 2 && pipe(p) != 0) { perror("pipe"); return 1; }
        pids[i] = fork();
        if (pids[i] == 0) {
            if (in >= 0) { dup2(in, 0); close(in); }
            if (i < 2) { dup2(p[1], 1); close(p[1]); close(p[0]); }
            int r = stage[i]();
            fflush(stdout);
            _exit(r);
        }
        if (in >= 0) close(in);
        if (i < 2) { close(p[1]); in = p[0]; }
    }
    for (int i = 0; i < 3; i++) {
        int st;
        waitpid(pids[i], &st, 0);
        printf("stage %d status %d\n", i, WEXITSTATUS(st));
    }
    return 0;
}
