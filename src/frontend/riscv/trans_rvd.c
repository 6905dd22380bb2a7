/*
 * The D extension (RISC-V Unprivileged ISA 20191213, chapter 12 "D Standard
 * Extension for Double-Precision Floating-Point"): one trans_* function per
 * pattern of defs/riscv/rv64d.decode (and C.FLD/C.FSD/C.FLDSP/C.FSDSP,
 * which the 16-bit decoder maps onto trans_fld/trans_fsd), each calling the
 * format-generic generator of rv_fpu.h with RV_FMT_D; FCVT.S.D and
 * FCVT.D.S (12.5) convert between the formats.  docs/fpu.md has the design.
 */
#include "rv_fpu.h"

bool trans_fadd_d(DisasCtx *ctx, const arg_r_rm *a)
{
    return rv_fpu_gen_arith(ctx, RV_FMT_D, RV_FPH_ADD, a);
}

bool trans_fsub_d(DisasCtx *ctx, const arg_r_rm *a)
{
    return rv_fpu_gen_arith(ctx, RV_FMT_D, RV_FPH_SUB, a);
}

bool trans_fmul_d(DisasCtx *ctx, const arg_r_rm *a)
{
    return rv_fpu_gen_arith(ctx, RV_FMT_D, RV_FPH_MUL, a);
}

bool trans_fdiv_d(DisasCtx *ctx, const arg_r_rm *a)
{
    return rv_fpu_gen_arith(ctx, RV_FMT_D, RV_FPH_DIV, a);
}

bool trans_fsqrt_d(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_sqrt(ctx, RV_FMT_D, a);
}

bool trans_fmadd_d(DisasCtx *ctx, const arg_r4_rm *a)
{
    return rv_fpu_gen_fma(ctx, RV_FMT_D, IR_FMA_PLAIN, a);
}

bool trans_fmsub_d(DisasCtx *ctx, const arg_r4_rm *a)
{
    return rv_fpu_gen_fma(ctx, RV_FMT_D, IR_FMA_NEG_ADD, a);
}

bool trans_fnmsub_d(DisasCtx *ctx, const arg_r4_rm *a)
{
    return rv_fpu_gen_fma(ctx, RV_FMT_D, IR_FMA_NEG_MUL, a);
}

bool trans_fnmadd_d(DisasCtx *ctx, const arg_r4_rm *a)
{
    return rv_fpu_gen_fma(ctx, RV_FMT_D, IR_FMA_NEG_BOTH, a);
}

bool trans_fsgnj_d(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_sgnj(ctx, RV_FMT_D, RV_SGNJ, a);
}

bool trans_fsgnjn_d(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_sgnj(ctx, RV_FMT_D, RV_SGNJN, a);
}

bool trans_fsgnjx_d(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_sgnj(ctx, RV_FMT_D, RV_SGNJX, a);
}

bool trans_fmin_d(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_minmax(ctx, RV_FMT_D, false, a);
}

bool trans_fmax_d(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_minmax(ctx, RV_FMT_D, true, a);
}

bool trans_feq_d(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_cmp(ctx, RV_FMT_D, IR_COND_EQ, a);
}

bool trans_flt_d(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_cmp(ctx, RV_FMT_D, IR_COND_LT, a);
}

bool trans_fle_d(DisasCtx *ctx, const arg_r *a)
{
    return rv_fpu_gen_cmp(ctx, RV_FMT_D, IR_COND_LE, a);
}

bool trans_fclass_d(DisasCtx *ctx, const arg_r2 *a)
{
    return rv_fpu_gen_class(ctx, RV_FMT_D, a);
}

bool trans_fcvt_w_d(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_f2i(ctx, RV_FMT_D, false, true, a);
}

bool trans_fcvt_d_w(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_i2f(ctx, RV_FMT_D, false, true, a);
}

bool trans_fcvt_wu_d(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_f2i(ctx, RV_FMT_D, false, false, a);
}

bool trans_fcvt_d_wu(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_i2f(ctx, RV_FMT_D, false, false, a);
}

bool trans_fcvt_l_d(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_f2i(ctx, RV_FMT_D, true, true, a);
}

bool trans_fcvt_d_l(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_i2f(ctx, RV_FMT_D, true, true, a);
}

bool trans_fcvt_lu_d(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_f2i(ctx, RV_FMT_D, true, false, a);
}

bool trans_fcvt_d_lu(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_i2f(ctx, RV_FMT_D, true, false, a);
}

bool trans_fmv_x_d(DisasCtx *ctx, const arg_r2 *a)
{
    return rv_fpu_gen_mv_x_f(ctx, RV_FMT_D, a);
}

bool trans_fmv_d_x(DisasCtx *ctx, const arg_r2 *a)
{
    return rv_fpu_gen_mv_f_x(ctx, RV_FMT_D, a);
}

bool trans_fld(DisasCtx *ctx, const arg_i *a)
{
    return rv_fpu_gen_load(ctx, RV_FMT_D, a);
}

bool trans_fsd(DisasCtx *ctx, const arg_s *a)
{
    return rv_fpu_gen_store(ctx, RV_FMT_D, a);
}

bool trans_fcvt_s_d(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_f2f(ctx, RV_FMT_S, a);
}

bool trans_fcvt_d_s(DisasCtx *ctx, const arg_r2_rm *a)
{
    return rv_fpu_gen_f2f(ctx, RV_FMT_D, a);
}
