/*
 * Emits ir-ops.h from a checked ops.def: the value types, the opcode enum,
 * flag and constant-kind constants, table limits, x86-64 register numbers,
 * register sets and host features, and the constraint and op-info types.
 * Plain enums and #defines; a comment names the ops.def line of each op.
 */
#include "emit.h"
#include "vocab.h"

#include <stdlib.h>

static void emit_types(FILE *o)
{
    fprintf(o,
        "/* Value types.  Every op carries one (IR_VOID for ops without a value). */\n"
        "typedef enum IrType {\n");
    for (int i = 0; i < IRGEN_NB_TYPES; i++) {
        char *u = irgen_upper(irgen_type_names[i]);
        fprintf(o, "    IR_%s,\n", u);
        free(u);
    }
    fprintf(o,
        "    IR_TYPE_COUNT\n"
        "} IrType;\n\n"
        "/* Type masks: bit (1 << IrType).  IR_TM_OP marks an operand that has\n"
        "   the op's own type. */\n"
        "#define IR_TM_I32  0x%02xu\n#define IR_TM_I64  0x%02xu\n"
        "#define IR_TM_F32  0x%02xu\n#define IR_TM_F64  0x%02xu\n"
        "#define IR_TM_VOID 0x%02xu\n#define IR_TM_INT  0x%02xu\n"
        "#define IR_TM_FP   0x%02xu\n#define IR_TM_ANY  0x%02xu\n"
        "#define IR_TM_OP   0x%02xu\n\n",
        IRGEN_TM_I32, IRGEN_TM_I64, IRGEN_TM_F32, IRGEN_TM_F64, IRGEN_TM_VOID,
        IRGEN_TM_INT, IRGEN_TM_FP, IRGEN_TM_ANY, IRGEN_TM_OP);
    fprintf(o,
        "/* Type classes: an op's constraint set depends on its class only. */\n"
        "typedef enum IrTypeClass {\n"
        "    IR_TC_INT,      /* i32, i64 */\n"
        "    IR_TC_FP,       /* f32, f64 */\n"
        "    IR_TC_VOID,     /* void */\n"
        "    IR_TC_COUNT\n"
        "} IrTypeClass;\n\n"
        "static inline IrTypeClass ir_type_class(IrType t)\n"
        "{\n"
        "    return t <= IR_I64 ? IR_TC_INT : t <= IR_F64 ? IR_TC_FP : IR_TC_VOID;\n"
        "}\n\n"
        "extern const char *const ir_type_names[IR_TYPE_COUNT];\n\n");
}

static void emit_opcodes(FILE *o, IrgenFile *f)
{
    fprintf(o, "/* Opcodes, in ops.def order. */\ntypedef enum IrOpcode {\n");
    for (size_t i = 0; i < f->ops.len; i++) {
        IrgenOp *op = f->ops.items[i];
        char id[128];
        snprintf(id, sizeof(id), "%s,", op->name.s);
        fprintf(o, "    IR_OP_%-18s /* %s */\n", id, irgen_where(op->name.loc));
    }
    fprintf(o, "    IR_OP_COUNT\n} IrOpcode;\n\n");
}

static void emit_flags_and_kinds(FILE *o)
{
    fprintf(o, "/* Op flags (IrOpInfo.flags); docs/ir.md has the full rules. */\n");
    for (int i = 0; i < irgen_nb_flags; i++)
        fprintf(o, "#define IR_OPF_%-9s (1u << %2d)  /* %s */\n",
                irgen_flags[i].cname, i, irgen_flags[i].doc);
    fprintf(o, "\n/* Kinds of constant arguments (IrOpInfo.const_kinds). */\n"
               "typedef enum IrConstKind {\n");
    for (int i = 0; i < irgen_nb_const_kinds; i++) {
        char id[64];
        snprintf(id, sizeof(id), "%s,", irgen_const_kinds[i].cname);
        fprintf(o, "    IR_CK_%-10s /* %s: %s */\n", id,
                irgen_const_kinds[i].ctype, irgen_const_kinds[i].doc);
    }
    fprintf(o, "    IR_CK_COUNT\n} IrConstKind;\n\n"
               "extern const char *const ir_const_kind_names[IR_CK_COUNT];\n\n");
}

