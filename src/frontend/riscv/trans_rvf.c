/*
 * The F extension (RISC-V Unprivileged ISA 20191213, chapter 11 "F Standard
 * Extension for Single-Precision Floating-Point"): one trans_* function per
 * pattern of defs/riscv/rv64f.decode, each calling the format-generic
 * generator of rv_fpu.h with RV_FMT_S.  Single operands are NaN-unboxed and
 * results NaN-boxed there (12.2); docs/fpu.md has the design.
 * FMSUB = a*b - c, FNMSUB = -(a*b) + c, FNMADD = -(a*b) - c (11.6).
 */
#include "rv_fpu.h"

bool trans_fadd_s(DisasCtx *ctx, const arg_r_rm *a)
{
    return rv_fpu_gen_arith(ctx, RV_FMT_S, RV_FPH_ADD, a);
}

bool trans_fsub_s(DisasCtx *ctx, const arg_r_rm *a)
{
    return rv_fpu_gen_arith(ctx, RV_FMT_S, RV_FPH_SUB, a);
}

bool trans_fmul_s(DisasCtx *ctx, const arg_r_rm *a)
{
    return rv_fpu_gen_arith(ctx, RV_FMT_S, RV_FPH_MUL, a);
}

bool trans_fdiv_s(DisasCtx *ctx, const arg_r_rm *a)
{
    return rv_fpu_gen_arith(ctx, RV_FMT_S, RV_FPH_DIV, a);
}

bool trans_fsqrt_s(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_sqrt(ctx, RV_FMT_S, a);
}

bool trans_fmadd_s(DisasCtx *ctx, const arg_r4_rm *a)
{
    return rv_fpu_gen_fma(ctx, RV_FMT_S, IR_FMA_PLAIN, a);
}

bool trans_fmsub_s(DisasCtx *ctx, const arg_r4_rm *a)
{
    return rv_fpu_gen_fma(ctx, RV_FMT_S, IR_FMA_NEG_ADD, a);
}

bool trans_fnmsub_s(DisasCtx *ctx, const arg_r4_rm *a)
{
    return rv_fpu_gen_fma(ctx, RV_FMT_S, IR_FMA_NEG_MUL, a);
}

bool trans_fnmadd_s(DisasCtx *ctx, const arg_r4_rm *a)
{
    return rv_fpu_gen_fma(ctx, RV_FMT_S, IR_FMA_NEG_BOTH, a);
}

bool trans_fsgnj_s(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_sgnj(ctx, RV_FMT_S, RV_SGNJ, a);
}

bool trans_fsgnjn_s(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_sgnj(ctx, RV_FMT_S, RV_SGNJN, a);
}

bool trans_fsgnjx_s(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_sgnj(ctx, RV_FMT_S, RV_SGNJX, a);
}

bool trans_fmin_s(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_minmax(ctx, RV_FMT_S, false, a);
}

bool trans_fmax_s(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_minmax(ctx, RV_FMT_S, true, a);
}

bool trans_feq_s(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_cmp(ctx, RV_FMT_S, IR_COND_EQ, a);
}

bool trans_flt_s(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_cmp(ctx, RV_FMT_S, IR_COND_LT, a);
}

bool trans_fle_s(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_cmp(ctx, RV_FMT_S, IR_COND_LE, a);
}

bool trans_fclass_s(DisasCtx *ctx, const arg_r2 *a)
{
    return rv_fpu_gen_class(ctx, RV_FMT_S, a);
}

bool trans_fcvt_w_s(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_f2i(ctx, RV_FMT_S, false, true, a);
}

bool trans_fcvt_s_w(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_i2f(ctx, RV_FMT_S, false, true, a);
}

bool trans_fcvt_wu_s(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_f2i(ctx, RV_FMT_S, false, false, a);
}

bool trans_fcvt_s_wu(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_i2f(ctx, RV_FMT_S, false, false, a);
}

bool trans_fcvt_l_s(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_f2i(ctx, RV_FMT_S, true, true, a);
}

bool trans_fcvt_s_l(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_i2f(ctx, RV_FMT_S, true, true, a);
}

bool trans_fcvt_lu_s(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_f2i(ctx, RV_FMT_S, true, false, a);
}

bool trans_fcvt_s_lu(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_i2f(ctx, RV_FMT_S, true, false, a);
}

bool trans_fmv_x_w(DisasCtx *ctx, const arg_r2 *a)
{
    return rv_fpu_gen_mv_x_f(ctx, RV_FMT_S, a);
}

bool trans_fmv_w_x(DisasCtx *ctx, const arg_r2 *a)
{
    return rv_fpu_gen_mv_f_x(ctx, RV_FMT_S, a);
}

bool trans_flw(DisasCtx *ctx, const arg_i *a)
{
    return rv_fpu_gen_load(ctx, RV_FMT_S, a);
}

bool trans_fsw(DisasCtx *ctx, const arg_s *a)
{
    return rv_fpu_gen_store(ctx, RV_FMT_S, a);
}
