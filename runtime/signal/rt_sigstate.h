/*
 * Per-thread signal state of a guest thread (embedded in RtThread): the
 * guest's blocked mask, the signals queued for it, its sigaltstack(2).
 * Owned by runtime/signal; the rest of the runtime only embeds it.
 * Guest sigset_t is 64 bits on riscv64 (asm-generic: _NSIG 64).
 */
#ifndef RT_SIGSTATE_H
#define RT_SIGSTATE_H

#include <signal.h>
#include <stdint.h>

#define RT_NSIG 64                   /* signals 1..64 */

typedef struct RtSigThread {
    uint64_t blocked;                /* guest mask: bit (sig - 1) */
    volatile uint64_t pending;       /* queued for this thread: bit sig-1 */
    siginfo_t info[RT_NSIG];         /* the siginfo of each pending signal */
    uint64_t alt_sp, alt_size;       /* sigaltstack(2); alt_size 0: none */
    int alt_flags;
    int restart_syscall;             /* the ecall at pc returned
                                        -SYS_ERESTARTSYS (syscall.h) */
} RtSigThread;

#endif
