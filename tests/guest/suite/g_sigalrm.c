/* SIGALRM: a 100 ms one-shot timer interrupts pause(); alarm's return
 * value is the time left of a pending alarm; setitimer with a 10 ms interval
 * delivers several signals to a busy loop; a handler-counted total is
 * printed (only facts independent of timing are printed). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static volatile sig_atomic_t hits;
static void on_alarm(int sig) { (void)sig; hits++; }

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval once = { { 0, 0 }, { 0, 100000 } };
    setitimer(ITIMER_REAL, &once, NULL);
    int r = pause();
    printf("pause returned %d after %d alarm(s)\n", r, (int)hits);
    alarm(30);
    printf("alarm(0) left %u\n", alarm(0));

    hits = 0;
    struct itimerval it = { { 0, 10000 }, { 0, 10000 } };
    setitimer(ITIMER_REAL, &it, NULL);
    volatile unsigned long spin = 0;
    while (hits < 5)
        spin++;
    struct itimerval off = { { 0, 0 }, { 0, 0 } };
    setitimer(ITIMER_REAL, &off, NULL);
    printf("busy loop saw at least 5 timer signals: %d\n", hits >= 5);

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    setitimer(ITIMER_REAL, &once, NULL);
    int sig = 0;
    sigwait(&set, &sig);
    printf("sigwait got signal %d\n", sig);
    return 0;
}
