/*
 * A small deterministic PRNG (splitmix64) for the random IR generator and
 * the tests: the same seed gives the same program on every host.
 */
#ifndef IRDIFF_RNG_H
#define IRDIFF_RNG_H

#include <stdbool.h>
#include <stdint.h>

typedef struct Rng {
    uint64_t s;
} Rng;

static inline uint64_t rng_mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* The stream of seed s starts at a scrambled point of the sequence, so
   that neighbouring seeds do not give shifted copies of one stream. */
static inline Rng rng_new(uint64_t seed)
{
    return (Rng){ rng_mix(seed ^ 0x632be59bd9b4e019ull) };
}

static inline uint64_t rng_next(Rng *r)
{
    return rng_mix(r->s += 0x9e3779b97f4a7c15ull);
}

/* 0 <= result < n (n > 0) */
static inline uint32_t rng_below(Rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * n) >> 32);
}

/* true with probability pct/100 */
static inline bool rng_pct(Rng *r, unsigned pct)
{
    return rng_below(r, 100) < pct;
}

#endif
