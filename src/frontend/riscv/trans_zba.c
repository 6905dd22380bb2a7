/*
 * Zba: address generation.  RISC-V Bit-Manipulation ISA-extensions 1.0.0,
 * 2.1 "Zba": shNadd rd = rs2 + (rs1 << N); add.uw, shNadd.uw and slli.uw
 * take rs1's low 32 bits zero-extended (RV64).  On x86-64 an add of a
 * shifted register becomes one lea (the backend's add + shl fusion is not
 * needed: the optimizer sees a shl by a constant and an add).
 */
#include "rv_trans_util.h"

/* rd = rs2 + (zext?(rs1) << sh) */
static bool gen_shadd(DisasCtx *ctx, const arg_r *a, unsigned sh, bool uw)
{
    IrCtx *ir = ctx->ir;
    IrTemp s = rv_get_x(ctx, a->rs1);
    IrTemp t = ir_temp_new_bb(ir, IR_I64);
    if (uw) {
        IrTemp lo = ir_temp_new_bb(ir, IR_I32);
        ir_extrl_i64_i32(ir, lo, s);
        ir_extu_i32_i64(ir, t, lo);
        s = t;
    }
    if (sh) {
        ir_shl(ir, IR_I64, t, s, ir_const_i64(ir, sh));
        s = t;
    }
    ir_add(ir, IR_I64, rv_dest_x(ctx, a->rd), s, rv_get_x(ctx, a->rs2));
    return true;
}

bool trans_sh1add(DisasCtx *ctx, const arg_r *a) { return gen_shadd(ctx, a, 1, false); }
bool trans_sh2add(DisasCtx *ctx, const arg_r *a) { return gen_shadd(ctx, a, 2, false); }
bool trans_sh3add(DisasCtx *ctx, const arg_r *a) { return gen_shadd(ctx, a, 3, false); }
bool trans_add_uw(DisasCtx *ctx, const arg_r *a) { return gen_shadd(ctx, a, 0, true); }
bool trans_sh1add_uw(DisasCtx *ctx, const arg_r *a) { return gen_shadd(ctx, a, 1, true); }
bool trans_sh2add_uw(DisasCtx *ctx, const arg_r *a) { return gen_shadd(ctx, a, 2, true); }
bool trans_sh3add_uw(DisasCtx *ctx, const arg_r *a) { return gen_shadd(ctx, a, 3, true); }

/* slli.uw: rd = zext32(rs1) << shamt */
bool trans_slli_uw(DisasCtx *ctx, const arg_shift *a)
{
    IrCtx *ir = ctx->ir;
    IrTemp lo = ir_temp_new_bb(ir, IR_I32);
    IrTemp t = ir_temp_new_bb(ir, IR_I64);
    ir_extrl_i64_i32(ir, lo, rv_get_x(ctx, a->rs1));
    ir_extu_i32_i64(ir, t, lo);
    ir_shl(ir, IR_I64, rv_dest_x(ctx, a->rd), t, ir_const_i64(ir, a->shamt));
    return true;
}
