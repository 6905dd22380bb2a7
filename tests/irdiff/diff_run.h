/*
 * Running a program of the difftests in the reference interpreter: the
 * state copied into the fixed run buffers (guest memory must stay at one
 * address, the JIT's guest_base), the rounding mode set, the FP flags
 * cleared before and collected after, and the outcome in one record that
 * the JIT runner fills the same way.
 */
#ifndef IRDIFF_DIFF_RUN_H
#define IRDIFF_DIFF_RUN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "diff_state.h"
#include "ir_interp.h"

/* The buffers programs run on (guest memory at a fixed host address). */
extern DiffState diff_run_state;

typedef struct DiffOutcome {
    bool ok;                /* ran to an exit (exit_tb, goto_ptr) or to a
                               guest fault */
    bool faulted;           /* left through a guest fault (the JIT: SIGSEGV
                               or SIGBUS inside the block); exit is 0 */
    bool too_big;           /* JIT: jit_compile said the block needs more
                               spill slots than the frame has (-2) */
    uint64_t exit;          /* the value the execution loop would see */
    int flags;              /* FP exception flags raised (FE_*) */
    bool via_goto_ptr;      /* interp only: left through goto_ptr */
    bool looked_up;         /* a lookup_tb ran (its last pc:) */
    uint64_t lookup_pc;
    DiffState state;        /* final state */
    char err[200];
} DiffOutcome;

/* The interpreter's lookup_tb hook: the exit value of the block at PC
   (GEN_HIT_EXIT for GEN_HIT_PC, else 0: "return to the loop"). */
uint64_t diff_lookup_value(void *opaque, uint64_t pc);

/* Runs CTX in the interpreter from INIT in rounding mode ROUND. */
void diff_run_interp(const IrCtx *ctx, const DiffState *init, int round,
                     DiffOutcome *out);

/* Compares two outcomes (fault or exit, flags if CMP_FLAGS, state);
   prints the differences to F (if non-NULL).  A guest fault is precise
   (docs/ir.md, flag `fault`): the state at the fault must match too. */
bool diff_outcome_equal(const DiffOutcome *a, const DiffOutcome *b,
                        bool cmp_flags, FILE *f, const char *na,
                        const char *nb);

#endif
