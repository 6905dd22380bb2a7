/*
 * Edge values the tests feed to ops: integers at the boundaries of both
 * widths (0, 1, -1, INT32/INT64 MIN/MAX, shift counts 0/31/32/63, ...)
 * and floating-point specials (±0, ±inf, quiet and signalling NaNs,
 * subnormals, the largest finite, halves that exercise rounding).
 */
#ifndef IRDIFF_EDGE_VALUES_H
#define IRDIFF_EDGE_VALUES_H

#include <stdint.h>

#include "rng.h"

extern const uint64_t edge_int[];
extern const unsigned edge_int_count;
extern const uint64_t edge_f64[];     /* bits */
extern const unsigned edge_f64_count;
extern const uint32_t edge_f32[];     /* bits */
extern const unsigned edge_f32_count;

/* A random value of an int (w = 32/64) or fp type, edge values mixed in
   with random bit patterns and "ordinary" numbers. */
uint64_t edge_random_int(Rng *r, unsigned w);
uint64_t edge_random_f64(Rng *r);
uint32_t edge_random_f32(Rng *r);

#endif
