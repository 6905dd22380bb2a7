/*
 * Emits ir-ops.c from a checked ops.def: the name tables, the x86-64
 * constraint table (one IrConsSet per op, type class and alternative,
 * chained by next) and ir_op_info[], with designated initializers and
 * _Static_asserts that the tables match the header.
 */
#include "emit.h"
#include "vocab.h"

#include <stdlib.h>

static void emit_regmask(FILE *o, uint32_t mask)
{
    if (mask == (IRGEN_GPR_MASK & ~(1u << IRGEN_RSP)))
        fprintf(o, "IR_X86_ANY_GPR");
    else if (mask == IRGEN_XMM_MASK)
        fprintf(o, "IR_X86_ANY_XMM");
    else
        fprintf(o, "0x%08xu", mask);
}

static const char *cons_text(IrgenCons *c)
{
    static StrBuf b;
    b.len = 0;
    if (b.s)
        b.s[0] = 0;
    for (size_t i = 0; i < c->items.len; i++) {
        IrgenConsItem *it = c->items.items[i];
        if (i)
            sb_putc(&b, ' ');
        switch (it->kind) {
        case IRGEN_ITEM_WORD: sb_puts(&b, it->word); break;
        case IRGEN_ITEM_ALIAS: sb_printf(&b, "%ld", it->num); break;
        case IRGEN_ITEM_NEW: sb_putc(&b, '&'); break;
        case IRGEN_ITEM_REGS:
            sb_putc(&b, '{');
            for (int r = 0; r < IRGEN_NB_REGS; r++)
                if (it->regs->mask & (1u << r))
                    sb_printf(&b, "%s%s", b.s[b.len - 1] == '{' ? "" : " ",
                              irgen_reg_names[r]);
            sb_putc(&b, '}');
            break;
        }
    }
    return sb_str(&b);
}

static void emit_imm(FILE *o, unsigned imm)
{
    static const char *const names[] = { "U8", "S32", "U32", "ANY" };
    if (!imm)
        fprintf(o, "0");
    for (int i = 0, k = 0; i < 4; i++)
        if (imm & (1u << i))
            fprintf(o, "%sIR_IMM_%s", k++ ? " | " : "", names[i]);
}

static void emit_cons(FILE *o, IrgenCons *c, const char *role, const char *name)
{
    fprintf(o, "        /* %s %s: %s */\n        { .regs = ", role, name, cons_text(c));
    emit_regmask(o, c->regs);
    fprintf(o, ", .cls = %s, .fixed = %d, .newreg = %d, .imm = ",
            c->cls == IRGEN_RC_GPR ? "IR_RC_GPR" : "IR_RC_XMM", c->fixed, c->newreg);
    emit_imm(o, c->imm);
    fprintf(o, ", .tie = %d },\n", c->tie);
}

static const char *tmask_name(unsigned m)
{
    static const struct { unsigned m; const char *name; } tab[] = {
        { IRGEN_TM_I32, "IR_TM_I32" }, { IRGEN_TM_I64, "IR_TM_I64" },
        { IRGEN_TM_F32, "IR_TM_F32" }, { IRGEN_TM_F64, "IR_TM_F64" },
        { IRGEN_TM_INT, "IR_TM_INT" }, { IRGEN_TM_FP, "IR_TM_FP" },
        { IRGEN_TM_ANY, "IR_TM_ANY" }, { IRGEN_TM_OP, "IR_TM_OP" },
    };
    for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
        if (tab[i].m == m)
            return tab[i].name;
    return "0";
}

/* A clobber mask: the name of a regset with that mask, else hex. */
static void emit_clobber(FILE *o, IrgenFile *f, uint32_t mask)
{
    for (size_t i = 0; mask && i < f->regsets.len; i++) {
        IrgenRegSet *rs = f->regsets.items[i];
        if (rs->spec->mask == mask) {
            char *u = irgen_upper(rs->name.s);
            fprintf(o, "IR_X86_REGSET_%s", u);
            free(u);
            return;
        }
    }
    if (mask)
        fprintf(o, "0x%08xu", mask);
    else
        fprintf(o, "0");
}

/* The name of the operand at expanded position POS (groups repeat). */
static const char *name_at(PtrVec *list, int pos)
{
    for (size_t i = 0; i < list->len; i++) {
        IrgenOperand *x = list->items[i];
        int n = x->var_max > 0 ? x->var_max : 1;
        if (pos < n)
            return x->name.s;
        pos -= n;
    }
    return "?";
}

