/*
 * The random IR program generator.  From a seed it builds, with the typed
 * builders, a translation block over the globals of DiffEnv (diff_state.h)
 * and an initial state to run it on:
 *
 *   - every opcode class with random types allowed by ir_op_info, random
 *     but valid operands: globals, TB temps, BB temps, constants (edge
 *     values and random), the output aliased to an input, one temp used
 *     for two inputs;
 *   - straight-line and branching code: forward brcond/br over if and
 *     if/else arms (TB temps assigned in both arms are read after the
 *     join), bounded loops (a protected counter), early exits in arms
 *     (exit_tb, goto_tb + exit_tb, lookup_tb + goto_ptr);
 *   - guest loads/stores and atomics at addresses computed into the right
 *     region of guest memory, ld_env/st_env on the scratch fields, calls
 *     to the helpers of diff_helpers.h, barriers, insn_start, discard;
 *   - in some programs, one guest access to an address outside guest
 *     memory (and outside user space for the JIT): the run ends with a
 *     guest fault, and the state at the fault must match (globals are
 *     written back before a `fault` op);
 *   - in "pressure" programs, dozens of integer and FP temps defined at the
 *     start and all read at the end, so that more values are live than the
 *     host has registers (14 GPRs, 16 XMMs) and the allocator must spill.
 *
 * At the end every live temp is folded into the globals or stored to the
 * scratch fields (the "sink"), so the final state reflects it.  NaN
 * payloads never reach an integer: FP values become integers only through
 * ftoi/ftou/fcmp, or through bitcast_f2i guarded by an fcmp that replaces
 * a NaN's bits with a constant.
 */
#ifndef IRDIFF_GEN_PROG_H
#define IRDIFF_GEN_PROG_H

#include <stdbool.h>
#include <stdint.h>

#include "diff_state.h"
#include "ir.h"

/* The pc whose lookup_tb "hits" (runs a block that exits with
   GEN_HIT_EXIT); every other pc misses. */
#define GEN_HIT_PC 0x4000
#define GEN_HIT_EXIT 0x7a7a7a

typedef struct GenProgram {
    IrCtx *ctx;
    DiffGlobals g;
    DiffState init;       /* the state to run it on */
    int round;            /* FE_* rounding mode to run it in */
    /* statistics (for the generator's self-test) */
    unsigned op_counts[IR_OP_COUNT];
    unsigned max_live_int, max_live_fp;   /* temps live at the sink */
    bool straight_line;
    bool has_loop;
    bool faults;          /* contains an access that faults */
} GenProgram;

/* Builds program SEED into P (a fresh context). */
void gen_program(uint64_t seed, GenProgram *p);
void gen_program_free(GenProgram *p);

#endif
