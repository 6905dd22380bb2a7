/*
 * The rvtcg IR: ops in a contiguous array, each carrying an opcode, a value
 * type and its arguments (outputs, then inputs, then constants).
 *
 * The opcode table itself (IrOpcode, IrType, IrOpInfo, the x86-64
 * constraints) is generated from defs/ir/ops.def into ir-ops.h, and one typed
 * builder per opcode into ir-build.h; this header has the hand-written
 * parts they need: temp and label handles, the encodings of constant
 * arguments (conditions, memory ops, barriers, rounding modes), the op
 * record and the append function.  docs/ir.md describes all of it.
 *
 * This is the minimal first version: contexts hold only the op array.
 * Temps (globals, TB-wide, basic-block-local, constants), labels and the
 * textual IR come with the translator core (issue 3).
 */
#ifndef IR_H
#define IR_H

#include <stddef.h>
#include <stdint.h>

#include "ir-ops.h"

/* A temp (a virtual register); its type and lifetime live in the IrCtx. */
typedef struct IrTemp {
    uint32_t id;
} IrTemp;

/* A branch target, placed with set_label; may be used before it is set. */
typedef struct IrLabel {
    uint32_t id;
} IrLabel;

/*
 * Comparison conditions (setcond, movcond, brcond; fcmp uses EQ/LT/LE).
 * Encoded so that c ^ 1 is the inverse condition.
 */
typedef enum IrCond {
    IR_COND_NEVER = 0,
    IR_COND_ALWAYS = 1,
    IR_COND_EQ = 2,
    IR_COND_NE = 3,
    IR_COND_LT = 4,     /* signed */
    IR_COND_GE = 5,
    IR_COND_LE = 6,
    IR_COND_GT = 7,
    IR_COND_LTU = 8,    /* unsigned */
    IR_COND_GEU = 9,
    IR_COND_LEU = 10,
    IR_COND_GTU = 11,
    IR_COND_COUNT
} IrCond;

/* !c: the condition that holds exactly when c does not. */
static inline IrCond ir_cond_invert(IrCond c)
{
    return (IrCond)(c ^ 1);
}

/* The condition with its operands swapped: (a < b) == (b > a). */
static inline IrCond ir_cond_swap(IrCond c)
{
    return c < IR_COND_LT ? c : (IrCond)((c & ~3) + (3 - (c & 3)));
}

static inline int ir_cond_is_unsigned(IrCond c)
{
    return c >= IR_COND_LTU;
}

/*
 * A memory access (ld_guest, st_guest, ld_env, st_env, atomics): the size,
 * whether a load sign-extends to the op type, the byte order and whether
 * a misaligned address must fault.
 */
typedef uint32_t IrMemOp;
enum {
    IR_MO_8 = 0,
    IR_MO_16 = 1,
    IR_MO_32 = 2,
    IR_MO_64 = 3,
    IR_MO_SIZE = 3,     /* mask: log2 of the size in bytes */
    IR_MO_SIGN = 4,     /* loads: sign-extend (default: zero-extend) */
    IR_MO_BE = 8,       /* big-endian (default: little-endian) */
    IR_MO_ALIGN = 16,   /* natural alignment required, else the access faults */
    /* the usual combinations */
    IR_MO_UB = IR_MO_8, IR_MO_SB = IR_MO_8 | IR_MO_SIGN,
    IR_MO_UW = IR_MO_16, IR_MO_SW = IR_MO_16 | IR_MO_SIGN,
    IR_MO_UL = IR_MO_32, IR_MO_SL = IR_MO_32 | IR_MO_SIGN,
    IR_MO_UQ = IR_MO_64,
};

static inline unsigned ir_memop_size(IrMemOp mo)
{
    return 1u << (mo & IR_MO_SIZE);
}

/* Orderings an mb op enforces: earlier accesses of one kind before later. */
typedef uint32_t IrBarrier;
enum {
    IR_BAR_LD_LD = 1,
    IR_BAR_LD_ST = 2,
    IR_BAR_ST_LD = 4,
    IR_BAR_ST_ST = 8,
    IR_BAR_ALL = 15,
};

