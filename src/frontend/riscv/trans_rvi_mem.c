/*
 * RV64I loads and stores.  RISC-V Unprivileged ISA 20191213, 2.6 "Load and
 * Store Instructions" (address = rs1 + sign-extended imm; LB/LH/LW
 * sign-extend, LBU/LHU zero-extend) and 5.3 (RV64I adds LWU, LD, SD).
 *
 * Misaligned addresses: the ISA lets the execution environment handle
 * them; Linux emulates misaligned loads and stores in the kernel, so for a
 * user program they simply work.  x86 does the same in hardware, so the
 * accesses carry no IR_MO_ALIGN.  Loads into x0 still happen (they may
 * fault).
 */
#include "rv_disas_ctx.h"

static IrTemp gen_addr(DisasCtx *ctx, unsigned rs1, int imm)
{
    if (rs1 == 0)
        return ir_const_i64(ctx->ir, imm);
    if (imm == 0)
        return ctx->x[rs1];
    IrTemp t = ir_temp_new_bb(ctx->ir, IR_I64);
    ir_add(ctx->ir, IR_I64, t, ctx->x[rs1], ir_const_i64(ctx->ir, imm));
    return t;
}

static bool gen_load(DisasCtx *ctx, const arg_i *a, IrMemOp mop)
{
    IrTemp addr = gen_addr(ctx, a->rs1, a->imm);
    ir_ld_guest(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), addr, mop);
    return true;
}

static bool gen_store(DisasCtx *ctx, const arg_s *a, IrMemOp mop)
{
    IrTemp addr = gen_addr(ctx, a->rs1, a->imm);
    ir_st_guest(ctx->ir, IR_I64, rv_get_x(ctx, a->rs2), addr, mop);
    return true;
}

bool trans_lb(DisasCtx *ctx, const arg_i *a)  { return gen_load(ctx, a, IR_MO_SB); }
bool trans_lh(DisasCtx *ctx, const arg_i *a)  { return gen_load(ctx, a, IR_MO_SW); }
bool trans_lw(DisasCtx *ctx, const arg_i *a)  { return gen_load(ctx, a, IR_MO_SL); }
bool trans_ld(DisasCtx *ctx, const arg_i *a)  { return gen_load(ctx, a, IR_MO_UQ); }
bool trans_lbu(DisasCtx *ctx, const arg_i *a) { return gen_load(ctx, a, IR_MO_UB); }
bool trans_lhu(DisasCtx *ctx, const arg_i *a) { return gen_load(ctx, a, IR_MO_UW); }
bool trans_lwu(DisasCtx *ctx, const arg_i *a) { return gen_load(ctx, a, IR_MO_UL); }

bool trans_sb(DisasCtx *ctx, const arg_s *a) { return gen_store(ctx, a, IR_MO_UB); }
bool trans_sh(DisasCtx *ctx, const arg_s *a) { return gen_store(ctx, a, IR_MO_UW); }
bool trans_sw(DisasCtx *ctx, const arg_s *a) { return gen_store(ctx, a, IR_MO_UL); }
bool trans_sd(DisasCtx *ctx, const arg_s *a) { return gen_store(ctx, a, IR_MO_UQ); }
