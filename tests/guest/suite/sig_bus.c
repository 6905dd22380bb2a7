/* A misaligned atomic (amoadd.w at an odd address) raises SIGBUS with
 * si_code BUS_ADRALN under qemu-riscv64 and rvtcg; recovered with
 * siglongjmp, also for a misaligned lr.d; si_addr is the address. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf env;
static volatile int signo, code;
static volatile uintptr_t addr;

static void on_bus(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    signo = sig;
    code = si->si_code;
    addr = (uintptr_t)si->si_addr;
    siglongjmp(env, 1);
}

static long buf[4];

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, NULL);

    char *p = (char *)buf + 1;
    if (sigsetjmp(env, 1) == 0) {
        int old;
        __asm__ volatile("li t0, 1\namoadd.w %0, t0, (%1)"
                         : "=r"(old) : "r"(p) : "t0", "memory");
        printf("amoadd done\n");
    } else {
        printf("amoadd.w: sig %d %s, si_addr ok %d\n", signo,
               code == BUS_ADRALN ? "BUS_ADRALN" : "other",
               addr == (uintptr_t)p);
    }
    if (sigsetjmp(env, 1) == 0) {
        long v;
        __asm__ volatile("lr.d %0, (%1)" : "=r"(v) : "r"((char *)buf + 4)
                         : "memory");
        printf("lr.d done\n");
    } else {
        printf("lr.d: sig %d %s, si_addr ok %d\n", signo,
               code == BUS_ADRALN ? "BUS_ADRALN" : "other",
               addr == (uintptr_t)buf + 4);
    }
    printf("buf intact: %ld %ld\n", buf[0], buf[1]);
    return 0;
}
