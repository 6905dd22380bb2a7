/*
 * Software FP conversions (rv_softfp.h), RISC-V Unprivileged ISA 20191213,
 * 11.7 and 12.5: between binary32 and binary64 (the canonical NaN for a
 * NaN input, NV for a signalling one), integer to float (rounded), and
 * float to integer with the saturation of Table 11.4: NaN and +overflow
 * give the largest value, -overflow the smallest (0 when unsigned), with
 * NV and without NX; a representable result after rounding is valid (so
 * -0.5 to unsigned by RTZ is 0 with NX only).
 */
#include "rv_softfp.h"

typedef unsigned __int128 U128;

uint64_t rv_sf_cvt_f2f(RvFmt to, RvFmt from, uint64_t a, RvRm rm,
                       unsigned *flags)
{
    RvSfVal v = rv_sf_unpack(from, a);
    switch (v.cls) {
    case RV_SF_SNAN:
        *flags |= RV_FF_NV;
        return rv_sf_canon_nan(to);
    case RV_SF_QNAN:
        return rv_sf_canon_nan(to);
    case RV_SF_INF:
        return rv_sf_inf(to, v.sign);
    case RV_SF_ZERO:
        return rv_sf_zero(to, v.sign);
    default:
        return rv_sf_round_pack(to, v.sign, v.exp, v.sig, rm, flags);
    }
}

static uint64_t width_mask(unsigned width)
{
    return width >= 64 ? ~0ull : ((uint64_t)1 << width) - 1;
}

uint64_t rv_sf_cvt_i2f(RvFmt to, uint64_t v, unsigned width, bool is_signed,
                       RvRm rm, unsigned *flags)
{
    v &= width_mask(width);
    bool sign = is_signed && (v >> (width - 1)) & 1;
    uint64_t mag = sign ? (~v + 1) & width_mask(width) : v;
    if (mag == 0)
        return rv_sf_zero(to, false);
    return rv_sf_round_pack(to, sign, 0, mag, rm, flags);
}

uint64_t rv_sf_cvt_f2i(RvFmt from, uint64_t a, unsigned width, bool is_signed,
                       RvRm rm, unsigned *flags)
{
    RvSfVal v = rv_sf_unpack(from, a);
    uint64_t umax = width_mask(width);
    uint64_t smax = umax >> 1, smin = smax + 1;      /* as width-bit patterns */
    uint64_t hi = is_signed ? smax : umax, lo = is_signed ? smin : 0;
    U128 mag;
    bool inexact = false;

    switch (v.cls) {
    case RV_SF_QNAN:
    case RV_SF_SNAN:
        *flags |= RV_FF_NV;
        return hi;
    case RV_SF_INF:
        *flags |= RV_FF_NV;
        return v.sign ? lo : hi;
    case RV_SF_ZERO:
        return 0;
    default:
        break;
    }
    if (v.exp >= 0) {
        if (v.exp + rv_sf_msb(v.sig) >= 64)   /* at least 2^64 */
            goto out_of_range;
        mag = (U128)v.sig << v.exp;
    } else {
        mag = rv_sf_round_bits(v.sig, -v.exp, v.sign, rm, &inexact);
    }
    /* the representable magnitudes: up to 2^(w-1) (negative) or 2^(w-1)-1,
     * up to 2^w - 1 unsigned, only 0 for a negative unsigned result */
    U128 limit = !is_signed ? (v.sign ? 0 : umax)
                            : (v.sign ? (U128)smax + 1 : smax);
    if (mag > limit)
        goto out_of_range;
    if (inexact)
        *flags |= RV_FF_NX;
    return (v.sign ? (uint64_t)0 - (uint64_t)mag : (uint64_t)mag) & umax;

out_of_range:
    *flags |= RV_FF_NV;
    return v.sign ? lo : hi;
}
