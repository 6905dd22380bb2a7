/*
 * The software FP module (src/frontend/riscv/rv_softfp*.c, the exact
 * implementation behind the RMM helper) against independent references
 * (host_ref.c): every operation in both formats, in the four rounding
 * modes SSE has (against SSE itself) and in RMM (against the
 * ties-away-from-RNE reference), on all pairs of edge values and on
 * biased random values; results bit for bit, flags exactly.  Also the
 * helper's register-level conventions (NaN-unboxing of inputs, boxed
 * single results, sign-extended W results, flags in MXCSR).
 */
#include <check.h>
#include <stdio.h>
#include <xmmintrin.h>

#include "fpu_values.h"
#include "host_ref.h"
#include "rv_fcsr_host.h"
#include "rv_fpu.h"
#include "rv_softfp.h"
#include "check_run.h"

#define NB_RANDOM 40000

static const char *const rm_names[] = { "rne", "rtz", "rdn", "rup", "rmm" };

typedef struct Tally {
    unsigned runs, fails;
} Tally;

static void check_one(Tally *t, const char *what, RvFmt f, RvRm rm,
                      uint64_t a, uint64_t b, uint64_t c, uint64_t got,
                      unsigned gflags, uint64_t want, unsigned wflags)
{
    t->runs++;
    if (got == want && gflags == wflags)
        return;
    if (t->fails++ < 8)
        fprintf(stderr, "%s.%c %s a=%#llx b=%#llx c=%#llx: got %#llx/%02x, "
                "want %#llx/%02x\n", what, f == RV_FMT_S ? 's' : 'd',
                rm_names[rm], (unsigned long long)a, (unsigned long long)b,
                (unsigned long long)c, (unsigned long long)got, gflags,
                (unsigned long long)want, wflags);
}

/* The operands of case i: all pairs of edges first, then random values. */
static void operands(RvFmt f, unsigned i, FvRng *r, uint64_t *a, uint64_t *b,
                     uint64_t *c)
{
    uint64_t e[64];
    unsigned n = fv_edges(f, e);
    if (i < n * n) {
        *a = e[i / n];
        *b = e[i % n];
        *c = e[(i * 7) % n];
    } else {
        *a = fv_random(r, f);
        *b = fv_random(r, f);
        *c = fv_random(r, f);
    }
}

static const char *const op_names[] = { "add", "sub", "mul", "div", "sqrt" };

START_TEST(arith)
{
    HrOp op = (HrOp)(_i % 5);
    RvFmt f = (RvFmt)(_i / 5);
    Tally t = { 0, 0 };
    for (int rm = 0; rm <= RV_RM_RMM; rm++) {
        FvRng r = { 0x1234 + (uint64_t)_i * 31 + (uint64_t)rm };
        for (unsigned i = 0; i < NB_RANDOM; i++) {
            uint64_t a, b, c, got, want;
            unsigned gf = 0, wf = 0;
            operands(f, i, &r, &a, &b, &c);
            switch (op) {
            case HR_ADD: got = rv_sf_add(f, a, b, (RvRm)rm, &gf); break;
            case HR_SUB: got = rv_sf_sub(f, a, b, (RvRm)rm, &gf); break;
            case HR_MUL: got = rv_sf_mul(f, a, b, (RvRm)rm, &gf); break;
            case HR_DIV: got = rv_sf_div(f, a, b, (RvRm)rm, &gf); break;
            default:     got = rv_sf_sqrt(f, a, (RvRm)rm, &gf); break;
            }
            want = hr_arith(f, op, a, b, (RvRm)rm, &wf);
            check_one(&t, op_names[op], f, (RvRm)rm, a, b, 0, got, gf, want, wf);
        }
    }
    ck_assert_msg(t.fails == 0, "%s.%c: %u of %u cases differ", op_names[op],
                  f == RV_FMT_S ? 's' : 'd', t.fails, t.runs);
}
END_TEST

START_TEST(fused)
{
    RvFmt f = (RvFmt)(_i / 4);
    bool neg_prod = _i & 1, neg_add = _i & 2;
    if (!hr_have_fma())
        return;                               /* no reference on this host */
    Tally t = { 0, 0 };
    for (int rm = 0; rm <= RV_RM_RMM; rm++) {
        FvRng r = { 0x777 + (uint64_t)_i * 131 + (uint64_t)rm };
        for (unsigned i = 0; i < NB_RANDOM; i++) {
            uint64_t a, b, c;
            unsigned gf = 0, wf = 0;
            operands(f, i, &r, &a, &b, &c);
            if (i % 3 == 0) {                 /* c near -(a*b): cancellation */
                uint64_t sign = f == RV_FMT_S ? 0x80000000u : 1ull << 63;
                c = (rv_sf_mul(f, a, b, RV_RM_RTZ, &gf) ^ sign) +
                    fv_below(&r, 3) - 1;
            }
            gf = 0;
            uint64_t got = rv_sf_fma(f, a, b, c, neg_prod, neg_add, (RvRm)rm, &gf);
            uint64_t want = hr_fma(f, a, b, c, neg_prod, neg_add, (RvRm)rm, &wf);
            check_one(&t, "fma", f, (RvRm)rm, a, b, c, got, gf, want, wf);
        }
    }
    ck_assert_msg(t.fails == 0, "fma.%c neg %d: %u of %u cases differ",
                  f == RV_FMT_S ? 's' : 'd', _i & 3, t.fails, t.runs);
}
END_TEST