static void emit_limits(FILE *o, IrgenFile *f)
{
    IrgenLimits l = irgen_limits(f);
    fprintf(o,
        "/* The largest counts of any op (never less than 1). */\n"
        "#define IR_MAX_OUTS      %d\n"
        "#define IR_MAX_INS       %d\n"
        "#define IR_MAX_CONSTS    %d\n"
        "#define IR_MAX_TEMP_ARGS %d   /* outputs + inputs */\n"
        "#define IR_MAX_ARGS      %d   /* outputs + inputs + constants */\n"
        "#define IR_MAX_SCRATCH   %d\n"
        "#define IR_CONS_MAX_ARGS %d   /* outputs + inputs + scratch */\n\n",
        l.max_out, l.max_in, l.max_const, l.max_temps, l.max_args,
        l.max_scratch, l.max_cons);
}

static void emit_x86(FILE *o, IrgenFile *f)
{
    fprintf(o,
        "/*\n"
        " * x86-64 registers for constraints: 0..15 are the general registers in\n"
        " * hardware order, 16..31 are xmm0..xmm15, so a set is one uint32_t.\n"
        " */\n"
        "enum {\n");
    for (int i = 0; i < IRGEN_NB_REGS; i++) {
        char *u = irgen_upper(irgen_reg_names[i]);
        fprintf(o, "    IR_X86_%s,\n", u);
        free(u);
    }
    fprintf(o, "    IR_X86_NB_REGS\n};\n\n"
               "#define IR_X86_GPRS    0x%08xu  /* the general registers */\n"
               "#define IR_X86_XMMS    0x%08xu  /* the xmm registers */\n"
               "#define IR_X86_ANY_GPR 0x%08xu  /* constraint r: all but rsp */\n"
               "#define IR_X86_ANY_XMM 0x%08xu  /* constraint x */\n\n",
               IRGEN_GPR_MASK, IRGEN_XMM_MASK, IRGEN_GPR_MASK & ~(1u << IRGEN_RSP),
               IRGEN_XMM_MASK);
    if (f->regsets.len) {
        fprintf(o, "/* Register sets defined in ops.def. */\n");
        for (size_t i = 0; i < f->regsets.len; i++) {
            IrgenRegSet *rs = f->regsets.items[i];
            char *u = irgen_upper(rs->name.s);
            fprintf(o, "#define IR_X86_REGSET_%s 0x%08xu  /* %s */\n", u,
                    rs->spec->mask, irgen_where(rs->name.loc));
            free(u);
        }
        fprintf(o, "\n");
    }
    fprintf(o, "/* Host features a constraint set may require (IrConsSet.features). */\n");
    for (int i = 0; i < irgen_nb_x86_features; i++)
        fprintf(o, "#define IR_X86F_%-7s (1u << %d)\n", irgen_x86_features[i].cname, i);
    fprintf(o, "\nextern const char *const ir_x86_reg_names[IR_X86_NB_REGS];\n\n");
}

