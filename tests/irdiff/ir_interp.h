/*
 * The IR reference interpreter: executes the ops of an IrCtx directly in C,
 * following docs/ir.md, as the oracle the x86-64 backend is compared with.
 *
 * State: globals live in the env buffer at their offsets (read and written
 * there with their own type on every access, so helpers called by `call`
 * see them), TB and BB temps in the interpreter, guest memory at
 * guest_base + address.  Floating point runs on the host's C arithmetic in
 * the current rounding mode; the IEEE flags it raises accumulate in the
 * host FP environment (the caller clears them before, fetestexcept after).
 *
 * Besides computing, the interpreter checks what it executes: operand
 * types against ir_op_info, reads of temps that were never written on the
 * path taken (or were discarded, or are basic-block temps read across a
 * block boundary), constants out of range.  Such a program stops with
 * IR_EXIT_ERROR and a message; the random generator's self-test relies on
 * this.
 */
#ifndef IR_INTERP_H
#define IR_INTERP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir.h"

typedef enum IrExitKind {
    IR_EXIT_TB,         /* exit_tb: value = its constant */
    IR_EXIT_GOTO_PTR,   /* goto_ptr: value = the pointer (lookup's result) */
    IR_EXIT_FAULT,      /* a guest access out of bounds or misaligned with
                           IR_MO_ALIGN: value = the guest address */
    IR_EXIT_END,        /* ran off the end of the ops */
    IR_EXIT_STEP_LIMIT, /* executed step_limit ops */
    IR_EXIT_ERROR,      /* ill-formed IR: see err */
} IrExitKind;

typedef struct IrInterpConfig {
    void *env;              /* the CPU state: globals, ld_env/st_env */
    size_t env_size;        /* bytes accessible from env on (bounds check) */
    size_t env_neg;         /* bytes accessible below env (negative offsets) */
    uintptr_t guest_base;   /* guest address a is host address guest_base + a */
    uint64_t guest_lo, guest_hi; /* guest accesses must be in [lo, hi), else
                                    IR_EXIT_FAULT; hi == 0: unchecked */
    uint64_t step_limit;    /* ops executed before IR_EXIT_STEP_LIMIT; 0: 1e7 */
    /* lookup_tb's result for PC (the value goto_ptr then reports); NULL:
       IR_INTERP_LOOKUP_MISS. */
    uint64_t (*lookup)(void *opaque, uint64_t pc);
    void *lookup_opaque;
} IrInterpConfig;

#define IR_INTERP_LOOKUP_MISS 0

typedef struct IrInterpResult {
    IrExitKind kind;
    uint64_t value;         /* see IrExitKind */
    uint64_t steps;         /* ops executed */
    size_t op_index;        /* the op that exited (or failed) */
    bool looked_up;         /* a lookup_tb ran; lookup_pc is its last pc */
    uint64_t lookup_pc;
    char err[160];          /* IR_EXIT_ERROR: why */
} IrInterpResult;

/* Runs CTX from its first op.  Returns true unless the result is
   IR_EXIT_ERROR. */
bool ir_interp_run(const IrCtx *ctx, const IrInterpConfig *cfg,
                   IrInterpResult *res);

const char *ir_exit_kind_name(IrExitKind k);

#endif