START_TEST(f2f)
{
    RvFmt to = (RvFmt)_i, from = to == RV_FMT_S ? RV_FMT_D : RV_FMT_S;
    Tally t = { 0, 0 };
    for (int rm = 0; rm <= RV_RM_RMM; rm++) {
        FvRng r = { 0x99 + (uint64_t)_i * 7 + (uint64_t)rm };
        for (unsigned i = 0; i < NB_RANDOM; i++) {
            uint64_t a, b, c;
            unsigned gf = 0, wf = 0;
            operands(from, i, &r, &a, &b, &c);
            if (to == RV_FMT_S && i % 2)      /* doubles near singles' range */
                a = (a & 0x800fffffffffffffull) |
                    (uint64_t)(1023 - 160 + fv_below(&r, 300)) << 52;
            uint64_t got = rv_sf_cvt_f2f(to, from, a, (RvRm)rm, &gf);
            uint64_t want = hr_f2f(to, a, (RvRm)rm, &wf);
            check_one(&t, "fcvt", to, (RvRm)rm, a, 0, 0, got, gf, want, wf);
        }
    }
    ck_assert_msg(t.fails == 0, "fcvt to %c: %u of %u cases differ",
                  to == RV_FMT_S ? 's' : 'd', t.fails, t.runs);
}
END_TEST

/* _i: format (bit 2), 64-bit (bit 1), signed (bit 0) */
START_TEST(i2f)
{
    RvFmt f = (RvFmt)(_i >> 2);
    unsigned width = _i & 2 ? 64 : 32;
    bool is_signed = _i & 1;
    Tally t = { 0, 0 };
    for (int rm = 0; rm <= RV_RM_RMM; rm++) {
        FvRng r = { 0x4242 + (uint64_t)_i * 5 + (uint64_t)rm };
        for (unsigned i = 0; i < NB_RANDOM; i++) {
            uint64_t v = fv_random_int(&r);
            unsigned gf = 0, wf = 0;
            uint64_t got = rv_sf_cvt_i2f(f, v, width, is_signed, (RvRm)rm, &gf);
            uint64_t want = hr_i2f(f, v, width, is_signed, (RvRm)rm, &wf);
            check_one(&t, is_signed ? "i2f" : "u2f", f, (RvRm)rm, v, width, 0,
                      got, gf, want, wf);
        }
    }
    ck_assert_msg(t.fails == 0, "i2f %u %s: %u of %u cases differ", width,
                  is_signed ? "signed" : "unsigned", t.fails, t.runs);
}
END_TEST

START_TEST(f2i)
{
    RvFmt f = (RvFmt)(_i >> 2);
    unsigned width = _i & 2 ? 64 : 32;
    bool is_signed = _i & 1;
    Tally t = { 0, 0 };
    for (int rm = 0; rm <= RV_RM_RMM; rm++) {
        FvRng r = { 0x5151 + (uint64_t)_i * 11 + (uint64_t)rm };
        for (unsigned i = 0; i < NB_RANDOM; i++) {
            uint64_t a, b, c;
            unsigned gf = 0, wf = 0;
            operands(f, i, &r, &a, &b, &c);
            uint64_t got = rv_sf_cvt_f2i(f, a, width, is_signed, (RvRm)rm, &gf);
            uint64_t want = hr_f2i(f, a, width, is_signed, (RvRm)rm, &wf);
            check_one(&t, is_signed ? "f2i" : "f2u", f, (RvRm)rm, a, width, 0,
                      got, gf, want, wf);
        }
    }
    ck_assert_msg(t.fails == 0, "f2i %u %s: %u of %u cases differ", width,
                  is_signed ? "signed" : "unsigned", t.fails, t.runs);
}
END_TEST

/* Values written out by hand from the ISA, for RMM (11.2) and tininess
 * (after rounding), so a wrong reference cannot hide a wrong module. */
