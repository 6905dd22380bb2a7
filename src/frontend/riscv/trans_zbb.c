/*
 * Zbb: basic bit manipulation.  RISC-V Bit-Manipulation ISA-extensions
 * 1.0.0, 2.2 "Zbb" (semantics in chapter 3, one section per instruction).
 * Everything maps onto one or two IR ops, which the x86-64 backend lowers
 * to ANDN (BMI1), LZCNT/TZCNT/POPCNT (or BSR/BSF plus the zero case, or
 * the popcount helper), ROL/ROR, BSWAP, CMP+CMOV and MOVSX/MOVZX:
 *   andn/orn/xnor  -> andc/orc/eqv (rs2 is the inverted operand)
 *   clz/ctz/cpop   -> clz/ctz/ctpop (IR clz/ctz of 0 give the width, as
 *                     the spec wants); W forms on the low 32 bits, the
 *                     count (0..32) zero-extended
 *   min/max[u]     -> movcond
 *   sext.b/sext.h/zext.h -> sextract/extract of the low 8/16 bits
 *   rol/ror[i][w]  -> rotl/rotr (IR counts are mod the width, like the
 *                     spec's rs2[5:0] / rs2[4:0]); W forms sign-extend
 *   rev8           -> bswap
 *   orc.b          -> a short IR sequence, see trans_orc_b.
 */
#include "rv_trans_util.h"

typedef IrOp *RvUnFn(IrCtx *, IrType, IrTemp, IrTemp);

static bool gen_reg(DisasCtx *ctx, const arg_r *a, RvBinFn *fn)
{
    fn(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1),
       rv_get_x(ctx, a->rs2));
    return true;
}

/* ---- logical with negate (3.x andn, orn, xnor) ---- */

bool trans_andn(DisasCtx *ctx, const arg_r *a) { return gen_reg(ctx, a, ir_andc); }
bool trans_orn(DisasCtx *ctx, const arg_r *a)  { return gen_reg(ctx, a, ir_orc); }
bool trans_xnor(DisasCtx *ctx, const arg_r *a) { return gen_reg(ctx, a, ir_eqv); }

/* ---- counts: clz, ctz, cpop and their W forms ---- */

static bool gen_count(DisasCtx *ctx, const arg_r2 *a, RvUnFn *fn)
{
    fn(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1));
    return true;
}

/* rd = zext(fn.i32(low32(rs1))): the count is 0..32, so zero- and
 * sign-extension agree. */
static bool gen_count_w(DisasCtx *ctx, const arg_r2 *a, RvUnFn *fn)
{
    IrCtx *ir = ctx->ir;
    IrTemp lo = rv_low32(ctx, rv_get_x(ctx, a->rs1));
    IrTemp r = ir_temp_new_bb(ir, IR_I32);
    fn(ir, IR_I32, r, lo);
    ir_extu_i32_i64(ir, rv_dest_x(ctx, a->rd), r);
    return true;
}

bool trans_clz(DisasCtx *ctx, const arg_r2 *a)   { return gen_count(ctx, a, ir_clz); }
bool trans_ctz(DisasCtx *ctx, const arg_r2 *a)   { return gen_count(ctx, a, ir_ctz); }
bool trans_cpop(DisasCtx *ctx, const arg_r2 *a)  { return gen_count(ctx, a, ir_ctpop); }
bool trans_clzw(DisasCtx *ctx, const arg_r2 *a)  { return gen_count_w(ctx, a, ir_clz); }
bool trans_ctzw(DisasCtx *ctx, const arg_r2 *a)  { return gen_count_w(ctx, a, ir_ctz); }
bool trans_cpopw(DisasCtx *ctx, const arg_r2 *a) { return gen_count_w(ctx, a, ir_ctpop); }

/* ---- min/max: rd = cond(rs1, rs2) ? rs1 : rs2 ---- */

static bool gen_minmax(DisasCtx *ctx, const arg_r *a, IrCond cond)
{
    IrTemp x = rv_get_x(ctx, a->rs1);
    IrTemp y = rv_get_x(ctx, a->rs2);
    ir_movcond(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), x, y, x, y, cond);
    return true;
}

