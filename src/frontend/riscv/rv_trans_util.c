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

/*
 * The value of temp T just before op END, if the block's own IR makes it a
 * constant: the last op writing T (scanning back over straight-line code
 * only) is a mov or an add of values that are themselves such constants
 * (lui, auipc, addi, c.li, c.mv, ... all translate to those).  Any label,
 * branch, call or op that may write globals on the way stops the scan: a
 * value from before (or from another path) is unknown.  Anything else
 * writing T (a load, another ALU op) makes it unknown too.
 */
static bool const_before(const IrCtx *ir, IrTemp t, size_t end,
                         unsigned depth, uint64_t *val)
{
    if (ir_temp_is_const(ir, t)) {
        *val = (uint64_t)ir_const_value(ir, t);
        return true;
    }
    if (depth == 0)
        return false;
    for (size_t i = end; i-- > 0; ) {
        const IrOp *op = &ir->ops[i];
        if (ir_op_info[op->opc].flags & (IR_OPF_BB_START | IR_OPF_BB_END |
                                         IR_OPF_BRANCH | IR_OPF_CALL |
                                         IR_OPF_WGLOB))
            return false;
        bool writes = false;
        for (unsigned o = 0; o < op->nb_out; o++)
            writes |= ir_temp_eq(op->args[o].temp, t);
        if (!writes)
            continue;
        uint64_t a, b;
        if (op->opc == IR_OP_mov && op->type == IR_I64)
            return const_before(ir, op->args[1].temp, i, depth - 1, val);
        if (op->opc == IR_OP_add && op->type == IR_I64 &&
            const_before(ir, op->args[1].temp, i, depth - 1, &a) &&
            const_before(ir, op->args[2].temp, i, depth - 1, &b)) {
            *val = a + b;
            return true;
        }
        return false;
    }
    return false;       /* set before this block: unknown */
}

bool rv_const_x(DisasCtx *ctx, unsigned r, uint64_t *val)
{
    if (r == 0) {
        *val = 0;
        return true;
    }
    return const_before(ctx->ir, ctx->x[r], ctx->ir->nb_ops, 8, val);
}
