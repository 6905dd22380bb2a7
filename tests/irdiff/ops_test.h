/*
 * The per-op test's parts: one function per group of opcodes, each
 * building its programs, running them through ops_check and filling the
 * tallies of the opcodes it covers.  A Tally is found (or made) per
 * "opcode.type" with ops_tally().
 */
#ifndef IRDIFF_OPS_TEST_H
#define IRDIFF_OPS_TEST_H

#include "ops_check.h"

/* The tally for OPC with op type T (IR_VOID for untyped ops). */
Tally *ops_tally(IrOpcode opc, IrType t);

/* Every op with one output, temps in, and only cond/round/fmaneg/u32
   constants (arithmetic, logic, shifts, bits, conditions, moves, FP,
   conversions): every type and operand type, operand kinds (globals,
   each input a constant, output aliased to an input as a temp and as a
   global, one temp for two inputs, inputs still live after the op in TB
   and BB temps), edge values.  Returns false for an opcode it does not
   handle. */
bool ops_generic(const OpsEnv *env, IrOpcode opc);

/* ld_env st_env ld_guest st_guest and the atomics. */
bool ops_memory(const OpsEnv *env, IrOpcode opc);

/* brcond br set_label goto_tb exit_tb goto_ptr lookup_tb ras_lookup_tb
   ras_push call mb nop insn_start discard. */
bool ops_control(const OpsEnv *env, IrOpcode opc);

/* The globals of a per-op program: slot N of type T (slot 0 is where
   results go). */
IrTemp ops_slot(const DiffGlobals *g, IrType t, unsigned n);
/* The env offset of that slot. */
int32_t ops_slot_offset(IrType t, unsigned n);
/* Sets slot N of type T in S to V. */
void ops_set_slot(DiffState *s, IrType t, unsigned n, uint64_t v);

/* The edge values for type T: into OUT (at most 64), returns the count;
   LIMIT > 0 keeps only LIMIT of them, spread over the list. */
unsigned ops_values(IrType t, uint64_t *out, unsigned limit);

#endif
