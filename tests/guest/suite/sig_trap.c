/* ebreak raises SIGTRAP (si_code TRAP_BRKPT, si_addr the ebreak); the
 * handler skips it through the ucontext.  Then an ebreak with SIGTRAP at
 * its default action ends the program (status 133). */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

#ifndef TRAP_BRKPT
#define TRAP_BRKPT 1      /* asm-generic/siginfo.h */
#endif

extern char brk_insn[];
static volatile int hits, code;
static volatile uintptr_t addr;

static void on_trap(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig;
    hits++;
    code = si->si_code;
    addr = (uintptr_t)si->si_addr;
    uc->uc_mcontext.__gregs[REG_PC] += 4;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_trap;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTRAP, &sa, NULL);
    __asm__ volatile(".globl brk_insn\nbrk_insn: .4byte 0x00100073" ::: "memory");
    printf("hits %d code %s addr ok %d\n", hits,
           code == TRAP_BRKPT ? "TRAP_BRKPT" : "other",
           addr == (uintptr_t)brk_insn);
    fflush(stdout);
    signal(SIGTRAP, SIG_DFL);
    __asm__ volatile(".4byte 0x00100073" ::: "memory");
    printf("not reached\n");
    return 0;
}
