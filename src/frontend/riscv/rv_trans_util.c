/*
 * Helpers shared by the trans_*.c files (rv_trans_util.h): RV64 W forms,
 * RISC-V Unprivileged ISA 20191213, 5.2 (RV64I) and 7.1/7.2 (RV64M):
 * "ignore the upper 32 bits of their inputs and produce 32-bit signed
 * results ... sign-extended to 64 bits".
 */
#include "rv_trans_util.h"

IrTemp rv_low32(DisasCtx *ctx, IrTemp v)
{
    if (ir_temp_is_const(ctx->ir, v))
        return ir_const_i32(ctx->ir, (int32_t)ir_const_value(ctx->ir, v));
    IrTemp t = ir_temp_new_bb(ctx->ir, IR_I32);
    ir_extrl_i64_i32(ctx->ir, t, v);
    return t;
}

bool rv_gen_w_op(DisasCtx *ctx, unsigned rd, IrTemp a, IrTemp b, RvBinFn *fn)
{
    IrTemp a32 = rv_low32(ctx, a);
    IrTemp b32 = rv_low32(ctx, b);
    IrTemp r32 = ir_temp_new_bb(ctx->ir, IR_I32);
    fn(ctx->ir, IR_I32, r32, a32, b32);
    ir_ext_i32_i64(ctx->ir, rv_dest_x(ctx, rd), r32);
    return true;
}
