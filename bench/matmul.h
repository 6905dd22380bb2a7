/*
 * The dense matrix multiply of matmul_f.c and matmul_d.c, i-k-j loop
 * order (loads, mul/add): included with `real` and MATMUL_NAME defined.
 */
#include "bench.h"

#define N 120

static real A[N][N], B[N][N], C[N][N];

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    uint64_t seed = 17, sum = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            A[i][j] = (real)(bench_rand(&seed) % 1000) / 256 - 2;
            B[i][j] = (real)(bench_rand(&seed) % 1000) / 512 - 1;
        }
    for (long r = 0; r < scale * 5; r++) {
        memset(C, 0, sizeof C);
        for (int i = 0; i < N; i++)
            for (int k = 0; k < N; k++) {
                real aik = A[i][k];
                for (int j = 0; j < N; j++)
                    C[i][j] += aik * B[k][j];
            }
        for (int i = 0; i < N; i++)
            A[i][(i + r) % N] = C[i][i] / 1024;
        sum = bench_mix_double(sum, (double)C[r % N][(r * 7) % N]);
    }
    real tr = 0;
    for (int i = 0; i < N; i++)
        tr += C[i][i];
    sum = bench_mix_double(sum, (double)tr);
    bench_result(MATMUL_NAME, sum);
    return 0;
}
