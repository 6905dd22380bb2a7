/*
 * ir_clone: rebuilds a context through the public IR functions, mapping
 * temp ids (see ir_clone.h).
 */
#include "ir_clone.h"

#include <stdlib.h>
#include <string.h>

static IrTemp map_temp(const IrCtx *src, IrCtx *dst, uint32_t *map, IrTemp t)
{
    if (t.id == 0 || t.id >= src->nb_temps)
        return t;                       /* invalid: keep as is */
    if (map[t.id])
        return (IrTemp){ map[t.id] };
    const IrTempInfo *ti = &src->temps[t.id];
    IrTemp n;
    switch (ti->kind) {
    case IR_TEMP_TB: n = ir_temp_new(dst, (IrType)ti->type); break;
    case IR_TEMP_BB: n = ir_temp_new_bb(dst, (IrType)ti->type); break;
    default: n = ir_const(dst, (IrType)ti->type, ti->val); break;
    }
    map[t.id] = n.id;
    return n;
}

IrCtx *ir_clone(const IrCtx *src, const bool *keep)
{
    IrCtx *dst = ir_ctx_new();
    uint32_t *map = calloc(src->nb_temps + 1, sizeof *map);
    if (!map)
        abort();
    for (uint32_t i = 1; i <= src->nb_globals; i++) {
        const IrTempInfo *ti = &src->temps[i];
        IrTemp g = ir_global(dst, (IrType)ti->type, ti->offset, ti->name);
        if (ti->fixed_reg >= 0)
            ir_global_set_fixed_reg(dst, g, ti->fixed_reg);
        map[i] = g.id;
    }
    while (dst->nb_labels < src->nb_labels)
        ir_label_new(dst);
    for (size_t i = 0; i < src->nb_ops; i++) {
        if (keep && !keep[i])
            continue;
        const IrOp *s = &src->ops[i];
        IrTemp ts[IR_MAX_ARGS];
        unsigned nt = (unsigned)s->nb_out + s->nb_in;
        for (unsigned k = 0; k < nt; k++)
            ts[k] = map_temp(src, dst, map, s->args[k].temp);
        IrOp *d = ir_emit_op(dst, (IrOpcode)s->opc, (IrType)s->type);
        d->nb_out = s->nb_out;
        d->nb_in = s->nb_in;
        d->nb_const = s->nb_const;
        memcpy(d->args, s->args, sizeof d->args);
        for (unsigned k = 0; k < nt; k++)
            d->args[k].temp = ts[k];
    }
    free(map);
    return dst;
}