static void emit_cons_table(FILE *o, IrgenFile *f, int (*first)[IRGEN_TC_COUNT])
{
    fprintf(o, "const IrConsSet ir_cons_x86_64[] = {\n");
    int idx = 0;
    for (size_t i = 0; i < f->ops.len; i++) {
        IrgenOp *op = f->ops.items[i];
        for (int cls = 0; cls < IRGEN_TC_COUNT; cls++) {
            PtrVec *alts = &op->alts[cls];
            first[i][cls] = alts->len ? idx : -1;
            for (size_t k = 0; k < alts->len; k++, idx++) {
                IrgenConsSet *s = alts->items[k];
                fprintf(o, "    [%d] = { /* %s, class %s */\n", idx, op->name.s,
                        irgen_class_names[cls]);
                fprintf(o, "        .features = ");
                if (!s->features)
                    fprintf(o, "0");
                for (int b = 0, n = 0; b < irgen_nb_x86_features; b++)
                    if (s->features & (1u << b))
                        fprintf(o, "%sIR_X86F_%s", n++ ? " | " : "",
                                irgen_x86_features[b].cname);
                fprintf(o, ", .clobber = ");
                emit_clobber(o, f, s->clobber ? s->clobber->mask : 0);
                fprintf(o, ", .next = %d,\n", k + 1 < alts->len ? idx + 1 : -1);
                fprintf(o, "        .nb_out = %zu, .nb_in = %zu, .nb_scratch = %zu, "
                           ".where = \"%s\",\n",
                        s->outs.len, s->ins.len, s->scratch.len, irgen_where(s->loc));
                if (s->outs.len + s->ins.len + s->scratch.len) {
                    fprintf(o, "        .args = {\n");
                    for (size_t a = 0; a < s->outs.len; a++)
                        emit_cons(o, s->outs.items[a], "out", name_at(&op->outs, (int)a));
                    for (size_t a = 0; a < s->ins.len; a++)
                        emit_cons(o, s->ins.items[a], "in", name_at(&op->ins, (int)a));
                    for (size_t a = 0; a < s->scratch.len; a++)
                        emit_cons(o, s->scratch.items[a], "scratch", "-");
                    fprintf(o, "        },\n");
                }
                fprintf(o, "    },\n");
            }
        }
    }
    fprintf(o, "};\n\n");
}

/* Expands OPERANDS (groups repeated) into names and type masks. */
static int expand_operands(PtrVec *list, const char **names, unsigned *types)
{
    int n = 0;
    for (size_t i = 0; i < list->len; i++) {
        IrgenOperand *x = list->items[i];
        int k = x->var_max > 0 ? x->var_max : 1;
        for (int j = 0; j < k; j++, n++) {
            names[n] = x->name.s;
            types[n] = x->tmask;
        }
    }
    return n;
}

/* A type mask as IR_TM_* names ("IR_TM_INT | IR_TM_VOID"). */
static char *tmask_expr(unsigned m)
{
    static const struct { unsigned m; const char *name; } parts[] = {
        { IRGEN_TM_ANY, "IR_TM_ANY" }, { IRGEN_TM_INT, "IR_TM_INT" },
        { IRGEN_TM_FP, "IR_TM_FP" }, { IRGEN_TM_I32, "IR_TM_I32" },
        { IRGEN_TM_I64, "IR_TM_I64" }, { IRGEN_TM_F32, "IR_TM_F32" },
        { IRGEN_TM_F64, "IR_TM_F64" }, { IRGEN_TM_VOID, "IR_TM_VOID" },
    };
    StrBuf b = {0};
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
        if ((m & parts[i].m) == parts[i].m) {
            sb_printf(&b, "%s%s", b.len ? " | " : "", parts[i].name);
            m &= ~parts[i].m;
        }
    if (!b.len)
        sb_puts(&b, "0");
    return sb_take(&b);
}

