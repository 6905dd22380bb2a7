/*
 * irgen's semantic pass: resolves every name in the parsed ops.def and
 * checks the rules of docs/ir.md ("irgen errors"), reporting each problem at
 * the position of the word that causes it.  This file checks register sets,
 * signatures and flags; check_cons.c checks the constraint sets.  On
 * success every IrgenOp has its type mask, flags, counts and, per type
 * class, its list of constraint-set alternatives ready for the emitters.
 */
#include "check.h"
#include "vocab.h"

#include <string.h>

/* ---- register sets -------------------------------------------------- */

static IrgenRegSet *find_regset(IrgenFile *f, const char *name)
{
    for (size_t i = 0; i < f->regsets.len; i++) {
        IrgenRegSet *rs = f->regsets.items[i];
        if (rs->resolved && !strcmp(rs->name.s, name))
            return rs;
    }
    return NULL;
}

bool irgen_resolve_regspec(IrgenFile *f, IrgenRegSpec *spec)
{
    bool ok = true;
    spec->mask = 0;
    for (size_t i = 0; i < spec->items.len; i++) {
        IrgenRegItem *it = spec->items.items[i];
        int r0 = irgen_reg_lookup(it->first.s);
        if (it->last) {
            int r1 = irgen_reg_lookup(it->last->s);
            if (r0 < 0 || r1 < 0) {
                IrgenName *bad = r0 < 0 ? &it->first : it->last;
                diag_error(bad->loc, "unknown register '%s'", bad->s);
                ok = false;
            } else if ((r0 < 16) != (r1 < 16) || r1 < r0) {
                diag_error(it->first.loc, "bad register range %s-%s",
                           it->first.s, it->last->s);
                ok = false;
            } else {
                for (int r = r0; r <= r1; r++)
                    spec->mask |= 1u << r;
            }
        } else if (r0 >= 0) {
            spec->mask |= 1u << r0;
        } else {
            IrgenRegSet *rs = find_regset(f, it->first.s);
            if (rs) {
                spec->mask |= rs->spec->mask;
            } else {
                diag_error(it->first.loc, "unknown register '%s'", it->first.s);
                ok = false;
            }
        }
    }
    if (ok && (spec->mask & (1u << IRGEN_RSP))) {
        diag_error(spec->loc, "rsp is the stack pointer and cannot be used");
        ok = false;
    }
    return ok;
}

static void check_regsets(IrgenFile *f)
{
    for (size_t i = 0; i < f->regsets.len; i++) {
        IrgenRegSet *rs = f->regsets.items[i];
        if (irgen_reg_lookup(rs->name.s) >= 0) {
            diag_error(rs->name.loc, "register set '%s' has a register's name",
                       rs->name.s);
            continue;
        }
        IrgenRegSet *prev = find_regset(f, rs->name.s);
        if (prev) {
            diag_error(rs->name.loc, "duplicate register set '%s' (first defined at line %d)",
                       rs->name.s, prev->name.loc.line);
            continue;
        }
        if (irgen_resolve_regspec(f, rs->spec))
            rs->resolved = true;
    }
}

/* ---- signature ------------------------------------------------------ */

/* Reports a reused or reserved operand/constant name. */
static void check_arg_name(IrgenOp *op, IrgenName *n, PtrVec *seen)
{
    if (irgen_reserved_name(n->s) || !strncmp(n->s, "nb_", 3)) {
        diag_error(n->loc, "argument name '%s' is reserved", n->s);
        return;
    }
    for (size_t i = 0; i < seen->len; i++) {
        IrgenName *o = seen->items[i];
        if (!strcmp(o->s, n->s)) {
            diag_error(n->loc, "duplicate argument name '%s' in op '%s'",
                       n->s, op->name.s);
            return;
        }
    }
    vec_push(seen, n);
}

/* Resolves one list of operands; returns the operand count (maximum). */
static int check_operands(IrgenOp *op, PtrVec *list, int role, bool *var,
                          PtrVec *seen)
{
    int n = 0;
    *var = false;
    for (size_t i = 0; i < list->len; i++) {
        IrgenOperand *o = list->items[i];
        check_arg_name(op, &o->name, seen);
        if (o->type) {
            o->tmask = irgen_type_lookup(o->type->s, 0);
            if (!o->tmask)
                diag_error(o->type->loc, "unknown operand type '%s' "
                           "(expected i32, i64, f32, f64, int, fp or any)",
                           o->type->s);
        } else {
            o->tmask = IRGEN_TM_OP;
            bool may_be_void = op->tmask & IRGEN_TM_VOID;
            if (may_be_void && !(role == IRGEN_ROLE_OUT && o->var_max > 0))
                diag_error(o->name.loc, "%s '%s' has the op's type, which "
                           "can be void", irgen_role_names[role], o->name.s);
        }
        if (o->var_max) {
            if (o->var_max < 0 || o->var_max > IRGEN_MAX_GROUP)
                diag_error(o->var_loc, "bad count: a variadic group holds "
                           "1 to %d operands", IRGEN_MAX_GROUP);
            else if (i + 1 != list->len)
                diag_error(o->var_loc, "only the last %s can be a variadic group",
                           irgen_role_names[role]);
            *var = true;
            n += o->var_max > 0 ? o->var_max : 1;
        } else {
            n++;
        }
    }
    return n;
}

