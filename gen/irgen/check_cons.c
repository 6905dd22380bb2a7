/*
 * irgen's checks of constraint sets (see check.c for the rest): resolves
 * each operand constraint (r, x, {regs}, ties, &, immediates), matches the
 * constraints against the op's operands and type classes, and builds each
 * class's ordered list of alternatives.
 */
#include "check.h"
#include "vocab.h"

#include <string.h>

const char *const irgen_role_names[] = { "output", "input", "scratch" };

static int popcount32(uint32_t x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

static int lowest_bit(uint32_t x)
{
    for (int i = 0; i < 32; i++)
        if (x & (1u << i))
            return i;
    return -1;
}

/* The operand at expanded position POS of LIST (a group covers several). */
static IrgenOperand *operand_at(PtrVec *list, int pos)
{
    for (size_t i = 0; i < list->len; i++) {
        IrgenOperand *o = list->items[i];
        int n = o->var_max > 0 ? o->var_max : 1;
        if (pos < n)
            return o;
        pos -= n;
    }
    return NULL;
}

/* Resolves the words of one operand constraint. */
static bool resolve_cons(IrgenFile *f, IrgenCons *c, int role)
{
    bool ok = true;
    IrgenConsItem *reg_item = NULL;
    for (size_t i = 0; i < c->items.len; i++) {
        IrgenConsItem *it = c->items.items[i];
        bool is_reg = false;
        switch (it->kind) {
        case IRGEN_ITEM_WORD: {
            unsigned imm = irgen_imm_lookup(it->word);
            if (imm) {
                if (role != IRGEN_ROLE_IN) {
                    diag_error(it->loc, "an %s cannot be an immediate", irgen_role_names[role]);
                    ok = false;
                }
                c->imm |= imm;
            } else if (!strcmp(it->word, "r")) {
                c->cls = IRGEN_RC_GPR;
                c->regs = IRGEN_GPR_MASK & ~(1u << IRGEN_RSP);
                is_reg = true;
            } else if (!strcmp(it->word, "x")) {
                c->cls = IRGEN_RC_XMM;
                c->regs = IRGEN_XMM_MASK;
                is_reg = true;
            } else {
                diag_error(it->loc, "unknown constraint '%s'", it->word);
                ok = false;
            }
            break;
        }
        case IRGEN_ITEM_REGS:
            is_reg = true;
            if (!irgen_resolve_regspec(f, it->regs)) {
                ok = false;
            } else if (!it->regs->mask) {
                diag_error(it->loc, "empty register set");
                ok = false;
            } else if ((it->regs->mask & IRGEN_GPR_MASK) &&
                       (it->regs->mask & IRGEN_XMM_MASK)) {
                diag_error(it->loc, "register set mixes general and xmm registers");
                ok = false;
            } else {
                c->regs = it->regs->mask;
                c->cls = (c->regs & IRGEN_GPR_MASK) ? IRGEN_RC_GPR : IRGEN_RC_XMM;
                c->fixed = true;
            }
            break;
        case IRGEN_ITEM_ALIAS:
            is_reg = true;
            if (role != IRGEN_ROLE_IN) {
                diag_error(it->loc, "only an input can share an output's register");
                ok = false;
            }
            c->tie = (int)it->num;
            break;
        case IRGEN_ITEM_NEW:
            if (role == IRGEN_ROLE_IN) {
                diag_error(it->loc, "'&' (new register) applies to outputs only");
                ok = false;
            }
            c->newreg = true;
            break;
        }
        if (is_reg) {
            if (reg_item) {
                diag_error(it->loc, "more than one register constraint");
                ok = false;
            }
            reg_item = it;
        }
    }
    if (!reg_item && ok) {
        diag_error(c->loc, "constraint needs a register: r, x, {reg...} or an "
                   "output number");
        ok = false;
    }
    if (reg_item && reg_item->kind == IRGEN_ITEM_ALIAS && c->imm) {
        diag_error(c->loc, "an input that shares an output's register cannot "
                   "be an immediate");
        ok = false;
    }
    if (role == IRGEN_ROLE_SCRATCH)
        c->newreg = true;
    return ok;
}

/* Does operand O, in type class CLS, fit register class RC? */
static void check_operand_class(IrgenOp *op, IrgenOperand *o, IrgenCons *c,
                                int cls, int role)
{
    unsigned m = o->tmask == IRGEN_TM_OP ? irgen_class_types(cls) : o->tmask;
    if (cls == IRGEN_TC_VOID && o->tmask == IRGEN_TM_OP)
        return;     /* absent when the op is void */
    int want = IRGEN_RC_NONE;
    if (!(m & ~IRGEN_TM_INT))
        want = IRGEN_RC_GPR;
    else if (!(m & ~IRGEN_TM_FP))
        want = IRGEN_RC_XMM;
    if (want != IRGEN_RC_NONE && c->cls != IRGEN_RC_NONE && want != c->cls)
        diag_error(c->loc, "%s '%s' of op '%s' is %s in class %s, but its "
                   "constraint is %s register", irgen_role_names[role], o->name.s,
                   op->name.s, want == IRGEN_RC_GPR ? "an integer" : "a float",
                   irgen_class_names[cls],
                   c->cls == IRGEN_RC_GPR ? "a general" : "an xmm");
}

static void check_fixed_overlaps(PtrVec *list, int role, const char *what)
{
    for (size_t i = 0; i < list->len; i++) {
        IrgenCons *a = list->items[i];
        if (!a->fixed || a->tie >= 0 || popcount32(a->regs) != 1)
            continue;
        for (size_t j = 0; j < i; j++) {
            IrgenCons *b = list->items[j];
            if (b->fixed && b->tie < 0 && b->regs == a->regs)
                diag_error(a->loc, "%ss %zu and %zu are both fixed to %s", what,
                           j, i, irgen_reg_names[lowest_bit(a->regs)]);
        }
    }
    (void)role;
}

void irgen_check_set(IrgenFile *f, IrgenOp *op, IrgenConsSet *s)
{
    bool ok = true;
    if (irgen_host_lookup(s->host.s) < 0) {
        diag_error(s->host.loc, "unknown host '%s' (expected x86_64)", s->host.s);
        return;
    }
    if (irgen_has_flag(op, "meta")) {
        diag_error(s->loc, "meta op '%s' takes no constraint sets", op->name.s);
        return;
    }
    s->cls_mask = op->cls_mask;
    if (s->cls) {
        int c = irgen_class_lookup(s->cls->s);
        if (c < 0) {
            diag_error(s->cls->loc, "unknown type class '%s' (expected int, fp "
                       "or void)", s->cls->s);
            return;
        }
        if (!(op->cls_mask & (1u << c))) {
            diag_error(s->cls->loc, "op '%s' has no type of class %s",
                       op->name.s, s->cls->s);
            return;
        }
        s->cls_mask = 1u << c;
    }
    for (size_t i = 0; i < s->feats.len; i++) {
        IrgenName *n = s->feats.items[i];
        int bit = irgen_feature_lookup(n->s);
        if (bit < 0) {
            diag_error(n->loc, "unknown x86_64 feature '%s'", n->s);
            ok = false;
        } else {
            s->features |= 1u << bit;
        }
    }
    if ((int)s->outs.len != op->nb_out) {
        diag_error(s->loc, "constraint set has %zu output constraint%s, op '%s' "
                   "has %d output%s", s->outs.len, s->outs.len == 1 ? "" : "s",
                   op->name.s, op->nb_out, op->nb_out == 1 ? "" : "s");
        return;
    }
    if ((int)s->ins.len != op->nb_in) {
        diag_error(s->loc, "constraint set has %zu input constraint%s, op '%s' "
                   "has %d input%s", s->ins.len, s->ins.len == 1 ? "" : "s",
                   op->name.s, op->nb_in, op->nb_in == 1 ? "" : "s");
        return;
    }

    for (size_t i = 0; i < s->outs.len; i++)
        ok &= resolve_cons(f, s->outs.items[i], IRGEN_ROLE_OUT);
    for (size_t i = 0; i < s->ins.len; i++) {
        IrgenCons *c = s->ins.items[i];
        if (!resolve_cons(f, c, IRGEN_ROLE_IN)) {
            ok = false;
            continue;
        }
        if (c->tie < 0)
            continue;
        if (c->tie >= op->nb_out) {
            diag_error(c->loc, "input %zu shares the register of output %d, but "
                       "op '%s' has %d output%s", i, c->tie, op->name.s,
                       op->nb_out, op->nb_out == 1 ? "" : "s");
            ok = false;
            continue;
        }
        IrgenCons *o = s->outs.items[c->tie];
        if (o->tie >= 0) {
            diag_error(c->loc, "output %d already shares its register with "
                       "input %d", c->tie, o->tie);
            ok = false;
            continue;
        }
        o->tie = (int)i;
        c->cls = o->cls;
        c->regs = o->regs;
        c->fixed = o->fixed;
    }
    for (size_t i = 0; i < s->scratch.len; i++)
        ok &= resolve_cons(f, s->scratch.items[i], IRGEN_ROLE_SCRATCH);
    if (s->clobber)
        ok &= irgen_resolve_regspec(f, s->clobber);
    if (!ok)
        return;

    for (int cls = 0; cls < IRGEN_TC_COUNT; cls++) {
        if (!(s->cls_mask & (1u << cls)))
            continue;
        for (int i = 0; i < op->nb_out; i++)
            check_operand_class(op, operand_at(&op->outs, i), s->outs.items[i],
                                cls, IRGEN_ROLE_OUT);
        for (int i = 0; i < op->nb_in; i++) {
            IrgenCons *c = s->ins.items[i];
            if (c->tie < 0)     /* a tied input was checked as its output */
                check_operand_class(op, operand_at(&op->ins, i), c, cls, IRGEN_ROLE_IN);
        }
    }
    check_fixed_overlaps(&s->outs, IRGEN_ROLE_OUT, "output");
    check_fixed_overlaps(&s->ins, IRGEN_ROLE_IN, "input");
    for (size_t i = 0; i < s->outs.len; i++) {
        IrgenCons *o = s->outs.items[i];
        if (!o->newreg || !o->fixed)
            continue;
        for (size_t j = 0; j < s->ins.len; j++) {
            IrgenCons *in = s->ins.items[j];
            if (in->tie != (int)i && in->fixed && in->regs == o->regs)
                diag_error(in->loc, "input %zu is fixed to the register of "
                           "new-register output %zu", j, i);
        }
    }

    /* Append to each class's alternatives, after checking reachability. */
    for (int cls = 0; cls < IRGEN_TC_COUNT; cls++) {
        if (!(s->cls_mask & (1u << cls)))
            continue;
        PtrVec *alts = &op->alts[cls];
        if (alts->len) {
            IrgenConsSet *prev = alts->items[alts->len - 1];
            if (!prev->features) {
                diag_error(s->loc, "unreachable constraint set: the one at line "
                           "%d already applies to class %s unconditionally",
                           prev->loc.line, irgen_class_names[cls]);
                continue;
            }
        }
        vec_push(alts, s);
    }
}

void irgen_check_alternatives(IrgenOp *op)
{
    if (irgen_has_flag(op, "meta"))
        return;
    IrgenConsSet *empty = NULL;
    for (int cls = 0; cls < IRGEN_TC_COUNT; cls++) {
        if (!(op->cls_mask & (1u << cls)))
            continue;
        PtrVec *alts = &op->alts[cls];
        if (!alts->len) {
            if (op->nb_out || op->nb_in) {
                diag_error(op->name.loc, "op '%s' has no x86_64 constraint set "
                           "for class %s", op->name.s, irgen_class_names[cls]);
                continue;
            }
            if (!empty) {
                empty = irgen_new(sizeof(*empty));
                empty->loc = op->name.loc;
                empty->cls_mask = op->cls_mask;
            }
            vec_push(alts, empty);
            continue;
        }
        IrgenConsSet *last = alts->items[alts->len - 1];
        if (last->features)
            diag_error(op->name.loc, "op '%s' has no unconditional x86_64 "
                       "constraint set for class %s", op->name.s,
                       irgen_class_names[cls]);
    }
}
