/*
 * Operand values of the difftest: edge values of each class mixed with
 * random ones.  Integers: 0, +-1, the 64- and 32-bit extremes (sign- and
 * zero-extended), shift-count edges, powers of two and their neighbours.
 * FP: +-0, +-inf, canonical and non-canonical quiet NaNs, signalling NaNs
 * with payloads, subnormals, the smallest and largest normals, values at
 * rounding ties and near the integer conversion limits, for single
 * (NaN-boxed, Unprivileged ISA 12.2, and sometimes not) and double.
 */
#ifndef DT_VALUES_H
#define DT_VALUES_H

#include "dt_rng.h"

uint64_t dt_int_value(DtRng *r);

/* prec 's': mostly NaN-boxed singles; 'd': mostly doubles; 0: both. */
uint64_t dt_fp_value(DtRng *r, char prec);

/* A 64-bit value paired with `a` to hit two-operand edges: equal, +-1,
 * 0, -1 (MIN / -1 when a is a minimum), the other extremes. */
uint64_t dt_int_partner(DtRng *r, uint64_t a);

/* A pair of operands that is an edge case as a pair: MIN and -1 (64- and
 * 32-bit), x and 0, x and x, MAX and MIN, ... */
void dt_int_pair(DtRng *r, uint64_t *a, uint64_t *b);

#endif
