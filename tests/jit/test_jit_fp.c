/*
 * Smoke test of the floating-point lowering, running real code (suite
 * jit): each FP opcode on edge values (zeros, NaNs, infinities, denormals,
 * the integer-range boundaries) against C computed under the same MXCSR,
 * comparing results and the accrued exception flags, with all features
 * and with none (the fma helper, ftoi/ftou without ROUNDSD).  ftoi/ftou
 * are checked against RISC-V fcvt semantics written independently here
 * (long double, nearbyint), for every rounding mode and both widths.
 */
#include <check.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "op_runner.h"
#include "check_run.h"

#define IE 0x01u
#define PE 0x20u
#define FLAGS 0x3du

static Jit *jits[2];

static void setup(void)
{
    jits[0] = runner_jit(~0u, 0);
    jits[1] = runner_jit(0, 0);
}

static void teardown(void)
{
    jit_free(jits[0]);
    jit_free(jits[1]);
}

static const double dvals[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.3, -0.7, 3.0, 1e300,
    -1e300, 1e-310, -1e-310, INFINITY, -INFINITY, 2147483647.5, 2147483648.0,
    -2147483648.0, -2147483648.5, -2147483649.0, 4294967295.5, 4294967295.0,
    4294967296.0, 9223372036854775808.0, -9223372036854775808.0,
    18446744073709551616.0, 1.8e19, 123456.789, -123456.789, 16777217.0,
};
#define NDV (sizeof dvals / sizeof dvals[0])
#define NVALS (NDV + 2)

