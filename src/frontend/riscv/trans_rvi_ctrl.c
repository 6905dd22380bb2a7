/*
 * RV64I control transfer, memory ordering and environment instructions.
 * RISC-V Unprivileged ISA 20191213: 2.5 "Control Transfer Instructions"
 * (JAL, JALR: target = (rs1 + imm) & ~1, link = pc + length; conditional
 * branches), 2.7 "Memory Ordering Instructions" (FENCE, FENCE.TSO), 2.8
 * "Environment Call and Breakpoints" (ECALL, EBREAK).
 *
 * Targets are 2-byte aligned by construction (C extension present), so no
 * misaligned-target exception exists.  Each of these ends the block; the
 * link value is a constant since the translator knows pc.
 *
 * Fences on an x86-TSO host: only an earlier store before a later load
 * needs a real barrier (mfence); the other orders hold already, so the
 * IR mb carries the exact set and the backend drops what x86 gives free.
 * Device input/output bits (I, O) are treated as reads/writes.
 */
#include "rv_disas_ctx.h"

bool trans_jal(DisasCtx *ctx, const arg_j *a)
{
    rv_set_x(ctx, a->rd, ir_const_i64(ctx->ir, (int64_t)ctx->pc_next));
    rv_gen_goto(ctx, 0, ctx->pc + (uint64_t)(int64_t)a->imm);
    ctx->end = RV_END_DONE;
    return true;
}

bool trans_jalr(DisasCtx *ctx, const arg_i *a)
{
    /* the target first: rd may be rs1 */
    IrTemp dest = ir_temp_new_bb(ctx->ir, IR_I64);
    if (a->rs1 == 0) {
        ir_mov(ctx->ir, IR_I64, dest, ir_const_i64(ctx->ir, a->imm & ~1));
    } else {
        ir_add(ctx->ir, IR_I64, dest, ctx->x[a->rs1],
               ir_const_i64(ctx->ir, a->imm));
        ir_and(ctx->ir, IR_I64, dest, dest, ir_const_i64(ctx->ir, ~(int64_t)1));
    }
    rv_set_x(ctx, a->rd, ir_const_i64(ctx->ir, (int64_t)ctx->pc_next));
    rv_gen_goto_indirect(ctx, dest);
    ctx->end = RV_END_DONE;
    return true;
}

static bool gen_branch(DisasCtx *ctx, const arg_b *a, IrCond cond)
{
    IrLabel taken = ir_label_new(ctx->ir);
    ir_brcond(ctx->ir, IR_I64, rv_get_x(ctx, a->rs1), rv_get_x(ctx, a->rs2),
              cond, taken);
    rv_gen_goto(ctx, 1, ctx->pc_next);
    ir_set_label(ctx->ir, taken);
    rv_gen_goto(ctx, 0, ctx->pc + (uint64_t)(int64_t)a->imm);
    ctx->end = RV_END_DONE;
    return true;
}

bool trans_beq(DisasCtx *ctx, const arg_b *a)  { return gen_branch(ctx, a, IR_COND_EQ); }
bool trans_bne(DisasCtx *ctx, const arg_b *a)  { return gen_branch(ctx, a, IR_COND_NE); }
bool trans_blt(DisasCtx *ctx, const arg_b *a)  { return gen_branch(ctx, a, IR_COND_LT); }
bool trans_bge(DisasCtx *ctx, const arg_b *a)  { return gen_branch(ctx, a, IR_COND_GE); }
bool trans_bltu(DisasCtx *ctx, const arg_b *a) { return gen_branch(ctx, a, IR_COND_LTU); }
bool trans_bgeu(DisasCtx *ctx, const arg_b *a) { return gen_branch(ctx, a, IR_COND_GEU); }

/* FENCE pred/succ bits: I O R W = 8 4 2 1. */
static bool reads(int set)  { return set & 0xa; }
static bool writes(int set) { return set & 0x5; }

bool trans_fence(DisasCtx *ctx, const arg_fence *a)
{
    IrBarrier bar = 0;
    if (reads(a->pred) && reads(a->succ))
        bar |= IR_BAR_LD_LD;
    if (reads(a->pred) && writes(a->succ))
        bar |= IR_BAR_LD_ST;
    if (writes(a->pred) && reads(a->succ))
        bar |= IR_BAR_ST_LD;
    if (writes(a->pred) && writes(a->succ))
        bar |= IR_BAR_ST_ST;
    if (bar)
        ir_mb(ctx->ir, bar);
    return true;
}

/* FENCE.TSO orders everything but earlier stores before later loads. */
bool trans_fence_tso(DisasCtx *ctx, const arg_fence *a)
{
    (void)a;
    ir_mb(ctx->ir, IR_BAR_LD_LD | IR_BAR_LD_ST | IR_BAR_ST_ST);
    return true;
}

bool trans_ecall(DisasCtx *ctx, const arg_empty *a)
{
    (void)a;
    rv_gen_exception(ctx, RV_EXC_ECALL);
    ctx->end = RV_END_DONE;
    return true;
}

bool trans_ebreak(DisasCtx *ctx, const arg_empty *a)
{
    (void)a;
    rv_gen_exception(ctx, RV_EXC_EBREAK);
    ctx->end = RV_END_DONE;
    return true;
}