/* Rounding of ftoi/ftou (RISC-V frm encoding; RMM is not an IR mode). */
typedef enum IrRound {
    IR_RM_RNE = 0,      /* to nearest, ties to even */
    IR_RM_RTZ = 1,      /* toward zero */
    IR_RM_RDN = 2,      /* down */
    IR_RM_RUP = 3,      /* up */
    IR_RM_DYN = 7,      /* the current (dynamic) host rounding mode */
} IrRound;

/* fma: d = (+-(a * b)) + (+-c), rounded once. */
typedef enum IrFmaNeg {
    IR_FMA_PLAIN = 0,   /* a * b + c */
    IR_FMA_NEG_MUL = 1, /* -(a * b) + c */
    IR_FMA_NEG_ADD = 2, /* a * b - c */
    IR_FMA_NEG_BOTH = 3 /* -(a * b) - c */
} IrFmaNeg;

/*
 * A helper function called by the call op: C, SysV ABI, up to 6 integer
 * arguments, result in rax.  flags can relax what the call op assumes.
 */
typedef struct IrHelper {
    const char *name;
    void (*func)(void); /* the function, cast to a generic function type */
    uint32_t flags;     /* IR_HELPER_* */
} IrHelper;

enum {
    IR_HELPER_NO_RGLOB = 1, /* does not read globals from the CPU state */
    IR_HELPER_NO_WGLOB = 2, /* does not write globals */
    IR_HELPER_NO_SIDE = 4,  /* no side effects: removable if its result is unused */
};

/* One argument: a temp (outputs, inputs) or a constant of IrConstKind. */
typedef union IrArg {
    IrTemp temp;
    IrLabel label;      /* IR_CK_LABEL */
    int64_t imm;        /* IR_CK_I64, OFFSET, COND, MEMOP, BARRIER, ROUND, FMANEG */
    uint64_t uimm;      /* IR_CK_U32, U64 */
    const IrHelper *helper; /* IR_CK_HELPER */
} IrArg;

/*
 * An op.  args holds nb_out outputs, then nb_in inputs, then nb_const
 * constants; the counts equal ir_op_info[opc]'s except for a variadic
 * group, whose actual size the builder stores.
 */
typedef struct IrOp {
    uint16_t opc;       /* IrOpcode */
    uint8_t type;       /* IrType */
    uint8_t nb_out, nb_in, nb_const;
    IrArg args[IR_MAX_ARGS];
} IrOp;

static inline IrArg *ir_op_out(IrOp *op, unsigned i)
{
    return &op->args[i];
}

static inline IrArg *ir_op_in(IrOp *op, unsigned i)
{
    return &op->args[op->nb_out + i];
}

static inline IrArg *ir_op_const(IrOp *op, unsigned i)
{
    return &op->args[op->nb_out + op->nb_in + i];
}

typedef struct IrCtx IrCtx;

IrCtx *ir_ctx_new(void);
void ir_ctx_free(IrCtx *ctx);
/* Drops every op (keeps the memory for the next translation). */
void ir_ctx_reset(IrCtx *ctx);

/*
 * Appends an op with the given opcode and type, arguments zeroed and the
 * counts from ir_op_info; the builders in ir-build.h fill in the arguments.
 * The pointer is valid until the next op is appended.
 */
IrOp *ir_emit_op(IrCtx *ctx, IrOpcode opc, IrType type);

size_t ir_op_count(const IrCtx *ctx);
IrOp *ir_op_at(IrCtx *ctx, size_t index);

/*
 * The constraint set the register allocator uses for an op of opcode OPC
 * and type TYPE on a host with features HOST_FEATURES (IR_X86F_*): the
 * first alternative for the type's class whose features the host has.
 * NULL for meta ops.
 */
const IrConsSet *ir_cons_select(IrOpcode opc, IrType type, uint32_t host_features);

#endif
