/* Floating-point exception flags (fflags): each operation raises the
 * documented flags (inexact, underflow, overflow, divide by zero,
 * invalid), they accumulate until cleared, fegetexceptflag/
 * fesetexceptflag, feholdexcept/feupdateenv, and the fcsr CSR view. */
#include <fenv.h>
#include <math.h>
#include <stdio.h>

static void show(const char *what)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%-24s %s%s%s%s%s\n", what, f & FE_INVALID ? "NV " : "", f & FE_DIVBYZERO ? "DZ " : "",
           f & FE_OVERFLOW ? "OF " : "", f & FE_UNDERFLOW ? "UF " : "", f & FE_INEXACT ? "NX" : "");
}

int main(void)
{
    volatile double one = 1.0, zero = 0.0, three = 3.0, huge = 1e308, tiny = 1e-308, r;
    volatile float fbig = 3e38f, fr;
    feclearexcept(FE_ALL_EXCEPT); show("cleared");
    r = one + one;                show("1+1");
    r = one / three;              show("1/3");
    feclearexcept(FE_ALL_EXCEPT);
    r = one / zero;               show("1/0");
    feclearexcept(FE_ALL_EXCEPT);
    r = zero / zero;              show("0/0");
    feclearexcept(FE_ALL_EXCEPT);
    r = huge * 10.0;              show("1e308*10");
    feclearexcept(FE_ALL_EXCEPT);
    r = tiny / 1e10;              show("1e-308/1e10");
    feclearexcept(FE_ALL_EXCEPT);
    r = sqrt(-one);               show("sqrt(-1)");
    feclearexcept(FE_ALL_EXCEPT);
    fr = fbig * 2.0f;             show("3e38f*2");
    feclearexcept(FE_ALL_EXCEPT);
    fr = (float)huge;             show("(float)1e308");
    feclearexcept(FE_ALL_EXCEPT);
    volatile long l = (long)(huge); show("(long)1e308");
    feclearexcept(FE_ALL_EXCEPT);
    volatile int c = (zero < r);  show("0 < nan (signaling cmp)");
    feclearexcept(FE_ALL_EXCEPT);
    c += __builtin_isless(zero, r); show("isless(0, nan) (quiet)");
    feclearexcept(FE_ALL_EXCEPT);
    r = one / three; r = one / zero; show("accumulated");
    fexcept_t saved;
    fegetexceptflag(&saved, FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT); show("cleared again");
    fesetexceptflag(&saved, FE_DIVBYZERO); show("restored DZ only");
    fenv_t env;
    feholdexcept(&env);           show("after feholdexcept");
    r = one / three;              show("1/3 while held");
    feupdateenv(&env);            show("after feupdateenv");
    feraiseexcept(FE_OVERFLOW | FE_INVALID); show("feraiseexcept OF|NV");
    unsigned long fcsr, fflags;
    __asm__ volatile("frcsr %0" : "=r"(fcsr));
    __asm__ volatile("csrrci %0, fflags, 1" : "=r"(fflags));
    printf("fcsr=%#lx fflags=%#lx\n", fcsr, fflags);
    show("after csrrci NX");
    printf("l=%ld c=%d fr=%g\n", l, c, (double)fr);
    return 0;
}