bool trans_max(DisasCtx *ctx, const arg_r *a)  { return gen_minmax(ctx, a, IR_COND_GT); }
bool trans_maxu(DisasCtx *ctx, const arg_r *a) { return gen_minmax(ctx, a, IR_COND_GTU); }
bool trans_min(DisasCtx *ctx, const arg_r *a)  { return gen_minmax(ctx, a, IR_COND_LT); }
bool trans_minu(DisasCtx *ctx, const arg_r *a) { return gen_minmax(ctx, a, IR_COND_LTU); }

/* ---- sign and zero extension ---- */

bool trans_sext_b(DisasCtx *ctx, const arg_r2 *a)
{
    ir_sextract(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1), 0, 8);
    return true;
}

bool trans_sext_h(DisasCtx *ctx, const arg_r2 *a)
{
    ir_sextract(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1), 0, 16);
    return true;
}

bool trans_zext_h(DisasCtx *ctx, const arg_r2 *a)
{
    ir_extract(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1), 0, 16);
    return true;
}

/* ---- rotates ---- */

bool trans_rol(DisasCtx *ctx, const arg_r *a) { return gen_reg(ctx, a, ir_rotl); }
bool trans_ror(DisasCtx *ctx, const arg_r *a) { return gen_reg(ctx, a, ir_rotr); }

bool trans_rolw(DisasCtx *ctx, const arg_r *a)
{
    return rv_gen_w_op(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       rv_get_x(ctx, a->rs2), ir_rotl);
}

bool trans_rorw(DisasCtx *ctx, const arg_r *a)
{
    return rv_gen_w_op(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       rv_get_x(ctx, a->rs2), ir_rotr);
}

bool trans_rori(DisasCtx *ctx, const arg_shift *a)
{
    ir_rotr(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1),
            ir_const_i64(ctx->ir, a->shamt & 63));
    return true;
}

bool trans_roriw(DisasCtx *ctx, const arg_shift *a)
{
    return rv_gen_w_op(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       ir_const_i64(ctx->ir, a->shamt & 31), ir_rotr);
}

/* ---- byte-granule operations ---- */

bool trans_rev8(DisasCtx *ctx, const arg_r2 *a)
{
    ir_bswap(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1));
    return true;
}

/*
 * orc.b: each byte of rd is 0xff if that byte of rs1 is non-zero, else 0.
 * No IR op does this, and a helper call would clobber every caller-saved
 * host register, so it is seven single-cycle ALU ops without branches
 * (and the optimizer folds them when rs1 is a constant):
 *   h = (((x & 0x7f..7f) + 0x7f..7f) | x) & 0x80..80
 *     the low 7 bits of a byte plus 0x7f carry into bit 7 (never further)
 *     iff they are non-zero; or-ing x adds the byte's own bit 7;
 *   rd = h | (h - (h >> 7))
 *     per byte 0x80 - 0x01 = 0x7f, no borrow between bytes.
 */
bool trans_orc_b(DisasCtx *ctx, const arg_r2 *a)
{
    IrCtx *ir = ctx->ir;
    IrTemp x = rv_get_x(ctx, a->rs1);
    IrTemp m7f = ir_const_i64(ir, 0x7f7f7f7f7f7f7f7fLL);
    IrTemp t = ir_temp_new_bb(ir, IR_I64);
    IrTemp h = ir_temp_new_bb(ir, IR_I64);
    IrTemp l = ir_temp_new_bb(ir, IR_I64);
    ir_and(ir, IR_I64, t, x, m7f);
    ir_add(ir, IR_I64, t, t, m7f);
    ir_or(ir, IR_I64, t, t, x);
    ir_and(ir, IR_I64, h, t, ir_const_i64(ir, (int64_t)0x8080808080808080ULL));
    ir_shr(ir, IR_I64, l, h, ir_const_i64(ir, 7));
    ir_sub(ir, IR_I64, l, h, l);
    ir_or(ir, IR_I64, rv_dest_x(ctx, a->rd), h, l);
    return true;
}
