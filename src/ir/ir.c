/*
 * IR contexts: the contiguous op array appended to by the builders of
 * ir-build.h, temps of every lifetime (globals, TB-wide, basic-block-local,
 * constants de-duplicated through a hash table), labels, and the selection
 * of an op's constraint set from the generated table.  docs/ir.md.
 */
#include "ir.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Noreturn void ir_oom(void)
{
    fprintf(stderr, "rvtcg: out of memory\n");
    abort();
}

static void *ir_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        ir_oom();
    return p;
}

IrCtx *ir_ctx_new(void)
{
    IrCtx *ctx = ir_xrealloc(NULL, sizeof(*ctx));
    memset(ctx, 0, sizeof(*ctx));
    ctx->nb_temps = 1;      /* temp 0 is IR_NO_TEMP */
    ctx->nb_labels = 1;     /* label 0 is unused */
    ctx->cap_temps = 64;
    ctx->temps = ir_xrealloc(NULL, ctx->cap_temps * sizeof(*ctx->temps));
    memset(&ctx->temps[0], 0, sizeof(ctx->temps[0]));
    ctx->cap_labels = 16;
    ctx->labels = ir_xrealloc(NULL, ctx->cap_labels * sizeof(*ctx->labels));
    ctx->const_hash_cap = 64;
    ctx->const_hash = calloc(ctx->const_hash_cap, sizeof(*ctx->const_hash));
    if (!ctx->const_hash)
        ir_oom();
    return ctx;
}

void ir_ctx_free(IrCtx *ctx)
{
    if (!ctx)
        return;
    for (uint32_t i = 1; i <= ctx->nb_globals; i++)
        free((char *)ctx->temps[i].name);
    free(ctx->ops);
    free(ctx->temps);
    free(ctx->labels);
    free(ctx->const_hash);
    free(ctx);
}

void ir_ctx_reset(IrCtx *ctx)
{
    ctx->nb_ops = 0;
    ctx->nb_temps = 1 + ctx->nb_globals;
    ctx->nb_labels = 1;
    if (ctx->nb_consts) {
        memset(ctx->const_hash, 0,
               ctx->const_hash_cap * sizeof(*ctx->const_hash));
        ctx->nb_consts = 0;
    }
}

static IrTemp temp_alloc(IrCtx *ctx, IrTempKind kind, IrType type)
{
    assert((unsigned)type < IR_VOID);
    if (ctx->nb_temps == ctx->cap_temps) {
        ctx->cap_temps *= 2;
        ctx->temps = ir_xrealloc(ctx->temps,
                                 ctx->cap_temps * sizeof(*ctx->temps));
    }
    IrTempInfo *ti = &ctx->temps[ctx->nb_temps];
    memset(ti, 0, sizeof(*ti));
    ti->kind = (uint8_t)kind;
    ti->type = (uint8_t)type;
    ti->fixed_reg = -1;
    return (IrTemp){ ctx->nb_temps++ };
}

IrTemp ir_global(IrCtx *ctx, IrType type, int32_t offset, const char *name)
{
    assert(ctx->nb_temps == 1 + ctx->nb_globals &&
           "ir_global: globals must be created before other temps");
    IrTemp t = temp_alloc(ctx, IR_TEMP_GLOBAL, type);
    IrTempInfo *ti = &ctx->temps[t.id];
    ti->offset = offset;
    size_t n = strlen(name);
    char *copy = ir_xrealloc(NULL, n + 1);
    memcpy(copy, name, n + 1);
    ti->name = copy;
    ctx->nb_globals++;
    return t;
}

void ir_global_set_fixed_reg(IrCtx *ctx, IrTemp g, int reg)
{
    assert(g.id >= 1 && g.id <= ctx->nb_globals);
    ctx->temps[g.id].fixed_reg = (int8_t)reg;
}

IrTemp ir_temp_new(IrCtx *ctx, IrType type)
{
    return temp_alloc(ctx, IR_TEMP_TB, type);
}

IrTemp ir_temp_new_bb(IrCtx *ctx, IrType type)
{
    return temp_alloc(ctx, IR_TEMP_BB, type);
}

static uint32_t const_hash(IrType type, uint64_t bits)
{
    uint64_t h = (bits ^ ((uint64_t)type << 61)) * 0x9E3779B97F4A7C15ULL;
    return (uint32_t)(h >> 32);
}