static void check_types(IrgenOp *op)
{
    for (size_t i = 0; i < op->types.len; i++) {
        IrgenName *t = op->types.items[i];
        unsigned m = irgen_type_lookup(t->s, 1);
        if (!m)
            diag_error(t->loc, "unknown type '%s' (expected i32, i64, f32, "
                       "f64, int, fp, any or void)", t->s);
        op->tmask |= m;
    }
    for (int c = 0; c < IRGEN_TC_COUNT; c++)
        if (op->tmask & irgen_class_types(c))
            op->cls_mask |= 1u << c;
}

static void check_consts(IrgenOp *op, PtrVec *seen)
{
    for (size_t i = 0; i < op->consts.len; i++) {
        IrgenConst *c = op->consts.items[i];
        check_arg_name(op, &c->name, seen);
        c->kind_id = irgen_const_kind_lookup(c->kind.s);
        if (c->kind_id < 0)
            diag_error(c->kind.loc, "unknown constant kind '%s'", c->kind.s);
    }
}

bool irgen_has_flag(IrgenOp *op, const char *name)
{
    return op->flag_mask & (1u << irgen_flag_lookup(name));
}

static IrgenName *flag_name(IrgenOp *op, const char *name)
{
    for (size_t i = 0; i < op->flags.len; i++) {
        IrgenName *n = op->flags.items[i];
        if (!strcmp(n->s, name))
            return n;
    }
    return &op->name;
}

static bool has_label(IrgenOp *op)
{
    for (size_t i = 0; i < op->consts.len; i++) {
        IrgenConst *c = op->consts.items[i];
        if (c->kind_id >= 0 && !strcmp(irgen_const_kinds[c->kind_id].name, "label"))
            return true;
    }
    return false;
}

static void check_flags(IrgenOp *op)
{
    for (size_t i = 0; i < op->flags.len; i++) {
        IrgenName *n = op->flags.items[i];
        int bit = irgen_flag_lookup(n->s);
        if (bit < 0)
            diag_error(n->loc, "unknown flag '%s'", n->s);
        else if (op->flag_mask & (1u << bit))
            diag_error(n->loc, "duplicate flag '%s'", n->s);
        else
            op->flag_mask |= 1u << bit;
    }

    static const char *const not_with_fold[] = {
        "side", "fault", "fpenv", "call", "meta", "rglob", "wglob",
    };
    if (irgen_has_flag(op, "fold"))
        for (size_t i = 0; i < sizeof(not_with_fold) / sizeof(not_with_fold[0]); i++)
            if (irgen_has_flag(op, not_with_fold[i]))
                diag_error(flag_name(op, "fold")->loc,
                           "flag 'fold' conflicts with '%s'", not_with_fold[i]);

    static const char *const needs[][2] = {
        { "noreturn", "bb_end" }, { "tb_exit", "side" }, { "call", "side" },
        { "branch", "bb_end" }, { "fault", "side" },
    };
    for (size_t i = 0; i < sizeof(needs) / sizeof(needs[0]); i++)
        if (irgen_has_flag(op, needs[i][0]) && !irgen_has_flag(op, needs[i][1]))
            diag_error(flag_name(op, needs[i][0])->loc,
                       "flag '%s' needs flag '%s'", needs[i][0], needs[i][1]);

    if (irgen_has_flag(op, "branch") && !has_label(op))
        diag_error(flag_name(op, "branch")->loc,
                   "flag 'branch' needs a constant of kind label");
    if (irgen_has_flag(op, "commut") && (op->nb_in < 2 || (op->var_in && op->ins.len < 3)))
        diag_error(flag_name(op, "commut")->loc,
                   "flag 'commut' needs two fixed inputs");
    if (op->nb_out == 0 && !irgen_has_flag(op, "side") && !irgen_has_flag(op, "meta"))
        diag_error(op->name.loc, "op '%s' has no outputs and no side effects "
                   "(flag 'side')", op->name.s);
}

static void check_op(IrgenFile *f, IrgenOp *op)
{
    int errors = diag_error_count();
    PtrVec seen = {0};
    check_types(op);
    op->nb_out = check_operands(op, &op->outs, IRGEN_ROLE_OUT, &op->var_out, &seen);
    op->nb_in = check_operands(op, &op->ins, IRGEN_ROLE_IN, &op->var_in, &seen);
    check_consts(op, &seen);
    vec_free(&seen);
    if (op->nb_out + op->nb_in + (int)op->consts.len > IRGEN_MAX_ARGS)
        diag_error(op->name.loc, "op '%s' has more than %d arguments",
                   op->name.s, IRGEN_MAX_ARGS);
    /* constraint sets are checked against a sound signature only */
    bool sig_ok = diag_error_count() == errors;
    check_flags(op);
    if (!sig_ok)
        return;
    errors = diag_error_count();
    for (size_t i = 0; i < op->sets.len; i++)
        irgen_check_set(f, op, op->sets.items[i]);
    if (diag_error_count() == errors)
        irgen_check_alternatives(op);
}

bool irgen_check(IrgenFile *f)
{
    check_regsets(f);
    for (size_t i = 0; i < f->ops.len; i++) {
        IrgenOp *op = f->ops.items[i];
        op->index = (int)i;
        if (op->broken)
            continue;
        for (size_t j = 0; j < i; j++) {
            IrgenOp *prev = f->ops.items[j];
            if (!prev->broken && !strcmp(prev->name.s, op->name.s)) {
                diag_error(op->name.loc, "duplicate opcode '%s' (first defined "
                           "at line %d)", op->name.s, prev->name.loc.line);
                break;
            }
        }
        check_op(f, op);
    }
    if (!f->ops.len && !diag_error_count())
        diag_error((SrcLoc){ f->path, 0, 0 }, "no opcodes defined");
    return diag_error_count() == 0;
}