START_TEST(hand_picked)
{
    unsigned fl = 0;
    /* 1 + 2^-53 is halfway between 1 and 1 + 2^-52: RNE even, RMM away */
    ck_assert_uint_eq(rv_sf_add(RV_FMT_D, 0x3ff0000000000000ull,
                                0x3ca0000000000000ull, RV_RM_RNE, &fl),
                      0x3ff0000000000000ull);
    ck_assert_uint_eq(rv_sf_add(RV_FMT_D, 0x3ff0000000000000ull,
                                0x3ca0000000000000ull, RV_RM_RMM, &fl),
                      0x3ff0000000000001ull);
    ck_assert_uint_eq(fl, RV_FF_NX);
    /* -2.5 to integer: RMM gives -3, RNE -2 */
    fl = 0;
    ck_assert_uint_eq(rv_sf_cvt_f2i(RV_FMT_D, 0xc004000000000000ull, 32, true,
                                    RV_RM_RMM, &fl), 0xfffffffdu);
    ck_assert_uint_eq(fl, RV_FF_NX);
    /* (1 - 2^-53) * 2^-1022 rounds up to the smallest normal: still tiny
     * (after rounding with an unbounded exponent it is 2^-1022 - 2^-1075) */
    fl = 0;
    ck_assert_uint_eq(rv_sf_mul(RV_FMT_D, 0x3fefffffffffffffull,
                                0x0010000000000000ull, RV_RM_RNE, &fl),
                      0x0010000000000000ull);
    ck_assert_uint_eq(fl, RV_FF_UF | RV_FF_NX);
    /* largest subnormal * (1 + 2^-52): rounds to 2^-1022, not tiny */
    fl = 0;
    ck_assert_uint_eq(rv_sf_mul(RV_FMT_D, 0x000fffffffffffffull,
                                0x3ff0000000000001ull, RV_RM_RNE, &fl),
                      0x0010000000000000ull);
    ck_assert_uint_eq(fl, RV_FF_NX);
    /* inf * 0 + qNaN: NV (11.6), canonical NaN */
    fl = 0;
    ck_assert_uint_eq(rv_sf_fma(RV_FMT_S, 0x7f800000u, 0, 0x7fc00001u, false,
                                false, RV_RM_RNE, &fl), RV_CANON_NAN_S);
    ck_assert_uint_eq(fl, RV_FF_NV);
    /* -0.5 to unsigned, RTZ: 0 with NX only; -1 to unsigned: NV */
    fl = 0;
    ck_assert_uint_eq(rv_sf_cvt_f2i(RV_FMT_D, 0xbfe0000000000000ull, 64, false,
                                    RV_RM_RTZ, &fl), 0);
    ck_assert_uint_eq(fl, RV_FF_NX);
    fl = 0;
    ck_assert_uint_eq(rv_sf_cvt_f2i(RV_FMT_D, 0xbff0000000000000ull, 64, false,
                                    RV_RM_RTZ, &fl), 0);
    ck_assert_uint_eq(fl, RV_FF_NV);
}
END_TEST

/* The helper's register conventions. */
START_TEST(helper_conventions)
{
    unsigned saved = _mm_getcsr();
    _mm_setcsr(RV_MXCSR_MASKS);
    /* an unboxed single reads as the canonical NaN: NaN + 1 = canonical,
     * boxed; no flags (quiet) */
    uint64_t r = rv_fpu_helper(RV_FPH_ADD | RV_FPH_RM(RV_RM_RMM),
                               0x000000003f800000ull, 0xffffffff3f800000ull, 0);
    ck_assert_uint_eq(r, 0xffffffff7fc00000ull);
    ck_assert_uint_eq(_mm_getcsr() & RV_MXCSR_FLAGS, 0);
    /* 1 + 1 = 2, boxed */
    r = rv_fpu_helper(RV_FPH_ADD | RV_FPH_RM(RV_RM_RMM),
                      0xffffffff3f800000ull, 0xffffffff3f800000ull, 0);
    ck_assert_uint_eq(r, 0xffffffff40000000ull);
    /* fcvt.wu.d of 3e9 by RMM: 3000000000, sign-extended from 32 bits */
    r = rv_fpu_helper(RV_FPH_F2I | RV_FPH_D | RV_FPH_RM(RV_RM_RMM),
                      0x41e65a0bc0000000ull, 0, 0);
    ck_assert_uint_eq(r, 0xffffffffb2d05e00ull);
    /* 1/3 in RMM: inexact, the flag lands in MXCSR as PE */
    r = rv_fpu_helper(RV_FPH_DIV | RV_FPH_D | RV_FPH_RM(RV_RM_RMM),
                      0x3ff0000000000000ull, 0x4008000000000000ull, 0);
    ck_assert_uint_eq(r, 0x3fd5555555555555ull);
    ck_assert_uint_eq(_mm_getcsr() & RV_MXCSR_FLAGS, RV_MXCSR_PE);
    /* fcvt.s.l of 2^24 + 1 by RMM: a tie, away from zero */
    r = rv_fpu_helper(RV_FPH_I2F | RV_FPH_I64 | RV_FPH_SIGNED |
                      RV_FPH_RM(RV_RM_RMM), 0x1000001, 0, 0);
    ck_assert_uint_eq(r, 0xffffffff4b800001ull);
    _mm_setcsr(saved);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("softfp");
    TCase *tc = tcase_create("softfp");
    tcase_set_timeout(tc, 300);
    tcase_add_loop_test(tc, arith, 0, 10);
    tcase_add_loop_test(tc, fused, 0, 8);
    tcase_add_loop_test(tc, f2f, 0, 2);
    tcase_add_loop_test(tc, i2f, 0, 8);
    tcase_add_loop_test(tc, f2i, 0, 8);
    tcase_add_test(tc, hand_picked);
    tcase_add_test(tc, helper_conventions);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
