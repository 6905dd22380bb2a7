/*
 * The default action of a terminating guest signal (rt_signal.h), after
 * linux-user/signal.c's dump_core_and_abort in QEMU: no core of the
 * emulator (RLIMIT_CORE 0), the host default disposition restored and
 * the signal raised again, unblocked, so the parent sees the guest killed
 * by that signal.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cpu_loop.h"
#include "log.h"
#include "rt_signal.h"

_Noreturn void rt_signal_fatal(RtThread *t, int sig, uint64_t pc)
{
    t->cpu.pc = pc;
    if (rt_log_mask & RT_LOG_INT) {
        fprintf(rt_logfile, "rvtcg: uncaught target signal %d (%s) at pc "
                "0x%016" PRIx64 "\n", sig, strsignal(sig), pc);
        if (sig == SIGILL)
            fprintf(rt_logfile, "rvtcg: instruction 0x%08" PRIx32 "\n",
                    t->cpu.insn);
    }
    rt_log_flush();
    fflush(stdout);
    fflush(stderr);

    struct rlimit nocore = { 0, 0 };
    setrlimit(RLIMIT_CORE, &nocore);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigaction(sig, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    kill(getpid(), sig);
    _exit(128 + sig);       /* not reached for terminating signals */
}
