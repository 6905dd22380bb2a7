/*
 * Zbc: carry-less multiplication.  RISC-V Bit-Manipulation
 * ISA-extensions 1.0.0, 2.3 "Zbc": with P the 128-bit carry-less product
 * of rs1 and rs2 (the xor of rs1 << i over the set bits i of rs2),
 * clmul rd = P[63:0], clmulh rd = P[127:64], clmulr rd = P[126:63].
 *
 * clmul and clmulh are the IR ops of the same names (PCLMULQDQ on the
 * host, docs/ir.md).  clmulr has no op of its own: P[126:63] is
 * (clmulh << 1) | (clmul >> 63), two products and three cheap ALU ops.
 * clmulr is rare (bit-reflected CRCs) and one more op would need its
 * lowering, folding and reference semantics for a saving of one
 * PCLMULQDQ.
 */
#include "rv_trans_util.h"

static bool gen_clmul(DisasCtx *ctx, const arg_r *a, IrOpcode opc)
{
    IrCtx *ir = ctx->ir;
    IrTemp s1 = rv_get_x(ctx, a->rs1), s2 = rv_get_x(ctx, a->rs2);
    if (opc == IR_OP_clmul)
        ir_clmul(ir, rv_dest_x(ctx, a->rd), s1, s2);
    else
        ir_clmulh(ir, rv_dest_x(ctx, a->rd), s1, s2);
    return true;
}

bool trans_clmul(DisasCtx *ctx, const arg_r *a)
{
    return gen_clmul(ctx, a, IR_OP_clmul);
}

bool trans_clmulh(DisasCtx *ctx, const arg_r *a)
{
    return gen_clmul(ctx, a, IR_OP_clmulh);
}

/* clmulr rd = P[126:63] = (P[127:64] << 1) | (P[63:0] >> 63) */
bool trans_clmulr(DisasCtx *ctx, const arg_r *a)
{
    IrCtx *ir = ctx->ir;
    IrTemp s1 = rv_get_x(ctx, a->rs1), s2 = rv_get_x(ctx, a->rs2);
    IrTemp lo = ir_temp_new_bb(ir, IR_I64), hi = ir_temp_new_bb(ir, IR_I64);
    ir_clmul(ir, lo, s1, s2);
    ir_clmulh(ir, hi, s1, s2);
    ir_shr(ir, IR_I64, lo, lo, ir_const_i64(ir, 63));
    ir_shl(ir, IR_I64, hi, hi, ir_const_i64(ir, 1));
    ir_or(ir, IR_I64, rv_dest_x(ctx, a->rd), hi, lo);
    return true;
}
