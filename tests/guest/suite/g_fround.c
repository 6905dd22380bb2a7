/* Rounding modes with fesetround (frm): the same divisions, conversions
 * and additions under FE_TONEAREST, FE_UPWARD, FE_DOWNWARD and
 * FE_TOWARDZERO; rint/nearbyint/lrint follow the mode, and explicit
 * rounding modes in instructions (rmm) are unaffected by frm. */
#include <fenv.h>
#include <math.h>
#include <stdio.h>

int main(void)
{
    const int modes[] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO };
    const char *names[] = { "nearest", "upward", "downward", "towardzero" };
    volatile double one = 1.0, three = 3.0, big = 1e16, m = -2.5;
    volatile float fone = 1.0f, fthree = 3.0f;
    for (int i = 0; i < 4; i++) {
        if (fesetround(modes[i]) != 0)
            printf("fesetround failed\n");
        printf("%-10s get=%d 1/3=%a -1/3=%a 1f/3f=%a big+1.5=%.17g\n", names[i],
               fegetround() == modes[i], one / three, -one / three, fone / fthree,
               big + 1.5);
        printf("           rint(-2.5)=%g rint(2.5)=%g nearbyint(0.5)=%g lrint(-1.5)=%ld "
               "sqrt(2)=%a (float)0.1=%a\n", rint(m), rint(-m), nearbyint(0.5), lrint(-1.5),
               sqrt(2.0 * one), (double)(float)(0.1 * one));
        long r;
        double h = 2.5 * one;
        __asm__ volatile("fcvt.l.d %0, %1, rmm" : "=r"(r) : "f"(h));
        long d;
        __asm__ volatile("fcvt.l.d %0, %1" : "=r"(d) : "f"(h));
        printf("           fcvt rmm(2.5)=%ld dyn(2.5)=%ld\n", r, d);
    }
    fesetround(FE_TONEAREST);
    unsigned long frm;
    __asm__ volatile("frrm %0" : "=r"(frm));
    printf("frm back to %lu\n", frm);
    return 0;
}
