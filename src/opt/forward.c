/*
 * The optimizer's forward pass: one walk over the ops in order.  For each
 * op: labels and dead code first (branch.c); then its inputs are rewritten
 * through the copy facts (copyprop.c); integer ops are folded (fold.c),
 * simplified (simplify.c) and checked against known bits (knownbits.c,
 * with sign bits, signbits.c, and derived fields, field.c), a few rounds
 * while a rule still changes something; branches are folded
 * (branch.c); finally the facts about the op's outputs are recorded, and
 * block ends, helper calls that may write globals and exits end the facts
 * they invalidate.
 */
#include "opt_int.h"

#include <stdlib.h>
#include <string.h>

/* Rewrites OP in place as OPC with one output, the op's type, NB_IN
 * inputs IN, no constants. */
static void reshape(IrOp *op, IrOpcode opc, unsigned nb_in, const IrTemp *in)
{
    IrTemp d = op->args[0].temp;
    uint8_t type = op->type;
    memset(op, 0, sizeof(*op));
    op->opc = (uint16_t)opc;
    op->type = type;
    op->nb_out = 1;
    op->nb_in = (uint8_t)nb_in;
    op->args[0].temp = d;
    for (unsigned k = 0; k < nb_in; k++)
        op->args[1 + k].temp = in[k];
}

void opt_to_mov(OptState *st, IrOp *op, IrTemp src)
{
    (void)st;
    reshape(op, IR_OP_mov, 1, &src);
}

void opt_to_const(OptState *st, IrOp *op, uint64_t v)
{
    IrTemp c = ir_const(st->ctx, (IrType)op->type, v);
    reshape(op, IR_OP_mov, 1, &c);
}

void opt_to_unary(IrOp *op, IrOpcode opc, IrTemp a)
{
    reshape(op, opc, 1, &a);
}

/* The flags of OP, relaxed by its helper's if it is a call. */
static uint32_t op_flags(const IrOp *op)
{
    uint32_t flags = ir_op_info[op->opc].flags;
    if (op->opc == IR_OP_call) {
        const IrHelper *h = ir_op_const((IrOp *)op, 0)->helper;
        if (h && (h->flags & IR_HELPER_NO_WGLOB))
            flags &= ~IR_OPF_WGLOB;
    }
    return flags;
}

/* Records what op I leaves behind. */
static void finish_op(OptState *st, size_t i)
{
    IrOp *op = &st->ctx->ops[i];
    if (op->opc == IR_OP_nop)
        return;
    if (op->opc == IR_OP_mov) {
        if (opt_copy_redundant_mov(st, i))
            return;
        uint64_t z, o;
        IrTemp s = op->args[1].temp, d = op->args[0].temp;
        opt_bits_of(st, s, &z, &o);
        unsigned sb = opt_sign_bits(st, s);
        OptDef def = { .kind = OPT_DEF_NONE };
        opt_def_of(st, s, false, &def);
        opt_define(st, d, s, z, o);
        if (def.kind != OPT_DEF_NONE && def.src.id == d.id)
            def.kind = OPT_DEF_NONE;    /* d's old value is gone */
        opt_def_record(st, d, &def, sb);
        st->facts[d.id].def_at = (uint32_t)i;
        return;
    }
    uint32_t flags = op_flags(op);
    if (flags & IR_OPF_WGLOB)
        st->ep_glob++;      /* globals in memory may have changed */
    for (unsigned k = 0; k < op->nb_out; k++) {
        uint64_t z = 0, o = 0;
        unsigned sb = 1;
        OptDef def = { .kind = OPT_DEF_NONE };
        if (k == 0 && op->opc != IR_OP_discard) {
            opt_kb_output(st, op, &z, &o);
            sb = opt_sb_output(st, op);
            def = opt_def_output(st, op, i);
        }
        opt_define(st, op->args[k].temp, IR_NO_TEMP, z, o);
        opt_def_record(st, op->args[k].temp, &def, sb);
        st->facts[op->args[k].temp.id].def_at = (uint32_t)i;
    }
    if (flags & IR_OPF_BB_END)
        st->ep_bb++;
    if (flags & IR_OPF_NORETURN)
        st->dead = true;
}

/* Folding, simplification and known bits until nothing changes (each
 * round either turns the op into a mov, which ends it, or into a simpler
 * op; the bound is a safety net). */
static void rewrite_op(OptState *st, IrOp *op)
{
    for (int round = 0; round < 8 && op->opc != IR_OP_mov; round++) {
        if (opt_rule_fold(st, op))
            continue;
        bool changed = opt_simplify(st, op);
        if (op->opc != IR_OP_mov && opt_knownbits(st, op))
            changed = true;
        if (!changed)
            break;
    }
}

void opt_forward(IrCtx *ctx, const OptConfig *cfg)
{
    OptState st = {
        .ctx = ctx,
        .cfg = cfg,
        .nb_facts = ctx->nb_temps,
        .ep_glob = 1,
        .ep_tb = 1,
        .ep_bb = 1,
    };
    /* constants made during the pass get no entry: they need no facts */
    st.facts = calloc(ctx->nb_temps ? ctx->nb_temps : 1, sizeof(*st.facts));
    if (!st.facts)
        abort();
    ir_note_labels(ctx);

    for (size_t i = 0; i < ctx->nb_ops; i++) {
        IrOp *op = &ctx->ops[i];
        if (op->opc == IR_OP_nop)
            continue;
        if (op->opc == IR_OP_set_label) {
            opt_branch_label(&st, i);
            continue;
        }
        if (st.dead && opt_branch_dead(&st, i))
            continue;
        opt_rewrite_inputs(&st, op);
        rewrite_op(&st, op);
        if (op->opc == IR_OP_brcond || op->opc == IR_OP_br)
            opt_branch_op(&st, i);
        finish_op(&st, i);
    }
    free(st.facts);
}
