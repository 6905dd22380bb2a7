/*
 * M extension: integer multiplication and division.  RISC-V Unprivileged
 * ISA 20191213, chapter 7: 7.1 MUL/MULH/MULHSU/MULHU (high halves of the
 * exact 128-bit product; MULHSU is rs1 signed x rs2 unsigned) and MULW;
 * 7.2 DIV/DIVU/REM/REMU and the W forms, whose results for a zero divisor
 * (quotient all ones, remainder the dividend) and for signed overflow
 * (quotient MIN, remainder 0) are Table 7.1's.  The IR's div/rem ops have
 * exactly these semantics (docs/ir.md), so no host trap can happen; the
 * W forms divide 32-bit values and sign-extend (DIVUW by zero: all ones,
 * REMUW by zero: sext(rs1[31:0])).
 */
#include "rv_trans_util.h"

static bool gen_m(DisasCtx *ctx, const arg_r *a, RvBinFn *fn)
{
    fn(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1),
       rv_get_x(ctx, a->rs2));
    return true;
}

static bool gen_m_w(DisasCtx *ctx, const arg_r *a, RvBinFn *fn)
{
    return rv_gen_w_op(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       rv_get_x(ctx, a->rs2), fn);
}

bool trans_mul(DisasCtx *ctx, const arg_r *a)    { return gen_m(ctx, a, ir_mul); }
bool trans_mulh(DisasCtx *ctx, const arg_r *a)   { return gen_m(ctx, a, ir_mulsh); }
bool trans_mulhsu(DisasCtx *ctx, const arg_r *a) { return gen_m(ctx, a, ir_mulsuh); }
bool trans_mulhu(DisasCtx *ctx, const arg_r *a)  { return gen_m(ctx, a, ir_muluh); }
bool trans_div(DisasCtx *ctx, const arg_r *a)    { return gen_m(ctx, a, ir_div); }
bool trans_divu(DisasCtx *ctx, const arg_r *a)   { return gen_m(ctx, a, ir_divu); }
bool trans_rem(DisasCtx *ctx, const arg_r *a)    { return gen_m(ctx, a, ir_rem); }
bool trans_remu(DisasCtx *ctx, const arg_r *a)   { return gen_m(ctx, a, ir_remu); }

bool trans_mulw(DisasCtx *ctx, const arg_r *a)   { return gen_m_w(ctx, a, ir_mul); }
bool trans_divw(DisasCtx *ctx, const arg_r *a)   { return gen_m_w(ctx, a, ir_div); }
bool trans_divuw(DisasCtx *ctx, const arg_r *a)  { return gen_m_w(ctx, a, ir_divu); }
bool trans_remw(DisasCtx *ctx, const arg_r *a)   { return gen_m_w(ctx, a, ir_rem); }
bool trans_remuw(DisasCtx *ctx, const arg_r *a)  { return gen_m_w(ctx, a, ir_remu); }
