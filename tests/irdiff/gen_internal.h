/*
 * Internals of the random IR generator shared by gen_prog.c (program
 * structure: blocks, branches, loops, exits, sink) and gen_ops.c (one op at
 * a time): the generator state and the operand pools.
 *
 * Pools: the TB temps that hold a value on every path to the current point
 * form a stack; entering an if arm or a loop body pushes a scope mark, and
 * leaving it drops the temps defined inside.  BB temps live in a second
 * pool that is emptied at every label and after every bb_end op.  Temps in
 * `nowrite` (loop counters) are never chosen as outputs.
 */
#ifndef IRDIFF_GEN_INTERNAL_H
#define IRDIFF_GEN_INTERNAL_H

#include "gen_prog.h"
#include "ir-build.h"
#include "rng.h"

#define GEN_MAX_POOL 512

typedef struct Gen {
    Rng r;
    IrCtx *ctx;
    GenProgram *p;
    IrTemp tb[GEN_MAX_POOL];
    unsigned nb_tb;
    unsigned scope;         /* tb[scope..nb_tb): defined in the current scope */
    IrTemp bb[GEN_MAX_POOL];
    unsigned nb_bb;
    uint8_t *nowrite;       /* per temp id */
    unsigned nowrite_cap;
    int budget;             /* ops still to generate */
    unsigned depth;         /* nesting of arms and loops */
    unsigned loop_depth;
    uint64_t pc;            /* next insn_start pc */
    uint64_t exit_val;      /* next exit_tb value */
    unsigned slots_used;    /* goto_tb slots used (bits): each once per TB */
    int fault_at;           /* emit the faulting access when the budget
                               reaches this (-1: none) */
} Gen;

static inline IrType gen_int_type(Gen *g)
{
    return rng_pct(&g->r, 50) ? IR_I32 : IR_I64;
}

static inline IrType gen_fp_type(Gen *g)
{
    return rng_pct(&g->r, 50) ? IR_F32 : IR_F64;
}

static inline unsigned type_bits(IrType t)
{
    return t == IR_I32 || t == IR_F32 ? 32 : 64;
}

/* A random constant of type T. */
IrTemp gen_const(Gen *g, IrType t);
/* A readable value of type T: constant, global, TB or BB temp. */
IrTemp gen_in(Gen *g, IrType t);
/* A readable non-constant value of type T. */
IrTemp gen_in_reg(Gen *g, IrType t);
/* An output of type T: a new temp, an existing writable one, a global, or
   (sometimes) one of INS of type T.  Call gen_defined() after the op. */
IrTemp gen_out(Gen *g, IrType t, const IrTemp *ins, unsigned nb_ins);
/* Records that D now holds a value (adds new temps to their pool). */
void gen_defined(Gen *g, IrTemp d);
/* A new TB temp / BB temp. */
IrTemp gen_new_temp(Gen *g, IrType t, bool bb);

/* The end of a basic block: BB temps die. */
void gen_bb_end(Gen *g);

/* Emits one random op that is not control flow. */
void gen_one_op(Gen *g);
/* Emits an op of type T that writes D (a pure arithmetic op or a move). */
void gen_def(Gen *g, IrTemp d, IrType t);
/* An i64 guest address for an access of SIZE bytes in region
   [base, base+len), aligned to SIZE if ALIGNED. */
IrTemp gen_guest_addr(Gen *g, unsigned base, unsigned len, unsigned size,
                      bool aligned);

/* A guest access (load, store or atomic) whose address is outside guest
   memory and, for the JIT, no user-space address: it faults. */
void gen_fault(Gen *g);

/* The relative weight of each opcode in gen_one_op (0: never chosen
   there; control flow comes from gen_prog.c). */
extern const uint8_t gen_op_weight[IR_OP_COUNT];

#endif
