/*
 * Zicond: integer conditional operations.  RISC-V "Zicond" extension for
 * Integer Conditional Operations 1.0.0, 2.1 CZERO.EQZ and 2.2 CZERO.NEZ:
 * rd = rs1, or 0 when rs2 is zero (eqz) / non-zero (nez).  One movcond:
 * on x86-64 a test and a cmov against a zeroed register.
 */
#include "rv_trans_util.h"

static bool gen_czero(DisasCtx *ctx, const arg_r *a, IrCond zero_when)
{
    IrCtx *ir = ctx->ir;
    IrTemp zero = ir_const_i64(ir, 0);
    ir_movcond(ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs2), zero,
               zero, rv_get_x(ctx, a->rs1), zero_when);
    return true;
}

bool trans_czero_eqz(DisasCtx *ctx, const arg_r *a)
{
    return gen_czero(ctx, a, IR_COND_EQ);
}

bool trans_czero_nez(DisasCtx *ctx, const arg_r *a)
{
    return gen_czero(ctx, a, IR_COND_NE);
}
