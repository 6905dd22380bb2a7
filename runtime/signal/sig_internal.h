/*
 * Shared by the files of runtime/signal and sys_signal.c: the guest's
 * signal ABI (riscv64 Linux), the process-wide disposition table, the
 * recorded signals and the host mask mirror.
 *
 * Guest structures (linux include/uapi/asm-generic/signal.h and
 * arch/riscv/include/uapi/asm/{ucontext,sigcontext,ptrace}.h):
 *   struct sigaction   { handler; unsigned long flags; sigset_t mask; }
 *                      riscv has no SA_RESTORER, so no sa_restorer field
 *                      (x86-64's has one); the table keeps the guest's
 *                      struct, the host gets dispositions of rvtcg's.
 *   stack_t, siginfo_t same layout as x86-64 (LP64, generic).
 *   struct rt_sigframe { siginfo_t info; struct ucontext uc; }
 *   struct ucontext    { uc_flags; uc_link; stack_t uc_stack;
 *                        sigset_t uc_sigmask; u8 __unused[120];
 *                        struct sigcontext uc_mcontext (16-aligned); }
 *   struct sigcontext  { user_regs_struct {pc, x1..x31};
 *                        union __riscv_fp_state (528 bytes, D state
 *                        f[32] + fcsr first) }
 */
#ifndef SIG_INTERNAL_H
#define SIG_INTERNAL_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "rt_thread.h"

/* sa_flags bits (asm-generic/signal-defs.h; same values on x86-64) */
#define G_SA_NOCLDSTOP 0x00000001u
#define G_SA_NOCLDWAIT 0x00000002u
#define G_SA_SIGINFO   0x00000004u
#define G_SA_ONSTACK   0x08000000u
#define G_SA_RESTART   0x10000000u
#define G_SA_NODEFER   0x40000000u
#define G_SA_RESETHAND 0x80000000u

#define G_SIG_DFL 0
#define G_SIG_IGN 1

#define G_SS_ONSTACK 1
#define G_SS_DISABLE 2
#define G_SS_AUTODISARM (1u << 31)
#define G_MINSIGSTKSZ 2048           /* asm-generic/signal.h */

#define SIG_BIT(sig) ((uint64_t)1 << ((sig) - 1))
/* never blocked, never caught */
#define SIG_UNBLOCKABLE (SIG_BIT(SIGKILL) | SIG_BIT(SIGSTOP))

/* si_code of rvtcg's own wake-up signal to another thread of the process
 * (rt_tgsigqueueinfo: a negative code other than SI_TKILL may be sent to
 * any thread, kernel/signal.c do_rt_tgsigqueueinfo): the receiver only
 * returns to its loop. */
#define SIG_WAKE_CODE (-0x7276)

typedef struct GuestSigaction {
    uint64_t handler;
    uint64_t flags;
    uint64_t mask;
} GuestSigaction;

typedef struct GuestStack {
    uint64_t ss_sp;
    int32_t ss_flags;
    int32_t pad;
    uint64_t ss_size;
} GuestStack;

typedef struct GuestSigcontext {
    uint64_t gregs[32];              /* pc, then x1..x31 */
    uint64_t f[32];                  /* __riscv_d_ext_state */
    uint32_t fcsr;
    uint8_t fp_rest[528 - 260];      /* rest of the Q-sized union */
} __attribute__((aligned(16))) GuestSigcontext;

typedef struct GuestUcontext {
    uint64_t uc_flags;
    uint64_t uc_link;
    GuestStack uc_stack;
    uint64_t uc_sigmask;
    uint8_t unused[1024 / 8 - 8];
    GuestSigcontext uc_mcontext;
} GuestUcontext;

typedef struct GuestRtSigframe {
    uint8_t info[128];
    GuestUcontext uc;
} GuestRtSigframe;

_Static_assert(sizeof(GuestStack) == 24, "stack_t");
_Static_assert(__builtin_offsetof(GuestUcontext, uc_sigmask) == 40, "uc");
_Static_assert(__builtin_offsetof(GuestUcontext, uc_mcontext) == 176, "uc");
_Static_assert(sizeof(GuestUcontext) == 960, "ucontext_t");
_Static_assert(sizeof(GuestRtSigframe) == 1088, "rt_sigframe");
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t");

/* The disposition table (sigaction.c).  sig_action_get copies under the
 * table's lock; sig_action_set also updates the host disposition. */
void sig_action_get(int sig, GuestSigaction *out);
void sig_action_set(int sig, const GuestSigaction *act);

/* The guest address of the sigreturn trampoline (li a7, 139; ecall). */
uint64_t sig_trampoline(void);

/* Signals the host must never see handled by rvtcg: glibc's own
 * (SIGCANCEL 32, SIGSETXID 33) and SIGKILL/SIGSTOP. */
bool sig_host_reserved(int sig);

/* Records SIG as pending for T and kicks it (async-signal-safe). */
void sig_queue_thread(RtThread *t, int sig, const siginfo_t *si);
/* Records SIG as pending for the whole process (taken by the first
 * thread that does not block it; the caller wakes one) and kicks the
 * main thread (async-signal-safe). */
void sig_queue_process(int sig, const siginfo_t *si);
/* Takes SIG from T's recorded or the process's set into *si (false: in
 * neither); the thread's own first. */
bool sig_dequeue(RtThread *t, int sig, siginfo_t *si);
/* Takes the next signal in MASK (lowest number first); its number, or
 * 0. */
int sig_take(RtThread *t, uint64_t mask, siginfo_t *si);

/* Makes another thread of this process return to its loop, even from a
 * blocking host syscall. */
void sig_wake(RtThread *other);
/* The signals recorded for T (not those still pending in the host
 * kernel, blocked). */
uint64_t sig_pending_mask(RtThread *t);
/* Kicks T if something recorded is not blocked (after a mask change). */
void sig_recheck(RtThread *t);

/* Does the default action of SIG ignore it? (man 7 signal) */
bool sig_default_ignores(int sig);
bool sig_default_stops(int sig);

/* The -strace line of a signal the guest takes (sigstrace.c). */
void sig_strace_taken(int sig, const siginfo_t *si);

/* Builds the frame for handler ACT of SIG (sigframe.c); false if the
 * frame could not be written. */
bool sig_setup_frame(RtThread *t, int sig, const siginfo_t *si,
                     const GuestSigaction *act);

/* sigaltstack(2) semantics (sigframe.c): SP is the guest sp; 0 or -errno. */
int sig_do_sigaltstack(RtThread *t, const GuestStack *ss, GuestStack *oss,
                       uint64_t sp);

/* The mask for storing: never SIGKILL/SIGSTOP. */
static inline uint64_t sig_clean_mask(uint64_t m)
{
    return m & ~SIG_UNBLOCKABLE;
}

static inline uint64_t sig_blocked(RtThread *t)
{
    return __atomic_load_n(&t->sig.blocked, __ATOMIC_SEQ_CST);
}

/* Sets T's guest mask (T is the calling thread) and its host mask
 * (sigqueue.c). */
void sig_set_blocked(RtThread *t, uint64_t m);

/* The host mask that mirrors T's guest state (sigqueue.c), and setting it
 * (only for the calling thread). */
void sig_host_mask(RtThread *t, sigset_t *set);
void sig_host_sync(RtThread *t);

#endif
