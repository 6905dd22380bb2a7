/*
 * The core of the software FP module (rv_softfp.h): unpacking IEEE 754
 * binary32/binary64 bits, and rounding an exact value (a 128-bit integer
 * times a power of two, with a sticky bit) to a format in any RISC-V
 * rounding mode (RISC-V Unprivileged ISA 20191213, 11.2 Table 11.1), with
 * overflow, underflow (tininess detected after rounding, as RISC-V
 * specifies in 11.6 by reference to IEEE 754-2008 7.5) and inexact.
 */
#include "rv_softfp.h"

typedef unsigned __int128 U128;

/* Format parameters: mantissa bits (without the implicit one), bias. */
static int mant_bits(RvFmt f)
{
    return f == RV_FMT_S ? 23 : 52;
}

static int bias(RvFmt f)
{
    return f == RV_FMT_S ? 127 : 1023;
}

int rv_sf_msb(U128 x)
{
    uint64_t hi = (uint64_t)(x >> 64);
    return hi ? 127 - __builtin_clzll(hi) : 63 - __builtin_clzll((uint64_t)x);
}

U128 rv_sf_shr_jam(U128 x, unsigned n)
{
    if (n == 0)
        return x;
    if (n >= 128)
        return x != 0;
    return (x >> n) | ((x & (((U128)1 << n) - 1)) != 0);
}

uint64_t rv_sf_canon_nan(RvFmt f)
{
    return f == RV_FMT_S ? RV_CANON_NAN_S : RV_CANON_NAN_D;
}

uint64_t rv_sf_zero(RvFmt f, bool sign)
{
    return sign ? (f == RV_FMT_S ? 0x80000000u : 0x8000000000000000ull) : 0;
}

uint64_t rv_sf_inf(RvFmt f, bool sign)
{
    return rv_sf_zero(f, sign) |
           (f == RV_FMT_S ? 0x7f800000u : 0x7ff0000000000000ull);
}

RvSfVal rv_sf_unpack(RvFmt f, uint64_t bits)
{
    int mb = mant_bits(f);
    int ebits = f == RV_FMT_S ? 8 : 11;
    if (f == RV_FMT_S)
        bits &= 0xffffffffu;
    RvSfVal v = { .sign = (bits >> (mb + ebits)) & 1 };
    uint64_t m = bits & (((uint64_t)1 << mb) - 1);
    int be = (int)((bits >> mb) & ((1u << ebits) - 1));
    if (be == (1 << ebits) - 1) {
        if (m == 0)
            v.cls = RV_SF_INF;
        else
            v.cls = (m >> (mb - 1)) & 1 ? RV_SF_QNAN : RV_SF_SNAN;
    } else if (be == 0) {
        v.cls = m ? RV_SF_FINITE : RV_SF_ZERO;
        v.sig = m;
        v.exp = 1 - bias(f) - mb;
    } else {
        v.cls = RV_SF_FINITE;
        v.sig = m | (uint64_t)1 << mb;
        v.exp = be - bias(f) - mb;
    }
    return v;
}

U128 rv_sf_round_bits(U128 sig, int drop, bool sign, RvRm rm, bool *inexact)
{
    if (drop <= 0) {
        *inexact = false;
        return sig << -drop;
    }
    U128 kept, rem, half;
    if (drop > 128) {
        kept = 0;
        rem = sig;
        half = ~(U128)0;                    /* stands for 2^(drop-1) > rem */
    } else if (drop == 128) {
        kept = 0;
        rem = sig;
        half = (U128)1 << 127;
    } else {
        kept = sig >> drop;
        rem = sig & (((U128)1 << drop) - 1);
        half = (U128)1 << (drop - 1);
    }
    *inexact = rem != 0;
    bool inc;
    switch (rm) {
    case RV_RM_RNE: inc = rem > half || (rem == half && (kept & 1)); break;
    case RV_RM_RMM: inc = rem >= half; break;
    case RV_RM_RDN: inc = *inexact && sign; break;
    case RV_RM_RUP: inc = *inexact && !sign; break;
    default:        inc = false; break;    /* RTZ */
    }
    return kept + inc;
}

/* The result of an overflow (IEEE 754-2008 7.4): infinity or the largest
 * finite value, by rounding direction. */
static uint64_t overflow(RvFmt f, bool sign, RvRm rm)
{
    bool to_inf;
    switch (rm) {
    case RV_RM_RTZ: to_inf = false; break;
    case RV_RM_RDN: to_inf = sign; break;
    case RV_RM_RUP: to_inf = !sign; break;
    default:        to_inf = true; break;   /* RNE, RMM */
    }
    uint64_t inf = rv_sf_inf(f, sign);
    return to_inf ? inf : inf - 1;          /* largest finite: all ones below */
}

uint64_t rv_sf_round_pack(RvFmt f, bool sign, int exp, U128 sig, RvRm rm,
                          unsigned *flags)
{
    const int mb = mant_bits(f), emin = 1 - bias(f), emax = bias(f);
    if (sig == 0)
        return rv_sf_zero(f, sign);
    int e = exp + rv_sf_msb(sig);           /* value in [2^e, 2^(e+1)) */
    int lsb = e - mb;                       /* exponent of the result's LSB */
    if (lsb < emin - mb)
        lsb = emin - mb;                    /* subnormal range */
    bool inexact;
    U128 kept = rv_sf_round_bits(sig, lsb - exp, sign, rm, &inexact);
    if (kept >> (mb + 1)) {                 /* rounded up to 2^(mb+1) */
        kept >>= 1;
        lsb++;
    }
    if (lsb + mb > emax) {
        *flags |= RV_FF_OF | RV_FF_NX;
        return overflow(f, sign, rm);
    }
    if (e < emin) {
        /* tiny if the value rounded to mb+1 bits with an unbounded
         * exponent range is still below 2^emin */
        bool tiny = true;
        if (e == emin - 1) {
            bool ix;
            U128 k = rv_sf_round_bits(sig, e - mb - exp, sign, rm, &ix);
            tiny = !(k >> (mb + 1));
        }
        if (tiny && inexact)
            *flags |= RV_FF_UF;
    }
    if (inexact)
        *flags |= RV_FF_NX;
    uint64_t k64 = (uint64_t)kept;
    uint64_t biased = 0, implicit = (uint64_t)1 << mb;
    if (k64 & implicit) {
        biased = (uint64_t)(lsb + mb + bias(f));
        k64 -= implicit;
    }
    return rv_sf_zero(f, sign) | biased << mb | k64;
}
