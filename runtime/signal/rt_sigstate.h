/*
 * Per-thread signal state of a guest thread (embedded in RtThread): the
 * guest's blocked mask, the signals queued for it, its sigaltstack(2),
 * a pending synchronous signal (a fault), and the syscall-restart and
 * sigsuspend bookkeeping of the delivery code.  Owned by runtime/signal;
 * the rest of the runtime only embeds it (a new thread copies `blocked`
 * from its parent and zeroes the rest, see rt_signal.h).
 * Guest sigset_t is 64 bits on riscv64 (asm-generic: _NSIG 64).
 */
#ifndef RT_SIGSTATE_H
#define RT_SIGSTATE_H

#include <signal.h>
#include <stdint.h>

#define RT_NSIG 64                   /* signals 1..64 */

typedef struct RtSigThread {
    uint64_t blocked;                /* guest mask: bit (sig - 1); written
                                        only by the owner, read atomically
                                        by others */
    volatile uint64_t pending;       /* recorded by rvtcg's host handler,
                                        not yet delivered: bit sig-1 (those
                                        blocked on the host stay in the
                                        host kernel) */
    siginfo_t info[RT_NSIG];         /* the siginfo of each recorded one */
    uint64_t alt_sp, alt_size;       /* sigaltstack(2); alt_size 0: none */
    int alt_flags;                   /* SS_DISABLE initially (zero state is
                                        read as "none" too) */
    int restart_syscall;             /* the ecall at pc returned
                                        -SYS_ERESTARTSYS (syscall.h) */
    volatile int sync_sig;           /* a synchronous signal (fault, ebreak,
                                        illegal insn) to deliver first */
    siginfo_t sync_info;
    int need_sync;                   /* the host mask is not the mirror
                                        yet (a new thread) */
    int has_saved_mask;              /* rt_sigsuspend: the mask to put in
                                        the frame / restore afterwards */
    uint64_t saved_mask;
} RtSigThread;

#endif
