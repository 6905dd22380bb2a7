/*
 * irgen's model of defs/ir/ops.def.
 *
 * The parser (parser.y) builds these records with the raw names and source
 * positions exactly as written; the checker (check*.c) resolves the names
 * (types, flags, constant kinds, registers, constraint letters) into the
 * "resolved" fields, reporting file:line:col errors; the emitters
 * (emit_*.c) only read resolved records.
 */
#ifndef IRGEN_AST_H
#define IRGEN_AST_H

#include "diag.h"
#include "util.h"

#include <stdbool.h>
#include <stdint.h>

/* An identifier with its position. */
typedef struct IrgenName {
    char *s;
    SrcLoc loc;
} IrgenName;

/* One element of a register set: "rax", "r8-r11" or a regset name. */
typedef struct IrgenRegItem {
    IrgenName first;
    IrgenName *last;        /* end of a range, or NULL */
} IrgenRegItem;

/* "{ item... }" */
typedef struct IrgenRegSpec {
    SrcLoc loc;
    PtrVec items;           /* IrgenRegItem* */
    uint32_t mask;          /* resolved */
} IrgenRegSpec;

/* "regset NAME = {...}" */
typedef struct IrgenRegSet {
    IrgenName name;
    IrgenRegSpec *spec;
    bool resolved;
} IrgenRegSet;

/* An output or input operand of an op's signature. */
typedef struct IrgenOperand {
    IrgenName name;
    IrgenName *type;        /* NULL: the op's own type */
    int var_max;            /* 0: one operand; N > 0: a group of 0..N */
    SrcLoc var_loc;
    unsigned tmask;         /* resolved: IR_TM_* bits, TM_OP for the op type */
} IrgenOperand;

/* A constant argument "name:kind". */
typedef struct IrgenConst {
    IrgenName name;
    IrgenName kind;
    int kind_id;            /* resolved: index into irgen_const_kinds[] */
} IrgenConst;

/* One word of an operand constraint, as written. */
typedef enum IrgenItemKind {
    IRGEN_ITEM_WORD,        /* r, x, u8, s32, u32, imm */
    IRGEN_ITEM_ALIAS,       /* a digit: the output this input shares */
    IRGEN_ITEM_NEW,         /* & */
    IRGEN_ITEM_REGS,        /* { ... } */
} IrgenItemKind;

typedef struct IrgenConsItem {
    IrgenItemKind kind;
    SrcLoc loc;
    char *word;
    long num;
    IrgenRegSpec *regs;
} IrgenConsItem;

/* The constraint of one operand, and what it resolves to. */
typedef struct IrgenCons {
    SrcLoc loc;
    PtrVec items;           /* IrgenConsItem* */
    /* resolved */
    int cls;                /* IRGEN_RC_GPR / IRGEN_RC_XMM */
    uint32_t regs;
    bool fixed;             /* regs came from {...}, not from r / x */
    int tie;                /* input: output index; output: input index; -1 */
    bool newreg;
    unsigned imm;           /* IRGEN_IMM_* bits */
} IrgenCons;

enum { IRGEN_RC_GPR, IRGEN_RC_XMM, IRGEN_RC_NONE = -1 };

/* "HOST [CLASS] [+FEATURE...]: OUTS = INS [scratch ...] [clobber {...}]" */
typedef struct IrgenConsSet {
    SrcLoc loc;
    IrgenName host;
    IrgenName *cls;         /* NULL: every type class of the op */
    PtrVec feats;           /* IrgenName* */
    PtrVec outs, ins, scratch;  /* IrgenCons* */
    IrgenRegSpec *clobber;  /* or NULL */
    /* resolved */
    unsigned cls_mask;      /* 1 << IRGEN_TC_* the set applies to */
    uint32_t features;
} IrgenConsSet;

/* Type classes (the constraint set of an op depends on the class only). */
enum { IRGEN_TC_INT, IRGEN_TC_FP, IRGEN_TC_VOID, IRGEN_TC_COUNT };

/* An opcode definition. */
typedef struct IrgenOp {
    IrgenName name;
    PtrVec types;           /* IrgenName* */
    PtrVec outs, ins;       /* IrgenOperand* */
    PtrVec consts;          /* IrgenConst* */
    PtrVec flags;           /* IrgenName*; empty for "-" */
    PtrVec sets;            /* IrgenConsSet* */
    bool broken;            /* its line had a syntax error: not checked */
    /* resolved */
    int index;
    unsigned tmask;         /* allowed op types */
    unsigned cls_mask;      /* type classes of those types */
    uint32_t flag_mask;
    int nb_out, nb_in;      /* maxima when variadic */
    bool var_out, var_in;
    /* Per class: the alternatives in order (IrgenConsSet*, shared). */
    PtrVec alts[IRGEN_TC_COUNT];
} IrgenOp;

/* The whole file. */
typedef struct IrgenFile {
    const char *path;
    PtrVec ops;             /* IrgenOp* */
    PtrVec regsets;         /* IrgenRegSet* */
} IrgenFile;

/*
 * Zeroed memory that lives until irgen_free_all(): every record of the
 * model is allocated here, so records dropped by the parser's error
 * recovery are freed as well.
 */
void *irgen_new(size_t size);
char *irgen_strdup(const char *s);
void irgen_free_all(void);

/*
 * A PtrVec freed by irgen_free_all().  The parser copies these structs into
 * the records (op->ins = *v); a copy shares the item array and is never
 * grown afterwards.
 */
PtrVec *irgen_vec_new(void);

IrgenName *irgen_name_new(const char *s, SrcLoc loc);
IrgenOp *irgen_op_new(IrgenName *name);
IrgenConsSet *irgen_set_new(IrgenName *host, SrcLoc loc);
IrgenCons *irgen_cons_new(SrcLoc loc);
IrgenConsItem *irgen_item_new(IrgenItemKind kind, SrcLoc loc);
IrgenRegSpec *irgen_regspec_new(SrcLoc loc);

/* Parses PATH into FILE (errors go through diag); returns false on I/O error. */
bool irgen_parse(const char *path, IrgenFile *file);

#endif
