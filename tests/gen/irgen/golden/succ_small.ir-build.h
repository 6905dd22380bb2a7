/*
 * Typed IR builders: ir_<op>(ctx, [type,] outputs, inputs, constants)
 * appends one op to ctx and returns it (the pointer is valid until the
 * next op is appended).  Operand order and meaning: docs/ir.md and
 * the ops.def line named above each builder (opcodes in ir-ops.h).
 */
#ifndef IR_BUILD_H
#define IR_BUILD_H

#include <assert.h>

#include "ir.h"

/* mark: tests/gen/irgen/succ_small.def:9  types void  flags side,meta */
static inline IrOp *ir_mark(IrCtx *ctx, uint64_t pc)
{
    IrOp *op = ir_emit_op(ctx, IR_OP_mark, IR_VOID);
    op->args[0].uimm = pc;
    return op;
}

/* move: tests/gen/irgen/succ_small.def:12  types i32, i64, f32, f64  flags - */
static inline IrOp *ir_move(IrCtx *ctx, IrType t, IrTemp d, IrTemp s)
{
    assert(t < IR_TYPE_COUNT && ((0x0fu >> t) & 1u) &&
           "ir_move: type must be one of i32, i64, f32, f64");
    IrOp *op = ir_emit_op(ctx, IR_OP_move, t);
    op->args[0].temp = d;
    op->args[1].temp = s;
    return op;
}

/* add: tests/gen/irgen/succ_small.def:17  types i32, i64  flags fold,commut */
static inline IrOp *ir_add(IrCtx *ctx, IrType t, IrTemp d, IrTemp a, IrTemp b)
{
    assert(t < IR_TYPE_COUNT && ((0x03u >> t) & 1u) &&
           "ir_add: type must be one of i32, i64");
    IrOp *op = ir_emit_op(ctx, IR_OP_add, t);
    op->args[0].temp = d;
    op->args[1].temp = a;
    op->args[2].temp = b;
    return op;
}

/* shl: tests/gen/irgen/succ_small.def:20  types i32, i64  flags fold */
static inline IrOp *ir_shl(IrCtx *ctx, IrType t, IrTemp d, IrTemp a, IrTemp n)
{
    assert(t < IR_TYPE_COUNT && ((0x03u >> t) & 1u) &&
           "ir_shl: type must be one of i32, i64");
    IrOp *op = ir_emit_op(ctx, IR_OP_shl, t);
    op->args[0].temp = d;
    op->args[1].temp = a;
    op->args[2].temp = n;
    return op;
}

/* rem: tests/gen/irgen/succ_small.def:25  types i32, i64  flags fold */
static inline IrOp *ir_rem(IrCtx *ctx, IrType t, IrTemp d, IrTemp a, IrTemp b)
{
    assert(t < IR_TYPE_COUNT && ((0x03u >> t) & 1u) &&
           "ir_rem: type must be one of i32, i64");
    IrOp *op = ir_emit_op(ctx, IR_OP_rem, t);
    op->args[0].temp = d;
    op->args[1].temp = a;
    op->args[2].temp = b;
    return op;
}

/* brcond: tests/gen/irgen/succ_small.def:29  types i32, i64  flags side,branch,bb_end */
static inline IrOp *ir_brcond(IrCtx *ctx, IrType t, IrTemp a, IrTemp b, IrCond c, IrLabel target)
{
    assert(t < IR_TYPE_COUNT && ((0x03u >> t) & 1u) &&
           "ir_brcond: type must be one of i32, i64");
    IrOp *op = ir_emit_op(ctx, IR_OP_brcond, t);
    op->args[0].temp = a;
    op->args[1].temp = b;
    op->args[2].imm = c;
    op->args[3].label = target;
    return op;
}

/* ld: tests/gen/irgen/succ_small.def:31  types i32, i64, f32, f64  flags side,fault */
static inline IrOp *ir_ld(IrCtx *ctx, IrType t, IrTemp d, IrTemp addr, IrMemOp mop, int32_t ofs)
{
    assert(t < IR_TYPE_COUNT && ((0x0fu >> t) & 1u) &&
           "ir_ld: type must be one of i32, i64, f32, f64");
    IrOp *op = ir_emit_op(ctx, IR_OP_ld, t);
    op->args[0].temp = d;
    op->args[1].temp = addr;
    op->args[2].imm = mop;
    op->args[3].imm = ofs;
    return op;
}

/* call: tests/gen/irgen/succ_small.def:36  types i64, void  flags side,call,rglob,wglob */
static inline IrOp *ir_call(IrCtx *ctx, IrType t, unsigned nb_ret, const IrTemp *ret, unsigned nb_args, const IrTemp *args, const IrHelper *fn, uint32_t flags)
{
    assert(t < IR_TYPE_COUNT && ((0x12u >> t) & 1u) &&
           "ir_call: type must be one of i64, void");
    assert(nb_ret <= 1 && "ir_call: at most 1 ret");
    assert((t != IR_VOID || nb_ret == 0) &&
           "ir_call: a void op has no ret");
    assert(nb_args <= 3 && "ir_call: at most 3 args");
    IrOp *op = ir_emit_op(ctx, IR_OP_call, t);
    op->nb_out = (uint8_t)(nb_ret);
    op->nb_in = (uint8_t)(nb_args);
    unsigned n = 0;
    for (unsigned k = 0; k < nb_ret; k++)
        op->args[n++].temp = ret[k];
    for (unsigned k = 0; k < nb_args; k++)
        op->args[n++].temp = args[k];
    op->args[n++].helper = fn;
    op->args[n++].uimm = flags;
    return op;
}

/* fence: tests/gen/irgen/succ_small.def:40  types void  flags side */
static inline IrOp *ir_fence(IrCtx *ctx, IrBarrier kind)
{
    IrOp *op = ir_emit_op(ctx, IR_OP_fence, IR_VOID);
    op->args[0].imm = kind;
    return op;
}

/* cvt: tests/gen/irgen/succ_small.def:41  types i32, i64  flags fpenv */
static inline IrOp *ir_cvt(IrCtx *ctx, IrType t, IrTemp d, IrTemp a, IrRound rm)
{
    assert(t < IR_TYPE_COUNT && ((0x03u >> t) & 1u) &&
           "ir_cvt: type must be one of i32, i64");
    IrOp *op = ir_emit_op(ctx, IR_OP_cvt, t);
    op->args[0].temp = d;
    op->args[1].temp = a;
    op->args[2].imm = rm;
    return op;
}

/* fma: tests/gen/irgen/succ_small.def:42  types f32, f64  flags fpenv */
static inline IrOp *ir_fma(IrCtx *ctx, IrType t, IrTemp d, IrTemp a, IrTemp b, IrTemp c, IrFmaNeg neg, int64_t bias)
{
    assert(t < IR_TYPE_COUNT && ((0x0cu >> t) & 1u) &&
           "ir_fma: type must be one of f32, f64");
    IrOp *op = ir_emit_op(ctx, IR_OP_fma, t);
    op->args[0].temp = d;
    op->args[1].temp = a;
    op->args[2].temp = b;
    op->args[3].temp = c;
    op->args[4].imm = neg;
    op->args[5].imm = bias;
    return op;
}

#endif
