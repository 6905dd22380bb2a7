/*
 * Software FP arithmetic (rv_softfp.h): add, sub, mul, div, sqrt and the
 * fused multiply-add of RISC-V Unprivileged ISA 20191213, 11.6, exact
 * results rounded once by rv_sf_round_pack.  Special cases follow IEEE
 * 754-2008 7.2-7.3 with the RISC-V choices: the canonical NaN for every
 * NaN result (11.3), NV for a signalling NaN input, for inf - inf, 0 * inf,
 * 0/0, inf/inf, sqrt of a negative number, and for inf * 0 + qNaN in FMA
 * (11.6); DZ for finite / 0.
 */
#include "rv_softfp.h"

typedef unsigned __int128 U128;

static bool is_nan(const RvSfVal *v)
{
    return v->cls == RV_SF_QNAN || v->cls == RV_SF_SNAN;
}

/* The canonical NaN if any of the N values is a NaN (NV for a signalling
 * one); false otherwise. */
static bool nan_in(RvFmt f, const RvSfVal *v, unsigned n, unsigned *flags,
                   uint64_t *res)
{
    bool any = false;
    for (unsigned i = 0; i < n; i++) {
        if (v[i].cls == RV_SF_SNAN)
            *flags |= RV_FF_NV;
        any |= is_nan(&v[i]);
    }
    if (any)
        *res = rv_sf_canon_nan(f);
    return any;
}

static uint64_t invalid(RvFmt f, unsigned *flags)
{
    *flags |= RV_FF_NV;
    return rv_sf_canon_nan(f);
}

/* An exact finite value packed again (no rounding happens). */
static uint64_t repack(RvFmt f, const RvSfVal *v, unsigned *flags)
{
    return rv_sf_round_pack(f, v->sign, v->exp, v->sig, RV_RM_RNE, flags);
}

/* x + y for exact finite nonzero operands (-1)^s * m * 2^e; m < 2^126.
 * The operand with the larger top bit is placed at bit 125, the other is
 * aligned to it, its shifted-out bits jammed into bit 0: that keeps more
 * than two guard bits, so one rounding of the sum is exact rounding. */
static uint64_t sum(RvFmt f, bool sa, U128 ma, int ea, bool sb, U128 mb,
                    int eb, RvRm rm, unsigned *flags)
{
    if (ea + rv_sf_msb(ma) < eb + rv_sf_msb(mb)) {
        bool ts = sa; sa = sb; sb = ts;
        U128 tm = ma; ma = mb; mb = tm;
        int te = ea; ea = eb; eb = te;
    }
    int sh = 125 - rv_sf_msb(ma);
    ma <<= sh;
    ea -= sh;
    int d = eb - ea;
    mb = d >= 0 ? mb << d : rv_sf_shr_jam(mb, (unsigned)-d);
    U128 r;
    bool sign;
    if (sa == sb) {
        r = ma + mb;
        sign = sa;
    } else if (ma >= mb) {
        r = ma - mb;
        sign = sa;
    } else {
        r = mb - ma;
        sign = sb;
    }
    if (r == 0)                             /* exact cancellation (6.3) */
        return rv_sf_zero(f, rm == RV_RM_RDN);
    return rv_sf_round_pack(f, sign, ea, r, rm, flags);
}

static uint64_t add_vals(RvFmt f, RvSfVal a, RvSfVal b, RvRm rm,
                         unsigned *flags)
{
    RvSfVal v[2] = { a, b };
    uint64_t res;
    if (nan_in(f, v, 2, flags, &res))
        return res;
    if (a.cls == RV_SF_INF || b.cls == RV_SF_INF) {
        if (a.cls == RV_SF_INF && b.cls == RV_SF_INF && a.sign != b.sign)
            return invalid(f, flags);
        return rv_sf_inf(f, a.cls == RV_SF_INF ? a.sign : b.sign);
    }
    if (a.cls == RV_SF_ZERO && b.cls == RV_SF_ZERO)
        return rv_sf_zero(f, a.sign == b.sign ? a.sign : rm == RV_RM_RDN);
    if (a.cls == RV_SF_ZERO)
        return repack(f, &b, flags);
    if (b.cls == RV_SF_ZERO)
        return repack(f, &a, flags);
    return sum(f, a.sign, a.sig, a.exp, b.sign, b.sig, b.exp, rm, flags);
}

uint64_t rv_sf_add(RvFmt f, uint64_t a, uint64_t b, RvRm rm, unsigned *flags)
{
    return add_vals(f, rv_sf_unpack(f, a), rv_sf_unpack(f, b), rm, flags);
}

uint64_t rv_sf_sub(RvFmt f, uint64_t a, uint64_t b, RvRm rm, unsigned *flags)
{
    RvSfVal vb = rv_sf_unpack(f, b);
    vb.sign = !vb.sign;
    return add_vals(f, rv_sf_unpack(f, a), vb, rm, flags);
}

uint64_t rv_sf_mul(RvFmt f, uint64_t a, uint64_t b, RvRm rm, unsigned *flags)
{
    RvSfVal v[2] = { rv_sf_unpack(f, a), rv_sf_unpack(f, b) };
    bool sign = v[0].sign != v[1].sign;
    uint64_t res;
    if (nan_in(f, v, 2, flags, &res))
        return res;
    if (v[0].cls == RV_SF_INF || v[1].cls == RV_SF_INF) {
        if (v[0].cls == RV_SF_ZERO || v[1].cls == RV_SF_ZERO)
            return invalid(f, flags);
        return rv_sf_inf(f, sign);
    }
    if (v[0].cls == RV_SF_ZERO || v[1].cls == RV_SF_ZERO)
        return rv_sf_zero(f, sign);
    return rv_sf_round_pack(f, sign, v[0].exp + v[1].exp,
                            (U128)v[0].sig * v[1].sig, rm, flags);
}

