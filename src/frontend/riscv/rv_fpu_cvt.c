/*
 * F/D conversions, moves, loads and stores (RISC-V Unprivileged ISA
 * 20191213): 11.7 and 12.5 FCVT between integers and floats, FCVT.S.D and
 * FCVT.D.S, FMV.X.W/FMV.W.X (FMV.X.D/FMV.D.X); 11.5 and 12.3 FLW/FSW,
 * FLD/FSD.
 *
 * Float to integer uses ftoi/ftou, which already have fcvt's saturation
 * and flags (Table 11.4; docs/ir.md), in the instruction's static mode (no
 * MXCSR switch needed).  W results, signed or not, are sign-extended into
 * rd (11.7).  Integer to float and FCVT.S.D round in the host mode, with
 * an MXCSR switch when the instruction's mode differs; FCVT.D.W/WU and
 * FCVT.D.S are exact (the rm field is still checked, as qemu does).  RMM
 * goes to the helper.  A NaN from FCVT.S.D/FCVT.D.S is made canonical.
 * Moves and FP loads/stores transfer bits unchanged: FLW and FMV.W.X box
 * the single, FSW and FMV.X.W use the low 32 bits whether boxed or not
 * (12.2), FMV.X.W sign-extends them.
 */
#include "rv_fpu.h"
#include "rv_trans_util.h"

static unsigned fmt_bit(RvFmt f)
{
    return f == RV_FMT_D ? RV_FPH_D : 0;
}

static unsigned int_bits(bool is64, bool is_signed)
{
    return (is64 ? RV_FPH_I64 : 0) | (is_signed ? RV_FPH_SIGNED : 0);
}

bool rv_fpu_gen_f2i(DisasCtx *ctx, RvFmt f, bool is64, bool is_signed,
                    const arg_r2_rm *a)
{
    IrCtx *ir = ctx->ir;
    RvRm eff;
    if (!rv_fpu_rm(ctx, a->rm, &eff))
        return false;
    if (eff == RV_RM_RMM) {
        unsigned desc = RV_FPH_F2I | fmt_bit(f) | RV_FPH_RM(eff) |
                        int_bits(is64, is_signed);
        rv_fpu_gen_helper(ctx, desc, a->rd, true, a->rs1, 32, 32);
        return true;
    }
    IrTemp x = rv_fpu_get(ctx, f, a->rs1);
    IrRound rm = rv_fpu_ir_round(ctx, eff);
    IrTemp d = ir_temp_new(ir, IR_I64);
    if (is64) {
        (is_signed ? ir_ftoi : ir_ftou)(ir, IR_I64, d, x, rm);
    } else {
        IrTemp d32 = ir_temp_new(ir, IR_I32);
        (is_signed ? ir_ftoi : ir_ftou)(ir, IR_I32, d32, x, rm);
        ir_ext_i32_i64(ir, d, d32);
    }
    rv_set_x(ctx, a->rd, d);
    return true;
}

bool rv_fpu_gen_i2f(DisasCtx *ctx, RvFmt f, bool is64, bool is_signed,
                    const arg_r2_rm *a)
{
    IrCtx *ir = ctx->ir;
    RvRm eff;
    if (!rv_fpu_rm(ctx, a->rm, &eff))
        return false;
    /* a 32-bit integer always fits a double exactly */
    bool exact = f == RV_FMT_D && !is64;
    if (eff == RV_RM_RMM && !exact) {
        unsigned desc = RV_FPH_I2F | fmt_bit(f) | RV_FPH_RM(eff) |
                        int_bits(is64, is_signed);
        rv_fpu_gen_helper(ctx, desc, a->rd, false, a->rs1, 32, 32);
        return true;
    }
    IrTemp src = rv_get_x(ctx, a->rs1);
    if (!is64)
        src = rv_low32(ctx, src);
    IrTemp d = rv_fpu_temp(ctx, f);
    if (!exact)
        rv_fpu_round_begin(ctx, eff);
    (is_signed ? ir_itof : ir_utof)(ir, rv_fpu_type(f), d, src);
    if (!exact)
        rv_fpu_round_end(ctx, eff);
    rv_fpu_set(ctx, f, a->rd, d);
    return true;
}

