/*
 * Zbs: single-bit instructions.  RISC-V Bit-Manipulation ISA-extensions
 * 1.0.0, 2.4 "Zbs" (semantics in chapter 3): with index = rs2 & 63 (or the
 * 6-bit shamt on RV64),
 *   bclr  rd = rs1 & ~(1 << index)     bset rd = rs1 | (1 << index)
 *   binv  rd = rs1 ^ (1 << index)      bext rd = (rs1 >> index) & 1
 * The register forms build the mask with a shl (the IR count is mod 64,
 * matching the spec's rs2[5:0]); the immediate forms use a constant mask,
 * and bexti is one extract of a 1-bit field.
 */
#include "rv_trans_util.h"

/* rd = fn(rs1, 1 << (rs2 & 63)) */
static bool gen_bit_reg(DisasCtx *ctx, const arg_r *a, RvBinFn *fn)
{
    IrCtx *ir = ctx->ir;
    IrTemp m = ir_temp_new_bb(ir, IR_I64);
    ir_shl(ir, IR_I64, m, ir_const_i64(ir, 1), rv_get_x(ctx, a->rs2));
    fn(ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1), m);
    return true;
}

/* rd = fn(rs1, 1 << shamt) */
static bool gen_bit_imm(DisasCtx *ctx, const arg_shift *a, RvBinFn *fn)
{
    IrCtx *ir = ctx->ir;
    fn(ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1),
       ir_const_i64(ir, (int64_t)(1ULL << (a->shamt & 63))));
    return true;
}

bool trans_bclr(DisasCtx *ctx, const arg_r *a) { return gen_bit_reg(ctx, a, ir_andc); }
bool trans_bset(DisasCtx *ctx, const arg_r *a) { return gen_bit_reg(ctx, a, ir_or); }
bool trans_binv(DisasCtx *ctx, const arg_r *a) { return gen_bit_reg(ctx, a, ir_xor); }

bool trans_bclri(DisasCtx *ctx, const arg_shift *a)
{
    /* an and with the inverted constant: the constant may fit in s32 */
    IrCtx *ir = ctx->ir;
    ir_and(ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1),
           ir_const_i64(ir, (int64_t)~(1ULL << (a->shamt & 63))));
    return true;
}

bool trans_bseti(DisasCtx *ctx, const arg_shift *a) { return gen_bit_imm(ctx, a, ir_or); }
bool trans_binvi(DisasCtx *ctx, const arg_shift *a) { return gen_bit_imm(ctx, a, ir_xor); }

bool trans_bext(DisasCtx *ctx, const arg_r *a)
{
    IrCtx *ir = ctx->ir;
    IrTemp t = ir_temp_new_bb(ir, IR_I64);
    ir_shr(ir, IR_I64, t, rv_get_x(ctx, a->rs1), rv_get_x(ctx, a->rs2));
    ir_and(ir, IR_I64, rv_dest_x(ctx, a->rd), t, ir_const_i64(ir, 1));
    return true;
}

bool trans_bexti(DisasCtx *ctx, const arg_shift *a)
{
    ir_extract(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1),
               a->shamt & 63, 1);
    return true;
}
