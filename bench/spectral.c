/* spectral: spectral norm of an infinite matrix by power iteration (double divides). */
#include "bench.h"
#include <math.h>

#define N 250

static double a(long i, long j)
{
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

static void mul_av(const double *v, double *out)
{
    for (long i = 0; i < N; i++) {
        double s = 0;
        for (long j = 0; j < N; j++)
            s += a(i, j) * v[j];
        out[i] = s;
    }
}

static void mul_atv(const double *v, double *out)
{
    for (long i = 0; i < N; i++) {
        double s = 0;
        for (long j = 0; j < N; j++)
            s += a(j, i) * v[j];
        out[i] = s;
    }
}

static void mul_atav(const double *v, double *out, double *tmp)
{
    mul_av(v, tmp);
    mul_atv(tmp, out);
}

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    static double u[N], v[N], tmp[N];
    uint64_t sum = 0;
    for (long r = 0; r < scale * 7; r++) {
        for (long i = 0; i < N; i++)
            u[i] = 1.0 + (double)r / 16;
        for (int k = 0; k < 5; k++) {
            mul_atav(u, v, tmp);
            mul_atav(v, u, tmp);
        }
        double vbv = 0, vv = 0;
        for (long i = 0; i < N; i++) {
            vbv += u[i] * v[i];
            vv += v[i] * v[i];
        }
        sum = bench_mix_double(sum, sqrt(vbv / vv));
    }
    bench_result("spectral", sum);
    return 0;
}
