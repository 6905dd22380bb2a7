/*
 * The edge-value tables and random values biased towards them.
 */
#include "edge_values.h"

#include <string.h>

const uint64_t edge_int[] = {
    0, 1, 2, 3, 0xffffffffffffffffull, 0xfffffffffffffffeull,
    0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull, 0xffffffff80000000ull,
    0x7fffffffffffffffull, 0x8000000000000000ull,
    31, 32, 33, 63, 64, 65, 0xff, 0x80, 0x7f, 0xffff, 0x8000,
    0x0123456789abcdefull, 0xfedcba9876543210ull, 0x5555555555555555ull,
};
const unsigned edge_int_count = sizeof edge_int / sizeof edge_int[0];

const uint64_t edge_f64[] = {
    0x0000000000000000ull,  /* +0 */
    0x8000000000000000ull,  /* -0 */
    0x3ff0000000000000ull,  /* 1 */
    0xbff0000000000000ull,  /* -1 */
    0x3ff8000000000000ull,  /* 1.5 */
    0xc004000000000000ull,  /* -2.5 */
    0x4004000000000000ull,  /* 2.5 */
    0x3fe0000000000000ull,  /* 0.5 */
    0xbfe0000000000000ull,  /* -0.5 */
    0x7ff0000000000000ull,  /* +inf */
    0xfff0000000000000ull,  /* -inf */
    0x7ff8000000000000ull,  /* qNaN */
    0xfff8000000000001ull,  /* -qNaN with payload */
    0x7ff0000000000001ull,  /* sNaN */
    0x0000000000000001ull,  /* smallest subnormal */
    0x800fffffffffffffull,  /* -largest subnormal */
    0x0010000000000000ull,  /* smallest normal */
    0x7fefffffffffffffull,  /* largest finite */
    0xffefffffffffffffull,  /* -largest finite */
    0x43e0000000000000ull,  /* 2^63 */
    0xc3e0000000000000ull,  /* -2^63 */
    0x43f0000000000000ull,  /* 2^64 */
    0x41dfffffffc00000ull,  /* 2^31 - 1 */
    0x41e0000000000000ull,  /* 2^31 */
    0xc1e0000000000000ull,  /* -2^31 */
    0x41efffffffe00000ull,  /* 2^32 - 1 */
    0x41e0000000100000ull,  /* 2^31 + 0.5 */
    0x3ff0000000000001ull,  /* 1 + ulp */
    0x4340000000000001ull,  /* 2^53 + 2 */
};
const unsigned edge_f64_count = sizeof edge_f64 / sizeof edge_f64[0];

const uint32_t edge_f32[] = {
    0x00000000u, 0x80000000u, 0x3f800000u, 0xbf800000u, 0x3fc00000u,
    0xc0200000u, 0x40200000u, 0x3f000000u, 0xbf000000u,
    0x7f800000u, 0xff800000u, 0x7fc00000u, 0xffc00001u, 0x7f800001u,
    0x00000001u, 0x807fffffu, 0x00800000u, 0x7f7fffffu, 0xff7fffffu,
    0x5f000000u,  /* 2^63 */
    0xdf000000u,  /* -2^63 */
    0x5f800000u,  /* 2^64 */
    0x4f000000u,  /* 2^31 */
    0xcf000000u,  /* -2^31 */
    0x4f7fffffu,  /* 2^32 - 256 */
    0x3f800001u,  /* 1 + ulp */
    0x4b000001u,  /* 2^23 + 1 */
};
const unsigned edge_f32_count = sizeof edge_f32 / sizeof edge_f32[0];

uint64_t edge_random_int(Rng *r, unsigned w)
{
    uint64_t v;
    switch (rng_below(r, 4)) {
    case 0:
        v = edge_int[rng_below(r, edge_int_count)];
        break;
    case 1:                       /* small, either sign */
        v = (uint64_t)((int64_t)rng_below(r, 64) - 32);
        break;
    default:
        v = rng_next(r);
        if (rng_pct(r, 30))
            v >>= rng_below(r, 64);
        break;
    }
    return w == 32 ? v & 0xffffffffu : v;
}

uint64_t edge_random_f64(Rng *r)
{
    double d;
    uint64_t b;
    switch (rng_below(r, 4)) {
    case 0:
        return edge_f64[rng_below(r, edge_f64_count)];
    case 1:
        return rng_next(r);
    default:                       /* an ordinary number */
        d = (double)((int64_t)rng_below(r, 2001) - 1000) / (1 + rng_below(r, 64));
        memcpy(&b, &d, 8);
        return b;
    }
}

uint32_t edge_random_f32(Rng *r)
{
    float f;
    uint32_t b;
    switch (rng_below(r, 4)) {
    case 0:
        return edge_f32[rng_below(r, edge_f32_count)];
    case 1:
        return (uint32_t)rng_next(r);
    default:
        f = (float)((int32_t)rng_below(r, 2001) - 1000) / (float)(1 + rng_below(r, 64));
        memcpy(&b, &f, 4);
        return b;
    }
}
