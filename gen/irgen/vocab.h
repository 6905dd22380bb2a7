/*
 * The fixed vocabulary of ops.def: type names, flags, constant-argument
 * kinds, hosts, host features, x86-64 register names and constraint words.
 * These lists are the single source of the names the generated C uses
 * (IR_I64, IR_OPF_SIDE, IR_CK_COND, IR_X86_RAX, IR_X86F_BMI2 ...); see
 * docs/ir.md for what each one means.
 */
#ifndef IRGEN_VOCAB_H
#define IRGEN_VOCAB_H

#include <stdint.h>

/* IrType values, in enum order: i32 i64 f32 f64 void. */
enum { IRGEN_NB_TYPES = 5 };
extern const char *const irgen_type_names[IRGEN_NB_TYPES];

/* Type-mask bits (1 << type) and the op-type marker for operands. */
enum {
    IRGEN_TM_I32 = 1, IRGEN_TM_I64 = 2, IRGEN_TM_F32 = 4, IRGEN_TM_F64 = 8,
    IRGEN_TM_VOID = 16,
    IRGEN_TM_INT = 3, IRGEN_TM_FP = 12, IRGEN_TM_ANY = 15,
    IRGEN_TM_OP = 0x80,
};

/* "i32", "int", "any", ... -> type mask; 0 if unknown. */
unsigned irgen_type_lookup(const char *name, int allow_void);

/* Type class names, indexed by IRGEN_TC_*. */
extern const char *const irgen_class_names[3];
int irgen_class_lookup(const char *name);        /* -1 if unknown */
unsigned irgen_class_types(int cls);             /* type mask of a class */

typedef struct IrgenFlag {
    const char *name;       /* as written in ops.def */
    const char *cname;      /* IR_OPF_<cname> */
    const char *doc;
} IrgenFlag;
extern const IrgenFlag irgen_flags[];
extern const int irgen_nb_flags;
int irgen_flag_lookup(const char *name);         /* bit number or -1 */

typedef struct IrgenConstKind {
    const char *name;       /* as written in ops.def */
    const char *cname;      /* IR_CK_<cname> */
    const char *ctype;      /* builder parameter type */
    const char *member;     /* IrArg member it is stored in */
    const char *doc;
} IrgenConstKind;
extern const IrgenConstKind irgen_const_kinds[];
extern const int irgen_nb_const_kinds;
int irgen_const_kind_lookup(const char *name);   /* -1 if unknown */

/* Hosts with constraint sets: only "x86_64". */
int irgen_host_lookup(const char *name);         /* -1 if unknown */

typedef struct IrgenFeature {
    const char *name;
    const char *cname;      /* IR_X86F_<cname> */
} IrgenFeature;
extern const IrgenFeature irgen_x86_features[];
extern const int irgen_nb_x86_features;
int irgen_feature_lookup(const char *name);      /* bit number or -1 */

/* x86-64 registers: 0..15 GPRs in hardware order, 16..31 xmm0..xmm15. */
enum { IRGEN_NB_REGS = 32 };
#define IRGEN_GPR_MASK 0x0000ffffu
#define IRGEN_XMM_MASK 0xffff0000u
#define IRGEN_RSP 4
extern const char *const irgen_reg_names[IRGEN_NB_REGS];
int irgen_reg_lookup(const char *name);          /* -1 if unknown */

/* Immediate kinds an input constraint can allow. */
enum {
    IRGEN_IMM_U8 = 1,       /* 0..255 */
    IRGEN_IMM_S32 = 2,      /* sign-extended 32-bit */
    IRGEN_IMM_U32 = 4,      /* zero-extended 32-bit */
    IRGEN_IMM_ANY = 8,      /* any value of the operand's width */
};
unsigned irgen_imm_lookup(const char *word);     /* 0 if not an imm word */

/* Names that builders use for their own parameters, and C keywords. */
int irgen_reserved_name(const char *name);

#endif
