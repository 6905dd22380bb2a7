/*
 * The guest's signal dispositions (rt_sigaction(2)) and what they mean for
 * the host: a process-wide table, and the host disposition that makes
 * each guest disposition work (like QEMU linux-user):
 *   guest handler                    host handler (sigqueue.c)
 *   SIG_IGN                          host SIG_IGN (inherited across exec)
 *   SIG_DFL, default ignore / stop   host SIG_DFL: the kernel does it, and
 *                                    blocking syscalls are not interrupted
 *   SIG_DFL, default terminate       host handler (delivery calls
 *                                    rt_signal_fatal)
 *   SIGSEGV, SIGBUS, SIGILL, SIGFPE  always the fault handler (hostfault.c)
 *   32, 33 (host glibc's SIGCANCEL/SIGSETXID), SIGKILL, SIGSTOP: the host
 *   disposition is never touched.
 * Host handlers run on the thread's sigaltstack with every signal blocked
 * and without SA_RESTART, so blocking host syscalls fail with EINTR and
 * the syscall layer returns -SYS_ERESTARTSYS or -EINTR.
 *
 * Also the sigreturn trampoline: riscv64 Linux returns from handlers
 * through the vDSO's __vdso_rt_sigreturn; rvtcg has no vDSO, so like
 * qemu-riscv64 it maps one guest page holding `li a7, 139; ecall`.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "guest_mem.h"
#include "rt_signal.h"
#include "sig_internal.h"

#define ALT_STACK_SIZE (64 * 1024)

void sig_host_on_signal(int sig, siginfo_t *si, void *uc);   /* sigqueue.c */
void sig_host_on_fault(int sig, siginfo_t *si, void *uc);    /* hostfault.c */

static pthread_mutex_t actions_mu = PTHREAD_MUTEX_INITIALIZER;
static GuestSigaction actions[RT_NSIG + 1];
static uint64_t trampoline;

bool sig_host_reserved(int sig)
{
    return sig == SIGKILL || sig == SIGSTOP || sig == 32 || sig == 33;
}

static bool is_fault_sig(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE;
}

/* man 7 signal, "Standard signals": Ign and Stop/Cont actions */
bool sig_default_ignores(int sig)
{
    return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH ||
           sig == SIGCONT;
}

bool sig_default_stops(int sig)
{
    return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
           sig == SIGTTOU;
}

/* FLAGS: SA_NOCLDSTOP / SA_NOCLDWAIT of a guest SIGCHLD disposition,
 * which the host kernel must apply (same values, signal-defs.h). */
