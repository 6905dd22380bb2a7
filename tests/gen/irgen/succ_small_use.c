/*
 * Compile check of the builders irgen generates for succ_small.def: every
 * builder is called once with arguments of the declared C types, under the
 * project's -Wall -Wextra -Werror.  Built, never run.
 */
#include "ir-build.h"

void succ_small_use(IrCtx *ctx);

void succ_small_use(IrCtx *ctx)
{
    static const IrHelper h = { "h", 0, 0 };
    IrTemp t1 = { 1 }, t2 = { 2 }, t3 = { 3 }, t4 = { 4 };
    IrTemp args[3] = { t1, t2, t3 };
    IrLabel l = { 1 };

    ir_mark(ctx, 0x1000);
    ir_move(ctx, IR_F64, t1, t2);
    ir_add(ctx, IR_I32, t1, t2, t3);
    ir_shl(ctx, IR_I64, t1, t2, t3);
    ir_rem(ctx, IR_I64, t1, t2, t3);
    ir_brcond(ctx, IR_I64, t1, t2, IR_COND_EQ, l);
    ir_ld(ctx, IR_F32, t1, t2, IR_MO_32, -16);
    ir_call(ctx, IR_I64, 1, &t4, 3, args, &h, 0);
    ir_fence(ctx, IR_BAR_ALL);
    ir_cvt(ctx, IR_I32, t1, t2, IR_RM_RNE);
    ir_fma(ctx, IR_F64, t1, t2, t3, t4, IR_FMA_PLAIN, -1);
}
