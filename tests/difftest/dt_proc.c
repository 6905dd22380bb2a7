/*
 * fork/exec with captured output (see dt_proc.h).
 */
#include "dt_proc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void append(uint8_t **buf, size_t *len, size_t *cap, const void *p,
                   size_t n)
{
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *buf = realloc(*buf, *cap);
        if (!*buf) {
            perror("difftest: realloc");
            exit(2);
        }
    }
    memcpy(*buf + *len, p, n);
    *len += n;
    (*buf)[*len] = 0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void dt_run(char *const argv[], int timeout_s, DtRunResult *res)
{
    memset(res, 0, sizeof *res);
    int po[2], pe[2];
    if (pipe2(po, O_CLOEXEC) || pipe2(pe, O_CLOEXEC)) {
        perror("difftest: pipe");
        exit(2);
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        perror("difftest: fork");
        exit(2);
    }
    if (pid == 0) {
        struct rlimit nocore = { 0, 0 };
        setrlimit(RLIMIT_CORE, &nocore);
        dup2(po[1], 1);
        dup2(pe[1], 2);
        execvp(argv[0], argv);
        fprintf(stderr, "difftest: cannot run %s: %s\n", argv[0],
                strerror(errno));
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);

    size_t ocap = 0, ecap = 0;
    struct pollfd fds[2] = { { po[0], POLLIN, 0 }, { pe[0], POLLIN, 0 } };
    int open_fds = 2;
    double deadline = now_s() + timeout_s;
    while (open_fds > 0) {
        double left = deadline - now_s();
        if (left <= 0) {
            kill(pid, SIGKILL);
            res->timed_out = true;
            break;
        }
        int r = poll(fds, 2, (int)(left * 1000) + 1);
        if (r < 0 && errno == EINTR)
            continue;
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !fds[i].revents)
                continue;
            char buf[65536];
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                if (i == 0)
                    append(&res->out, &res->outlen, &ocap, buf, (size_t)n);
                else
                    append((uint8_t **)&res->err, &res->errlen, &ecap, buf,
                           (size_t)n);
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    while (waitpid(pid, &res->status, 0) < 0 && errno == EINTR)
        ;
    if (WIFEXITED(res->status) && WEXITSTATUS(res->status) == 127 &&
        res->err && strstr(res->err, "difftest: cannot run"))
        res->exec_failed = true;
    if (!res->err) {
        append((uint8_t **)&res->err, &res->errlen, &ecap, "", 0);
    }
}

void dt_run_free(DtRunResult *res)
{
    free(res->out);
    free(res->err);
    memset(res, 0, sizeof *res);
}

void dt_status_text(const DtRunResult *res, char *buf, size_t n)
{
    if (res->timed_out)
        snprintf(buf, n, "timed out (killed by the watchdog)");
    else if (WIFEXITED(res->status))
        snprintf(buf, n, "exit %d", WEXITSTATUS(res->status));
    else if (WIFSIGNALED(res->status))
        snprintf(buf, n, "killed by SIG%s", sigabbrev_np(WTERMSIG(res->status))
                 ? sigabbrev_np(WTERMSIG(res->status)) : "?");
    else
        snprintf(buf, n, "status 0x%x", res->status);
}

bool dt_same_status(const DtRunResult *a, const DtRunResult *b)
{
    if (a->timed_out || b->timed_out)
        return a->timed_out && b->timed_out;
    if (WIFEXITED(a->status) && WIFEXITED(b->status))
        return WEXITSTATUS(a->status) == WEXITSTATUS(b->status);
    if (WIFSIGNALED(a->status) && WIFSIGNALED(b->status))
        return WTERMSIG(a->status) == WTERMSIG(b->status);
    return false;
}
