/*
 * Host faults (sigaction(2) SA_SIGINFO on a sigaltstack(2) stack):
 *
 *   SIGSEGV / SIGBUS at a host pc inside a TB: the guest accessed memory
 *     it may not; the TB's pc map gives the guest pc, and the guest gets
 *     the same signal (registers are in RvCpu: the allocator writes guest
 *     globals back before every op that may fault).
 *   SIGILL at a host pc inside a TB: the backend's ud2 for a misaligned
 *     IR_MO_ALIGN access (docs/backend.md 10), i.e. a misaligned AMO or
 *     LR/SC; qemu-riscv64 delivers SIGBUS for those, so do we.
 *   anything else: a bug in rvtcg; say so and die by the signal.
 */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "cpu_loop.h"
#include "rt_signal.h"
#include "tb.h"

#define ALT_STACK_SIZE (64 * 1024)

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

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    RtThread *self = rt_self;
    if (self && self->in_gen) {
        TbDesc *tb = tb_find_by_host_pc(rip);
        if (tb) {
            uint64_t pc = tb_guest_pc(tb, rip);
            rt_signal_fatal(self, sig == SIGILL ? SIGBUS : sig, pc);
        }
    }
    write_str("rvtcg: internal error: host signal ");
    char num[4] = { (char)('0' + sig / 10), (char)('0' + sig % 10), ' ', 0 };
    write_str(num[0] == '0' ? num + 1 : num);
    write_str("at host pc ");
    write_hex(rip);
    write_str(", address ");
    write_hex((uintptr_t)si->si_addr);
    write_str("\n");
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);
}

void rt_signal_init(void)
{
    stack_t ss = { .ss_sp = malloc(ALT_STACK_SIZE), .ss_size = ALT_STACK_SIZE };
    if (ss.ss_sp)
        sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
}
