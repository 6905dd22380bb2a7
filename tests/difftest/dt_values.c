/*
 * The edge-value pools and random value distributions (see dt_values.h).
 */
#include "dt_values.h"

static const uint64_t int_edges[] = {
    0, 1, 2, 3, 0xffffffffffffffffull, 0xfffffffffffffffeull,
    0x8000000000000000ull, 0x7fffffffffffffffull, 0x8000000000000001ull,
    0x7ffffffffffffffeull,
    0x000000007fffffffull, 0x0000000080000000ull, 0xffffffff80000000ull,
    0xffffffff7fffffffull, 0x00000000ffffffffull, 0x0000000100000000ull,
    0xffffffff00000000ull, 0x0000000080000001ull, 0xffffffff80000001ull,
    31, 32, 33, 63, 64, 65, 0x3f, 0x1f, 0x7f, 0x80, 0xff, 0x100,
    0x7fff, 0x8000, 0xffff, 0x10000, 0xffffffffffff8000ull,
    0xffffffffffffff80ull, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull,
    0x0123456789abcdefull, 0xfffffffffffff800ull, 0x7ff, 0x800,
};

uint64_t dt_int_value(DtRng *r)
{
    switch (dt_rng_below(r, 8)) {
    case 0: case 1: case 2: case 3:
        return DT_PICK(r, int_edges);
    case 4:
        return dt_rng_next(r);
    case 5:     /* sign-extended 32-bit */
        return (uint64_t)(int64_t)(int32_t)dt_rng_next(r);
    case 6:     /* small */
        return (uint64_t)((int64_t)dt_rng_below(r, 129) - 64);
    default: {  /* power of two, or a neighbour */
        uint64_t p = 1ull << dt_rng_below(r, 64);
        return p + (uint64_t)((int64_t)dt_rng_below(r, 3) - 1);
    }
    }
}

uint64_t dt_int_partner(DtRng *r, uint64_t a)
{
    switch (dt_rng_below(r, 8)) {
    case 0: case 1:
        return a;
    case 2:
        return a + 1;
    case 3:
        return a - 1;
    case 4:
        return 0;
    case 5:
        return 0xffffffffffffffffull;
    case 6:     /* the same low 32 bits, other upper half */
        return (a & 0xffffffffull) | (dt_rng_next(r) << 32);
    default:
        return DT_PICK(r, int_edges);
    }
}

void dt_int_pair(DtRng *r, uint64_t *a, uint64_t *b)
{
    static const uint64_t pairs[][2] = {
        { 0x8000000000000000ull, 0xffffffffffffffffull },  /* MIN / -1 */
        { 0xffffffff80000000ull, 0xffffffffffffffffull },  /* INT32_MIN / -1 */
        { 0x0000000080000000ull, 0xffffffffffffffffull },
        { 0x8000000000000000ull, 0x0000000000000000ull },  /* x / 0 */
        { 0x0000000000000007ull, 0x0000000000000000ull },
        { 0xffffffff80000000ull, 0x00000000ffffffffull },
        { 0x7fffffffffffffffull, 0x8000000000000000ull },
        { 0x8000000000000000ull, 0x8000000000000000ull },
        { 0xffffffffffffffffull, 0xffffffffffffffffull },
        { 0x00000000ffffffffull, 0xffffffffffffffffull },  /* equal low halves */
        { 0x0000000100000000ull, 0x0000000000000000ull },
        { 0xfffffffffffffff9ull, 0x0000000000000002ull },  /* -7 / 2 */
        { 0x0000000000000007ull, 0xfffffffffffffffeull },  /* 7 / -2 */
    };
    unsigned i = dt_rng_below(r, sizeof pairs / sizeof pairs[0]);
    bool swap = dt_rng_pct(r, 25);
    *a = pairs[i][swap];
    *b = pairs[i][!swap];
}

static const uint32_t f32_edges[] = {
    0x00000000, 0x80000000, 0x7f800000, 0xff800000,     /* +-0, +-inf */
    0x7fc00000, 0xffc00000, 0x7fc12345, 0x7fffffff,     /* quiet NaNs */
    0x7f800001, 0xff800001, 0x7fa00000, 0x7fbfffff,     /* signalling */
    0x00000001, 0x80000001, 0x007fffff, 0x807fffff,     /* subnormals */
    0x00400000, 0x00800000, 0x80800000, 0x7f7fffff,     /* min/max normal */
    0xff7fffff, 0x3f800000, 0xbf800000, 0x3f000000,     /* 1, -1, 0.5 */
    0xbf000000, 0x3fc00000, 0xbfc00000, 0x40200000,     /* -0.5, 1.5, 2.5 */
    0xc0200000, 0x40400000, 0x3f800001, 0x3f7fffff,     /* -2.5, 3, 1+-ulp */
    0x33800000, 0x34000000, 0x4b000000, 0x4b800000,     /* 2^-24 2^-23 2^23 2^24 */
    0x4effffff, 0x4f000000, 0xcf000000, 0xcf000001,     /* near 2^31 */
    0x4f7fffff, 0x4f800000, 0x5effffff, 0x5f000000,     /* 2^32, 2^63 */
    0xdf000000, 0xdf000001, 0x5f7fffff, 0x5f800000,     /* -2^63, 2^64 */
    0x3eaaaaab, 0x40490fdb, 0x0c000000, 0x72000000,     /* 1/3, pi, tiny, huge */
};

