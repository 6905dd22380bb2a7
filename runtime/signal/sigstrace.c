/*
 * -strace lines for signals the guest takes, in qemu-riscv64's format
 * (linux-user/strace.c print_taken_signal / print_siginfo):
 *   --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=N, si_uid=N} ---
 * The fields after si_code depend on the kind of siginfo: sent (pid,
 * uid), child status, fault (si_addr), poll, timer, queued (sigval).
 */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "sig_internal.h"

static void print_sig(FILE *f, int sig)
{
    const char *ab = sigabbrev_np(sig);
    if (ab)
        fprintf(f, "SIG%s", ab);
    else
        fprintf(f, "%d", sig);
}

static void print_ptr(FILE *f, uint64_t p)
{
    if (p)
        fprintf(f, "0x%016" PRIx64, p);
    else
        fprintf(f, "NULL");
}

static const char *code_name(int code)
{
    switch (code) {
    case SI_USER: return "SI_USER";
    case SI_KERNEL: return "SI_KERNEL";
    case SI_QUEUE: return "SI_QUEUE";
    case SI_TIMER: return "SI_TIMER";
    case SI_MESGQ: return "SI_MESGQ";
    case SI_ASYNCIO: return "SI_ASYNCIO";
    case SI_SIGIO: return "SI_SIGIO";
    case SI_TKILL: return "SI_TKILL";
    default: return NULL;
    }
}

void sig_strace_taken(int sig, const siginfo_t *si)
{
    if (!(rt_log_mask & RT_LOG_STRACE))
        return;
    FILE *f = rt_logfile;
    fprintf(f, "--- ");
    print_sig(f, sig);
    fprintf(f, " {si_signo=");
    print_sig(f, si->si_signo);
    const char *cn = code_name(si->si_code);
    if (cn)
        fprintf(f, ", si_code=%s", cn);
    else
        fprintf(f, ", si_code=%d", si->si_code);
    bool kernel = si->si_code > 0 && si->si_code != SI_KERNEL;
    if (kernel && sig == SIGCHLD)
        fprintf(f, ", si_pid=%u, si_uid=%u, si_status=%d, si_utime=%ld, "
                "si_stime=%ld", (unsigned)si->si_pid, (unsigned)si->si_uid,
                si->si_status, (long)si->si_utime, (long)si->si_stime);
    else if (kernel && (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
                        sig == SIGFPE || sig == SIGTRAP)) {
        fprintf(f, ", si_addr=");
        print_ptr(f, (uint64_t)(uintptr_t)si->si_addr);
    } else if (kernel && sig == SIGIO)
        fprintf(f, ", si_band=%ld, si_fd=%d", (long)si->si_band, si->si_fd);
    else if (si->si_code == SI_TIMER)
        fprintf(f, ", si_timer1=%u, si_timer2=%u", (unsigned)si->si_timerid,
                (unsigned)si->si_overrun);
    else if (si->si_code == SI_QUEUE || si->si_code == SI_MESGQ) {
        fprintf(f, ", si_pid=%u, si_uid=%u, si_sigval=",
                (unsigned)si->si_pid, (unsigned)si->si_uid);
        print_ptr(f, (uint64_t)(uintptr_t)si->si_value.sival_ptr);
    } else
        fprintf(f, ", si_pid=%u, si_uid=%u", (unsigned)si->si_pid,
                (unsigned)si->si_uid);
    fprintf(f, "} ---\n");
}
