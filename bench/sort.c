/* sort: quicksort and top-down mergesort of 64-bit keys; branches, compares. */
#include "bench.h"

#define N 200000

static uint64_t a[N], b[N], tmp[N];

static void quicksort(uint64_t *v, long lo, long hi)
{
    while (lo < hi) {
        uint64_t p = v[lo + (hi - lo) / 2];
        long i = lo, j = hi;
        while (i <= j) {
            while (v[i] < p) i++;
            while (v[j] > p) j--;
            if (i <= j) {
                uint64_t t = v[i]; v[i] = v[j]; v[j] = t;
                i++; j--;
            }
        }
        if (j - lo < hi - i) {
            quicksort(v, lo, j);
            lo = i;
        } else {
            quicksort(v, i, hi);
            hi = j;
        }
    }
}

static void mergesort(uint64_t *v, uint64_t *t, long n)
{
    if (n < 2)
        return;
    long h = n / 2;
    mergesort(v, t, h);
    mergesort(v + h, t, n - h);
    long i = 0, j = h, k = 0;
    while (i < h && j < n)
        t[k++] = v[i] <= v[j] ? v[i++] : v[j++];
    while (i < h) t[k++] = v[i++];
    while (j < n) t[k++] = v[j++];
    memcpy(v, t, (size_t)n * sizeof *v);
}

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    uint64_t sum = 0, seed = 42;
    for (long r = 0; r < scale * 3; r++) {
        for (long i = 0; i < N; i++)
            a[i] = b[i] = bench_rand(&seed) >> (r & 7);
        quicksort(a, 0, N - 1);
        mergesort(b, tmp, N);
        for (long i = 0; i < N; i += 997)
            sum = bench_mix(sum, a[i] ^ (b[i] << 1));
        sum = bench_mix(sum, (uint64_t)memcmp(a, b, sizeof a) == 0);
    }
    bench_result("sort", sum);
    return 0;
}
