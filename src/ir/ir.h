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
 * Contexts hold the ops, the temps (globals, TB-wide, basic-block-local,
 * constants) and the labels of one translation block; docs/ir.md describes
 * them and the textual form (ir_text.h).
 */
#ifndef IR_H
#define IR_H

#include <stdbool.h>
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
 * group, whose actual size the builder stores.  `life` is written by the
 * liveness pass (opt_liveness) and read by the register allocator.
 */
typedef struct IrOp {
    uint16_t opc;       /* IrOpcode */
    uint8_t type;       /* IrType */
    uint8_t nb_out, nb_in, nb_const;
    uint16_t life;      /* IR_LIFE_* */
    IrArg args[IR_MAX_ARGS];
} IrOp;

/*
 * Liveness bits of IrOp.life, indexed by temp argument (outputs first, then
 * inputs; at most IR_MAX_TEMP_ARGS = 7):
 *   IR_LIFE_DEAD(i)  the temp of argument i is not read again after this op
 *                    (a global still has to reach memory, see SYNC);
 *   IR_LIFE_SYNC(i)  argument i is a global whose new value must be written
 *                    to the CPU state right after this op, because a later
 *                    op reads globals from memory (call, fault, TB exit)
 *                    before the global is written again.
 */
#define IR_LIFE_DEAD(i) ((uint16_t)(1u << (i)))
#define IR_LIFE_SYNC(i) ((uint16_t)(1u << (8 + (i))))

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

static inline unsigned ir_op_nb_temps(const IrOp *op)
{
    return (unsigned)op->nb_out + op->nb_in;
}

static inline const IrOpInfo *ir_op_def(const IrOp *op)
{
    return &ir_op_info[op->opc];
}

/*
 * Temps.  Every value is a temp; its kind says how long it lives:
 *   GLOBAL  a guest-visible value with a home in the CPU state at
 *           env + offset (e.g. a guest register); it survives across ops,
 *           basic blocks and translation blocks.  Created once, before any
 *           other temp, and kept by ir_ctx_reset().
 *   TB      lives for the whole translation block, across basic blocks.
 *   BB      lives only inside one basic block: dead at every set_label and
 *           after every bb_end op (the allocator never saves it there).
 *   CONST   a constant; one temp per (type, value), shared (ir_const).
 * Temp 0 is "no temp" (IR_NO_TEMP), never a valid operand.
 */
typedef enum IrTempKind {
    IR_TEMP_GLOBAL,
    IR_TEMP_TB,
    IR_TEMP_BB,
    IR_TEMP_CONST,
} IrTempKind;

#define IR_NO_TEMP ((IrTemp){ 0 })

typedef struct IrTempInfo {
    uint8_t kind;        /* IrTempKind */
    uint8_t type;        /* IrType (never IR_VOID) */
    int8_t fixed_reg;    /* GLOBAL: host register it always lives in, or -1 */
    uint8_t pad;
    int32_t offset;      /* GLOBAL: byte offset in the CPU state */
    uint64_t val;        /* CONST: the value's bits, zero-extended from i32/f32 */
    const char *name;    /* GLOBAL: name for dumps and the text format */
} IrTempInfo;

/* A label: where it is placed (op index of its set_label, or -1) and how
 * many branch ops name it. */
typedef struct IrLabelInfo {
    int32_t set_at;
    uint32_t refs;
} IrLabelInfo;

/*
 * A translation context: the ops of one translation block, its temps and
 * labels.  The fields are public for the passes; build through the
 * functions below and the builders of ir-build.h.
 */
typedef struct IrCtx {
    IrOp *ops;
    size_t nb_ops, cap_ops;

    IrTempInfo *temps;        /* indexed by IrTemp.id; [0] is unused */
    uint32_t nb_temps, cap_temps;
    uint32_t nb_globals;      /* globals are temps 1..nb_globals */

    IrLabelInfo *labels;      /* indexed by IrLabel.id; [0] is unused */
    uint32_t nb_labels, cap_labels;

    uint32_t *const_hash;     /* open addressing: temp ids of constants */
    uint32_t const_hash_cap;  /* a power of two */
    uint32_t nb_consts;
} IrCtx;