/* m shifted so that its top bit is bit 63; *e adjusted. */
static uint64_t norm64(uint64_t m, int *e)
{
    int sh = 63 - rv_sf_msb(m);
    *e -= sh;
    return m << sh;
}

uint64_t rv_sf_div(RvFmt f, uint64_t a, uint64_t b, RvRm rm, unsigned *flags)
{
    RvSfVal v[2] = { rv_sf_unpack(f, a), rv_sf_unpack(f, b) };
    bool sign = v[0].sign != v[1].sign;
    uint64_t res;
    if (nan_in(f, v, 2, flags, &res))
        return res;
    if (v[0].cls == RV_SF_INF)
        return v[1].cls == RV_SF_INF ? invalid(f, flags) : rv_sf_inf(f, sign);
    if (v[1].cls == RV_SF_INF)
        return rv_sf_zero(f, sign);
    if (v[1].cls == RV_SF_ZERO) {
        if (v[0].cls == RV_SF_ZERO)
            return invalid(f, flags);
        *flags |= RV_FF_DZ;
        return rv_sf_inf(f, sign);
    }
    if (v[0].cls == RV_SF_ZERO)
        return rv_sf_zero(f, sign);
    int ea = v[0].exp, eb = v[1].exp;
    uint64_t ma = norm64(v[0].sig, &ea), mb = norm64(v[1].sig, &eb);
    /* 2^127 <= ma * 2^64 < 2^128: a quotient of 64 or 65 bits */
    U128 num = (U128)ma << 64;
    U128 q = num / mb;
    if (num % mb)
        q |= 1;
    return rv_sf_round_pack(f, sign, ea - eb - 64, q, rm, flags);
}

/* floor(sqrt(x)) and whether it is exact (the bit-by-bit method). */
static U128 isqrt(U128 x, bool *exact)
{
    U128 res = 0, bit = (U128)1 << 126;
    while (bit > x)
        bit >>= 2;
    while (bit) {
        if (x >= res + bit) {
            x -= res + bit;
            res = (res >> 1) + bit;
        } else {
            res >>= 1;
        }
        bit >>= 2;
    }
    *exact = x == 0;
    return res;
}

uint64_t rv_sf_sqrt(RvFmt f, uint64_t a, RvRm rm, unsigned *flags)
{
    RvSfVal v = rv_sf_unpack(f, a);
    uint64_t res;
    if (nan_in(f, &v, 1, flags, &res))
        return res;
    if (v.cls == RV_SF_ZERO)
        return rv_sf_zero(f, v.sign);       /* sqrt(-0) = -0 */
    if (v.sign)
        return invalid(f, flags);
    if (v.cls == RV_SF_INF)
        return rv_sf_inf(f, false);
    int e = v.exp;
    uint64_t m = norm64(v.sig, &e);
    /* x = m * 2^s with e - s even; x < 2^128, root >= 2^62 */
    int s = (e & 1) ? 63 : 64;
    U128 x = (U128)m << s;
    bool exact;
    U128 root = isqrt(x, &exact);
    if (!exact)
        root |= 1;
    return rv_sf_round_pack(f, false, (e - s) / 2, root, rm, flags);
}

uint64_t rv_sf_fma(RvFmt f, uint64_t a, uint64_t b, uint64_t c, bool neg_prod,
                   bool neg_add, RvRm rm, unsigned *flags)
{
    RvSfVal v[3] = { rv_sf_unpack(f, a), rv_sf_unpack(f, b),
                     rv_sf_unpack(f, c) };
    bool sp = (v[0].sign != v[1].sign) != neg_prod;
    bool sc = v[2].sign != neg_add;
    bool inf_zero = (v[0].cls == RV_SF_INF && v[1].cls == RV_SF_ZERO) ||
                    (v[0].cls == RV_SF_ZERO && v[1].cls == RV_SF_INF);
    uint64_t res;
    if (inf_zero)                           /* even when c is a quiet NaN */
        *flags |= RV_FF_NV;
    if (nan_in(f, v, 3, flags, &res) || inf_zero)
        return rv_sf_canon_nan(f);
    bool pinf = v[0].cls == RV_SF_INF || v[1].cls == RV_SF_INF;
    if (pinf) {
        if (v[2].cls == RV_SF_INF && sc != sp)
            return invalid(f, flags);
        return rv_sf_inf(f, sp);
    }
    if (v[2].cls == RV_SF_INF)
        return rv_sf_inf(f, sc);
    bool pzero = v[0].cls == RV_SF_ZERO || v[1].cls == RV_SF_ZERO;
    if (pzero) {
        if (v[2].cls == RV_SF_ZERO)
            return rv_sf_zero(f, sp == sc ? sp : rm == RV_RM_RDN);
        v[2].sign = sc;
        return repack(f, &v[2], flags);
    }
    U128 mp = (U128)v[0].sig * v[1].sig;
    int ep = v[0].exp + v[1].exp;
    if (v[2].cls == RV_SF_ZERO)
        return rv_sf_round_pack(f, sp, ep, mp, rm, flags);
    return sum(f, sp, mp, ep, sc, v[2].sig, v[2].exp, rm, flags);
}