static void const_hash_grow(IrCtx *ctx)
{
    uint32_t old_cap = ctx->const_hash_cap;
    uint32_t *old = ctx->const_hash;
    ctx->const_hash_cap *= 2;
    ctx->const_hash = calloc(ctx->const_hash_cap, sizeof(*ctx->const_hash));
    if (!ctx->const_hash)
        ir_oom();
    uint32_t mask = ctx->const_hash_cap - 1;
    for (uint32_t i = 0; i < old_cap; i++) {
        uint32_t id = old[i];
        if (!id)
            continue;
        const IrTempInfo *ti = &ctx->temps[id];
        uint32_t h = const_hash((IrType)ti->type, ti->val) & mask;
        while (ctx->const_hash[h])
            h = (h + 1) & mask;
        ctx->const_hash[h] = id;
    }
    free(old);
}

IrTemp ir_const(IrCtx *ctx, IrType type, uint64_t bits)
{
    if (type == IR_I32 || type == IR_F32)
        bits = (uint32_t)bits;
    if ((ctx->nb_consts + 1) * 2 > ctx->const_hash_cap)
        const_hash_grow(ctx);
    uint32_t mask = ctx->const_hash_cap - 1;
    uint32_t h = const_hash(type, bits) & mask;
    for (;;) {
        uint32_t id = ctx->const_hash[h];
        if (!id)
            break;
        const IrTempInfo *ti = &ctx->temps[id];
        if (ti->type == type && ti->val == bits)
            return (IrTemp){ id };
        h = (h + 1) & mask;
    }
    IrTemp t = temp_alloc(ctx, IR_TEMP_CONST, type);
    ctx->temps[t.id].val = bits;
    ctx->const_hash[h] = t.id;
    ctx->nb_consts++;
    return t;
}

IrTemp ir_const_f32(IrCtx *ctx, float v)
{
    uint32_t bits;
    memcpy(&bits, &v, sizeof bits);
    return ir_const(ctx, IR_F32, bits);
}

IrTemp ir_const_f64(IrCtx *ctx, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return ir_const(ctx, IR_F64, bits);
}

IrLabel ir_label_new(IrCtx *ctx)
{
    if (ctx->nb_labels == ctx->cap_labels) {
        ctx->cap_labels *= 2;
        ctx->labels = ir_xrealloc(ctx->labels,
                                  ctx->cap_labels * sizeof(*ctx->labels));
    }
    ctx->labels[ctx->nb_labels] = (IrLabelInfo){ .set_at = -1, .refs = 0 };
    return (IrLabel){ ctx->nb_labels++ };
}

IrOp *ir_emit_op(IrCtx *ctx, IrOpcode opc, IrType type)
{
    assert((unsigned)opc < IR_OP_COUNT);
    assert((unsigned)type < IR_TYPE_COUNT);
    if (ctx->nb_ops == ctx->cap_ops) {
        ctx->cap_ops = ctx->cap_ops ? ctx->cap_ops * 2 : 256;
        ctx->ops = ir_xrealloc(ctx->ops, ctx->cap_ops * sizeof(*ctx->ops));
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

void ir_note_labels(IrCtx *ctx)
{
    for (uint32_t l = 1; l < ctx->nb_labels; l++)
        ctx->labels[l] = (IrLabelInfo){ .set_at = -1, .refs = 0 };
    for (size_t i = 0; i < ctx->nb_ops; i++) {
        IrOp *op = &ctx->ops[i];
        const IrOpInfo *info = &ir_op_info[op->opc];
        for (unsigned k = 0; k < op->nb_const; k++) {
            if (info->const_kinds[k] != IR_CK_LABEL)
                continue;
            IrLabel l = ir_op_const(op, k)->label;
            assert(l.id > 0 && l.id < ctx->nb_labels);
            if (op->opc == IR_OP_set_label)
                ctx->labels[l.id].set_at = (int32_t)i;
            else
                ctx->labels[l.id].refs++;
        }
    }
}

void ir_op_remove(IrCtx *ctx, size_t i)
{
    assert(i < ctx->nb_ops);
    IrOp *op = &ctx->ops[i];
    memset(op, 0, sizeof(*op));
    op->opc = IR_OP_nop;
    op->type = IR_VOID;
}

void ir_compact(IrCtx *ctx)
{
    size_t j = 0;
    for (size_t i = 0; i < ctx->nb_ops; i++)
        if (ctx->ops[i].opc != IR_OP_nop)
            ctx->ops[j++] = ctx->ops[i];
    ctx->nb_ops = j;
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
