/*
 * Host faults (sigaction(2) SA_SIGINFO on the thread's sigaltstack(2)
 * stack; installed by sigaction.c for SIGSEGV, SIGBUS, SIGILL, SIGFPE):
 *
 *   sent, not raised by a fault (si_code <= 0: kill, tkill, sigqueue):
 *     an ordinary guest signal (sigqueue.c).
 *   SIGSEGV write fault on a page write-protected for self-modifying-code
 *     detection: tb_smc_fault() handles it and the write is retried.
 *   SIGSEGV / SIGBUS at a host pc inside a TB: the guest accessed memory
 *     it may not; the TB's pc map gives the guest pc, and the guest gets
 *     the same signal there, si_addr the guest address (registers are in
 *     RvCpu: the allocator writes guest globals back before every op that
 *     may fault; pinned ones to their host registers, copied from the
 *     context here).
 *   SIGILL at a host pc inside a TB: the backend's ud2 for a misaligned
 *     IR_MO_ALIGN access (docs/backend.md 10), i.e. a misaligned AMO or
 *     LR/SC; qemu-riscv64 delivers SIGBUS (BUS_ADRALN) for those, so do we.
 *   The synchronous signal is queued (rt_signal_raise_sync), the accrued FP
 *   flags of the interrupted code are taken from the host context's MXCSR
 *   (rv_fcsr_host.h), and the handler abandons the TB with a siglongjmp to
 *   the execution loop, which delivers the signal.
 *   anything else: a bug in rvtcg; say so and die by the signal.
 */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "guest_mem.h"
#include "pins.h"
#include "rt_signal.h"
#include "rv_fcsr_host.h"
#include "sig_internal.h"
#include "tb.h"

void sig_host_on_signal(int sig, siginfo_t *si, void *uc);   /* sigqueue.c */
void sig_host_on_fault(int sig, siginfo_t *si, void *ucv);

#define X86_PF_WRITE 2     /* page-fault error code bit (Intel SDM 4.7) */

static void write_str(const char *s)
{
    ssize_t r = write(2, s, strlen(s));
    (void)r;
}

/* Hex without stdio (async-signal-safe). */
static void write_hex(uint64_t v)
{
    char buf[19] = "0x";
    for (int i = 0; i < 16; i++)
        buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
    buf[18] = 0;
    write_str(buf);
}

void sig_host_on_fault(int sig, siginfo_t *si, void *ucv)
{
    if (si->si_code <= 0) {
        sig_host_on_signal(sig, si, ucv);
        return;
    }
    ucontext_t *uc = ucv;
    uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    uintptr_t addr = (uintptr_t)si->si_addr;
    RtThread *self = rt_self;
    if (self && self->in_gen) {
        if (sig == SIGSEGV &&
            (uc->uc_mcontext.gregs[REG_ERR] & X86_PF_WRITE) &&
            tb_smc_fault(addr))
            return;
        TbDesc *tb = tb_find_by_host_pc(rip);
        if (tb && sig != SIGFPE) {
            RvCpu *cpu = &self->cpu;
            cpu->pc = tb_guest_pc(tb, rip);
            /* the allocator wrote every guest global back before the
             * faulting op: to env, or a pinned one to its host register */
            rt_pins_from_context(cpu, uc);
            if (uc->uc_mcontext.fpregs)
                cpu->fflags |= rv_mxcsr_to_fflags(
                    uc->uc_mcontext.fpregs->mxcsr);
            if (sig == SIGILL)
                rt_signal_raise_sync(self, SIGBUS, BUS_ADRALN, 0);
            else if (sig == SIGSEGV)
                /* MAPERR/ACCERR from the guest's view: unmapped guest
                 * pages are host PROT_NONE reservations */
                rt_signal_raise_sync(self, sig,
                                     mem_check(addr - guest_base, 1, 0)
                                         ? SEGV_ACCERR : SEGV_MAPERR,
                                     addr - guest_base);
            else
                rt_signal_raise_sync(self, sig, si->si_code,
                                     addr - guest_base);
            siglongjmp(self->loop_jmp, 1);
        }
    } else if (sig == SIGSEGV &&
               (uc->uc_mcontext.gregs[REG_ERR] & X86_PF_WRITE) &&
               tb_smc_fault(addr)) {
        /* rvtcg's own code writing a write-protected code page of the
         * guest (a signal frame, say) without mem_prepare_write */
        return;
    }
    write_str("rvtcg: internal error: host signal ");
    char num[4] = { (char)('0' + sig / 10), (char)('0' + sig % 10), ' ', 0 };
    write_str(num[0] == '0' ? num + 1 : num);
    write_str("at host pc ");
    write_hex(rip);
    write_str(", address ");
    write_hex(addr);
    write_str("\n");
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);
}
