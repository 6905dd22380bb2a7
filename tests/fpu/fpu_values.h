/*
 * Operand values for the FP tests (RISC-V Unprivileged ISA 20191213,
 * chapters 11 and 12): the edge values of binary32/binary64 (signed zeros,
 * subnormals, the normal range's ends, infinities, quiet and signalling
 * NaNs with payloads, values next to rounding and integer-range
 * boundaries) and random values biased towards the interesting places
 * (few mantissa bits, so ties and exact results happen; exponents near the
 * subnormal and overflow boundaries).  Deterministic for a seed.
 */
#ifndef FPU_VALUES_H
#define FPU_VALUES_H

#include <stdint.h>

#include "rv_softfp.h"

typedef struct FvRng {
    uint64_t s;
} FvRng;

uint64_t fv_next(FvRng *r);
/* 0 <= result < n */
uint32_t fv_below(FvRng *r, uint32_t n);

/* The edge values of format F into OUT (room for 64); returns the count. */
unsigned fv_edges(RvFmt f, uint64_t *out);
/* A random value of format F (bits; binary32 in the low 32 bits). */
uint64_t fv_random(FvRng *r, RvFmt f);
/* A random integer biased towards the ends of the 32/64-bit ranges and
 * towards values with few significant bits. */
uint64_t fv_random_int(FvRng *r);

#endif
