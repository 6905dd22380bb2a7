/*
 * Independent reference results for the software FP module (host_ref.h):
 * SSE instructions under MXCSR, x87 long double and __float128 arithmetic
 * used only where they are exact, and the RISC-V rules written out again.
 * Compiled with -frounding-math -fsignaling-nans (tests/fpu/meson.build).
 */
#include "host_ref.h"

#include <fenv.h>
#include <math.h>
#include <string.h>
#include <xmmintrin.h>

#include "rv_fcsr_host.h"

static unsigned rc_of(RvRm rm)
{
    switch (rm) {
    case RV_RM_RTZ: return 3;
    case RV_RM_RDN: return 1;
    case RV_RM_RUP: return 2;
    default:        return 0;
    }
}

static void mx_begin(RvRm rm)
{
    _mm_setcsr(RV_MXCSR_MASKS | rc_of(rm) << RV_MXCSR_RC_SHIFT);
}

static unsigned mx_flags(void)
{
    unsigned f = rv_mxcsr_to_fflags(_mm_getcsr());
    _mm_setcsr(RV_MXCSR_MASKS);
    return f;
}

static int fe_mode(RvRm rm)
{
    switch (rm) {
    case RV_RM_RTZ: return FE_TOWARDZERO;
    case RV_RM_RDN: return FE_DOWNWARD;
    case RV_RM_RUP: return FE_UPWARD;
    default:        return FE_TONEAREST;
    }
}

static bool is_nan(RvFmt f, uint64_t x)
{
    return f == RV_FMT_S ? ((uint32_t)x & 0x7fffffffu) > 0x7f800000u
                         : (x & ~(1ull << 63)) > 0x7ff0000000000000ull;
}

static bool is_inf(RvFmt f, uint64_t x)
{
    return f == RV_FMT_S ? ((uint32_t)x & 0x7fffffffu) == 0x7f800000u
                         : (x & ~(1ull << 63)) == 0x7ff0000000000000ull;
}

static bool is_zero(RvFmt f, uint64_t x)
{
    return f == RV_FMT_S ? ((uint32_t)x & 0x7fffffffu) == 0
                         : (x & ~(1ull << 63)) == 0;
}

static uint64_t canon(RvFmt f, uint64_t x)
{
    return is_nan(f, x) ? rv_sf_canon_nan(f) : x;
}

static uint64_t sign_bit(RvFmt f)
{
    return f == RV_FMT_S ? 0x80000000u : 0x8000000000000000ull;
}

static double d_of(uint64_t b)
{
    double d;
    memcpy(&d, &b, 8);
    return d;
}

static float s_of(uint64_t b)
{
    uint32_t u = (uint32_t)b;
    float s;
    memcpy(&s, &u, 4);
    return s;
}

static uint64_t of_d(double d)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    return b;
}

static uint64_t of_s(float s)
{
    uint32_t b;
    memcpy(&b, &s, 4);
    return b;
}

/* ---- SSE, one instruction each ---- */

static uint64_t sse_arith(RvFmt f, HrOp op, uint64_t a, uint64_t b)
{
    if (f == RV_FMT_D) {
        double x = d_of(a), y = d_of(b);
        switch (op) {
        case HR_ADD: __asm__ volatile("addsd %1, %0" : "+x"(x) : "x"(y)); break;
        case HR_SUB: __asm__ volatile("subsd %1, %0" : "+x"(x) : "x"(y)); break;
        case HR_MUL: __asm__ volatile("mulsd %1, %0" : "+x"(x) : "x"(y)); break;
        case HR_DIV: __asm__ volatile("divsd %1, %0" : "+x"(x) : "x"(y)); break;
        default:     __asm__ volatile("sqrtsd %0, %0" : "+x"(x)); break;
        }
        return of_d(x);
    }
    float x = s_of(a), y = s_of(b);
    switch (op) {
    case HR_ADD: __asm__ volatile("addss %1, %0" : "+x"(x) : "x"(y)); break;
    case HR_SUB: __asm__ volatile("subss %1, %0" : "+x"(x) : "x"(y)); break;
    case HR_MUL: __asm__ volatile("mulss %1, %0" : "+x"(x) : "x"(y)); break;
    case HR_DIV: __asm__ volatile("divss %1, %0" : "+x"(x) : "x"(y)); break;
    default:     __asm__ volatile("sqrtss %0, %0" : "+x"(x)); break;
    }
    return of_s(x);
}

bool hr_have_fma(void)
{
    return __builtin_cpu_supports("fma");
}