IrCtx *ir_ctx_new(void);
void ir_ctx_free(IrCtx *ctx);
/* Drops every op, label and non-global temp; keeps the globals (and the
 * memory, for the next translation). */
void ir_ctx_reset(IrCtx *ctx);

/* A global of the given type at env + offset, named NAME (copied).  All
 * globals must be created before any other temp. */
IrTemp ir_global(IrCtx *ctx, IrType type, int32_t offset, const char *name);
/* Pins a global to a host register for the whole translation (or -1). */
void ir_global_set_fixed_reg(IrCtx *ctx, IrTemp g, int reg);

IrTemp ir_temp_new(IrCtx *ctx, IrType type);     /* TB-wide */
IrTemp ir_temp_new_bb(IrCtx *ctx, IrType type);  /* basic-block-local */

/* The constant temp of (type, bits): bits are truncated to the type's width
 * (i32/f32: the low 32 bits), then de-duplicated through a hash table. */
IrTemp ir_const(IrCtx *ctx, IrType type, uint64_t bits);
IrTemp ir_const_f32(IrCtx *ctx, float v);
IrTemp ir_const_f64(IrCtx *ctx, double v);

static inline IrTemp ir_const_i32(IrCtx *ctx, int32_t v)
{
    return ir_const(ctx, IR_I32, (uint32_t)v);
}

static inline IrTemp ir_const_i64(IrCtx *ctx, int64_t v)
{
    return ir_const(ctx, IR_I64, (uint64_t)v);
}

static inline const IrTempInfo *ir_temp_info(const IrCtx *ctx, IrTemp t)
{
    return &ctx->temps[t.id];
}

static inline IrType ir_temp_type(const IrCtx *ctx, IrTemp t)
{
    return (IrType)ctx->temps[t.id].type;
}

static inline bool ir_temp_is_const(const IrCtx *ctx, IrTemp t)
{
    return ctx->temps[t.id].kind == IR_TEMP_CONST;
}

static inline bool ir_temp_is_global(const IrCtx *ctx, IrTemp t)
{
    return ctx->temps[t.id].kind == IR_TEMP_GLOBAL;
}

/* A constant temp's value: sign-extended from 32 bits for i32. */
static inline int64_t ir_const_value(const IrCtx *ctx, IrTemp t)
{
    const IrTempInfo *ti = &ctx->temps[t.id];
    return ti->type == IR_I32 ? (int64_t)(int32_t)ti->val : (int64_t)ti->val;
}

static inline bool ir_temp_eq(IrTemp a, IrTemp b)
{
    return a.id == b.id;
}

IrLabel ir_label_new(IrCtx *ctx);

static inline IrLabelInfo *ir_label_info(IrCtx *ctx, IrLabel l)
{
    return &ctx->labels[l.id];
}

/*
 * Appends an op with the given opcode and type, arguments zeroed and the
 * counts from ir_op_info; the builders in ir-build.h fill in the arguments.
 * The pointer is valid until the next op is appended.  Label placements
 * and use counts are not tracked while building: ir_note_labels() computes
 * them when a pass needs them.
 */
IrOp *ir_emit_op(IrCtx *ctx, IrOpcode opc, IrType type);

/* Recomputes every label's set_at and refs from the ops (after building or
 * after a pass that deleted branches). */
void ir_note_labels(IrCtx *ctx);

/* Turns op i into a nop (passes delete ops this way; ir_compact removes
 * the nops). */
void ir_op_remove(IrCtx *ctx, size_t i);
/* Drops the nop ops, keeping the order of the others. */
void ir_compact(IrCtx *ctx);

static inline size_t ir_op_count(const IrCtx *ctx)
{
    return ctx->nb_ops;
}

static inline IrOp *ir_op_at(IrCtx *ctx, size_t index)
{
    return &ctx->ops[index];
}

/*
 * The constraint set the register allocator uses for an op of opcode OPC
 * and type TYPE on a host with features HOST_FEATURES (IR_X86F_*): the
 * first alternative for the type's class whose features the host has.
 * NULL for meta ops.
 */
const IrConsSet *ir_cons_select(IrOpcode opc, IrType type, uint32_t host_features);

#endif
