/*
 * A guest program (riscv64, static, glibc) that uses floating point the
 * way real programs do: libm functions, printf/strtod conversions, fenv
 * rounding modes and exception flags (fesetround/fetestexcept are fcsr
 * accesses), fmin/fmax/fma/nearbyint/lrint, classification, float <->
 * double <-> integer conversions and long double (software quad).  Its
 * output must be the same under rvtcg and qemu-riscv64 (RISC-V
 * Unprivileged ISA 20191213, chapters 11 and 12).
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int modes[] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD,
                             FE_UPWARD };

static uint64_t bits(double d)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    return b;
}

static uint32_t fbits(float f)
{
    uint32_t b;
    memcpy(&b, &f, 4);
    return b;
}

static void libm(void)
{
    double acc = 0;
    float facc = 0;
    for (int i = 1; i < 3000; i++) {
        double x = i * 0.37 - 500;
        acc += sin(x) * exp(x / 1000) + pow(fabs(x), 0.3) + log1p(fabs(x)) +
               atan2(x, 7) + cbrt(x) + fmod(x, 3.3) + hypot(x, 1e-3) +
               tanh(x / 100) + erf(x / 300) + lgamma(fabs(x) + 0.5);
        facc += sinf((float)x) + expf((float)x / 500) + sqrtf(fabsf((float)x)) +
                fmaf((float)x, 1.5f, -2.0f) + logf(fabsf((float)x) + 1);
    }
    printf("libm: %.17g %.9g\n", acc, facc);
}

static void modes_and_flags(void)
{
    volatile double one = 1.0, three = 3.0, zero = 0.0, big = 1e308;
    volatile double tiny = 1e-308;
    volatile float fone = 1.0f, fthree = 3.0f;
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        feclearexcept(FE_ALL_EXCEPT);
        double q = one / three;
        float r = fone / fthree;
        printf("mode %d: %a %a %a %ld %lld flags %#x\n", m, q, (double)r,
               sqrt(2.0 * one), lrint(2.5 * one), llrint(-2.5 * one),
               fetestexcept(FE_ALL_EXCEPT));
        feclearexcept(FE_ALL_EXCEPT);
        volatile double o = big * 10, u = tiny / 1e10, z = one / zero;
        volatile double n = zero / zero;
        printf("  %a %a %a %d flags %#x\n", o, u, z, isnan(n) != 0,
               fetestexcept(FE_ALL_EXCEPT));
        printf("  %.20f %e %g %.3f\n", q, r * 1e30, sqrt(one * 2), -q);
        printf("  nearbyint %g %g %g %g\n", nearbyint(0.5), nearbyint(1.5),
               nearbyint(-0.5), nearbyint(-2.5));
    }
    fesetround(FE_TONEAREST);
}

static void conversions(void)
{
    static const char *const strs[] = {
        "0.1", "1e-310", "3.4028235e38", "3.4028236e38", "-0", "nan",
        "-inf", "4.9406564584124654e-324", "2.2250738585072011e-308",
        "1.7976931348623157e308", "0x1.fffffep127", "123456789012345678",
    };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        double d = strtod(strs[i], NULL);
        float f = strtof(strs[i], NULL);
        printf("%-26s d=%016llx f=%08x %.17g %.9g l=%ld u=%lu\n", strs[i],
               (unsigned long long)bits(d), (unsigned)fbits(f),
               d, (double)f, (long)(isfinite(d) && fabs(d) < 9e18 ? d : 0),
               (unsigned long)(isfinite(d) && d >= 0 && d < 1.8e19 ? d : 0));
    }
    volatile double nan = NAN, inf = INFINITY, mz = -0.0;
    printf("fmin %g %g %g fmax %g %g %g\n", fmin(nan, 1), fmin(mz, 0.0),
           fmin(-inf, nan), fmax(nan, nan), fmax(mz, 0.0), fmax(3, inf));
    printf("class %d %d %d %d %d\n", fpclassify(nan), fpclassify(inf),
           fpclassify(mz), fpclassify(1e-310), fpclassify(1.0));
    long double a = 1.0L / 3, b = sqrtl(2.0L);
    printf("long double %.30Lg %.30Lg %.30Lg\n", a, b, a * b + 1e-40L);
    int64_t big = INT64_MAX;
    uint64_t ubig = UINT64_MAX;
    printf("int %.17g %.9g %.17g %.9g\n", (double)big, (double)(float)big,
           (double)ubig, (double)(float)ubig);
}

int main(void)
{
    libm();
    modes_and_flags();
    conversions();
    return 0;
}
