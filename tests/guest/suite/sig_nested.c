/* Signals raised inside handlers: USR1's handler raises USR2 and HUP
 * (each handled nested, on top of USR1's frame); registers and fcsr flags of the interrupted code
 * survive handlers that change them. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static char trace[32];
static volatile int tn;

static unsigned fflags(void)
{
    unsigned v;
    __asm__ volatile("frflags %0" : "=r"(v));
    return v;
}

static void on_usr2(int sig)
{
    (void)sig;
    trace[tn++] = '2';
}

static void on_hup(int sig)
{
    (void)sig;
    trace[tn++] = 'H';
}

static void on_usr1(int sig)
{
    (void)sig;
    trace[tn++] = '(';
    raise(SIGUSR2);
    raise(SIGHUP);
    trace[tn++] = ')';
    volatile double z = 0.0;
    volatile double r = 1.0 / z;      /* sets DZ in the handler only */
    (void)r;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    signal(SIGUSR2, on_usr2);
    signal(SIGHUP, on_hup);

    __asm__ volatile("fsflags zero");
    volatile double a = 1.0, b = 3.0;
    volatile double q = a / b;       /* NX */
    (void)q;
    raise(SIGUSR1);
    trace[tn] = 0;
    printf("trace %s\n", trace);
    printf("fflags after: %#x (NX only)\n", fflags());
    __asm__ volatile("fsrmi 3");             /* round up */
    raise(SIGUSR2);
    unsigned rm;
    __asm__ volatile("frrm %0" : "=r"(rm));
    __asm__ volatile("fsrmi 0");
    printf("rounding mode kept: %u\n", rm);
    return 0;
}
