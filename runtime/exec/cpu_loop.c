/*
 * The execution loop (docs/runtime.md, "Execution loop").
 *
 *   find the TB for (cpu->pc, cpu->frm): jump cache -> hash -> translate
 *   chain: if the previous TB left through goto_tb slot S, patch S to it
 *   jit_enter, decode the exit value:
 *     0             continue at cpu->pc
 *     token | 0/1   left through that goto_tb slot: chain it next time round
 *     token | 2     exception: ecall, ebreak, illegal, fence.i, misaligned
 * (rv_cpu.h defines the exit values; token is the TbDesc address.)
 *
 * A slot is linked only to a TB with the same RvTbFlags as the one it
 * leaves from: the flags are fixed inside a TB, and a block that changes
 * frm ends without a chainable exit (rv_fcsr.h).  Nothing is allocated per
 * TB execution.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpu_loop.h"
#include "log.h"
#include "rt_signal.h"
#include "rv_fcsr_host.h"
#include "stats.h"
#include "syscall.h"
#include "translate.h"

static RtLoopConfig loop_cfg;

_Noreturn void rt_exit(int status)
{
    /* threads may end the process at the same time (exit_group in one,
     * the last exit in another): the first one flushes and exits, the
     * others wait for its _exit, which ends every thread */
    static int exiting;
    if (__atomic_exchange_n(&exiting, 1, __ATOMIC_SEQ_CST))
        for (;;)
            pause();
    rt_log_flush();
    if (loop_cfg.stats)
        rt_stats_print(stderr);
    fflush(stdout);
    fflush(stderr);
    _exit(status);
}

/* fence.i (and riscv_flush_icache until it passes its range to
 * tb_icache_sync): stores to code pages are detected (tbpage.c), so only
 * pending invalidations and the pages the guest may write are dropped, as
 * qemu-riscv64's fence.i, which ends the block and relies on the same
 * detection. */
void rt_flush_translations(void)
{
    tb_icache_sync(0, 0);
}

const void *rt_lookup_hook(void *env, uint64_t pc)
{
    RtThread *t = env;
    RT_STAT_INC(lookup_hook);
    if (!loop_cfg.chain)
        return NULL;
    RvTbFlags f = { .frm = (uint8_t)t->cpu.frm };
    TbDesc *tb = tb_jc_find(&t->jc, pc, f);
    return tb ? tb->jt.code : NULL;
}

void rt_handle_exit_request(RtThread *t)
{
    /* clear first: a request made while the sources are served is seen
     * again next time round */
    __atomic_store_n(&t->cpu.exit_request, 0, __ATOMIC_SEQ_CST);
    tb_safepoint(t);
    rt_signal_handle_pending(t);
}

static void exception(RtThread *t)
{
    RvCpu *cpu = &t->cpu;
    switch ((RvException)cpu->exception) {
    case RV_EXC_ECALL: {
        uint64_t a[6];
        memcpy(a, &cpu->x[10], sizeof a);
        t->sig.restart_syscall = 0;
        int64_t r = sys_dispatch(t, cpu->x[17], a);
        if (r == SYS_RET_KEEP)
            break;
        if (r == -SYS_ERESTARTSYS) {     /* syscall.h: run it again */
            t->sig.restart_syscall = 1;
            break;
        }
        cpu->x[10] = (uint64_t)r;
        cpu->pc += 4;
        break;
    }
    case RV_EXC_FENCE_I:
        rt_flush_translations();
        cpu->pc += 4;
        break;
    case RV_EXC_EBREAK:
        rt_signal_raise_sync(t, SIGTRAP, TRAP_BRKPT, cpu->pc);
        break;
    case RV_EXC_ILLEGAL:
        rt_signal_raise_sync(t, SIGILL, ILL_ILLOPC, cpu->pc);
        break;
    case RV_EXC_MISALIGNED:
        /* qemu-riscv64 reports a misaligned AMO/LR/SC as SIGBUS */
        rt_signal_raise_sync(t, SIGBUS, BUS_ADRALN, cpu->badaddr);
        break;
    case RV_EXC_NONE:
    default:
        fprintf(stderr, "rvtcg: internal error: exception %u at pc 0x%" PRIx64
                "\n", cpu->exception, cpu->pc);
        rt_exit(1);
    }
    cpu->exception = RV_EXC_NONE;
}

