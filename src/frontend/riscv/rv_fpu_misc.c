/*
 * F/D instructions that only look at bits (RISC-V Unprivileged ISA
 * 20191213): sign injection FSGNJ/FSGNJN/FSGNJX (11.6: no flags, NaN
 * payloads kept, NaN-boxing applies to single inputs), the comparisons
 * FEQ (quiet: NV only for a signalling NaN), FLT and FLE (signalling: NV
 * for any NaN), which write 0 for unordered inputs (11.8), and FCLASS
 * (11.9, Table 11.5: a one-hot mask of ten classes, no flags).
 *
 * The bit operations are integer IR on the value's bits; fsgnj rs, rs
 * (the fmv/fneg/fabs pseudo-instructions) uses mov/fneg/fabs.
 */
#include "rv_fpu.h"

/* The value's bits as an integer of the format's width. */
static IrTemp bits_of(DisasCtx *ctx, RvFmt f, IrTemp v)
{
    IrType it = f == RV_FMT_S ? IR_I32 : IR_I64;
    IrTemp t = ir_temp_new(ctx->ir, it);
    ir_bitcast_f2i(ctx->ir, it, t, v);
    return t;
}

bool rv_fpu_gen_sgnj(DisasCtx *ctx, RvFmt f, RvSgnj kind, const arg_r *a)
{
    IrCtx *ir = ctx->ir;
    IrType t = rv_fpu_type(f);
    IrTemp x = rv_fpu_get(ctx, f, a->rs1);
    IrTemp d = rv_fpu_temp(ctx, f);
    if (a->rs1 == a->rs2) {
        switch (kind) {
        case RV_SGNJ:
            rv_fpu_set(ctx, f, a->rd, x);
            return true;
        case RV_SGNJN:
            ir_fneg(ir, t, d, x);
            break;
        default:
            ir_fabs(ir, t, d, x);
            break;
        }
        rv_fpu_set(ctx, f, a->rd, d);
        return true;
    }
    IrType it = f == RV_FMT_S ? IR_I32 : IR_I64;
    uint64_t sign = f == RV_FMT_S ? 0x80000000u : 0x8000000000000000ull;
    IrTemp ksign = ir_const(ir, it, sign), kmag = ir_const(ir, it, sign - 1);
    IrTemp ix = bits_of(ctx, f, x);
    IrTemp iy = bits_of(ctx, f, rv_fpu_get(ctx, f, a->rs2));
    IrTemp s = ir_temp_new(ir, it), r = ir_temp_new(ir, it);
    switch (kind) {
    case RV_SGNJ:                          /* |x| with y's sign */
        ir_and(ir, it, s, iy, ksign);
        ir_and(ir, it, r, ix, kmag);
        ir_or(ir, it, r, r, s);
        break;
    case RV_SGNJN:                         /* |x| with y's sign flipped */
        ir_andc(ir, it, s, ksign, iy);
        ir_and(ir, it, r, ix, kmag);
        ir_or(ir, it, r, r, s);
        break;
    default:                               /* x's sign xor y's */
        ir_and(ir, it, s, iy, ksign);
        ir_xor(ir, it, r, ix, s);
        break;
    }
    ir_bitcast_i2f(ir, t, d, r);
    rv_fpu_set(ctx, f, a->rd, d);
    return true;
}

bool rv_fpu_gen_cmp(DisasCtx *ctx, RvFmt f, IrCond cond, const arg_r *a)
{
    IrTemp x = rv_fpu_get(ctx, f, a->rs1), y = rv_fpu_get(ctx, f, a->rs2);
    IrTemp d = ir_temp_new(ctx->ir, IR_I64);
    ir_fcmp(ctx->ir, rv_fpu_type(f), d, x, y, cond);
    rv_set_x(ctx, a->rd, d);
    return true;
}

/*
 * FCLASS on the bits x of width w, with t = x << 1 (the sign dropped):
 *   t == 0 zero, t < MINN subnormal, t < INF normal, t == INF infinity
 *   (MINN, INF: the smallest normal and infinity, shifted the same way);
 * for those k = (t != 0) + (t >= MINN) + (t >= INF) is 0..3 and the class
 * bit is 4 + k for positive values, 3 - k = (4 + k) ^ 7 for negative ones.
 * NaNs (t > INF) are 8 (signalling) or 9 (quiet: t >= QNAN).
 */
bool rv_fpu_gen_class(DisasCtx *ctx, RvFmt f, const arg_r2 *a)
{
    IrCtx *ir = ctx->ir;
    bool s = f == RV_FMT_S;
    IrType it = s ? IR_I32 : IR_I64;
    uint64_t minn = s ? 0x01000000u : 0x0020000000000000ull;
    uint64_t inf = s ? 0xff000000u : 0xffe0000000000000ull;
    uint64_t qnan = s ? 0xff800000u : 0xfff0000000000000ull;
    IrTemp x = bits_of(ctx, f, rv_fpu_get(ctx, f, a->rs1));
#define T() ir_temp_new(ir, it)
#define K(v) ir_const(ir, it, (v))
    IrTemp t = T(), nz = T(), nm = T(), in = T(), k = T(), sg = T();
    IrTemp pos = T(), idx = T(), nan = T(), q = T(), nidx = T(), sel = T();
    IrTemp r = T();
    ir_shl(ir, it, t, x, K(1));
    ir_setcond(ir, it, nz, t, K(0), IR_COND_NE);
    ir_setcond(ir, it, nm, t, K(minn), IR_COND_GEU);
    ir_setcond(ir, it, in, t, K(inf), IR_COND_GEU);
    ir_add(ir, it, k, nz, nm);
    ir_add(ir, it, k, k, in);
    ir_sar(ir, it, sg, x, K(s ? 31 : 63));
    ir_and(ir, it, sg, sg, K(7));
    ir_add(ir, it, pos, k, K(4));
    ir_xor(ir, it, idx, pos, sg);
    ir_setcond(ir, it, nan, t, K(inf), IR_COND_GTU);
    ir_setcond(ir, it, q, t, K(qnan), IR_COND_GEU);
    ir_add(ir, it, nidx, q, K(8));
    ir_movcond(ir, it, sel, nan, K(0), nidx, idx, IR_COND_NE);
    ir_shl(ir, it, r, K(1), sel);
#undef T
#undef K
    if (s) {
        IrTemp r64 = ir_temp_new(ir, IR_I64);
        ir_extu_i32_i64(ir, r64, r);
        r = r64;
    }
    rv_set_x(ctx, a->rd, r);
    return true;
}
