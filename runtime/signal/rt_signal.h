/*
 * Guest signals (docs/runtime.md, "Signals"), after QEMU linux-user's
 * model: the guest's dispositions are a process-wide table; each guest
 * thread's blocked mask and recorded signals are in RtThread.sig, and its
 * host mask mirrors the guest's, so the host kernel routes, keeps pending
 * and queues signals (sigqueue.c).  rvtcg's host handler records a host
 * signal on the receiving thread and kicks the thread back to the
 * execution loop, which delivers it at the next TB start:
 * rt_signal_handle_pending() takes the default action or builds the
 * riscv64 kernel's rt_sigframe on the guest stack.  Signal numbers of
 * riscv64 and x86-64 Linux agree (asm-generic/signal.h).
 */
#ifndef RT_SIGNAL_H
#define RT_SIGNAL_H

#include <stdint.h>

#include "rt_thread.h"

/* Main thread: its alternate stack, the host handlers, the sigreturn
 * trampoline page; the guest's initial mask is the inherited host mask
 * (and the host mask is cleared).  Call after rt_thread_register. */
void rt_signal_init(void);

/* Every other host thread running guest code calls this first: its own
 * sigaltstack(2) for the host fault handler. */
void rt_signal_thread_init(void);
/* ... and this when it stops running guest code for good: frees that
 * stack (handlers run on the thread's own stack from then on). */
void rt_signal_thread_exit(void);

/* A new guest thread (clone CLONE_THREAD) starts with its parent's mask
 * and nothing pending, no alternate stack (man 2 clone, man 2
 * sigaltstack): call on the child's RtThread before it runs. */
void rt_signal_thread_copy(RtThread *child, const RtThread *parent);

/* In the child of fork(2)/vfork/clone without CLONE_THREAD: nothing is
 * pending in a new process (man 2 fork). */
void rt_signal_after_fork(RtThread *t);

/* Around a host execve(2) of the guest: the new program inherits the
 * guest's mask as its host mask (the next rvtcg reads it back in
 * rt_signal_init); if execve fails, call rt_signal_exec_failed. */
void rt_signal_before_exec(RtThread *t);
void rt_signal_exec_failed(RtThread *t);

/* Delivers T's pending, unblocked guest signals: sets up the handlers'
 * frames or takes the default action (rt_handle_exit_request calls it,
 * with the guest fcsr saved in RvCpu). */
void rt_signal_handle_pending(RtThread *t);

/*
 * A synchronous signal for T (ebreak, illegal instruction, misaligned
 * access, fault in generated code) with si_code CODE and si_addr ADDR;
 * cpu.pc must be the faulting instruction.  Delivered before anything
 * else at the next rt_signal_handle_pending (T is kicked): to the guest
 * handler, or, if blocked, ignored or default, the default action
 * (kernel force_sig_fault).  Async-signal-safe.
 */
void rt_signal_raise_sync(RtThread *t, int sig, int code, uint64_t addr);

/* The instruction at PC cannot be fetched (rt_translate found nothing
 * executable there): SIGSEGV at PC, si_addr PC, SEGV_MAPERR for an
 * unmapped page, SEGV_ACCERR for one without PROT_EXEC. */
void rt_signal_fetch_fault(RtThread *t, uint64_t pc);

/*
 * The default action of a terminating signal SIG for T at guest PC: end
 * the process killed by that signal, like qemu-riscv64 (which prints
 * nothing: no core dump support for riscv); -d int logs the signal and
 * pc.
 */
_Noreturn void rt_signal_fatal(RtThread *t, int sig, uint64_t pc);

#endif