static uint64_t d2u(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static double u2d(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
static uint32_t f2u(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static float u2f(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }

/* value i as bits of type t (the last two: quiet and signalling NaN) */
static uint64_t val(size_t i, IrType t)
{
    bool f64 = t == IR_F64;
    if (i == NDV)
        return f64 ? 0x7ff8000000000000ull : 0x7fc00000u;
    if (i == NDV + 1)
        return f64 ? 0x7ff0000000000001ull : 0x7f800001u;
    return f64 ? d2u(dvals[i]) : f2u((float)dvals[i]);
}

static bool is_nan_bits(uint64_t b, IrType t)
{
    return t == IR_F64 ? isnan(u2d(b)) : isnan(u2f((uint32_t)b));
}

/* The reference computations read volatile inputs and write volatile
 * results between these two, and the compiler keeps volatile accesses and
 * volatile asm in order: the MXCSR flags are exactly the computation's. */
static uint32_t csr_save;

static uint32_t getcsr(void)
{
    uint32_t v;
    __asm__ volatile("stmxcsr %0" : "=m"(v) : : "memory");
    return v;
}

static void setcsr(uint32_t v)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(v) : "memory");
}

static void ref_begin(uint32_t mxcsr)
{
    csr_save = getcsr();
    setcsr(mxcsr);
}

static uint32_t ref_end(void)
{
    uint32_t f = getcsr() & FLAGS;
    setcsr(csr_save);
    return f;
}

static OpResult ref_fp(IrOpcode opc, IrType t, uint64_t x, uint64_t y,
                       uint64_t z, unsigned k, uint32_t mxcsr)
{
    OpResult r = { 0 };
    bool f64 = t == IR_F64;
    volatile double a = f64 ? u2d(x) : 0, b = f64 ? u2d(y) : 0, c = f64 ? u2d(z) : 0;
    volatile float fa = u2f((uint32_t)x), fb = u2f((uint32_t)y), fc = u2f((uint32_t)z);
    volatile double d = 0;
    volatile float fd = 0;
    ref_begin(mxcsr);
    switch (opc) {
    case IR_OP_fadd: if (f64) d = a + b; else fd = fa + fb; break;
    case IR_OP_fsub: if (f64) d = a - b; else fd = fa - fb; break;
    case IR_OP_fmul: if (f64) d = a * b; else fd = fa * fb; break;
    case IR_OP_fdiv: if (f64) d = a / b; else fd = fa / fb; break;
    case IR_OP_fsqrt: if (f64) d = sqrt(a); else fd = sqrtf(fa); break;
    case IR_OP_fma: {
        double sa = (k & 1) ? -1 : 1, sc = (k & 2) ? -1 : 1;
        if (f64)
            d = fma(sa * a, b, sc * c);
        else
            fd = fmaf((float)sa * fa, fb, (float)sc * fc);
        break;
    }
    default: abort();
    }
    r.flags = ref_end();
    r.out = f64 ? d2u(d) : f2u(fd);
    return r;
}

static const IrOpcode arith[] = { IR_OP_fadd, IR_OP_fsub, IR_OP_fmul, IR_OP_fdiv };

static void check_fp(const OpResult *got, const OpResult *want, IrType t,
                     const char *what, uint64_t x, uint64_t y)
{
    bool ok = got->flags == want->flags &&
              (is_nan_bits(want->out, t) ? is_nan_bits(got->out, t)
                                         : got->out == want->out);
    ck_assert_msg(ok, "%s.%s %#llx, %#llx: got %#llx flags %#x, want %#llx flags %#x",
                  what, ir_type_names[t], (unsigned long long)x,
                  (unsigned long long)y, (unsigned long long)got->out, got->flags,
                  (unsigned long long)want->out, want->flags);
}

/* _i: op * 4 + type * 2 + features */
START_TEST(arith_ops)
{
    IrOpcode opc = arith[_i / 4];
    IrType t = (_i & 2) ? IR_F64 : IR_F32;
    OpSpec spec = { .opc = opc, .type = t, .out_type = t, .in_type = { t, t } };
    for (size_t i = 0; i < NVALS; i++) {
        for (size_t j = 0; j < NVALS; j++) {
            uint32_t csr = 0x1f80 | (uint32_t)(((i + j) & 3) << 13);
            OpRun run = { .in = { val(i, t), val(j, t) }, .const_mask = (i + j) & 2,
                          .rot = (unsigned)(i + j), .mxcsr = csr };
            OpResult got = runner_run(jits[_i & 1], &spec, &run);
            OpResult want = ref_fp(opc, t, run.in[0], run.in[1], 0, 0, csr);
            check_fp(&got, &want, t, ir_op_info[opc].name, run.in[0], run.in[1]);
        }
    }
}
END_TEST

/* fmin/fmax (minsd/maxsd semantics), fsqrt, fneg, fabs, fcmp */
START_TEST(misc_ops)
{
    IrType t = (_i & 2) ? IR_F64 : IR_F32;
    Jit *jit = jits[_i & 1];
    uint64_t sign = t == IR_F64 ? 1ull << 63 : 1u << 31;
    for (size_t i = 0; i < NVALS; i++) {
        uint64_t x = val(i, t);
        bool xnan = is_nan_bits(x, t), xsnan = i == NDV + 1;
        double xd = t == IR_F64 ? u2d(x) : u2f((uint32_t)x);
        OpRun run1 = { .in = { x }, .rot = (unsigned)i, .mxcsr = 0x1f80 };
        OpSpec un = { .opc = IR_OP_fsqrt, .type = t, .out_type = t, .in_type = { t } };
        OpResult got = runner_run(jit, &un, &run1);
        OpResult want = ref_fp(IR_OP_fsqrt, t, x, 0, 0, 0, 0x1f80);
        check_fp(&got, &want, t, "fsqrt", x, 0);
        un.opc = IR_OP_fneg;
        got = runner_run(jit, &un, &run1);
        ck_assert_uint_eq(got.out, x ^ sign);
        ck_assert_uint_eq(got.flags, 0);
        un.opc = IR_OP_fabs;
        got = runner_run(jit, &un, &run1);
        ck_assert_uint_eq(got.out, x & ~sign);
        ck_assert_uint_eq(got.flags, 0);

        for (size_t j = 0; j < NVALS; j++) {
            uint64_t y = val(j, t);
            bool ynan = is_nan_bits(y, t), ysnan = j == NDV + 1;
            double yd = t == IR_F64 ? u2d(y) : u2f((uint32_t)y);
            OpRun run = { .in = { x, y }, .rot = (unsigned)(i * 3 + j),
                          .mxcsr = 0x1f80 };
            OpSpec bin = { .opc = IR_OP_fmin, .type = t, .out_type = t,
                           .in_type = { t, t } };
            uint32_t inv = (xnan || ynan) ? IE : 0;
            got = runner_run(jit, &bin, &run);
            ck_assert_uint_eq(got.out, xd < yd ? x : y);
            ck_assert_uint_eq(got.flags, inv);
            bin.opc = IR_OP_fmax;
            got = runner_run(jit, &bin, &run);
            ck_assert_uint_eq(got.out, xd > yd ? x : y);
            ck_assert_uint_eq(got.flags, inv);

            static const IrCond conds[] = { IR_COND_EQ, IR_COND_LT, IR_COND_LE };
            for (int c = 0; c < 3; c++) {
                OpSpec cmp = { .opc = IR_OP_fcmp, .type = t, .out_type = IR_I64,
                               .in_type = { t, t }, .k = { conds[c] } };
                bool res = c == 0 ? xd == yd : c == 1 ? xd < yd : xd <= yd;
                uint32_t fl = c == 0 ? ((xsnan || ysnan) ? IE : 0) : inv;
                got = runner_run(jit, &cmp, &run);
                ck_assert_msg(got.out == res && got.flags == fl,
                              "fcmp %d %g %g: %llu flags %#x", conds[c], xd, yd,
                              (unsigned long long)got.out, got.flags);
            }
        }
    }
}
END_TEST

/* fma with its 4 negations; _i: type * 2 + features */
START_TEST(fma_ops)
{
    IrType t = (_i & 2) ? IR_F64 : IR_F32;
    Jit *jit = jits[_i & 1];
    static const size_t pick[] = { 0, 1, 3, 4, 7, 9, 12, 14, 16, 17, 30, NDV, NDV + 1 };
    const size_t np = sizeof pick / sizeof pick[0];
    for (unsigned neg = 0; neg < 4; neg++) {
        OpSpec spec = { .opc = IR_OP_fma, .type = t, .out_type = t,
                        .in_type = { t, t, t }, .k = { neg } };
        for (size_t i = 0; i < np; i++)
            for (size_t j = 0; j < np; j++)
                for (size_t l = 0; l < np; l += 2) {
                    uint32_t csr = 0x1f80 | (uint32_t)(((i + l) & 3) << 13);
                    OpRun run = { .in = { val(pick[i], t), val(pick[j], t),
                                          val(pick[l], t) },
                                  .rot = (unsigned)(i + j + l), .mxcsr = csr };
                    OpResult got = runner_run(jit, &spec, &run);
                    OpResult want = ref_fp(IR_OP_fma, t, run.in[0], run.in[1],
                                           run.in[2], neg, csr);
                    check_fp(&got, &want, t, "fma", run.in[0], run.in[1]);
                }
    }
}
END_TEST

static const int64_t ivals[] = {
    0, 1, -1, 2, 3, 16777217, -16777217, INT32_MAX, INT32_MIN, 0xffffffffll,
    (int64_t)0x123456789abcdefll, INT64_MAX, INT64_MIN, -2, 9007199254740993ll,
    (int64_t)0x8000000000000001ull, (int64_t)0xfffffffffffff801ull,
    (int64_t)0x8000000000000401ull,
};

/* itof/utof/fcvt/bitcasts; _i: features */
START_TEST(conversions)
{
    Jit *jit = jits[_i];
    for (int ft = 0; ft < 2; ft++) {
        IrType t = ft ? IR_F64 : IR_F32;
        for (int it = 0; it < 2; it++) {
            IrType src = it ? IR_I64 : IR_I32;
            for (size_t i = 0; i < sizeof ivals / sizeof ivals[0]; i++) {
                for (unsigned rc = 0; rc < 4; rc++) {
                    uint32_t csr = 0x1f80 | rc << 13;
                    uint64_t x = (uint64_t)ivals[i];
                    OpRun run = { .in = { x }, .rot = (unsigned)i + rc, .mxcsr = csr };
                    for (int u = 0; u < 2; u++) {
                        OpSpec spec = { .opc = u ? IR_OP_utof : IR_OP_itof, .type = t,
                                        .out_type = t, .in_type = { src } };
                        OpResult got = runner_run(jit, &spec, &run);
                        volatile int64_t s64 = (int64_t)x;
                        volatile int32_t s32 = (int32_t)x;
                        volatile uint64_t u64 = x;
                        volatile uint32_t u32 = (uint32_t)x;
                                        volatile uint64_t res;
                        OpResult want;
                        ref_begin(csr);
                        if (ft)
                            res = d2u(u ? (it ? (double)u64 : (double)u32)
                                        : (it ? (double)s64 : (double)s32));
                        else
                            res = f2u(u ? (it ? (float)u64 : (float)u32)
                                        : (it ? (float)s64 : (float)s32));
                        want.flags = ref_end();
                        want.out = res;
                        check_fp(&got, &want, t, u ? "utof" : "itof", x, src);
                    }
                }
            }
        }
    }
    for (size_t i = 0; i < NVALS; i++) {
        for (int ft = 0; ft < 2; ft++) {
            IrType t = ft ? IR_F64 : IR_F32, o = ft ? IR_F32 : IR_F64;
            uint64_t x = val(i, t);
            for (unsigned rc = 0; rc < 4; rc++) {
                uint32_t csr = 0x1f80 | rc << 13;
                OpSpec spec = { .opc = IR_OP_fcvt, .type = o, .out_type = o,
                                .in_type = { t } };
                OpRun run = { .in = { x }, .rot = (unsigned)i, .mxcsr = csr };
                OpResult got = runner_run(jit, &spec, &run), want;
                volatile double vd = u2d(x);
                volatile float vf = u2f((uint32_t)x);
                volatile uint64_t res;
                ref_begin(csr);
                res = ft ? f2u((float)vd) : d2u((double)vf);
                want.flags = ref_end();
                want.out = res;
                check_fp(&got, &want, o, "fcvt", x, 0);
            }
            IrType it = ft ? IR_I64 : IR_I32;
            OpSpec bc = { .opc = IR_OP_bitcast_f2i, .type = it, .out_type = it,
                          .in_type = { t } };
            OpRun run = { .in = { x }, .rot = (unsigned)i, .mxcsr = 0x1f80 };
            ck_assert_uint_eq(runner_run(jit, &bc, &run).out, x);
            OpSpec bi = { .opc = IR_OP_bitcast_i2f, .type = t, .out_type = t,
                          .in_type = { it } };
            ck_assert_uint_eq(runner_run(jit, &bi, &run).out, x);
        }
    }
}
END_TEST

/* RISC-V fcvt.{w,wu,l,lu}.{s,d}, written independently of the backend. */
static OpResult ref_fcvt(double a, bool is_unsigned, bool w64, int fe_mode)
{
    OpResult r = { 0 };
    long double lo = is_unsigned ? 0 : -ldexpl(1, w64 ? 63 : 31);
    long double hi = ldexpl(1, (w64 ? 64 : 32) - (is_unsigned ? 0 : 1)) - 1;
    uint64_t mask = w64 ? ~0ull : 0xffffffffull;
    if (isnan(a)) {
        r.flags = IE;
        r.out = (is_unsigned ? mask : mask >> 1);
        return r;
    }
    int old = fegetround();
    fesetround(fe_mode);
    long double x = nearbyintl((long double)a);
    fesetround(old);
    if (x < lo) {
        r.flags = IE;
        r.out = is_unsigned ? 0 : (mask >> 1) + 1;
    } else if (x > hi) {
        r.flags = IE;
        r.out = is_unsigned ? mask : mask >> 1;
    } else {
        r.out = (is_unsigned ? (uint64_t)x : (uint64_t)(int64_t)x) & mask;
        r.flags = x != (long double)a ? PE : 0;
    }
    return r;
}

/* _i: features * 8 + src type * 4 + unsigned * 2 + width */
START_TEST(float_to_int)
{
    Jit *jit = jits[_i >> 3];
    IrType src = (_i & 4) ? IR_F64 : IR_F32;
    bool is_unsigned = _i & 2, w64 = _i & 1;
    static const IrRound rms[] = { IR_RM_RNE, IR_RM_RTZ, IR_RM_RDN, IR_RM_RUP,
                                   IR_RM_DYN };
    static const int fe[] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD };
    static const int rc_fe[4] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };
    IrType t = w64 ? IR_I64 : IR_I32;
    for (size_t i = 0; i < NVALS; i++) {
        uint64_t x = val(i, src);
        double a = src == IR_F64 ? u2d(x) : u2f((uint32_t)x);
        for (size_t m = 0; m < 5; m++) {
            for (unsigned rc = 0; rc < (rms[m] == IR_RM_DYN ? 4u : 1u); rc++) {
                OpSpec spec = { .opc = is_unsigned ? IR_OP_ftou : IR_OP_ftoi,
                                .type = t, .out_type = t, .in_type = { src },
                                .k = { rms[m] } };
                OpRun run = { .in = { x }, .rot = (unsigned)(i + m),
                              .mxcsr = 0x1f80 | rc << 13 };
                OpResult got = runner_run(jit, &spec, &run);
                OpResult want = ref_fcvt(a, is_unsigned, w64,
                                         rms[m] == IR_RM_DYN ? rc_fe[rc] : fe[m]);
                ck_assert_msg(got.out == want.out && got.flags == want.flags,
                              "%s.%s(%s %.17g) rm %d rc %u: %#llx flags %#x, "
                              "want %#llx flags %#x",
                              ir_op_info[spec.opc].name, ir_type_names[t],
                              ir_type_names[src], a, rms[m], rc,
                              (unsigned long long)got.out, got.flags,
                              (unsigned long long)want.out, want.flags);
            }
        }
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("jit_fp");
    TCase *tc = tcase_create("fp");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, arith_ops, 0, 16);
    tcase_add_loop_test(tc, misc_ops, 0, 4);
    tcase_add_loop_test(tc, fma_ops, 0, 4);
    tcase_add_loop_test(tc, conversions, 0, 2);
    tcase_add_loop_test(tc, float_to_int, 0, 16);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