__attribute__((target("fma")))
static uint64_t sse_fma(RvFmt f, uint64_t a, uint64_t b, uint64_t c)
{
    if (f == RV_FMT_D) {
        double x = d_of(a), y = d_of(b), z = d_of(c);
        __asm__ volatile("vfmadd231sd %2, %1, %0" : "+x"(z) : "x"(x), "x"(y));
        return of_d(z);
    }
    float x = s_of(a), y = s_of(b), z = s_of(c);
    __asm__ volatile("vfmadd231ss %2, %1, %0" : "+x"(z) : "x"(x), "x"(y));
    return of_s(z);
}

/* ---- RMM: the RNE result, but away from zero on an exact tie ---- */

/* The value halfway between the finite R (bits, magnitude rounded toward
 * zero) and its neighbour away from zero, exactly, as a long double. */
static long double midpoint_away(RvFmt f, uint64_t r)
{
    int mb = f == RV_FMT_S ? 23 : 52, bias = f == RV_FMT_S ? 127 : 1023;
    uint64_t mag = r & ~sign_bit(f);
    int be = (int)(mag >> mb);
    long double ulp = ldexpl(1.0L, (be ? be : 1) - bias - mb);
    long double v = f == RV_FMT_S ? (long double)s_of(r) : (long double)d_of(r);
    long double half = (r & sign_bit(f)) ? -ulp / 2 : ulp / 2;
    return v + half;
}

/* FN(ctx) computes the exact result in a wider format, rounded to nearest
 * and exact iff the result fits: *tie = exact and it equals MID. */
static uint64_t rmm_result(RvFmt f, uint64_t rne, unsigned rne_flags,
                           uint64_t rtz, bool (*is_mid)(const void *, long double),
                           const void *arg)
{
    if (!(rne_flags & RV_FF_NX) || is_inf(f, rne) || is_nan(f, rne) ||
        is_inf(f, rtz))
        return rne;
    if (is_mid(arg, midpoint_away(f, rtz)))
        return rtz + 1;                      /* the next magnitude up */
    return rne;
}

typedef struct ExactArgs {
    RvFmt f;
    HrOp op;
    uint64_t a, b, c;
    bool fma;
} ExactArgs;

static long double ld_of(RvFmt f, uint64_t x)
{
    return f == RV_FMT_S ? (long double)s_of(x) : (long double)d_of(x);
}

static bool exact_is_mid(const void *p, long double mid)
{
    const ExactArgs *e = p;
    int saved = fegetround();
    fesetround(FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);
    bool hit;
    if (e->fma) {
        __float128 prod = (__float128)ld_of(e->f, e->a) *
                          (__float128)ld_of(e->f, e->b);     /* exact */
        volatile __float128 s = prod + (__float128)ld_of(e->f, e->c);
        hit = !fetestexcept(FE_INEXACT) && s == (__float128)mid;
    } else {
        volatile long double x = ld_of(e->f, e->a), y = ld_of(e->f, e->b), v;
        switch (e->op) {
        case HR_ADD: v = x + y; break;
        case HR_SUB: v = x - y; break;
        case HR_MUL: v = x * y; break;
        case HR_DIV: v = x / y; break;
        default:     v = sqrtl(x); break;
        }
        hit = !fetestexcept(FE_INEXACT) && v == mid;
    }
    feclearexcept(FE_ALL_EXCEPT);
    fesetround(saved);
    return hit;
}

static bool value_is_mid(const void *p, long double mid)
{
    return *(const long double *)p == mid;
}

/* ---- the references ---- */

uint64_t hr_arith(RvFmt f, HrOp op, uint64_t a, uint64_t b, RvRm rm,
                  unsigned *flags)
{
    if (rm == RV_RM_RMM) {
        uint64_t rtz = hr_arith(f, op, a, b, RV_RM_RTZ, flags);
        uint64_t rne = hr_arith(f, op, a, b, RV_RM_RNE, flags);
        ExactArgs e = { f, op, a, b, 0, false };
        return rmm_result(f, rne, *flags, rtz, exact_is_mid, &e);
    }
    mx_begin(rm);
    uint64_t r = sse_arith(f, op, a, b);
    *flags = mx_flags();
    return canon(f, r);
}

