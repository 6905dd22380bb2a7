/*
 * Integer register access for the trans_* functions (RISC-V Unprivileged
 * ISA 20191213, 2.1 "Programmers' Model for Base Integer ISA": x0 is
 * hard-wired to zero; x1..x31 are the IR globals DisasCtx.x[]).
 *
 * Reading x0 gives the constant 0.  Writing x0 must still perform the
 * instruction's other effects (a load into x0 may fault), so rv_dest_x(0)
 * hands out a scratch TB temp whose value nobody reads; dead-code
 * elimination removes the pure computations into it.
 */
#include "rv_disas_ctx.h"

IrTemp rv_get_x(DisasCtx *ctx, unsigned r)
{
    return r ? ctx->x[r] : ir_const_i64(ctx->ir, 0);
}

IrTemp rv_dest_x(DisasCtx *ctx, unsigned r)
{
    return r ? ctx->x[r] : ir_temp_new(ctx->ir, IR_I64);
}

void rv_set_x(DisasCtx *ctx, unsigned r, IrTemp v)
{
    if (r && !ir_temp_eq(ctx->x[r], v))
        ir_mov(ctx->ir, IR_I64, ctx->x[r], v);
}
