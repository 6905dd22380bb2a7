/*
 * The tests' pseudo-random numbers: Marsaglia's xorshift64 (13, 7, 17),
 * "Xorshift RNGs", J. Stat. Software 8(14), 2003.  Deterministic from the
 * seed, so a failing random test reproduces from the seed it prints.
 */
#ifndef TEST_RNG_H
#define TEST_RNG_H

#include <stdint.h>

/* Advances *S (nonzero) and returns the new state. */
static inline uint64_t test_xorshift64(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

#endif
