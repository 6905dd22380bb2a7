/*
 * Delivering guest signals at the execution loop (rt_handle_exit_request
 * calls rt_signal_handle_pending with the guest fcsr in RvCpu), after the
 * kernel's get_signal / handle_signal (kernel/signal.c,
 * arch/riscv/kernel/signal.c):
 *
 *  1. a synchronous signal (fault, ebreak, illegal instruction) first: if
 *     the guest blocks or ignores it or has no handler, the default action
 *     (force_sig_fault: these all terminate);
 *  2. then every recorded unblocked signal, lowest number first: SIG_IGN
 *     or a default "ignore" drops it, a default "stop" stops the process,
 *     a default "terminate" ends it (rt_signal_fatal), a handler gets a
 *     frame.  Each frame blocks what the handler's mask says, and the next
 *     signal is considered with that mask; the last frame built runs
 *     first, as with the kernel and qemu-riscv64.  Finally the host mask
 *     mirrors the new state again (sig_host_sync), which lets the host
 *     kernel hand over what it kept pending.
 *
 * Syscall restart (man 7 signal): when the ecall at pc returned
 * -SYS_ERESTARTSYS (t->sig.restart_syscall), a handler with SA_RESTART
 * leaves pc at the ecall (it runs again after sigreturn); one without makes
 * it return -EINTR.  With no handler run, the ecall simply runs again.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "guest_mem.h"
#include "rt_signal.h"
#include "sig_internal.h"

void rt_signal_raise_sync(RtThread *t, int sig, int code, uint64_t addr)
{
    siginfo_t *si = &t->sig.sync_info;
    memset(si, 0, sizeof *si);
    si->si_signo = sig;
    si->si_code = code;
    si->si_addr = (void *)(uintptr_t)addr;
    t->sig.sync_sig = sig;
    rt_thread_kick(t);
}

void rt_signal_fetch_fault(RtThread *t, uint64_t pc)
{
    t->cpu.pc = pc;
    rt_signal_raise_sync(t, SIGSEGV,
                         mem_check(pc, 1, 0) ? SEGV_ACCERR : SEGV_MAPERR, pc);
}

/* Runs handler ACT for SIG: the restart decision, the frame, the mask. */
static void run_handler(RtThread *t, int sig, const siginfo_t *si,
                        const GuestSigaction *act, int *restart)
{
    RvCpu *cpu = &t->cpu;
    uint64_t old_blocked = sig_blocked(t);
    if (*restart) {
        if (!(act->flags & G_SA_RESTART)) {
            cpu->x[10] = (uint64_t)(int64_t)-EINTR;
            cpu->pc += 4;
        }
        *restart = 0;
    }
    if (!sig_setup_frame(t, sig, si, act))
        /* force_sigsegv: the frame could not be written */
        rt_signal_fatal(t, SIGSEGV, cpu->pc);
    uint64_t more = act->mask;
    if (!(act->flags & G_SA_NODEFER))
        more |= SIG_BIT(sig);
    sig_set_blocked(t, old_blocked | more);
    if (act->flags & G_SA_RESETHAND) {
        GuestSigaction dfl = { G_SIG_DFL, 0, 0 };
        sig_action_set(sig, &dfl);
    }
}

void rt_signal_handle_pending(RtThread *t)
{
    RvCpu *cpu = &t->cpu;
    int restart = t->sig.restart_syscall;
    t->sig.restart_syscall = 0;
    bool took = false;

    int ss = t->sig.sync_sig;
    if (ss) {
        t->sig.sync_sig = 0;
        GuestSigaction act;
        sig_action_get(ss, &act);
        siginfo_t si = t->sig.sync_info;
        sig_strace_taken(ss, &si);
        if ((sig_blocked(t) & SIG_BIT(ss)) || act.handler == G_SIG_DFL ||
            act.handler == G_SIG_IGN)
            rt_signal_fatal(t, ss, cpu->pc);
        run_handler(t, ss, &si, &act, &restart);
    }

    for (;;) {
        siginfo_t si;
        int sig = sig_take(t, ~sig_blocked(t), &si);
        if (!sig)
            break;
        took = true;
        sig_strace_taken(sig, &si);
        GuestSigaction act;
        sig_action_get(sig, &act);
        if (act.handler == G_SIG_IGN)
            continue;
        if (act.handler == G_SIG_DFL) {
            if (sig_default_ignores(sig))
                continue;
            if (sig_default_stops(sig)) {
                kill(getpid(), SIGSTOP);
                continue;
            }
            rt_signal_fatal(t, sig, cpu->pc);
        }
        run_handler(t, sig, &si, &act, &restart);
    }

    /* rt_sigsuspend woke for a signal that no frame took: its mask ends */
    if (t->sig.has_saved_mask) {
        t->sig.has_saved_mask = 0;
        sig_set_blocked(t, t->sig.saved_mask);
    }
    if (took || t->sig.need_sync) {
        t->sig.need_sync = 0;
        sig_host_sync(t);   /* what was taken may come again */
    }
    sig_recheck(t);
}
