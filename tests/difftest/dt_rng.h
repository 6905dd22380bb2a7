/*
 * Deterministic PRNG of the per-instruction difftest (splitmix64).
 *
 * Every pattern gets its own stream, seeded from the run's seed and the
 * pattern's identity, so `scripts/difftest --pattern X --seed S` rebuilds
 * exactly the cases a full run with seed S made for X.
 */
#ifndef DT_RNG_H
#define DT_RNG_H

#include <stdbool.h>
#include <stdint.h>

typedef struct DtRng {
    uint64_t s;
} DtRng;

static inline uint64_t dt_mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static inline DtRng dt_rng_new(uint64_t seed)
{
    return (DtRng){ dt_mix64(seed ^ 0x5d1ff7e3a0c4b2d9ull) };
}

static inline uint64_t dt_rng_next(DtRng *r)
{
    return dt_mix64(r->s += 0x9e3779b97f4a7c15ull);
}

/* 0 <= result < n (n > 0). */
static inline uint32_t dt_rng_below(DtRng *r, uint32_t n)
{
    return (uint32_t)(((dt_rng_next(r) >> 32) * n) >> 32);
}

/* true with probability pct/100. */
static inline bool dt_rng_pct(DtRng *r, unsigned pct)
{
    return dt_rng_below(r, 100) < pct;
}

/* A uniformly chosen element of an array. */
#define DT_PICK(r, arr) ((arr)[dt_rng_below((r), sizeof(arr) / sizeof((arr)[0]))])

#endif
