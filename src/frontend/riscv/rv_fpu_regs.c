/*
 * FP register access for the F/D translators (rv_fpu.h).  RISC-V
 * Unprivileged ISA 20191213, 12.2 "NaN Boxing of Narrower Values": a single
 * in a 64-bit register is NaN-boxed (upper 32 bits all ones); an operation
 * on singles reads an improperly boxed input as the canonical NaN, and
 * every single result is written boxed.
 *
 * f[] are f64 IR globals holding the raw register.  Reading a single costs
 * a funbox (a 64-bit check) unless the block already knows the unboxed
 * value: the most recent op in the block that touched f[r] is either the
 * fbox that wrote it or a funbox that read it, with nothing in between
 * that may write f[r].  That is found by looking back over the block's
 * ops, so there is no per-block state to reset.
 */
#include "rv_fpu.h"

/* How far back the search for a known unboxed value looks. */
#define RV_FPU_LOOKBACK 256

IrTemp rv_fpu_temp(DisasCtx *ctx, RvFmt f)
{
    return ir_temp_new(ctx->ir, rv_fpu_type(f));
}

/* May OP write global G (or make a register copy of it stale)? */
static bool may_write(const IrCtx *ir, const IrOp *op, IrTemp g)
{
    for (unsigned i = 0; i < op->nb_out; i++)
        if (ir_temp_eq(op->args[i].temp, g))
            return true;
    if (op->opc == IR_OP_call) {
        const IrHelper *h = op->args[op->nb_out + op->nb_in].helper;
        return !h || !(h->flags & IR_HELPER_NO_WGLOB);
    }
    (void)ir;
    return (ir_op_info[op->opc].flags & IR_OPF_WGLOB) != 0;
}

/*
 * The unboxed single of f[r] if the block already has it in a temp that is
 * still valid here: *boxed_from says it is the value an fbox boxed (so it
 * equals the register's low half; a funbox result may be the canonical NaN
 * instead).  IR_NO_TEMP if unknown.
 */
static IrTemp known_single(DisasCtx *ctx, unsigned r, bool *boxed_from)
{
    IrCtx *ir = ctx->ir;
    IrTemp g = ctx->f[r];
    bool crossed_bb = false;
    size_t n = ir_op_count(ir);
    for (size_t k = 0; k < n && k < RV_FPU_LOOKBACK; k++) {
        const IrOp *op = ir_op_at(ir, n - 1 - k);
        IrTemp v = IR_NO_TEMP;
        if (op->opc == IR_OP_set_label)
            return IR_NO_TEMP;                  /* a join: unknown */
        if (op->opc == IR_OP_fbox && ir_temp_eq(op->args[0].temp, g)) {
            v = op->args[1].temp;
            *boxed_from = true;
        } else if (op->opc == IR_OP_funbox && ir_temp_eq(op->args[1].temp, g)) {
            v = op->args[0].temp;
            *boxed_from = false;
        } else if (may_write(ir, op, g)) {
            return IR_NO_TEMP;
        } else {
            if (ir_op_info[op->opc].flags & IR_OPF_BB_END)
                crossed_bb = true;
            continue;
        }
        const IrTempInfo *ti = ir_temp_info(ir, v);
        if (ti->kind == IR_TEMP_GLOBAL ||
            (ti->kind == IR_TEMP_BB && crossed_bb))
            return IR_NO_TEMP;
        return v;
    }
    return IR_NO_TEMP;
}

IrTemp rv_fpu_known_low(DisasCtx *ctx, unsigned r)
{
    bool boxed_from = false;
    IrTemp v = known_single(ctx, r, &boxed_from);
    return boxed_from ? v : IR_NO_TEMP;
}

IrTemp rv_fpu_get(DisasCtx *ctx, RvFmt f, unsigned r)
{
    if (f == RV_FMT_D)
        return ctx->f[r];
    bool boxed_from;
    IrTemp v = known_single(ctx, r, &boxed_from);
    if (v.id != IR_NO_TEMP.id)
        return v;
    v = rv_fpu_temp(ctx, RV_FMT_S);
    ir_funbox(ctx->ir, v, ctx->f[r]);
    return v;
}

void rv_fpu_set(DisasCtx *ctx, RvFmt f, unsigned r, IrTemp v)
{
    if (f == RV_FMT_S)
        ir_fbox(ctx->ir, ctx->f[r], v);
    else if (!ir_temp_eq(ctx->f[r], v))
        ir_mov(ctx->ir, IR_F64, ctx->f[r], v);
}

IrTemp rv_fpu_raw_bits(DisasCtx *ctx, unsigned r)
{
    IrTemp t = ir_temp_new(ctx->ir, IR_I64);
    ir_bitcast_f2i(ctx->ir, IR_I64, t, ctx->f[r]);
    return t;
}

void rv_fpu_set_raw_bits(DisasCtx *ctx, unsigned r, IrTemp v)
{
    ir_bitcast_i2f(ctx->ir, IR_F64, ctx->f[r], v);
}
