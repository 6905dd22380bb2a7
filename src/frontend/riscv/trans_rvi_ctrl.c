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
#include <stddef.h>

#include "rv_trans_util.h"

/*
 * The return-address stack (docs/frontend.md), RISC-V Unprivileged ISA
 * 20191213, 2.5, Table 2.1 (x1 and x5 are link registers): JAL with a
 * link rd pushes; JALR by rd/rs1: neither link: none; only rs1: pop; only
 * rd: push; both and equal: push; both, different: pop, then push.
 *
 * A push records pc_next and this block's return stub under the current
 * sp (the callee returns with the same sp); the stub, emitted after the
 * block's exit: if the rounding mode is still the one this block was
 * translated for, leave through goto_tb slot 1 (free in a block ending in
 * a jump; the runtime chains it to the block at pc_next), else through
 * the loop.  A pop (ras_lookup_tb) jumps to the stub when the return
 * target is the pc pushed under sp, else it is lookup_tb.
 */
static bool is_link(unsigned r)
{
    return r == 1 || r == 5;
}

/* The push, if any: returns the stub's label (0 if none). */
static IrLabel gen_ras_push(DisasCtx *ctx, unsigned rd)
{
    if (!ctx->cfg->ras || !is_link(rd))
        return (IrLabel){ 0 };
    IrLabel stub = ir_label_new(ctx->ir);
    ir_ras_push(ctx->ir, ctx->x[2], ctx->pc_next, stub);
    return stub;
}

/* After the block's exit: the return stub of a push. */
static void gen_ras_stub(DisasCtx *ctx, IrLabel stub)
{
    if (!stub.id)
        return;
    IrCtx *ir = ctx->ir;
    IrLabel other_frm = ir_label_new(ir);
    IrTemp frm = ir_temp_new_bb(ir, IR_I32);
    IrTemp ret = ir_const_i64(ir, (int64_t)ctx->pc_next);
    ir_set_label(ir, stub);
    ir_ld_env(ir, IR_I32, frm, (int32_t)offsetof(RvCpu, frm), IR_MO_UL);
    ir_brcond(ir, IR_I32, frm, ir_const_i32(ir, ctx->flags.frm), IR_COND_NE,
              other_frm);
    ir_goto_tb(ir, 1);
    ir_mov(ir, IR_I64, ctx->pc_g, ret);
    ir_exit_tb(ir, (uint64_t)ctx->tb_token | 1);
    ir_set_label(ir, other_frm);
    ir_mov(ir, IR_I64, ctx->pc_g, ret);
    ir_exit_tb(ir, 0);
}

bool trans_jal(DisasCtx *ctx, const arg_j *a)
{
    rv_set_x(ctx, a->rd, ir_const_i64(ctx->ir, (int64_t)ctx->pc_next));
    IrLabel stub = gen_ras_push(ctx, a->rd);
    rv_gen_goto(ctx, 0, ctx->pc + (uint64_t)(int64_t)a->imm);
    gen_ras_stub(ctx, stub);
    ctx->end = RV_END_DONE;
    return true;
}

bool trans_jalr(DisasCtx *ctx, const arg_i *a)
{
    /* the target first: rd may be rs1 */
    uint64_t target;
    if (ctx->cfg->fusion && rv_const_x(ctx, a->rs1, &target)) {
        /* fused with the auipc/lui (+addi) that made rs1: a direct jump */
        target = (target + (uint64_t)(int64_t)a->imm) & ~(uint64_t)1;
        rv_set_x(ctx, a->rd, ir_const_i64(ctx->ir, (int64_t)ctx->pc_next));
        IrLabel stub = gen_ras_push(ctx, a->rd);
        rv_gen_goto(ctx, 0, target);
        gen_ras_stub(ctx, stub);
        ctx->end = RV_END_DONE;
        return true;
    }
    IrTemp dest = ir_temp_new_bb(ctx->ir, IR_I64);
    if (a->rs1 == 0) {
        ir_mov(ctx->ir, IR_I64, dest, ir_const_i64(ctx->ir, a->imm & ~1));
    } else {
        ir_add(ctx->ir, IR_I64, dest, ctx->x[a->rs1],
               ir_const_i64(ctx->ir, a->imm));
        ir_and(ctx->ir, IR_I64, dest, dest, ir_const_i64(ctx->ir, ~(int64_t)1));
    }
    rv_set_x(ctx, a->rd, ir_const_i64(ctx->ir, (int64_t)ctx->pc_next));
    IrLabel stub = { 0 };
    if (ctx->cfg->ras && is_link(a->rs1) && a->rs1 != a->rd) {
        /* a return: pc = dest; the ring's stub if it predicted dest */
        IrTemp host = ir_temp_new_bb(ctx->ir, IR_I64);
        ir_mov(ctx->ir, IR_I64, ctx->pc_g, dest);
        ir_ras_lookup_tb(ctx->ir, host, dest, ctx->x[2]);
        stub = gen_ras_push(ctx, a->rd);        /* pop, then push */
        ir_goto_ptr(ctx->ir, host);
    } else {
        stub = gen_ras_push(ctx, a->rd);
        rv_gen_goto_indirect(ctx, dest);
    }
    gen_ras_stub(ctx, stub);
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
