/*
 * The IR opcode table: value types, opcodes, op flags, constant-argument
 * kinds, and the x86-64 register constraints that the register allocator
 * reads (no per-opcode code needed).  docs/ir.md explains every field.
 */
#ifndef IR_OPS_H
#define IR_OPS_H

#include <stdint.h>

/* Value types.  Every op carries one (IR_VOID for ops without a value). */
typedef enum IrType {
    IR_I32,
    IR_I64,
    IR_F32,
    IR_F64,
    IR_VOID,
    IR_TYPE_COUNT
} IrType;

/* Type masks: bit (1 << IrType).  IR_TM_OP marks an operand that has
   the op's own type. */
#define IR_TM_I32  0x01u
#define IR_TM_I64  0x02u
#define IR_TM_F32  0x04u
#define IR_TM_F64  0x08u
#define IR_TM_VOID 0x10u
#define IR_TM_INT  0x03u
#define IR_TM_FP   0x0cu
#define IR_TM_ANY  0x0fu
#define IR_TM_OP   0x80u

/* Type classes: an op's constraint set depends on its class only. */
typedef enum IrTypeClass {
    IR_TC_INT,      /* i32, i64 */
    IR_TC_FP,       /* f32, f64 */
    IR_TC_VOID,     /* void */
    IR_TC_COUNT
} IrTypeClass;

static inline IrTypeClass ir_type_class(IrType t)
{
    return t <= IR_I64 ? IR_TC_INT : t <= IR_F64 ? IR_TC_FP : IR_TC_VOID;
}

extern const char *const ir_type_names[IR_TYPE_COUNT];

/* Opcodes, in ops.def order. */
typedef enum IrOpcode {
    IR_OP_mark,              /* tests/gen/irgen/succ_small.def:9 */
    IR_OP_move,              /* tests/gen/irgen/succ_small.def:12 */
    IR_OP_add,               /* tests/gen/irgen/succ_small.def:17 */
    IR_OP_shl,               /* tests/gen/irgen/succ_small.def:20 */
    IR_OP_rem,               /* tests/gen/irgen/succ_small.def:25 */
    IR_OP_brcond,            /* tests/gen/irgen/succ_small.def:29 */
    IR_OP_ld,                /* tests/gen/irgen/succ_small.def:31 */
    IR_OP_call,              /* tests/gen/irgen/succ_small.def:36 */
    IR_OP_fence,             /* tests/gen/irgen/succ_small.def:40 */
    IR_OP_cvt,               /* tests/gen/irgen/succ_small.def:41 */
    IR_OP_fma,               /* tests/gen/irgen/succ_small.def:42 */
    IR_OP_COUNT
} IrOpcode;

/* Op flags (IrOpInfo.flags); docs/ir.md has the full rules. */
#define IR_OPF_SIDE      (1u <<  0)  /* has side effects: never deleted, kept in order */
#define IR_OPF_FOLD      (1u <<  1)  /* pure function of inputs and constants: foldable */
#define IR_OPF_COMMUT    (1u <<  2)  /* inputs 0 and 1 may be swapped */
#define IR_OPF_BRANCH    (1u <<  3)  /* may jump to its label constant */
#define IR_OPF_BB_START  (1u <<  4)  /* starts a basic block */
#define IR_OPF_BB_END    (1u <<  5)  /* ends a basic block */
#define IR_OPF_TB_EXIT   (1u <<  6)  /* may leave the translation block */
#define IR_OPF_NORETURN  (1u <<  7)  /* never falls through to the next op */
#define IR_OPF_CALL      (1u <<  8)  /* calls a helper function */
#define IR_OPF_RGLOB     (1u <<  9)  /* may read globals from the CPU state in memory */
#define IR_OPF_WGLOB     (1u << 10)  /* may write globals in the CPU state in memory */
#define IR_OPF_FAULT     (1u << 11)  /* may fault on a guest memory access */
#define IR_OPF_FPENV     (1u << 12)  /* uses the FP rounding mode or raises FP flags */
#define IR_OPF_META      (1u << 13)  /* emits no host code; handled by the IR layer */

/* Kinds of constant arguments (IrOpInfo.const_kinds). */
typedef enum IrConstKind {
    IR_CK_U32,       /* uint32_t: unsigned 32-bit number */
    IR_CK_U64,       /* uint64_t: unsigned 64-bit number */
    IR_CK_I64,       /* int64_t: signed 64-bit number */
    IR_CK_OFFSET,    /* int32_t: byte offset in the CPU state */
    IR_CK_COND,      /* IrCond: comparison condition */
    IR_CK_MEMOP,     /* IrMemOp: memory access size/sign/align */
    IR_CK_LABEL,     /* IrLabel: branch target */
    IR_CK_HELPER,    /* const IrHelper *: helper function */
    IR_CK_BARRIER,   /* IrBarrier: memory-ordering kinds */
    IR_CK_ROUND,     /* IrRound: FP rounding mode */
    IR_CK_FMANEG,    /* IrFmaNeg: fused multiply-add negations */
    IR_CK_COUNT
} IrConstKind;

extern const char *const ir_const_kind_names[IR_CK_COUNT];

/* The largest counts of any op (never less than 1). */
#define IR_MAX_OUTS      1
#define IR_MAX_INS       3
#define IR_MAX_CONSTS    2
#define IR_MAX_TEMP_ARGS 4   /* outputs + inputs */
#define IR_MAX_ARGS      6   /* outputs + inputs + constants */
#define IR_MAX_SCRATCH   2
#define IR_CONS_MAX_ARGS 5   /* outputs + inputs + scratch */