void rt_loop_config_set(const RtLoopConfig *cfg)
{
    loop_cfg = *cfg;
}

_Noreturn void rt_cpu_loop(RtThread *t)
{
    RvCpu *cpu = &t->cpu;
    Jit *jit = tb_jit();
    bool log_exec = rt_log_mask & RT_LOG_EXEC;
    bool log_cpu = rt_log_mask & RT_LOG_CPU;

    /* volatile: kept across a longjmp back to the loop_jmp point */
    TbDesc *volatile last = NULL; /* left through goto_tb slot last_slot */
    volatile unsigned last_slot = 0;
    volatile uint64_t gen = tb_flush_count();
    /* A fault handler abandoning generated code (rt_thread.h loop_jmp)
     * comes back here with the guest state in RvCpu, the MXCSR possibly
     * not saved: it saved what it needed before jumping. */
    if (sigsetjmp(t->loop_jmp, 1)) {
        tb_exec_leave(t);
        last = NULL;
    }
    /* MXCSR holds frm and the accrued flags from now on (rv_fcsr_host.h):
     * nothing in the loop computes in floating point */
    rv_fpu_host_load(cpu);
    for (;;) {
        if (cpu->exit_request) {
            rv_fpu_host_save(cpu);
            rt_handle_exit_request(t);
            rv_fpu_host_load(cpu);
            last = NULL;
        }
        /* lookups take no lock (tb.h): a TB found while a flush ran or
         * before one is stale, which the count shows once inside */
        uint64_t g0 = tb_flush_count();
        if (g0 != gen) {                   /* `last` was flushed away */
            gen = g0;
            last = NULL;
        }
        RvTbFlags flags = { .frm = (uint8_t)cpu->frm };
        TbDesc *tb = tb_jc_find(&t->jc, cpu->pc, flags);
        bool entered = false;
        if (!tb) {
            /* translate and enter under tb_lock: no flush can drop the
             * new block before it runs once (with several threads and a
             * tiny code cache, each would otherwise flush the others'
             * blocks forever) */
            tb_lock();
            tb = rt_translate(cpu->pc, flags);
            if (!tb) {  /* the first instruction is not executable */
                tb_unlock();
                rt_signal_fetch_fault(t, cpu->pc);
                continue;
            }
            __atomic_store_n(&t->jc.e[tb_jc_index(cpu->pc)], tb,
                             __ATOMIC_RELEASE);
            if (tb_flush_count() != gen) {  /* it flushed */
                gen = tb_flush_count();
                last = NULL;
            }
            entered = true;
        }
        if (last && loop_cfg.chain && tb_flags_eq(last->flags, tb->flags))
            tb_link(last, last_slot, tb, gen);
        last = NULL;

        if (log_exec && rt_log_wants(RT_LOG_EXEC, tb->pc))
            rt_log_exec(tb);
        if (log_cpu && rt_log_wants(RT_LOG_CPU, tb->pc)) {
            rv_fpu_host_save(cpu);          /* fflags into RvCpu */
            rt_log_cpu(cpu);
        }

        RT_STAT_INC(loop_entries);
        uint32_t nb_insns = tb->jt.nb_insns;
        if (entered) {
            tb_exec_enter(t);   /* no flush runs: we hold tb_lock */
            tb_unlock();
        } else {
            tb_exec_enter(t);   /* waits while a flush runs */
            if (tb_flush_count() != g0) {
                tb_exec_leave(t);
                continue;
            }
        }
        uintptr_t r = jit_enter(jit, t, tb->jt.code);
        tb_exec_leave(t);
        /* RvCpu.instret, approximately (docs/frontend.md "Counters"):
         * the blocks entered from here, not those reached by chaining */
        cpu->instret += nb_insns;
        if (r == 0)
            continue;
        TbDesc *from = (TbDesc *)(r & ~(uintptr_t)RV_EXIT_SLOT_MASK);
        unsigned slot = (unsigned)(r & RV_EXIT_SLOT_MASK);
        if (slot == RV_EXIT_EXCEPTION) {
            rv_fpu_host_save(cpu);
            exception(t);
            rv_fpu_host_load(cpu);
        }
        else if (slot < 2) {
            last = from;
            last_slot = slot;
        }
    }
}
