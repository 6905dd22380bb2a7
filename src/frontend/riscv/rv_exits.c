/*
 * How a translation block leaves: the exit protocol of rv_cpu.h built from
 * IR.  RISC-V Unprivileged ISA 20191213, 2.5 (control transfers), 2.8
 * (ECALL/EBREAK), 8.2/8.4 (LR/SC and AMOs need natural alignment).
 *
 *   rv_gen_goto      goto_tb SLOT, then (unpatched path) pc = dest and
 *                    exit_tb token|SLOT: a chained jump pays no pc store.
 *   rv_gen_goto_indirect
 *                    pc = dest; lookup_tb; goto_ptr (a miss returns 0 from
 *                    jit_enter: "continue at cpu->pc", no chaining).
 *   rv_gen_exception pc = the instruction's pc, cpu->exception (and for
 *                    RV_EXC_ILLEGAL cpu->insn), exit_tb token|2.
 *   slow exits       a misaligned atomic branches to an exit placed after
 *                    the block's body (cold code out of the hot path).
 */
#include "rv_disas_ctx.h"

#include <stddef.h>

static void set_pc(DisasCtx *ctx, IrTemp v)
{
    ir_mov(ctx->ir, IR_I64, ctx->pc_g, v);
}

static void store_u32(DisasCtx *ctx, uint32_t v, size_t ofs)
{
    ir_st_env(ctx->ir, IR_I32, ir_const_i32(ctx->ir, (int32_t)v),
              (int32_t)ofs, IR_MO_UL);
}

void rv_gen_goto(DisasCtx *ctx, unsigned slot, uint64_t dest)
{
    ir_goto_tb(ctx->ir, slot);
    set_pc(ctx, ir_const_i64(ctx->ir, (int64_t)dest));
    ir_exit_tb(ctx->ir, (uint64_t)ctx->tb_token | slot);
}

void rv_gen_goto_indirect(DisasCtx *ctx, IrTemp dest)
{
    IrTemp host = ir_temp_new_bb(ctx->ir, IR_I64);
    set_pc(ctx, dest);
    ir_lookup_tb(ctx->ir, host, dest);
    ir_goto_ptr(ctx->ir, host);
}

static void exception_at(DisasCtx *ctx, uint64_t pc, uint32_t insn,
                         RvException exc)
{
    set_pc(ctx, ir_const_i64(ctx->ir, (int64_t)pc));
    store_u32(ctx, exc, offsetof(RvCpu, exception));
    if (exc == RV_EXC_ILLEGAL || exc == RV_EXC_MISALIGNED)
        store_u32(ctx, insn, offsetof(RvCpu, insn));
    ir_exit_tb(ctx->ir, (uint64_t)ctx->tb_token | RV_EXIT_EXCEPTION);
}

void rv_gen_exception(DisasCtx *ctx, RvException exc)
{
    exception_at(ctx, ctx->pc, ctx->insn, exc);
}

void rv_gen_check_align(DisasCtx *ctx, unsigned addr_reg, unsigned size)
{
    if (addr_reg == 0 || size == 1)
        return;
    /* translate.c ends the block before the table can overflow */
    RvSlowExit *s = &ctx->slow[ctx->nb_slow++];
    s->label = ir_label_new(ctx->ir);
    s->pc = ctx->pc;
    s->insn = ctx->insn;
    s->addr_reg = (uint8_t)addr_reg;
    IrTemp low = ir_temp_new_bb(ctx->ir, IR_I64);
    ir_and(ctx->ir, IR_I64, low, ctx->x[addr_reg],
           ir_const_i64(ctx->ir, (int64_t)size - 1));
    ir_brcond(ctx->ir, IR_I64, low, ir_const_i64(ctx->ir, 0), IR_COND_NE,
              s->label);
}

void rv_gen_slow_exits(DisasCtx *ctx)
{
    for (unsigned i = 0; i < ctx->nb_slow; i++) {
        const RvSlowExit *s = &ctx->slow[i];
        ir_set_label(ctx->ir, s->label);
        ir_st_env(ctx->ir, IR_I64, ctx->x[s->addr_reg],
                  (int32_t)offsetof(RvCpu, badaddr), IR_MO_UQ);
        exception_at(ctx, s->pc, s->insn, RV_EXC_MISALIGNED);
    }
    ctx->nb_slow = 0;
}
