/*
 * Emits ir-build.h: one typed static inline builder per opcode,
 *
 *     IrOp *ir_<name>(IrCtx *ctx, [IrType t,] outputs..., inputs..., constants...)
 *
 * Temps are IrTemp, a variadic group is (unsigned nb_<group>, const IrTemp *
 * <group>), constants have the C type of their kind.  An op with a single
 * possible type takes no type argument.  Debug builds assert the type and
 * the group sizes; the builder appends the op with ir_emit_op (src/ir/ir.h).
 */
#include "emit.h"
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

static int single_type(unsigned tmask)
{
    for (int i = 0; i < IRGEN_NB_TYPES; i++)
        if (tmask == (1u << i))
            return i;
    return -1;
}

static void emit_params(FILE *o, PtrVec *list)
{
    for (size_t i = 0; i < list->len; i++) {
        IrgenOperand *x = list->items[i];
        if (x->var_max > 0)
            fprintf(o, ", unsigned nb_%s, const IrTemp *%s", x->name.s, x->name.s);
        else
            fprintf(o, ", IrTemp %s", x->name.s);
    }
}

/* Stores LIST into op->args; uses a running index when a group is present. */
static void emit_stores(FILE *o, PtrVec *list, int *pos, bool running)
{
    for (size_t i = 0; i < list->len; i++) {
        IrgenOperand *x = list->items[i];
        if (x->var_max > 0) {
            fprintf(o, "    for (unsigned k = 0; k < nb_%s; k++)\n"
                       "        op->args[n++].temp = %s[k];\n", x->name.s, x->name.s);
        } else if (running) {
            fprintf(o, "    op->args[n++].temp = %s;\n", x->name.s);
        } else {
            fprintf(o, "    op->args[%d].temp = %s;\n", (*pos)++, x->name.s);
        }
    }
}

/* "op->FIELD = (uint8_t)(FIXED + nb_g...)", leaving out a zero FIXED. */
static void emit_count(FILE *o, const char *field, int fixed, StrBuf *groups)
{
    if (!groups->len)
        fprintf(o, "    op->%s = %d;\n", field, fixed);
    else if (!fixed)
        fprintf(o, "    op->%s = (uint8_t)(%s);\n", field, sb_str(groups) + 3);
    else
        fprintf(o, "    op->%s = (uint8_t)(%d%s);\n", field, fixed, sb_str(groups));
}

static void emit_builder(FILE *o, IrgenOp *op)
{
    int st = single_type(op->tmask);
    char *types = irgen_type_list(op->tmask);
    char *flags = irgen_flag_list(op->flag_mask);
    bool running = op->var_out || op->var_in;

    fprintf(o, "/* %s: %s  types %s  flags %s */\n", op->name.s,
            irgen_where(op->name.loc), types, flags);
    fprintf(o, "static inline IrOp *ir_%s(IrCtx *ctx%s", op->name.s,
            st < 0 ? ", IrType t" : "");
    emit_params(o, &op->outs);
    emit_params(o, &op->ins);
    for (size_t i = 0; i < op->consts.len; i++) {
        IrgenConst *c = op->consts.items[i];
        const char *ct = irgen_const_kinds[c->kind_id].ctype;
        fprintf(o, ", %s%s%s", ct, ct[strlen(ct) - 1] == '*' ? "" : " ", c->name.s);
    }
    fprintf(o, ")\n{\n");

    if (st < 0)
        fprintf(o, "    assert(t < IR_TYPE_COUNT && ((0x%02xu >> t) & 1u) &&\n"
                   "           \"ir_%s: type must be one of %s\");\n",
                op->tmask, op->name.s, types);
    PtrVec *groups[2] = { &op->outs, &op->ins };
    for (int g = 0; g < 2; g++) {
        for (size_t i = 0; i < groups[g]->len; i++) {
            IrgenOperand *x = groups[g]->items[i];
            if (x->var_max <= 0)
                continue;
            fprintf(o, "    assert(nb_%s <= %d && \"ir_%s: at most %d %s\");\n",
                    x->name.s, x->var_max, op->name.s, x->var_max, x->name.s);
            if (g == 0 && x->tmask == IRGEN_TM_OP && (op->tmask & IRGEN_TM_VOID))
                fprintf(o, "    assert((t != IR_VOID || nb_%s == 0) &&\n"
                           "           \"ir_%s: a void op has no %s\");\n",
                        x->name.s, op->name.s, x->name.s);
        }
    }

    fprintf(o, "    IrOp *op = ir_emit_op(ctx, IR_OP_%s, ", op->name.s);
    if (st < 0) {
        fprintf(o, "t);\n");
    } else {
        char *u = irgen_upper(irgen_type_names[st]);
        fprintf(o, "IR_%s);\n", u);
        free(u);
    }
    if (running) {
        int fixed_out = op->nb_out, fixed_in = op->nb_in;
        StrBuf nout = {0}, nin = {0};
        for (size_t i = 0; i < op->outs.len; i++) {
            IrgenOperand *x = op->outs.items[i];
            if (x->var_max > 0) {
                fixed_out -= x->var_max;
                sb_printf(&nout, " + nb_%s", x->name.s);
            }
        }
        for (size_t i = 0; i < op->ins.len; i++) {
            IrgenOperand *x = op->ins.items[i];
            if (x->var_max > 0) {
                fixed_in -= x->var_max;
                sb_printf(&nin, " + nb_%s", x->name.s);
            }
        }
        emit_count(o, "nb_out", fixed_out, &nout);
        emit_count(o, "nb_in", fixed_in, &nin);
        fprintf(o, "    unsigned n = 0;\n");
        sb_free(&nout);
        sb_free(&nin);
    }
    int pos = 0;
    emit_stores(o, &op->outs, &pos, running);
    emit_stores(o, &op->ins, &pos, running);
    for (size_t i = 0; i < op->consts.len; i++) {
        IrgenConst *c = op->consts.items[i];
        const char *member = irgen_const_kinds[c->kind_id].member;
        if (running)
            fprintf(o, "    op->args[n++].%s = %s;\n", member, c->name.s);
        else
            fprintf(o, "    op->args[%d].%s = %s;\n", pos++, member, c->name.s);
    }
    fprintf(o, "    return op;\n}\n\n");
    free(types);
    free(flags);
}

void irgen_emit_build_h(FILE *o, IrgenFile *f, const char *ops_header)
{
    fprintf(o,
        "/*\n"
        " * Typed IR builders: ir_<op>(ctx, [type,] outputs, inputs, constants)\n"
        " * appends one op to ctx and returns it (the pointer is valid until the\n"
        " * next op is appended).  Operand order and meaning: docs/ir.md and\n"
        " * the ops.def line named above each builder (opcodes in %s).\n"
        " */\n"
        "#ifndef IR_BUILD_H\n#define IR_BUILD_H\n\n"
        "#include <assert.h>\n\n#include \"ir.h\"\n\n", ops_header);
    for (size_t i = 0; i < f->ops.len; i++)
        emit_builder(o, f->ops.items[i]);
    fprintf(o, "#endif\n");
}