static void emit_cons_types(FILE *o)
{
    fprintf(o,
        "/* Register classes. */\n"
        "typedef enum IrRegClass {\n"
        "    IR_RC_GPR,\n"
        "    IR_RC_XMM,\n"
        "} IrRegClass;\n\n"
        "/* Immediate kinds an input may be encoded as (IrArgCons.imm). */\n"
        "#define IR_IMM_U8  0x%xu  /* 0..255 */\n"
        "#define IR_IMM_S32 0x%xu  /* sign-extended 32-bit */\n"
        "#define IR_IMM_U32 0x%xu  /* zero-extended 32-bit */\n"
        "#define IR_IMM_ANY 0x%xu  /* any value of the operand's width */\n\n",
        IRGEN_IMM_U8, IRGEN_IMM_S32, IRGEN_IMM_U32, IRGEN_IMM_ANY);
    fprintf(o,
        "/* The constraint on one operand (docs/ir.md, \"Constraints\"). */\n"
        "typedef struct IrArgCons {\n"
        "    uint32_t regs;   /* registers allowed (for a tied input: its output's) */\n"
        "    uint8_t cls;     /* IrRegClass */\n"
        "    uint8_t fixed;   /* regs is a register set written {...}, not r or x */\n"
        "    uint8_t newreg;  /* output/scratch: no register of an input, except\n"
        "                        the input tied to it */\n"
        "    uint8_t imm;     /* input: IR_IMM_* a constant may be encoded as */\n"
        "    int8_t tie;      /* input: the output whose register it shares;\n"
        "                        output: the input sharing its register; -1 */\n"
        "} IrArgCons;\n\n"
        "/*\n"
        " * One constraint set: a register constraint per output, input and\n"
        " * scratch register, and the registers the op destroys.  Alternatives for\n"
        " * the same op and type class are chained by next; the allocator takes the\n"
        " * first whose features the host has (the last needs none).\n"
        " */\n"
        "typedef struct IrConsSet {\n"
        "    uint32_t features;   /* IR_X86F_* needed */\n"
        "    uint32_t clobber;    /* registers destroyed by the op */\n"
        "    int16_t next;        /* next alternative, or -1 */\n"
        "    uint8_t nb_out, nb_in, nb_scratch;\n"
        "    const char *where;   /* ops.def position */\n"
        "    IrArgCons args[IR_CONS_MAX_ARGS];  /* outputs, inputs, scratch */\n"
        "} IrConsSet;\n\n");
    fprintf(o,
        "/* What the IR knows about an opcode. */\n"
        "typedef struct IrOpInfo {\n"
        "    const char *name;\n"
        "    const char *where;       /* ops.def position */\n"
        "    uint32_t flags;          /* IR_OPF_* */\n"
        "    uint8_t types;           /* IR_TM_* op types allowed */\n"
        "    uint8_t nb_out, nb_in, nb_const;  /* a variadic group counts its maximum */\n"
        "    uint8_t var_out, var_in; /* the last output / input is a variadic group */\n"
        "    uint8_t arg_types[IR_MAX_TEMP_ARGS];  /* outputs, inputs: IR_TM_* or IR_TM_OP */\n"
        "    uint8_t const_kinds[IR_MAX_CONSTS];   /* IrConstKind */\n"
        "    const char *arg_names[IR_MAX_ARGS];   /* outputs, inputs, constants */\n"
        "    int16_t cons_x86_64[IR_TC_COUNT];     /* first IrConsSet per class, or -1 */\n"
        "} IrOpInfo;\n\n"
        "extern const IrOpInfo ir_op_info[IR_OP_COUNT];\n");
}

void irgen_emit_ops_h(FILE *o, IrgenFile *f)
{
    fprintf(o,
        "/*\n"
        " * The IR opcode table: value types, opcodes, op flags, constant-argument\n"
        " * kinds, and the x86-64 register constraints that the register allocator\n"
        " * reads (no per-opcode code needed).  docs/ir.md explains every field.\n"
        " */\n"
        "#ifndef IR_OPS_H\n#define IR_OPS_H\n\n#include <stdint.h>\n\n");
    emit_types(o);
    emit_opcodes(o, f);
    emit_flags_and_kinds(o);
    emit_limits(o, f);
    emit_x86(o, f);
    emit_cons_types(o);
    int nsets = 0;
    for (size_t i = 0; i < f->ops.len; i++) {
        IrgenOp *op = f->ops.items[i];
        for (int c = 0; c < IRGEN_TC_COUNT; c++)
            nsets += (int)op->alts[c].len;
    }
    fprintf(o, "\n#define IR_CONS_X86_64_COUNT %d\n"
               "extern const IrConsSet ir_cons_x86_64[IR_CONS_X86_64_COUNT];\n\n"
               "#endif\n", nsets);
}
