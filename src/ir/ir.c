/*
 * IR contexts: for now just a growable contiguous array of ops, appended to
 * by the builders of ir-build.h through ir_emit_op, and the selection of an
 * op's constraint set from the generated table.
 */
#include "ir.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct IrCtx {
    IrOp *ops;
    size_t nb_ops, cap;
};

static void *ir_xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fprintf(stderr, "rvtcg: out of memory\n");
        abort();
    }
    return p;
}

IrCtx *ir_ctx_new(void)
{
    IrCtx *ctx = ir_xrealloc(NULL, sizeof(*ctx));
    memset(ctx, 0, sizeof(*ctx));
    return ctx;
}

void ir_ctx_free(IrCtx *ctx)
{
    if (!ctx)
        return;
    free(ctx->ops);
    free(ctx);
}

void ir_ctx_reset(IrCtx *ctx)
{
    ctx->nb_ops = 0;
}

IrOp *ir_emit_op(IrCtx *ctx, IrOpcode opc, IrType type)
{
    assert((unsigned)opc < IR_OP_COUNT);
    assert((unsigned)type < IR_TYPE_COUNT);
    if (ctx->nb_ops == ctx->cap) {
        ctx->cap = ctx->cap ? ctx->cap * 2 : 256;
        ctx->ops = ir_xrealloc(ctx->ops, ctx->cap * sizeof(*ctx->ops));
    }
    const IrOpInfo *info = &ir_op_info[opc];
    IrOp *op = &ctx->ops[ctx->nb_ops++];
    memset(op, 0, sizeof(*op));
    op->opc = (uint16_t)opc;
    op->type = (uint8_t)type;
    op->nb_out = info->nb_out;
    op->nb_in = info->nb_in;
    op->nb_const = info->nb_const;
    return op;
}

size_t ir_op_count(const IrCtx *ctx)
{
    return ctx->nb_ops;
}

IrOp *ir_op_at(IrCtx *ctx, size_t index)
{
    assert(index < ctx->nb_ops);
    return &ctx->ops[index];
}

const IrConsSet *ir_cons_select(IrOpcode opc, IrType type, uint32_t host_features)
{
    assert((unsigned)opc < IR_OP_COUNT && (unsigned)type < IR_TYPE_COUNT);
    int i = ir_op_info[opc].cons_x86_64[ir_type_class(type)];
    while (i >= 0) {
        const IrConsSet *cs = &ir_cons_x86_64[i];
        if ((cs->features & host_features) == cs->features)
            return cs;
        i = cs->next;
    }
    return NULL;
}
