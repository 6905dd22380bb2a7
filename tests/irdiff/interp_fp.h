/*
 * Floating-point semantics of the IR for the reference interpreter
 * (docs/ir.md, "Floating point").  Values are passed as their bits (f32 in
 * the low 32 bits).  Arithmetic uses the host's C operations in the current
 * rounding mode, so the IEEE flags land in the host FP environment; where
 * docs/ir.md defines the flags itself (fmin/fmax, fcmp, ftoi/ftou) they
 * are raised explicitly and nothing else is.  This file must be compiled
 * with -frounding-math -fsignaling-nans (tests/irdiff/meson.build).
 */
#ifndef INTERP_FP_H
#define INTERP_FP_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"

/* fadd fsub fmul fdiv fmin fmax; false for any other opcode. */
bool if_binary(IrOpcode opc, IrType t, uint64_t a, uint64_t b, uint64_t *d);
/* fsqrt fneg fabs; false for any other opcode. */
bool if_unary(IrOpcode opc, IrType t, uint64_t a, uint64_t *d);
uint64_t if_fma(IrType t, uint64_t a, uint64_t b, uint64_t c, IrFmaNeg neg);
/* fcmp at type T: cond EQ, LT or LE; false for any other condition. */
bool if_cmp(IrType t, IrCond cond, uint64_t a, uint64_t b, bool *res);
/* itof/utof: integer A of type ST to float type DT. */
uint64_t if_itof(IrType dt, IrType st, uint64_t a, bool is_unsigned);
/* ftoi/ftou: float A of type ST to an integer of type DT, rounded by RM
   (IR_RM_DYN: the current mode), saturating, RISC-V flags. */
uint64_t if_ftoi(IrType dt, IrType st, uint64_t a, IrRound rm,
                 bool is_unsigned);
/* fcvt from ST to DT (different types). */
uint64_t if_fcvt(IrType dt, IrType st, uint64_t a);

/* fminnum fmaxnum; false for any other opcode. */
bool if_rv_binary(IrOpcode opc, IrType t, uint64_t a, uint64_t b, uint64_t *d);
/* fcanon, fcanon_fma (R the value, A and B the product's factors). */
uint64_t if_canon(IrType t, uint64_t a);
uint64_t if_canon_fma(IrType t, uint64_t r, uint64_t a, uint64_t b);
/* fbox (f32 bits -> f64 bits), funbox (f64 bits -> f32 bits). */
uint64_t if_box(uint64_t a);
uint64_t if_unbox(uint64_t a);
/* fsetrm: the host rounding mode for the ops that follow. */
void if_setrm(IrRound rm);

/* Whether BITS of type T is a NaN / a signalling NaN (no FP instruction). */
bool if_is_nan(IrType t, uint64_t bits);
bool if_is_snan(IrType t, uint64_t bits);

#endif