static void emit_info(FILE *o, IrgenOp *op, const int *first)
{
    const char *names[64];
    unsigned types[64];
    int n = expand_operands(&op->outs, names, types);
    n += expand_operands(&op->ins, names + n, types + n);
    char *fl = irgen_flag_list(op->flag_mask);

    fprintf(o, "    [IR_OP_%s] = {  /* %s */\n", op->name.s, fl);
    fprintf(o, "        .name = \"%s\", .where = \"%s\",\n", op->name.s,
            irgen_where(op->name.loc));
    fprintf(o, "        .flags = ");
    if (!op->flag_mask)
        fprintf(o, "0");
    for (int i = 0, k = 0; i < irgen_nb_flags; i++)
        if (op->flag_mask & (1u << i))
            fprintf(o, "%sIR_OPF_%s", k++ ? " | " : "", irgen_flags[i].cname);
    char *tm = tmask_expr(op->tmask);
    fprintf(o, ",\n        .types = %s,\n        .nb_out = %d, .nb_in = %d, .nb_const = %zu,"
               " .var_out = %d, .var_in = %d,\n",
            tm, op->nb_out, op->nb_in, op->consts.len, op->var_out,
            op->var_in);
    if (n) {
        fprintf(o, "        .arg_types = {");
        for (int i = 0; i < n; i++)
            fprintf(o, "%s%s", i ? ", " : " ", tmask_name(types[i]));
        fprintf(o, " },\n");
    }
    if (op->consts.len) {
        fprintf(o, "        .const_kinds = {");
        for (size_t i = 0; i < op->consts.len; i++) {
            IrgenConst *c = op->consts.items[i];
            fprintf(o, "%sIR_CK_%s", i ? ", " : " ", irgen_const_kinds[c->kind_id].cname);
        }
        fprintf(o, " },\n");
    }
    if (n || op->consts.len) {
        fprintf(o, "        .arg_names = {");
        for (int i = 0; i < n; i++)
            fprintf(o, "%s\"%s\"", i ? ", " : " ", names[i]);
        for (size_t i = 0; i < op->consts.len; i++)
            fprintf(o, "%s\"%s\"", (n || i) ? ", " : " ",
                    ((IrgenConst *)op->consts.items[i])->name.s);
        fprintf(o, " },\n");
    }
    fprintf(o, "        .cons_x86_64 = { %d, %d, %d },\n    },\n",
            first[0], first[1], first[2]);
    free(fl);
    free(tm);
}

void irgen_emit_ops_c(FILE *o, IrgenFile *f, const char *header)
{
    fprintf(o,
        "/*\n"
        " * The IR opcode table (ir_op_info) and the x86-64 constraint table\n"
        " * (ir_cons_x86_64) built from ops.def; see %s.\n"
        " */\n"
        "#include \"%s\"\n\n", header, header);
    fprintf(o, "/* The masks the generator computed agree with the enums. */\n");
    for (int i = 0; i < IRGEN_NB_TYPES; i++) {
        char *u = irgen_upper(irgen_type_names[i]);
        fprintf(o, "_Static_assert(IR_TM_%s == 1u << IR_%s, \"type mask order\");\n", u, u);
        free(u);
    }
    fprintf(o, "_Static_assert(IR_X86_XMM0 == 16 && IR_X86_NB_REGS == 32, "
               "\"register numbering\");\n\n");

    fprintf(o, "const char *const ir_type_names[IR_TYPE_COUNT] = {\n");
    for (int i = 0; i < IRGEN_NB_TYPES; i++) {
        char *u = irgen_upper(irgen_type_names[i]);
        fprintf(o, "    [IR_%s] = \"%s\",\n", u, irgen_type_names[i]);
        free(u);
    }
    fprintf(o, "};\n\nconst char *const ir_const_kind_names[IR_CK_COUNT] = {\n");
    for (int i = 0; i < irgen_nb_const_kinds; i++)
        fprintf(o, "    [IR_CK_%s] = \"%s\",\n", irgen_const_kinds[i].cname,
                irgen_const_kinds[i].name);
    fprintf(o, "};\n\nconst char *const ir_x86_reg_names[IR_X86_NB_REGS] = {\n");
    for (int i = 0; i < IRGEN_NB_REGS; i++) {
        char *u = irgen_upper(irgen_reg_names[i]);
        fprintf(o, "    [IR_X86_%s] = \"%s\",\n", u, irgen_reg_names[i]);
        free(u);
    }
    fprintf(o, "};\n\n");

    int (*first)[IRGEN_TC_COUNT] = xcalloc(f->ops.len ? f->ops.len : 1, sizeof(*first));
    emit_cons_table(o, f, first);

    fprintf(o, "const IrOpInfo ir_op_info[] = {\n");
    for (size_t i = 0; i < f->ops.len; i++)
        emit_info(o, f->ops.items[i], first[i]);
    fprintf(o, "};\n\n"
               "_Static_assert(sizeof(ir_op_info) / sizeof(ir_op_info[0]) == IR_OP_COUNT,\n"
               "               \"one ir_op_info entry per opcode\");\n"
               "_Static_assert(sizeof(ir_cons_x86_64) / sizeof(ir_cons_x86_64[0]) ==\n"
               "               IR_CONS_X86_64_COUNT, \"constraint table size\");\n");
    free(first);
}
