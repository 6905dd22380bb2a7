/* Calls that never restart (man 7 signal): nanosleep interrupted by a
 * SIGALRM handler returns EINTR even with SA_RESTART, with time left;
 * a blocked SIGALRM does not interrupt it; an ignored one neither. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

static volatile int alarms;
static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
}

static void arm(long usec)
{
    struct itimerval it = { { 0, 0 }, { 0, usec } };
    setitimer(ITIMER_REAL, &it, NULL);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);

    struct timespec req = { 5, 0 }, rem = { 0, 0 };
    arm(30000);
    int r = nanosleep(&req, &rem);
    printf("nanosleep %d %s, alarms %d, time left %d\n", r,
           r < 0 && errno == EINTR ? "EINTR" : "?", alarms, rem.tv_sec >= 3);

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    arm(10000);
    struct timespec shortreq = { 0, 60000000 };
    r = nanosleep(&shortreq, NULL);
    printf("blocked: nanosleep %d, alarms %d\n", r, alarms);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    printf("after unblock: alarms %d\n", alarms);

    signal(SIGALRM, SIG_IGN);
    arm(10000);
    r = nanosleep(&shortreq, NULL);
    printf("ignored: nanosleep %d, alarms %d\n", r, alarms);
    return 0;
}
