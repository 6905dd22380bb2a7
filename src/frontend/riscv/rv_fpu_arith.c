/*
 * F/D computational instructions (RISC-V Unprivileged ISA 20191213, 11.6
 * "Single-Precision Floating-Point Computational Instructions", 12.4 for
 * D): FADD FSUB FMUL FDIV FSQRT, the four fused multiply-adds, FMIN/FMAX.
 *
 * Arithmetic runs on the host (SSE through the IR) in the instruction's
 * rounding mode (rv_fpu_round.c), and its result goes through fcanon: any
 * NaN becomes the canonical NaN (11.3).  The IEEE flags come from the
 * host and match RISC-V's, except FMA's inf * 0 + qNaN, which must raise
 * NV (11.6) and does not on x86: fcanon_fma adds it.  RMM goes to the
 * helper.  FMIN/FMAX are IEEE 754-2019 minimumNumber/maximumNumber
 * (fminnum/fmaxnum: NV only for signalling NaNs, -0 < +0, the canonical
 * NaN when both inputs are NaN).
 */
#include "rv_fpu.h"

static unsigned fmt_bit(RvFmt f)
{
    return f == RV_FMT_D ? RV_FPH_D : 0;
}

bool rv_fpu_gen_arith(DisasCtx *ctx, RvFmt f, RvFpuHelperOp op,
                      const arg_r_rm *a)
{
    IrCtx *ir = ctx->ir;
    RvRm eff;
    if (!rv_fpu_rm(ctx, a->rm, &eff))
        return false;
    if (eff == RV_RM_RMM) {
        rv_fpu_gen_helper(ctx, op | fmt_bit(f) | RV_FPH_RM(eff), a->rd, false,
                          a->rs1, a->rs2, 32);
        return true;
    }
    IrType t = rv_fpu_type(f);
    IrTemp x = rv_fpu_get(ctx, f, a->rs1), y = rv_fpu_get(ctx, f, a->rs2);
    IrTemp r = rv_fpu_temp(ctx, f), d = rv_fpu_temp(ctx, f);
    rv_fpu_round_begin(ctx, eff);
    switch (op) {
    case RV_FPH_ADD: ir_fadd(ir, t, r, x, y); break;
    case RV_FPH_SUB: ir_fsub(ir, t, r, x, y); break;
    case RV_FPH_MUL: ir_fmul(ir, t, r, x, y); break;
    default:         ir_fdiv(ir, t, r, x, y); break;
    }
    rv_fpu_round_end(ctx, eff);
    ir_fcanon(ir, t, d, r);
    rv_fpu_set(ctx, f, a->rd, d);
    return true;
}

bool rv_fpu_gen_sqrt(DisasCtx *ctx, RvFmt f, const arg_r2_rm *a)
{
    IrCtx *ir = ctx->ir;
    RvRm eff;
    if (!rv_fpu_rm(ctx, a->rm, &eff))
        return false;
    if (eff == RV_RM_RMM) {
        rv_fpu_gen_helper(ctx, RV_FPH_SQRT | fmt_bit(f) | RV_FPH_RM(eff), a->rd,
                          false, a->rs1, 32, 32);
        return true;
    }
    IrType t = rv_fpu_type(f);
    IrTemp x = rv_fpu_get(ctx, f, a->rs1);
    IrTemp r = rv_fpu_temp(ctx, f), d = rv_fpu_temp(ctx, f);
    rv_fpu_round_begin(ctx, eff);
    ir_fsqrt(ir, t, r, x);
    rv_fpu_round_end(ctx, eff);
    ir_fcanon(ir, t, d, r);          /* sqrt(-x) gives x86's negative NaN */
    rv_fpu_set(ctx, f, a->rd, d);
    return true;
}

bool rv_fpu_gen_fma(DisasCtx *ctx, RvFmt f, IrFmaNeg neg, const arg_r4_rm *a)
{
    IrCtx *ir = ctx->ir;
    RvRm eff;
    if (!rv_fpu_rm(ctx, a->rm, &eff))
        return false;
    if (eff == RV_RM_RMM) {
        unsigned desc = RV_FPH_FMA | fmt_bit(f) | RV_FPH_RM(eff) |
                        (neg & IR_FMA_NEG_MUL ? RV_FPH_NEG_PROD : 0) |
                        (neg & IR_FMA_NEG_ADD ? RV_FPH_NEG_ADD : 0);
        rv_fpu_gen_helper(ctx, desc, a->rd, false, a->rs1, a->rs2, a->rs3);
        return true;
    }
    IrType t = rv_fpu_type(f);
    IrTemp x = rv_fpu_get(ctx, f, a->rs1), y = rv_fpu_get(ctx, f, a->rs2);
    IrTemp z = rv_fpu_get(ctx, f, a->rs3);
    IrTemp r = rv_fpu_temp(ctx, f), d = rv_fpu_temp(ctx, f);
    rv_fpu_round_begin(ctx, eff);
    ir_fma(ir, t, r, x, y, z, neg);
    rv_fpu_round_end(ctx, eff);
    ir_fcanon_fma(ir, t, d, r, x, y);
    rv_fpu_set(ctx, f, a->rd, d);
    return true;
}

bool rv_fpu_gen_minmax(DisasCtx *ctx, RvFmt f, bool is_max, const arg_r *a)
{
    IrTemp x = rv_fpu_get(ctx, f, a->rs1), y = rv_fpu_get(ctx, f, a->rs2);
    IrTemp d = rv_fpu_temp(ctx, f);
    (is_max ? ir_fmaxnum : ir_fminnum)(ctx->ir, rv_fpu_type(f), d, x, y);
    rv_fpu_set(ctx, f, a->rd, d);
    return true;
}
