/*
 * One TB from guest pc to host code (translate.h):
 *
 *   rv_translate (IR)  ->  opt_run (unless disabled)  ->  jit_compile
 *
 * jit_compile's failures are recovered here, never fatal while a smaller
 * block can still fit:
 *   -1  the code cache is full: tb_flush() everything and translate again
 *       (the descriptor, hence the exit token baked into the IR, changes);
 *       still full right after a flush: halve the instruction count;
 *   -2  the block needs more spill slots than the frame has: translate
 *       again with half as many instructions.
 * Translation runs under tb_lock (tb.h; the IR context here is static), and
 * first looks again: another thread may have translated the block while
 * this one waited for the lock.
 * The -d op text is captured before the optimizer runs and printed, with
 * in_asm, op_opt and out_asm, once the block has been committed, so a
 * retried block is logged once.  --stats counts the time spent here
 * (translate_ns, without waiting for the lock) and the host code bytes;
 * -perfmap names each committed block (perfmap.h).
 */
#include <stdlib.h>

#include "guest_mem.h"
#include "jit_emit.h"
#include "log.h"
#include "perfmap.h"
#include "rv_translate.h"
#include "stats.h"
#include "pins.h"
#include "translate.h"
#include "ir_text.h"

static RtTranslateConfig cfg;
static IrCtx *ir;

void rt_translate_init(const RtTranslateConfig *c)
{
    cfg = *c;
    ir = ir_ctx_new();
    rv_frontend_init(ir);
    rt_pins_apply_ir(ir);
}

static _Noreturn void cannot_compile(int rc, uint64_t pc)
{
    if (rc == -1)
        fprintf(stderr, "rvtcg: the code cache (--code-size=%zu) cannot hold "
                "even a one-instruction block\n", cfg.code_size);
    else
        fprintf(stderr, "rvtcg: internal error: the instruction at 0x%llx "
                "needs more spill slots than the frame has\n",
                (unsigned long long)pc);
    exit(1);
}

static TbDesc *translate_locked(uint64_t pc, RvTbFlags flags);

TbDesc *rt_translate(uint64_t pc, RvTbFlags flags)
{
    tb_lock();
    TbDesc *tb = tb_lookup(pc, flags);
    if (!tb) {
        uint64_t t0 = rt_stats_on ? rt_stats_now_ns() : 0;
        tb = translate_locked(pc, flags);
        if (rt_stats_on)
            RT_STAT_ADD(translate_ns, rt_stats_now_ns() - t0);
    }
    tb_unlock();
    return tb;
}

static TbDesc *translate_locked(uint64_t pc, RvTbFlags flags)
{
    RvTranslateCfg tcfg = {
        .guest_base = guest_base,
        .max_insns = cfg.max_insns,
        .can_fetch = mem_can_fetch,
        .ext = cfg.ext,
        .fusion = cfg.fusion,
        .ras = cfg.ras,
    };
    bool flushed = false;
    for (;;) {
        TbDesc *tb = tb_alloc();
        RvTbInfo info;
        ir_ctx_reset(ir);
        if (!rv_translate(ir, &tcfg, pc, flags, (uintptr_t)tb, &info))
            return NULL;

        bool log_in = rt_log_wants(RT_LOG_IN_ASM, pc);
        bool log_op = rt_log_wants(RT_LOG_OP, pc);
        bool log_opt = rt_log_wants(RT_LOG_OP_OPT, pc);
        bool log_out = rt_log_wants(RT_LOG_OUT_ASM, pc);
        char *op_text = log_op ? ir_dump_str(ir) : NULL;

        opt_run(ir, &cfg.opt);
        JitCompileInfo ci;
        int rc = jit_compile_info(tb_jit(), ir, &tb->jt, log_out ? &ci : NULL);
        if (rc == 0) {
            tb->guest_size = info.size;
            tb_commit(tb, pc, flags);
            RT_STAT_ADD(host_bytes, tb->jt.size);
            if (rt_perfmap_on)
                rt_perfmap_add(tb->jt.code, tb->jt.size, pc);
            if (log_in)
                rt_log_in_asm(pc, info.size);
            if (log_op)
                rt_log_ir("OP:", op_text);
            if (log_opt) {
                char *t = ir_dump_str(ir);
                rt_log_ir("OP after optimization:", t);
                free(t);
            }
            if (log_out) {
                rt_log_out_asm(&tb->jt, ci.code_bytes);
                free(ci.spans);
            }
            free(op_text);
            return tb;
        }
        free(op_text);
        if (rc == -1 && !flushed) {
            tb_flush();
            RT_STAT_INC(flushes_full);
            flushed = true;
            continue;
        }
        /* -2, or full right after a flush: fewer instructions */
        if (info.nb_insns <= 1)
            cannot_compile(rc, pc);
        tcfg.max_insns = info.nb_insns / 2;
        RT_STAT_INC(tb_retranslated);
    }
}
