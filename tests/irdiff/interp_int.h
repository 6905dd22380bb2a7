/*
 * Integer semantics of the IR for the reference interpreter (docs/ir.md,
 * "Moves, arithmetic, logic", "Bits and widths", "Conditions"): pure
 * functions on values of width w (32 or 64).  A value of width 32 is held
 * zero-extended in a uint64_t, and every result is returned that way.
 */
#ifndef INTERP_INT_H
#define INTERP_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"

static inline uint64_t ii_mask(unsigned w)
{
    return w >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << w) - 1;
}

/* V's low w bits, sign-extended to 64. */
static inline int64_t ii_sext(uint64_t v, unsigned w)
{
    return w >= 64 ? (int64_t)v
                   : (int64_t)(v << (64 - w)) >> (64 - w);
}

/*
 * The binary integer ops whose result depends only on a and b: add sub mul
 * and or xor andc orc eqv nand nor shl shr sar rotl rotr mulsh muluh mulsuh
 * div divu rem remu.  Returns false for any other opcode.
 */
bool ii_binary(IrOpcode opc, unsigned w, uint64_t a, uint64_t b, uint64_t *d);

/* neg not clz ctz ctpop bswap; false for any other opcode. */
bool ii_unary(IrOpcode opc, unsigned w, uint64_t a, uint64_t *d);

/* extract / sextract / deposit; the caller checks 0 < len, ofs+len <= w. */
uint64_t ii_extract(unsigned w, uint64_t a, unsigned ofs, unsigned len);
uint64_t ii_sextract(unsigned w, uint64_t a, unsigned ofs, unsigned len);
uint64_t ii_deposit(unsigned w, uint64_t a, uint64_t b, unsigned ofs,
                    unsigned len);

/* cond(a, b) at width w (signed conditions compare sign-extended values). */
bool ii_cond(IrCond c, unsigned w, uint64_t a, uint64_t b);

#endif
