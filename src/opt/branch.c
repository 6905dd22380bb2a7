/*
 * Branch folding and the control-flow side of the forward pass:
 *   br-const    brcond whose condition is decided (two constants, equal
 *               operands, never/always) becomes br (taken) or goes (not);
 *   kb-cond     the same when the known bits decide it;
 *   br-next     br or brcond to a label that follows it with only labels in
 *               between goes (both ways lead to the same op);
 *   br-dead     ops after an op that never falls through (br, exit_tb,
 *               goto_ptr), up to the next label still in use, are dead;
 *   label-drop  a set_label whose label no branch names goes: the blocks
 *               before and after merge, and facts flow across.
 * Label reference counts (IrLabelInfo.refs) are kept exact while ops go, so
 * a label whose last branch was removed earlier in the pass is seen unused.
 * A label still in use is where facts about TB temps and globals end: it
 * can be reached from branches the pass has not seen with other values.
 */
#include "opt_int.h"

static IrLabel op_label(const IrOp *op)
{
    const IrOpInfo *info = &ir_op_info[op->opc];
    for (unsigned k = 0; k < op->nb_const; k++)
        if (info->const_kinds[k] == IR_CK_LABEL)
            return op->args[op->nb_out + op->nb_in + k].label;
    return (IrLabel){ 0 };
}

void opt_remove_op(OptState *st, size_t i)
{
    IrOp *op = &st->ctx->ops[i];
    if (op->opc != IR_OP_set_label) {
        IrLabel l = op_label(op);
        if (l.id && st->ctx->labels[l.id].refs)
            st->ctx->labels[l.id].refs--;
    }
    ir_op_remove(st->ctx, i);
}

/* br-next, seen from the label: the last op before the label at op I (dead
 * ops removed since it was seen) is a branch to it. */
static void branch_before_label(OptState *st, size_t i, IrLabel l)
{
    IrCtx *ctx = st->ctx;
    for (size_t j = i; j-- > 0;) {
        const IrOp *op = &ctx->ops[j];
        if (op->opc == IR_OP_nop || op->opc == IR_OP_set_label)
            continue;
        if ((op->opc == IR_OP_br || op->opc == IR_OP_brcond) &&
            op_label(op).id == l.id) {
            if (op->opc == IR_OP_br)
                st->dead = false;   /* the fall-through now reaches here */
            opt_remove_op(st, j);
            branch_before_label(st, i, l);
        }
        return;
    }
}

void opt_branch_label(OptState *st, size_t i)
{
    IrLabel l = st->ctx->ops[i].args[0].label;
    if (opt_on(st, OPT_RULE_BR_NEXT))
        branch_before_label(st, i, l);
    if (st->ctx->labels[l.id].refs == 0 && opt_on(st, OPT_RULE_LABEL_DROP)) {
        /* Only the fall-through reaches this point: nothing to forget;
           after a noreturn op the code stays dead. */
        ir_op_remove(st->ctx, i);
        return;
    }
    st->ep_glob++;
    st->ep_tb++;
    st->ep_bb++;
    st->dead = false;
}

bool opt_branch_dead(OptState *st, size_t i)
{
    if (!opt_on(st, OPT_RULE_BR_DEAD))
        return false;
    opt_remove_op(st, i);
    return true;
}

/* br-next: the branch at op I goes to the label just after it. */
static bool branch_to_next(OptState *st, size_t i)
{
    IrCtx *ctx = st->ctx;
    IrLabel l = op_label(&ctx->ops[i]);
    for (size_t j = i + 1; j < ctx->nb_ops; j++) {
        const IrOp *op = &ctx->ops[j];
        if (op->opc == IR_OP_nop)
            continue;
        if (op->opc != IR_OP_set_label)
            return false;
        if (op->args[0].label.id == l.id)
            return true;
    }
    return false;
}

void opt_branch_op(OptState *st, size_t i)
{
    IrOp *op = &st->ctx->ops[i];
    if (op->opc == IR_OP_brcond) {
        IrCond c = (IrCond)ir_op_const(op, 0)->imm;
        IrTemp a = ir_op_in(op, 0)->temp, b = ir_op_in(op, 1)->temp;
        int d = -1;
        if (opt_on(st, OPT_RULE_BR_CONST))
            d = opt_cond_decide(st, c, a, b);
        if (d < 0 && opt_on(st, OPT_RULE_KB_COND))
            d = opt_kb_cond_decide(st, c, a, b);
        if (d == 0) {
            opt_remove_op(st, i);
            return;
        }
        if (d == 1) {
            IrLabel l = ir_op_const(op, 1)->label;
            op->opc = IR_OP_br;
            op->type = IR_VOID;
            op->nb_out = 0;
            op->nb_in = 0;
            op->nb_const = 1;
            op->life = 0;
            op->args[0].label = l;
            op->args[1].temp = IR_NO_TEMP;
            op->args[2].temp = IR_NO_TEMP;
            op->args[3].temp = IR_NO_TEMP;
        }
    }
    if ((op->opc == IR_OP_br || op->opc == IR_OP_brcond) &&
        opt_on(st, OPT_RULE_BR_NEXT) && branch_to_next(st, i))
        opt_remove_op(st, i);
}