static const uint64_t f64_edges[] = {
    0x0000000000000000ull, 0x8000000000000000ull,       /* +-0 */
    0x7ff0000000000000ull, 0xfff0000000000000ull,       /* +-inf */
    0x7ff8000000000000ull, 0xfff8000000000000ull,       /* quiet NaNs */
    0x7ff8000000012345ull, 0x7fffffffffffffffull,
    0x7ff0000000000001ull, 0xfff0000000000001ull,       /* signalling */
    0x7ff4000000000000ull, 0x7ff7ffffffffffffull,
    0x0000000000000001ull, 0x8000000000000001ull,       /* subnormals */
    0x000fffffffffffffull, 0x800fffffffffffffull,
    0x0010000000000000ull, 0x8010000000000000ull,       /* min normal */
    0x7fefffffffffffffull, 0xffefffffffffffffull,       /* max normal */
    0x3ff0000000000000ull, 0xbff0000000000000ull,       /* +-1 */
    0x3fe0000000000000ull, 0xbfe0000000000000ull,       /* +-0.5 */
    0x3ff8000000000000ull, 0xbff8000000000000ull,       /* +-1.5 */
    0x4004000000000000ull, 0xc004000000000000ull,       /* +-2.5 */
    0x3ff0000000000001ull, 0x3fefffffffffffffull,       /* 1 +- ulp */
    0x3ca0000000000000ull, 0x3cb0000000000000ull,       /* 2^-53, 2^-52 */
    0x41dfffffffc00000ull, 0x41dfffffffe00000ull,       /* 2^31-1, -0.5 */
    0x41e0000000000000ull, 0xc1e0000000000000ull,       /* +-2^31 */
    0xc1e0000000200000ull, 0x41efffffffe00000ull,       /* -2^31-1, 2^32-1 */
    0x41f0000000000000ull, 0x43dfffffffffffffull,       /* 2^32, <2^63 */
    0x43e0000000000000ull, 0xc3e0000000000000ull,       /* +-2^63 */
    0xc3e0000000000001ull, 0x43f0000000000000ull,       /* <-2^63, 2^64 */
    0x47efffffe0000000ull, 0x47efffffefffffffull,       /* FLT_MAX, <ovf */
    0x47effffff0000000ull, 0x3810000000000000ull,       /* ovf tie, FLT_MIN */
    0x36a0000000000000ull, 0x3690000000000000ull,       /* 2^-149, 2^-150 */
    0x36a8000000000000ull, 0x3ff0000010000000ull,       /* 1.5*2^-149, f32 tie */
    0x3ff0000030000000ull, 0x3ff0000010000001ull,       /* f32 ties/near */
    0x3fd5555555555555ull, 0x400921fb54442d18ull,       /* 1/3, pi */
};

static uint32_t f32_random(DtRng *r)
{
    uint32_t m = (uint32_t)dt_rng_next(r) & 0x007fffff;
    uint32_t s = (uint32_t)dt_rng_below(r, 2) << 31;
    switch (dt_rng_below(r, 5)) {
    case 0:
        return (uint32_t)dt_rng_next(r);
    case 1:     /* subnormal */
        return s | m;
    case 2: {   /* an integer-valued or half-integer float */
        int32_t v = (int32_t)dt_rng_below(r, 2001) - 1000;
        float f = (float)v * (dt_rng_below(r, 2) ? 0.5f : 1.0f);
        union { float f; uint32_t u; } c = { f };
        return c.u;
    }
    default:    /* exponent near 1.0 */
        return s | (uint32_t)(127 - 12 + dt_rng_below(r, 25)) << 23 | m;
    }
}

static uint64_t f64_random(DtRng *r)
{
    uint64_t m = dt_rng_next(r) & 0x000fffffffffffffull;
    uint64_t s = (uint64_t)dt_rng_below(r, 2) << 63;
    switch (dt_rng_below(r, 5)) {
    case 0:
        return dt_rng_next(r);
    case 1:
        return s | m;
    case 2: {
        int32_t v = (int32_t)dt_rng_below(r, 2001) - 1000;
        double f = (double)v * (dt_rng_below(r, 2) ? 0.5 : 1.0);
        union { double f; uint64_t u; } c = { f };
        return c.u;
    }
    default:
        return s | (uint64_t)(1023 - 30 + dt_rng_below(r, 61)) << 52 | m;
    }
}

static uint64_t single_value(DtRng *r)
{
    uint32_t v = dt_rng_pct(r, 55) ? DT_PICK(r, f32_edges) : f32_random(r);
    switch (dt_rng_below(r, 20)) {
    case 0:     /* not NaN-boxed: reads as the canonical NaN */
        return v;
    case 1:
        return (dt_rng_next(r) << 32 | v) & 0xfffffffeffffffffull;
    default:
        return 0xffffffff00000000ull | v;
    }
}

static uint64_t double_value(DtRng *r)
{
    return dt_rng_pct(r, 55) ? DT_PICK(r, f64_edges) : f64_random(r);
}

uint64_t dt_fp_value(DtRng *r, char prec)
{
    unsigned single_pct = prec == 's' ? 85 : prec == 'd' ? 15 : 50;
    return dt_rng_pct(r, single_pct) ? single_value(r) : double_value(r);
}
