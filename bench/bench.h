/*
 * bench.h: shared helpers for the rvtcg benchmark programs in bench/.
 *
 * Every benchmark is one C file that builds unchanged for riscv64
 * (riscv64-linux-gnu-gcc -O2 -static -march=rv64gc) and natively for
 * x86-64 (gcc -O2).  It takes an optional scale in argv[1] (default
 * BENCH_DEFAULT_SCALE; the work grows linearly with it) and prints one line
 * "NAME checksum HEX".  The checksum is deterministic and identical on both
 * architectures: programs use fixed-width or unsigned types (char signedness
 * differs), their own PRNG, and only IEEE basic operations and sqrt on
 * floating point (libm transcendentals are not bit-identical across targets).
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BENCH_DEFAULT_SCALE 10

static inline long bench_scale(int argc, char **argv)
{
    long s = argc > 1 ? atol(argv[1]) : BENCH_DEFAULT_SCALE;
    return s < 1 ? 1 : s;
}

/* Order-dependent 64-bit hash combine. */
static inline uint64_t bench_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

static inline uint64_t bench_mix_double(uint64_t h, double d)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return bench_mix(h, bits);
}

/* xorshift64* PRNG: same sequence everywhere. */
static inline uint64_t bench_rand(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545f4914f6cdd1dull;
}

static inline void bench_result(const char *name, uint64_t sum)
{
    printf("%s checksum %016llx\n", name, (unsigned long long)sum);
}

#endif
