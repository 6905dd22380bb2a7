/* A tight loop `while (!flag);` (one chained translation block jumping
 * to itself) is interrupted by SIGALRM from setitimer: the handler sets
 * the flag, proving signals are seen at block starts. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

static volatile int flag;
static volatile unsigned long spins;

static void on_alarm(int sig)
{
    (void)sig;
    flag = 1;
}

int main(void)
{
    signal(SIGALRM, on_alarm);
    struct itimerval it = { { 0, 0 }, { 0, 20000 } };
    setitimer(ITIMER_REAL, &it, NULL);
    while (!flag)
        ;
    printf("flag set by the handler\n");
    flag = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    while (!flag)
        spins++;
    printf("second loop ended too\n");
    return 0;
}