uint64_t hr_fma(RvFmt f, uint64_t a, uint64_t b, uint64_t c, bool neg_prod,
                bool neg_add, RvRm rm, unsigned *flags)
{
    if (neg_prod)
        a ^= sign_bit(f);
    if (neg_add)
        c ^= sign_bit(f);
    if (rm == RV_RM_RMM) {
        uint64_t rtz = hr_fma(f, a, b, c, false, false, RV_RM_RTZ, flags);
        uint64_t rne = hr_fma(f, a, b, c, false, false, RV_RM_RNE, flags);
        ExactArgs e = { f, HR_ADD, a, b, c, true };
        return rmm_result(f, rne, *flags, rtz, exact_is_mid, &e);
    }
    mx_begin(rm);
    uint64_t r = sse_fma(f, a, b, c);
    *flags = mx_flags();
    if ((is_inf(f, a) && is_zero(f, b)) || (is_zero(f, a) && is_inf(f, b)))
        *flags |= RV_FF_NV;                  /* x86 does not for + qNaN */
    return canon(f, r);
}

uint64_t hr_f2f(RvFmt to, uint64_t a, RvRm rm, unsigned *flags)
{
    if (rm == RV_RM_RMM) {
        uint64_t rtz = hr_f2f(to, a, RV_RM_RTZ, flags);
        uint64_t rne = hr_f2f(to, a, RV_RM_RNE, flags);
        long double v = ld_of(to == RV_FMT_S ? RV_FMT_D : RV_FMT_S, a);
        return rmm_result(to, rne, *flags, rtz, value_is_mid, &v);
    }
    mx_begin(rm);
    uint64_t r;
    if (to == RV_FMT_S) {
        double x = d_of(a);
        float y;
        __asm__ volatile("cvtsd2ss %1, %0" : "=x"(y) : "x"(x));
        r = of_s(y);
    } else {
        float x = s_of(a);
        double y;
        __asm__ volatile("cvtss2sd %1, %0" : "=x"(y) : "x"(x));
        r = of_d(y);
    }
    *flags = mx_flags();
    return canon(to, r);
}

uint64_t hr_i2f(RvFmt to, uint64_t v, unsigned width, bool is_signed,
                RvRm rm, unsigned *flags)
{
    long double x;
    if (width == 32)
        x = is_signed ? (long double)(int32_t)v : (long double)(uint32_t)v;
    else
        x = is_signed ? (long double)(int64_t)v : (long double)v;
    if (rm == RV_RM_RMM) {
        uint64_t rtz = hr_i2f(to, v, width, is_signed, RV_RM_RTZ, flags);
        uint64_t rne = hr_i2f(to, v, width, is_signed, RV_RM_RNE, flags);
        return rmm_result(to, rne, *flags, rtz, value_is_mid, &x);
    }
    /* x is exact (64-bit significand): one x87 rounding to the format */
    int saved = fegetround();
    fesetround(fe_mode(rm));
    feclearexcept(FE_ALL_EXCEPT);
    volatile long double vx = x;
    uint64_t r;
    if (to == RV_FMT_S) {
        volatile float y = (float)vx;
        r = of_s(y);
    } else {
        volatile double y = (double)vx;
        r = of_d(y);
    }
    *flags = fetestexcept(FE_INEXACT) ? RV_FF_NX : 0;
    feclearexcept(FE_ALL_EXCEPT);
    fesetround(saved);
    return r;
}

uint64_t hr_f2i(RvFmt from, uint64_t a, unsigned width, bool is_signed,
                RvRm rm, unsigned *flags)
{
    uint64_t umax = width == 64 ? ~0ull : 0xffffffffull;
    uint64_t smax = umax >> 1, smin = smax + 1;
    *flags = 0;
    if (is_nan(from, a)) {
        *flags = RV_FF_NV;
        return is_signed ? smax : umax;
    }
    long double x = ld_of(from, a), r;
    if (rm == RV_RM_RMM) {
        r = roundl(x);                              /* half away from zero */
    } else {
        int saved = fegetround();
        fesetround(fe_mode(rm));
        r = nearbyintl(x);
        fesetround(saved);
    }
    long double lo = is_signed ? -ldexpl(1, (int)width - 1) : 0;
    long double hi = ldexpl(1, (int)width - (is_signed ? 1 : 0)) - 1;
    bool neg = (a & sign_bit(from)) != 0;
    if (r < lo || r > hi) {
        *flags = RV_FF_NV;
        return neg ? (is_signed ? smin : 0) : (is_signed ? smax : umax);
    }
    if (r != x)
        *flags = RV_FF_NX;
    uint64_t v = r < 0 ? (uint64_t)(int64_t)r : (uint64_t)r;
    return v & umax;
}