bool rv_fpu_gen_f2f(DisasCtx *ctx, RvFmt to, const arg_r2_rm *a)
{
    IrCtx *ir = ctx->ir;
    RvFmt from = to == RV_FMT_S ? RV_FMT_D : RV_FMT_S;
    RvRm eff;
    if (!rv_fpu_rm(ctx, a->rm, &eff))
        return false;
    bool exact = to == RV_FMT_D;
    if (eff == RV_RM_RMM && !exact) {
        rv_fpu_gen_helper(ctx, RV_FPH_F2F | fmt_bit(to) | RV_FPH_RM(eff),
                          a->rd, false, a->rs1, 32, 32);
        return true;
    }
    IrTemp x = rv_fpu_get(ctx, from, a->rs1);
    IrTemp r = rv_fpu_temp(ctx, to), d = rv_fpu_temp(ctx, to);
    IrType t = rv_fpu_type(to);
    if (!exact)
        rv_fpu_round_begin(ctx, eff);
    ir_fcvt(ir, t, r, x);
    if (!exact)
        rv_fpu_round_end(ctx, eff);
    ir_fcanon(ir, t, d, r);
    rv_fpu_set(ctx, to, a->rd, d);
    return true;
}

bool rv_fpu_gen_mv_x_f(DisasCtx *ctx, RvFmt f, const arg_r2 *a)
{
    IrTemp bits = rv_fpu_raw_bits(ctx, a->rs1);
    if (f == RV_FMT_S) {
        IrTemp s = ir_temp_new(ctx->ir, IR_I64);
        ir_sextract(ctx->ir, IR_I64, s, bits, 0, 32);
        bits = s;
    }
    rv_set_x(ctx, a->rd, bits);
    return true;
}

bool rv_fpu_gen_mv_f_x(DisasCtx *ctx, RvFmt f, const arg_r2 *a)
{
    IrCtx *ir = ctx->ir;
    IrTemp x = rv_get_x(ctx, a->rs1);
    if (f == RV_FMT_D) {
        rv_fpu_set_raw_bits(ctx, a->rd, x);
        return true;
    }
    IrTemp v = rv_fpu_temp(ctx, RV_FMT_S);
    ir_bitcast_i2f(ir, IR_F32, v, rv_low32(ctx, x));
    rv_fpu_set(ctx, RV_FMT_S, a->rd, v);
    return true;
}

static IrTemp gen_addr(DisasCtx *ctx, unsigned rs1, int64_t imm)
{
    if (imm == 0)
        return rv_get_x(ctx, rs1);
    if (rs1 == 0)
        return ir_const_i64(ctx->ir, imm);
    IrTemp t = ir_temp_new(ctx->ir, IR_I64);
    ir_add(ctx->ir, IR_I64, t, rv_get_x(ctx, rs1), ir_const_i64(ctx->ir, imm));
    return t;
}

bool rv_fpu_gen_load(DisasCtx *ctx, RvFmt f, const arg_i *a)
{
    IrTemp addr = gen_addr(ctx, a->rs1, a->imm);
    IrTemp v = rv_fpu_temp(ctx, f);
    ir_ld_guest(ctx->ir, rv_fpu_type(f), v, addr,
                f == RV_FMT_S ? IR_MO_UL : IR_MO_UQ);
    rv_fpu_set(ctx, f, a->rd, v);
    return true;
}

bool rv_fpu_gen_store(DisasCtx *ctx, RvFmt f, const arg_s *a)
{
    IrCtx *ir = ctx->ir;
    IrTemp addr = gen_addr(ctx, a->rs1, a->imm);
    if (f == RV_FMT_D) {
        ir_st_guest(ir, IR_F64, ctx->f[a->rs2], addr, IR_MO_UQ);
        return true;
    }
    IrTemp low = rv_fpu_known_low(ctx, a->rs2);
    if (low.id != IR_NO_TEMP.id) {
        ir_st_guest(ir, IR_F32, low, addr, IR_MO_UL);
        return true;
    }
    /* the low 32 bits, boxed or not */
    ir_st_guest(ir, IR_I64, rv_fpu_raw_bits(ctx, a->rs2), addr, IR_MO_UL);
    return true;
}
