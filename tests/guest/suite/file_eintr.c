/* A read blocked on an empty pipe and interrupted by a signal: restarted
 * with SA_RESTART (the handler then feeds the pipe), EINTR without. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static int p[2];
static volatile int hits;

static void on_alarm(int sig)
{
    (void)sig;
    hits++;
    if (hits == 2)
        write(p[1], "fed", 3);
}

static void arm(void)
{
    struct itimerval it = { { 0, 50000 }, { 0, 50000 } };
    setitimer(ITIMER_REAL, &it, NULL);
}

static void disarm(void)
{
    struct itimerval it = { { 0, 0 }, { 0, 0 } };
    setitimer(ITIMER_REAL, &it, NULL);
}

int main(void)
{
    char buf[16];
    pipe(p);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    arm();
    memset(buf, 0, sizeof buf);
    long n = read(p[0], buf, sizeof buf);
    disarm();
    printf("SA_RESTART: read %ld \"%s\" after %d signals\n", n, buf,
           hits >= 2 ? 2 : hits);

    sa.sa_flags = 0;
    sigaction(SIGALRM, &sa, NULL);
    hits = 10;
    arm();
    n = read(p[0], buf, sizeof buf);
    int e = errno;
    disarm();
    printf("no SA_RESTART: read %ld %s\n", n, strerror(e));
    return 0;
}
