/* libm results printed exactly (%a): trigonometry, exponentials,
 * logarithms, pow, sqrt, fma, rounding functions, nextafter, frexp. */
#include <math.h>
#include <stdio.h>

static volatile double in[] = { 0.0, 0.5, 1.0, -1.0, 2.0, 3.14159, 10.0, -7.25,
                                1e-10, 100.5, 0.7853981633974483 };

int main(void)
{
    for (unsigned i = 0; i < sizeof in / sizeof in[0]; i++) {
        double x = in[i];
        printf("x=%a sin=%a cos=%a tan=%a\n", x, sin(x), cos(x), tan(x));
        printf("  exp=%a expm1=%a log=%a log2=%a log10=%a log1p=%a\n",
               exp(x), expm1(x), log(fabs(x) + 1), log2(fabs(x) + 1),
               log10(fabs(x) + 1), log1p(fabs(x)));
        printf("  sqrt=%a cbrt=%a pow=%a atan2=%a hypot=%a\n", sqrt(fabs(x)),
               cbrt(x), pow(fabs(x) + 0.5, 1.7), atan2(x, 1.5), hypot(x, 3.0));
        printf("  sinh=%a tanh=%a asin=%a erf=%a tgamma=%a\n", sinh(x), tanh(x),
               asin(x / 200.0), erf(x), tgamma(fabs(x) + 0.5));
        printf("  floor=%a ceil=%a round=%a trunc=%a rint=%a lround=%ld llrint=%lld\n",
               floor(x), ceil(x), round(x), trunc(x), rint(x), lround(x), llrint(x));
        printf("  fma=%a fmod=%a remainder=%a\n", fma(x, 3.0, -0.1), fmod(x, 0.3),
               remainder(x, 0.3));
        int e;
        double m = frexp(x, &e);
        printf("  frexp=%a,%d ldexp=%a nextafter=%a,%a\n", m, e, ldexp(x, 5),
               nextafter(x, 1e9), nextafter(x, -1e9));
    }
    float f = 0.3f;
    printf("sinf=%a expf=%a sqrtf=%a fmaf=%a powf=%a\n", sinf(f), expf(f), sqrtf(f),
           fmaf(f, f, f), powf(f, 2.5f));
    printf("lround(2.5)=%ld lround(-2.5)=%ld lrint(2.5)=%ld lrint(3.5)=%ld\n",
           lround(2.5), lround(-2.5), lrint(2.5), lrint(3.5));
    printf("nextafter(0,1)=%a nextafter(1,2)=%a\n", nextafter(0.0, 1.0), nextafter(1.0, 2.0));
    printf("isnan=%d isinf=%d signbit=%d fpclassify=%d,%d\n", isnan(sqrt(-1.0)) != 0,
           isinf(log(0.0)) != 0, signbit(-0.0) != 0, fpclassify(1e-310), fpclassify(1.0));
    return 0;
}
