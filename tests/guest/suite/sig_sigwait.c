/* The dedicated signal thread pattern: every thread blocks the signals,
 * one thread collects them with sigwaitinfo while the main thread sends
 * process-directed ones (kill, sigqueue) and then waits in pthread_join;
 * real-time instances arrive in order with their values. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static void *collector(void *arg)
{
    (void)arg;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGRTMIN);
    int usr1 = 0, rt[8], nrt = 0;
    while (usr1 == 0 || nrt < 4) {
        siginfo_t si;
        int s = sigwaitinfo(&set, &si);
        if (s == SIGUSR1)
            usr1++;
        else if (s == SIGRTMIN && nrt < 8)
            rt[nrt++] = si.si_value.sival_int;
    }
    printf("collector: SIGUSR1 %d, SIGRTMIN values:", usr1);
    for (int i = 0; i < nrt; i++)
        printf(" %d", rt[i]);
    printf("\n");
    return NULL;
}

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGRTMIN);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pthread_t t;
    pthread_create(&t, NULL, collector, NULL);
    for (int i = 1; i <= 4; i++) {
        union sigval v = { .sival_int = i };
        sigqueue(getpid(), SIGRTMIN, v);
    }
    kill(getpid(), SIGUSR1);
    pthread_join(t, NULL);
    printf("joined\n");
    return 0;
}
