/*
 * Guest signals, minimal for now (docs/runtime.md, "Signals"): the guest
 * has no handlers yet, so every synchronous signal gets the default
 * action, and host faults inside generated code become the guest's signal
 * at the exact guest pc (the TB's pc map).  Signal numbers of riscv64 and
 * x86-64 Linux agree for everything used here (asm-generic/signal.h).
 */
#ifndef RT_SIGNAL_H
#define RT_SIGNAL_H

#include <stdint.h>

#include "rt_thread.h"

/* Installs the host SIGSEGV/SIGBUS/SIGILL handler on an alternate stack. */
void rt_signal_init(void);

/*
 * Delivers synchronous signal SIG to guest thread T at guest PC: with no
 * guest handler, the default action.  For the signals that terminate
 * (and dump core), that is what qemu-riscv64 does: end the process killed
 * by the same signal (exit status 128 + SIG in a shell).  qemu-riscv64 7.2
 * prints nothing (it has no core dump support for riscv, so its "uncaught
 * target signal" line never appears); -d int logs the signal and pc.
 * Async-signal-safe enough to be called from the host fault handler.
 */
/* Delivers T's pending, unblocked guest signals: sets up the handler's
 * frame or takes the default action (rt_handle_exit_request calls it). */
void rt_signal_handle_pending(RtThread *t);

_Noreturn void rt_signal_fatal(RtThread *t, int sig, uint64_t pc);

#endif