/*
 * x86-64 registers for constraints: 0..15 are the general registers in
 * hardware order, 16..31 are xmm0..xmm15, so a set is one uint32_t.
 */
enum {
    IR_X86_RAX,
    IR_X86_RCX,
    IR_X86_RDX,
    IR_X86_RBX,
    IR_X86_RSP,
    IR_X86_RBP,
    IR_X86_RSI,
    IR_X86_RDI,
    IR_X86_R8,
    IR_X86_R9,
    IR_X86_R10,
    IR_X86_R11,
    IR_X86_R12,
    IR_X86_R13,
    IR_X86_R14,
    IR_X86_R15,
    IR_X86_XMM0,
    IR_X86_XMM1,
    IR_X86_XMM2,
    IR_X86_XMM3,
    IR_X86_XMM4,
    IR_X86_XMM5,
    IR_X86_XMM6,
    IR_X86_XMM7,
    IR_X86_XMM8,
    IR_X86_XMM9,
    IR_X86_XMM10,
    IR_X86_XMM11,
    IR_X86_XMM12,
    IR_X86_XMM13,
    IR_X86_XMM14,
    IR_X86_XMM15,
    IR_X86_NB_REGS
};

#define IR_X86_GPRS    0x0000ffffu  /* the general registers */
#define IR_X86_XMMS    0xffff0000u  /* the xmm registers */
#define IR_X86_ANY_GPR 0x0000ffefu  /* constraint r: all but rsp */
#define IR_X86_ANY_XMM 0xffff0000u  /* constraint x */

/* Register sets defined in ops.def. */
#define IR_X86_REGSET_CALLEE_CLOBBERED 0xffff0fc7u  /* tests/gen/irgen/succ_small.def:4 */
#define IR_X86_REGSET_ARGS3 0x000000c4u  /* tests/gen/irgen/succ_small.def:5 */
#define IR_X86_REGSET_WIDE 0x000001c4u  /* tests/gen/irgen/succ_small.def:6 */

/* Host features a constraint set may require (IrConsSet.features). */
#define IR_X86F_SSE41   (1u << 0)
#define IR_X86F_POPCNT  (1u << 1)
#define IR_X86F_LZCNT   (1u << 2)
#define IR_X86F_BMI1    (1u << 3)
#define IR_X86F_BMI2    (1u << 4)
#define IR_X86F_FMA     (1u << 5)
#define IR_X86F_AVX     (1u << 6)
#define IR_X86F_PCLMUL  (1u << 7)

extern const char *const ir_x86_reg_names[IR_X86_NB_REGS];

/* Register classes. */
typedef enum IrRegClass {
    IR_RC_GPR,
    IR_RC_XMM,
} IrRegClass;

/* Immediate kinds an input may be encoded as (IrArgCons.imm). */
#define IR_IMM_U8  0x1u  /* 0..255 */
#define IR_IMM_S32 0x2u  /* sign-extended 32-bit */
#define IR_IMM_U32 0x4u  /* zero-extended 32-bit */
#define IR_IMM_ANY 0x8u  /* any value of the operand's width */

/* The constraint on one operand (docs/ir.md, "Constraints"). */
typedef struct IrArgCons {
    uint32_t regs;   /* registers allowed (for a tied input: its output's) */
    uint8_t cls;     /* IrRegClass */
    uint8_t fixed;   /* regs is a register set written {...}, not r or x */
    uint8_t newreg;  /* output/scratch: no register of an input, except
                        the input tied to it */
    uint8_t imm;     /* input: IR_IMM_* a constant may be encoded as */
    int8_t tie;      /* input: the output whose register it shares;
                        output: the input sharing its register; -1 */
} IrArgCons;

/*
 * One constraint set: a register constraint per output, input and
 * scratch register, and the registers the op destroys.  Alternatives for
 * the same op and type class are chained by next; the allocator takes the
 * first whose features the host has (the last needs none).
 */
typedef struct IrConsSet {
    uint32_t features;   /* IR_X86F_* needed */
    uint32_t clobber;    /* registers destroyed by the op */
    int16_t next;        /* next alternative, or -1 */
    uint8_t nb_out, nb_in, nb_scratch;
    const char *where;   /* ops.def position */
    IrArgCons args[IR_CONS_MAX_ARGS];  /* outputs, inputs, scratch */
} IrConsSet;

/* What the IR knows about an opcode. */
typedef struct IrOpInfo {
    const char *name;
    const char *where;       /* ops.def position */
    uint32_t flags;          /* IR_OPF_* */
    uint8_t types;           /* IR_TM_* op types allowed */
    uint8_t nb_out, nb_in, nb_const;  /* a variadic group counts its maximum */
    uint8_t var_out, var_in; /* the last output / input is a variadic group */
    uint8_t arg_types[IR_MAX_TEMP_ARGS];  /* outputs, inputs: IR_TM_* or IR_TM_OP */
    uint8_t const_kinds[IR_MAX_CONSTS];   /* IrConstKind */
    const char *arg_names[IR_MAX_ARGS];   /* outputs, inputs, constants */
    int16_t cons_x86_64[IR_TC_COUNT];     /* first IrConsSet per class, or -1 */
} IrOpInfo;

extern const IrOpInfo ir_op_info[IR_OP_COUNT];

#define IR_CONS_X86_64_COUNT 14
extern const IrConsSet ir_cons_x86_64[IR_CONS_X86_64_COUNT];

#endif