static void host_install(int sig, void (*fn)(int, siginfo_t *, void *),
                         int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | flags;
    sigfillset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void host_set(int sig, void (*h)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/* The host disposition for guest disposition ACT of SIG (table above). */
static void host_apply(int sig, const GuestSigaction *act)
{
    if (sig_host_reserved(sig))
        return;
    if (is_fault_sig(sig)) {
        host_install(sig, sig_host_on_fault, 0);
        return;
    }
    int flags = sig == SIGCHLD
                    ? (int)(act->flags & (G_SA_NOCLDSTOP | G_SA_NOCLDWAIT))
                    : 0;
    if (act->handler == G_SIG_IGN)
        host_set(sig, SIG_IGN, flags);
    else if (act->handler == G_SIG_DFL &&
             (sig_default_ignores(sig) || sig_default_stops(sig)))
        host_set(sig, SIG_DFL, flags);
    else
        host_install(sig, sig_host_on_signal, flags);
}

void sig_action_get(int sig, GuestSigaction *out)
{
    pthread_mutex_lock(&actions_mu);
    *out = actions[sig];
    pthread_mutex_unlock(&actions_mu);
}

void sig_action_set(int sig, const GuestSigaction *act)
{
    pthread_mutex_lock(&actions_mu);
    actions[sig] = *act;
    actions[sig].mask = sig_clean_mask(act->mask);
    host_apply(sig, &actions[sig]);
    pthread_mutex_unlock(&actions_mu);
}

uint64_t sig_trampoline(void)
{
    return trampoline;
}

/* One guest page, mapped like a guest mmap (so it lies in the guest
 * address space and shows in /proc/self/maps, as qemu-riscv64's does). */
static void map_trampoline(void)
{
    int64_t g = mem_mmap(0, MEM_PAGE_SIZE, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (g < 0) {
        fprintf(stderr, "rvtcg: cannot map the signal trampoline\n");
        exit(1);
    }
    static const uint32_t code[2] = {
        0x08b00893,         /* addi a7, zero, 139 (__NR_rt_sigreturn) */
        0x00000073,         /* ecall */
    };
    memcpy(g2h((uint64_t)g), code, sizeof code);
    mem_protect((uint64_t)g, MEM_PAGE_SIZE, PROT_READ | PROT_EXEC);
    trampoline = (uint64_t)g;
}

static __thread void *alt_stack;

void rt_signal_thread_init(void)
{
    stack_t ss = { .ss_sp = malloc(ALT_STACK_SIZE), .ss_size = ALT_STACK_SIZE };
    if (ss.ss_sp && sigaltstack(&ss, NULL) == 0)
        alt_stack = ss.ss_sp;
    else
        free(ss.ss_sp);
}

void rt_signal_thread_exit(void)
{
    if (!alt_stack)
        return;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    stack_t off = { .ss_flags = SS_DISABLE };
    if (sigaltstack(&off, NULL) == 0) {
        free(alt_stack);
        alt_stack = NULL;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void rt_signal_init(void)
{
    rt_signal_thread_init();
    map_trampoline();

    /* the inherited host mask is the guest's (sig_set_blocked puts the
     * mirrored mask back on the host) */
    sigset_t none, old;
    sigemptyset(&none);
    pthread_sigmask(SIG_SETMASK, &none, &old);
    uint64_t blocked = 0;
    for (int sig = 1; sig <= RT_NSIG; sig++)
        if (sigismember(&old, sig) == 1)
            blocked |= SIG_BIT(sig);
    if (rt_self) {
        rt_signal_after_fork(rt_self);      /* also: the thread to kick */
        sig_set_blocked(rt_self, blocked);
        rt_self->sig.alt_flags = G_SS_DISABLE;
    }

    /* an inherited SIG_IGN is the guest's (man 2 execve) */
    pthread_mutex_lock(&actions_mu);
    for (int sig = 1; sig <= RT_NSIG; sig++) {
        if (sig_host_reserved(sig))
            continue;
        struct sigaction cur;
        if (sigaction(sig, NULL, &cur) == 0 && cur.sa_handler == SIG_IGN &&
            !(cur.sa_flags & SA_SIGINFO))
            actions[sig].handler = G_SIG_IGN;
        host_apply(sig, &actions[sig]);
    }
    pthread_mutex_unlock(&actions_mu);
}

void rt_signal_thread_copy(RtThread *child, const RtThread *parent)
{
    memset(&child->sig, 0, sizeof child->sig);
    child->sig.blocked = parent->sig.blocked;
    child->sig.alt_flags = G_SS_DISABLE;
    child->sig.need_sync = 1;
    /* its first loop iteration sets the host mask from its own state (it
     * starts with the parent's host mask, maybe blocking signals the
     * parent has recorded) */
    rt_thread_kick(child);
}

void rt_signal_before_exec(RtThread *t)
{
    sigset_t set;
    sigemptyset(&set);
    for (int sig = 1; sig <= RT_NSIG; sig++)
        if (!sig_host_reserved(sig) && (t->sig.blocked & SIG_BIT(sig)))
            sigaddset(&set, sig);
    pthread_sigmask(SIG_SETMASK, &set, NULL);
}

void rt_signal_exec_failed(RtThread *t)
{
    sig_host_sync(t);
}
