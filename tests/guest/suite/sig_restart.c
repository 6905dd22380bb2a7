/* SA_RESTART: a read(2) on an empty pipe interrupted by SIGALRM (from
 * setitimer) returns -1/EINTR without SA_RESTART, and is restarted with
 * it (here until a second alarm's handler writes into the pipe). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static int fds[2];
static volatile int alarms;

static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
    if (alarms == 3) {
        ssize_t w = write(fds[1], "x", 1);
        (void)w;
    }
}

static void arm(long usec, long interval)
{
    struct itimerval it = { { 0, interval }, { 0, usec } };
    setitimer(ITIMER_REAL, &it, NULL);
}

int main(void)
{
    if (pipe(fds) != 0)
        return 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);

    char c;
    arm(50000, 0);
    ssize_t r = read(fds[0], &c, 1);
    printf("no SA_RESTART: read %zd errno %s, alarms %d\n", r,
           r < 0 && errno == EINTR ? "EINTR" : "other", alarms);

    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    arm(50000, 50000);
    r = read(fds[0], &c, 1);
    arm(0, 0);
    printf("SA_RESTART: read %zd '%c', alarms %d\n", r, r == 1 ? c : '?',
           alarms);
    return 0;
}
