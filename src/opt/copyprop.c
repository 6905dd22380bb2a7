/*
 * Facts about temps during the forward pass, and the rules that use the
 * copy facts: "constprop" (a use of a temp known to hold a constant reads
 * the constant) and "copyprop" (a use of a copy reads its source; a mov
 * that changes nothing goes).
 *
 * A fact is kept with the version of its temp and the epoch of the temp's
 * kind (opt_int.h); a copy fact also with the version and epoch of the
 * source, so "t0 is a copy of x5" dies when x5 is written, when a helper
 * may have written globals, and at labels.  Nothing has to be walked to
 * forget facts: a stale one simply no longer matches.
 */
#include "opt_int.h"

uint32_t opt_cur_epoch(const OptState *st, IrTempKind kind)
{
    switch (kind) {
    case IR_TEMP_GLOBAL: return st->ep_glob;
    case IR_TEMP_TB: return st->ep_tb;
    case IR_TEMP_BB: return st->ep_bb;
    default: return 0;
    }
}

static IrTempKind kind_of(const OptState *st, uint32_t id)
{
    return (IrTempKind)st->ctx->temps[id].kind;
}

bool opt_fact_valid(const OptState *st, IrTemp t)
{
    if (kind_of(st, t.id) == IR_TEMP_CONST)
        return true;
    return st->facts[t.id].epoch == opt_cur_epoch(st, kind_of(st, t.id));
}

IrTemp opt_copy_source(const OptState *st, IrTemp t)
{
    if (kind_of(st, t.id) == IR_TEMP_CONST || !opt_fact_valid(st, t))
        return t;
    const OptFact *f = &st->facts[t.id];
    if (!f->src)
        return t;
    IrTempKind sk = kind_of(st, f->src);
    if (sk != IR_TEMP_CONST &&
        (st->facts[f->src].version != f->src_version ||
         opt_cur_epoch(st, sk) != f->src_epoch))
        return t;
    return (IrTemp){ f->src };
}

bool opt_const_of(const OptState *st, IrTemp t, uint64_t *v)
{
    /* with constprop off, only constant temps themselves count */
    IrTemp s = opt_on(st, OPT_RULE_CONSTPROP) ? opt_copy_source(st, t) : t;
    if (kind_of(st, s.id) != IR_TEMP_CONST)
        return false;
    *v = st->ctx->temps[s.id].val;
    return true;
}

void opt_bits_of(const OptState *st, IrTemp t, uint64_t *z, uint64_t *o)
{
    const IrTempInfo *ti = &st->ctx->temps[t.id];
    *z = *o = 0;
    if (ti->type > IR_I64)
        return;
    uint64_t m = opt_mask(opt_type_bits((IrType)ti->type));
    uint64_t v;
    if (opt_const_of(st, t, &v)) {
        *z = ~v & m;
        *o = v & m;
    } else if (opt_fact_valid(st, t)) {
        *z = st->facts[t.id].z & m;
        *o = st->facts[t.id].o & m;
    }
}

void opt_rewrite_inputs(OptState *st, IrOp *op)
{
    for (unsigned k = 0; k < op->nb_in; k++) {
        IrArg *a = ir_op_in(op, k);
        IrTemp s = opt_copy_source(st, a->temp);
        if (s.id == a->temp.id)
            continue;
        bool is_const = kind_of(st, s.id) == IR_TEMP_CONST;
        if (opt_on(st, is_const ? OPT_RULE_CONSTPROP : OPT_RULE_COPYPROP))
            a->temp = s;
    }
}

void opt_define(OptState *st, IrTemp out, IrTemp src, uint64_t z, uint64_t o)
{
    OptFact *f = &st->facts[out.id];
    f->version++;
    f->epoch = opt_cur_epoch(st, kind_of(st, out.id));
    f->z = z;
    f->o = o;
    f->sb = 0;
    f->def_kind = OPT_DEF_NONE;
    f->src = src.id;
    /* constants made during the pass have no facts entry: never index it */
    if (src.id && kind_of(st, src.id) != IR_TEMP_CONST) {
        f->src_version = st->facts[src.id].version;
        f->src_epoch = opt_cur_epoch(st, kind_of(st, src.id));
    }
}

bool opt_copy_redundant_mov(OptState *st, size_t i)
{
    IrOp *op = &st->ctx->ops[i];
    if (!opt_on(st, OPT_RULE_COPYPROP))
        return false;
    IrTemp d = op->args[0].temp, s = op->args[1].temp;
    if (d.id != s.id &&
        opt_copy_source(st, d).id != opt_copy_source(st, s).id)
        return false;
    ir_op_remove(st->ctx, i);
    return true;
}
