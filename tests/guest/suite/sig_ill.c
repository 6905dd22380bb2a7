/* SIGILL from an illegal instruction (.word 0): si_code ILL_ILLOPC,
 * si_addr the instruction; the handler moves the saved pc past it in the
 * ucontext (which holds the registers and mask of the interrupted code)
 * and changes a saved register, and rt_sigreturn resumes there
 * with that register. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

extern char bad_insn[];
static volatile int code;
static volatile uintptr_t addr;
static volatile long saved_a0;
static volatile int mask_has_usr2, mask_has_ill;

static void on_ill(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig;
    code = si->si_code;
    addr = (uintptr_t)si->si_addr;
    saved_a0 = (long)uc->uc_mcontext.__gregs[REG_A0];
    mask_has_usr2 = sigismember(&uc->uc_sigmask, SIGUSR2);
    mask_has_ill = sigismember(&uc->uc_sigmask, SIGILL);
    uc->uc_mcontext.__gregs[REG_PC] += 4;
    uc->uc_mcontext.__gregs[REG_A0] = 4242;   /* a0 */
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_ill;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGILL, &sa, NULL);
    sigset_t usr2;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    sigprocmask(SIG_BLOCK, &usr2, NULL);

    long a0;
    __asm__ volatile("li a0, 7\n"
                     ".globl bad_insn\n"
                     "bad_insn: .4byte 0\n"
                     "mv %0, a0\n"
                     : "=r"(a0) : : "a0", "memory");
    printf("code %s, addr is insn %d, a0 %ld\n",
           code == ILL_ILLOPC ? "ILL_ILLOPC" : "other",
           addr == (uintptr_t)bad_insn, a0);
    printf("saved a0 %ld, uc_sigmask: usr2 %d ill %d\n", saved_a0,
           mask_has_usr2, mask_has_ill);
    return 0;
}
