/*
 * Small IR-building helpers shared by several trans_*.c files: the RV64
 * "W" pattern (RISC-V Unprivileged ISA 20191213, 5.2 and 7.1/7.2: operate
 * on the low 32 bits, sign-extend the 32-bit result into rd).
 */
#ifndef RV_TRANS_UTIL_H
#define RV_TRANS_UTIL_H

#include "rv_disas_ctx.h"

typedef IrOp *RvBinFn(IrCtx *, IrType, IrTemp, IrTemp, IrTemp);

/* rd = sext32(fn.i32(low32(a), low32(b))); a and b are i64 temps. */
bool rv_gen_w_op(DisasCtx *ctx, unsigned rd, IrTemp a, IrTemp b, RvBinFn *fn);

/* The low 32 bits of an i64 temp, as an i32 temp (constants stay constant). */
IrTemp rv_low32(DisasCtx *ctx, IrTemp v);

/* Macro-op fusion (docs/frontend.md): true with *val when x[r]'s value at
 * this point of the block is a translation-time constant computed by the
 * block itself (auipc/lui, then addi/mv on it), with nothing in between
 * that may change it.  x0 is the constant 0. */
bool rv_const_x(DisasCtx *ctx, unsigned r, uint64_t *val);

#endif
