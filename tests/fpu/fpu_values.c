/*
 * Operand values for the FP tests (fpu_values.h): IEEE 754 binary32 and
 * binary64 edge values and biased random values.
 */
#include "fpu_values.h"

uint64_t fv_next(FvRng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

uint32_t fv_below(FvRng *r, uint32_t n)
{
    return (uint32_t)(((fv_next(r) >> 32) * n) >> 32);
}

static const uint64_t edges_d[] = {
    0x0000000000000000ull, 0x8000000000000000ull,   /* +-0 */
    0x0000000000000001ull, 0x8000000000000001ull,   /* +-min subnormal */
    0x000fffffffffffffull, 0x800fffffffffffffull,   /* +-max subnormal */
    0x0010000000000000ull, 0x8010000000000000ull,   /* +-min normal */
    0x0008000000000000ull,                          /* 2^-1023 */
    0x3ff0000000000000ull, 0xbff0000000000000ull,   /* +-1 */
    0x3ff0000000000001ull, 0x3fefffffffffffffull,   /* 1 + ulp, 1 - ulp/2 */
    0x3fe0000000000000ull, 0xbfe0000000000000ull,   /* +-0.5 */
    0x3ff8000000000000ull, 0x4004000000000000ull,   /* 1.5, 2.5 */
    0xc004000000000000ull, 0x400c000000000000ull,   /* -2.5, 3.5 */
    0x4340000000000000ull, 0x4340000000000001ull,   /* 2^53, 2^53 + 2 */
    0x41dfffffffe00000ull, 0x41e0000000000000ull,   /* 2^31 - 0.5, 2^31 */
    0xc1e0000000000000ull, 0xc1e0000000100000ull,   /* -2^31, -2^31 - 0.5 */
    0x41dfffffffc00000ull, 0xc1e0000000200000ull,   /* 2^31 - 1, -2^31 - 1 */
    0x41efffffffffffffull, 0x41f0000000000000ull,   /* < 2^32, 2^32 */
    0x43e0000000000000ull, 0xc3e0000000000000ull,   /* +-2^63 */
    0x43efffffffffffffull, 0x43f0000000000000ull,   /* < 2^64, 2^64 */
    0x7fefffffffffffffull, 0xffefffffffffffffull,   /* +-max */
    0x7ff0000000000000ull, 0xfff0000000000000ull,   /* +-inf */
    0x7ff8000000000000ull, 0xfff8000000000000ull,   /* +-qNaN */
    0x7ff8000000000123ull, 0x7ff0000000000001ull,   /* qNaN payload, sNaN */
    0xfff4000000000000ull, 0x7ff7ffffffffffffull,   /* -sNaN, sNaN */
    0x3fd5555555555555ull, 0xc00921fb54442d18ull,   /* 1/3, -pi */
    0x5fe0000000000000ull, 0x2000000000000000ull,   /* 2^511, 2^-511 */
};

static const uint64_t edges_s[] = {
    0x00000000u, 0x80000000u, 0x00000001u, 0x80000001u,
    0x007fffffu, 0x807fffffu, 0x00800000u, 0x80800000u, 0x00400000u,
    0x3f800000u, 0xbf800000u, 0x3f800001u, 0x3f7fffffu,
    0x3f000000u, 0xbf000000u, 0x3fc00000u, 0x40200000u, 0xc0200000u,
    0x40600000u, 0x4b800000u, 0x4b800001u,
    0x4effffffu, 0x4f000000u, 0xcf000000u, 0xcf000001u,
    0x4f7fffffu, 0x4f800000u, 0x5f000000u, 0xdf000000u,
    0x5f7fffffu, 0x5f800000u,
    0x7f7fffffu, 0xff7fffffu, 0x7f800000u, 0xff800000u,
    0x7fc00000u, 0xffc00000u, 0x7fc00123u, 0x7f800001u,
    0xffa00000u, 0x7fbfffffu, 0x3eaaaaabu, 0xc0490fdbu,
    0x5f000000u, 0x1f800000u,
};

unsigned fv_edges(RvFmt f, uint64_t *out)
{
    const uint64_t *e = f == RV_FMT_S ? edges_s : edges_d;
    unsigned n = f == RV_FMT_S ? sizeof edges_s / sizeof edges_s[0]
                               : sizeof edges_d / sizeof edges_d[0];
    for (unsigned i = 0; i < n; i++)
        out[i] = e[i];
    return n;
}

uint64_t fv_random(FvRng *r, RvFmt f)
{
    int mb = f == RV_FMT_S ? 23 : 52, ebits = f == RV_FMT_S ? 8 : 11;
    int emax = (1 << ebits) - 1, bias = emax >> 1;
    uint64_t sign = fv_next(r) & 1;
    uint64_t mant = fv_next(r) & (((uint64_t)1 << mb) - 1);
    int be;
    switch (fv_below(r, 8)) {
    case 0: {                                       /* an edge value */
        uint64_t e[64];
        unsigned n = fv_edges(f, e);
        return e[fv_below(r, n)];
    }
    case 1:                                         /* any bits */
        return fv_next(r) & (f == RV_FMT_S ? 0xffffffffu : ~0ull);
    case 2:                                         /* near the subnormals */
        be = (int)fv_below(r, 4);
        break;
    case 3:                                         /* near overflow */
        be = emax - 1 - (int)fv_below(r, 3);
        break;
    case 4:                                         /* around 1, few bits */
        be = bias - 4 + (int)fv_below(r, 9);
        mant &= ~(((uint64_t)1 << (mb - 1 - (int)fv_below(r, 6))) - 1);
        break;
    case 5:                                         /* few mantissa bits */
        be = 1 + (int)fv_below(r, (unsigned)emax - 1);
        mant &= ~(((uint64_t)1 << (mb - (int)fv_below(r, 4))) - 1);
        mant |= fv_below(r, 2);                      /* maybe one low bit */
        break;
    case 6:                                         /* integer range ends */
        be = bias + 29 + (int)fv_below(r, 4) + 32 * (int)fv_below(r, 2);
        break;
    default:                                        /* anywhere */
        be = (int)fv_below(r, (unsigned)emax + 1);
        break;
    }
    return sign << (mb + ebits) | (uint64_t)be << mb | mant;
}

uint64_t fv_random_int(FvRng *r)
{
    uint64_t v = fv_next(r);
    switch (fv_below(r, 6)) {
    case 0: return v;
    case 1: return (uint64_t)(int64_t)(int32_t)v;           /* 32-bit */
    case 2: return (uint32_t)v;
    case 3: return v >> fv_below(r, 64);                     /* few bits */
    case 4: return (uint64_t)0 - (v >> fv_below(r, 64));     /* negative */
    default: {
        static const uint64_t ends[] = {
            0, 1, ~0ull, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
            0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffff80000000ull,
            0x20000000000001ull, 0x1000001, 0x1000003, 0xfffffffffffffbffull,
        };
        return ends[fv_below(r, sizeof ends / sizeof ends[0])];
    }
    }
}
