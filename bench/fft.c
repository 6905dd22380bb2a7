/*
 * fft: iterative radix-2 complex FFT forward and inverse (double).  The
 * twiddle factors come from a Taylor series of our own so no libm
 * transcendental (not bit-identical across architectures) is involved.
 */
#include "bench.h"

#define LOGN 14
#define N (1 << LOGN)

static double re[N], im[N], wr[N / 2], wi[N / 2];

/* sin and cos of x in [-pi, pi] by Taylor series: deterministic, accurate enough. */
static void sincos_taylor(double x, double *s, double *c)
{
    double x2 = x * x, term = x, ss = x, cc = 1, tc = 1;
    for (int k = 1; k < 20; k++) {
        term = -term * x2 / (double)((2 * k) * (2 * k + 1));
        tc = -tc * x2 / (double)((2 * k - 1) * (2 * k));
        ss += term;
        cc += tc;
    }
    *s = ss;
    *c = cc;
}

static void fft(double *xr, double *xi, int inverse)
{
    for (unsigned i = 1, j = 0; i < N; i++) {
        unsigned bit = N >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j) {
            double t = xr[i]; xr[i] = xr[j]; xr[j] = t;
            t = xi[i]; xi[i] = xi[j]; xi[j] = t;
        }
    }
    for (unsigned len = 2; len <= N; len <<= 1) {
        unsigned step = N / len;
        for (unsigned i = 0; i < N; i += len)
            for (unsigned k = 0; k < len / 2; k++) {
                double cr = wr[k * step], ci = inverse ? -wi[k * step] : wi[k * step];
                unsigned p = i + k, q = p + len / 2;
                double tr = xr[q] * cr - xi[q] * ci;
                double ti = xr[q] * ci + xi[q] * cr;
                xr[q] = xr[p] - tr; xi[q] = xi[p] - ti;
                xr[p] += tr; xi[p] += ti;
            }
    }
    if (inverse)
        for (unsigned i = 0; i < N; i++) {
            xr[i] /= N;
            xi[i] /= N;
        }
}

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    const double pi = 3.141592653589793;
    for (int k = 0; k < N / 2; k++)
        sincos_taylor(-2 * pi * k / N, &wi[k], &wr[k]);
    uint64_t seed = 23, sum = 0;
    for (int i = 0; i < N; i++) {
        re[i] = (double)(bench_rand(&seed) % 2001) / 1000 - 1;
        im[i] = 0;
    }
    for (long r = 0; r < scale * 14; r++) {
        fft(re, im, 0);
        sum = bench_mix_double(sum, re[r % N]);
        sum = bench_mix_double(sum, im[(r * 3) % N]);
        fft(re, im, 1);
        re[r % N] += 0.5;
    }
    sum = bench_mix_double(sum, re[1]);
    bench_result("fft", sum);
    return 0;
}
