/*
 * Shared by the zb_*.c guest programs (Zbb/Zbs, RISC-V Bit-Manipulation
 * ISA-extensions 1.0.0): the edge operands (0, 1, -1, INT32/INT64 limits,
 * every power of two, byte patterns), a seeded xorshift generator for
 * random operands, and OPAQUE(), which hides a value from GCC so that the
 * bit-serial C references are not themselves compiled into Zbb
 * instructions (idiom recognition) and the tested operations are not
 * constant-folded.
 */
#ifndef ZB_VALS_H
#define ZB_VALS_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

#define OPAQUE(x) __asm__ volatile("" : "+r"(x))

static const uint64_t zb_fixed[] = {
    0, 1, 2, 3, 5, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000,
    0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, 0x1ffffffff,
    0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000001,
    0xffffffff80000000, 0xffffffff7fffffff, 0xfffffffffffffffe,
    0xffffffffffffffff, 0x8080808080808080, 0x0101010101010101,
    0x00ff00ff00ff00ff, 0xff00ff00ff00ff00, 0x0000ff0000ff0000,
    0x123456789abcdef0, 0xfedcba9876543210, 0x00000000000000c0,
    0x0100000000000000, 0x00000100000000ff, 0xaaaaaaaaaaaaaaaa,
    0x5555555555555555, 0x0000000000008000, 0xffffffffffff8000,
    0xffffffffffffff80, 0x000000000000ff80, 0x0000000080000000,
};

static uint64_t zb_state = 0x9e3779b97f4a7c15ull;

static uint64_t zb_rand(void)
{
    uint64_t x = zb_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    zb_state = x;
    /* sometimes sparse or dense, to reach short counts and long ones */
    switch (x & 7) {
    case 0: return x & (x >> 11) & (x >> 23);
    case 1: return x | (x >> 9) | (x << 21);
    case 2: return x >> (x & 63);
    case 3: return x << ((x >> 6) & 63);
    default: return x;
    }
}

#define ZB_NFIXED (sizeof zb_fixed / sizeof zb_fixed[0])
#define ZB_NVALS (ZB_NFIXED + 64 + 400)

/* operand i: the fixed list, then 1 << k, then random */
static uint64_t zb_vals[ZB_NVALS];

static void zb_init(void)
{
    unsigned n = 0;
    for (unsigned i = 0; i < ZB_NFIXED; i++)
        zb_vals[n++] = zb_fixed[i];
    for (unsigned k = 0; k < 64; k++)
        zb_vals[n++] = 1ull << k;
    while (n < ZB_NVALS)
        zb_vals[n++] = zb_rand();
}

/* A running hash of every result, printed at the end with a count. */
static uint64_t zb_hash = 1469598103934665603ull;
static void zb_mix(uint64_t v)
{
    zb_hash = (zb_hash ^ v) * 1099511628211ull;
}

static unsigned zb_bad;
__attribute__((unused))
static void zb_check(const char *what, uint64_t a, uint64_t b, uint64_t got,
                     uint64_t want)
{
    zb_mix(got);
    if (got != want && zb_bad++ < 20)
        printf("MISMATCH %s(%#" PRIx64 ", %#" PRIx64 ") = %#" PRIx64
               ", reference %#" PRIx64 "\n", what, a, b, got, want);
}

#endif
