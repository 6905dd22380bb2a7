/* Floating-point printf: %f %e %g %a with precisions and flags, %.17g
 * round trips, long double, infinities, NaN, signed zero, denormals. */
#include <float.h>
#include <math.h>
#include <stdio.h>

int main(void)
{
    double v[] = { 0.0, -0.0, 1.0, -1.5, 0.1, 1.0 / 3.0, 2.0 / 3.0, 1e300, 1e-300,
                   DBL_MAX, DBL_MIN, DBL_TRUE_MIN, DBL_EPSILON, M_PI, -M_E,
                   123456789.125, 0.5, 2.5, -2.5, 1e21, 1e-7, 65536.0 };
    for (unsigned i = 0; i < sizeof v / sizeof v[0]; i++)
        printf("%.17g | %a | %e | %.3f | %g | %10.4G | %+.0f\n",
               v[i], v[i], v[i], v[i], v[i], v[i], v[i]);
    printf("%f %f %f %F\n", INFINITY, -INFINITY, NAN, INFINITY);
    printf("%e %g %a\n", -NAN, INFINITY, -INFINITY);
    printf("[%#.0f] [%#g] [%08.2f] [%-8.2f] [% .3e]\n", 3.0, 1.0, -3.14159, 2.5, 1234.5);
    printf("%.40f\n", 0.1);
    printf("%.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, 3.5);
    float f = 1.1f;
    printf("%.17g %a\n", f, f);
    long double ld = 1.0L / 3.0L;
    printf("%.36Lg\n%La\n", ld, ld);
    printf("%.30Le\n", (long double)M_PI);
    return 0;
}
