/* Floating-point edge cases (RISC-V unprivileged spec, F/D chapters):
 * NaN boxing of single values in 64-bit registers (an improperly boxed
 * value reads as the canonical NaN), canonical NaN results, fmin/fmax
 * with NaN and signed zeros, fcvt saturation on NaN and out-of-range
 * values, fclass, sign injection, and comparisons with NaN. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

int main(void)
{
    /* NaN boxing: move a raw 64-bit pattern into f0 and use it as a float */
    uint64_t patterns[] = { 0xffffffff3f800000ull, 0x000000003f800000ull,
                            0xfffffffe3f800000ull, 0xffffffff7fc00001ull };
    for (int i = 0; i < 4; i++) {
        float r;
        uint64_t raw;
        __asm__ volatile("fmv.d.x ft0, %2\n\tfadd.s %0, ft0, ft0\n\tfmv.x.d %1, ft0"
                         : "=f"(r), "=r"(raw) : "r"(patterns[i]) : "ft0");
        printf("box %016llx: x+x = %08x\n", (unsigned long long)patterns[i], fbits(r));
    }
    float one = 1.0f;
    uint64_t boxed;
    __asm__ volatile("fmv.x.d %0, %1" : "=r"(boxed) : "f"(one));
    printf("flw result boxed: %016llx\n", (unsigned long long)boxed);

    volatile double z = 0.0, nan = NAN, snan;
    uint64_t sn = 0x7ff0000000000001ull;
    memcpy((void *)&snan, &sn, 8);
    printf("0/0 = %016llx, inf-inf = %016llx, sqrt(-1) = %016llx\n",
           (unsigned long long)dbits(z / z), (unsigned long long)dbits(INFINITY - INFINITY),
           (unsigned long long)dbits(sqrt(-1.0 + z)));
    printf("snan+1 = %016llx\n", (unsigned long long)dbits(snan + 1.0));
    printf("fmin(nan,1)=%g fmax(1,nan)=%g fmin(nan,nan)=%016llx\n", fmin(nan, 1.0),
           fmax(1.0, nan), (unsigned long long)dbits(fmin(nan, nan)));
    printf("fmin(-0,+0)=%g fmax(-0,+0)=%g fminf(+0,-0)=%g\n", fmin(-0.0, z), fmax(-0.0, z),
           (double)fminf(0.0f, -0.0f));
    double ds[] = { NAN, INFINITY, -INFINITY, 1e20, -1e20, 2147483647.5, -2147483648.9,
                    4294967295.9, -0.9, 9.3e18, 1.9e19 };
    for (unsigned i = 0; i < sizeof ds / sizeof ds[0]; i++) {
        long w, l, lu, wu;
        __asm__ volatile("fcvt.w.d %0, %1, rtz" : "=r"(w) : "f"(ds[i]));
        __asm__ volatile("fcvt.wu.d %0, %1, rtz" : "=r"(wu) : "f"(ds[i]));
        __asm__ volatile("fcvt.l.d %0, %1, rtz" : "=r"(l) : "f"(ds[i]));
        __asm__ volatile("fcvt.lu.d %0, %1, rtz" : "=r"(lu) : "f"(ds[i]));
        printf("fcvt %-14g w=%ld wu=%#lx l=%ld lu=%#lx\n", ds[i], w, wu, l, lu);
    }
    double cl[] = { -INFINITY, -1.0, -1e-310, -0.0, 0.0, 1e-310, 1.0, INFINITY, snan, NAN };
    for (int i = 0; i < 10; i++) {
        long c;
        __asm__ volatile("fclass.d %0, %1" : "=r"(c) : "f"(cl[i]));
        printf("fclass %d = %#lx\n", i, c);
    }
    double a = -2.5, b = 3.0, r1, r2, r3;
    __asm__("fsgnj.d %0, %1, %2" : "=f"(r1) : "f"(a), "f"(b));
    __asm__("fsgnjn.d %0, %1, %2" : "=f"(r2) : "f"(a), "f"(b));
    __asm__("fsgnjx.d %0, %1, %2" : "=f"(r3) : "f"(a), "f"(a));
    printf("fsgnj %g fsgnjn %g fsgnjx %g\n", r1, r2, r3);
    printf("nan==nan %d nan<1 %d nan!=nan %d isunordered %d\n", nan == nan, nan < 1.0,
           nan != nan, isunordered(nan, 1.0));
    float fs = (float)1e40, fsub = (float)1e-45;
    printf("float overflow %g, smallest %a, double->float of nan %08x\n", fs, fsub,
           fbits((float)nan));
    return 0;
}
