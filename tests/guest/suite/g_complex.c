/* <complex.h>: arithmetic (including the C99 Annex G multiply/divide
 * libgcc routines __muldc3/__divdc3 with infinities), cexp, clog,
 * csqrt, cpow, cabs, carg, conj and a 64-point DFT of a known signal. */
#include <complex.h>
#include <math.h>
#include <stdio.h>

static void show(const char *what, double complex z) { printf("%-10s %a %a\n", what, creal(z), cimag(z)); }

int main(void)
{
    volatile double re = 1.5, im = -2.0;
    double complex a = re + im * I, b = 0.5 + 3.0 * I;
    show("a*b", a * b);
    show("a/b", a / b);
    show("cexp(a)", cexp(a));
    show("clog(a)", clog(a));
    show("csqrt(a)", csqrt(a));
    show("cpow(a,b)", cpow(a, b));
    show("conj(a)", conj(a));
    show("csin(b)", csin(b));
    printf("cabs %a carg %a\n", cabs(a), carg(a));
    double complex inf = INFINITY + 1.0 * I;
    show("inf*b", inf * b);
    show("b/0", b / (0.0 * re));
    enum { N = 64 };
    double complex x[N], X[N];
    for (int n = 0; n < N; n++) x[n] = cos(2 * M_PI * 5 * n / N) + 0.5 * sin(2 * M_PI * 12 * n / N);
    for (int k = 0; k < N; k++) {
        X[k] = 0;
        for (int n = 0; n < N; n++) X[k] += x[n] * cexp(-2 * M_PI * I * k * n / N);
    }
    for (int k = 0; k < N / 2; k++)
        if (cabs(X[k]) > 1e-9) printf("bin %2d magnitude %.6f\n", k, cabs(X[k]));
    float complex f = 1.0f + 2.0f * I;
    printf("float complex: %a %a\n", crealf(f * f), cimagf(f / (3.0f - I)));
    return 0;
}
