/* sieve: sieve of Eratosthenes over a byte array; tight loads/stores. */
#include "bench.h"

#define N 2000000

static unsigned char flags[N + 1];

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    uint64_t sum = 0;
    for (long r = 0; r < scale * 16; r++) {
        long n = N - r;
        memset(flags, 1, (size_t)n + 1);
        flags[0] = flags[1] = 0;
        for (long i = 2; i * i <= n; i++)
            if (flags[i])
                for (long j = i * i; j <= n; j += i)
                    flags[j] = 0;
        uint64_t count = 0, last = 0;
        for (long i = 0; i <= n; i++)
            if (flags[i]) {
                count++;
                last = (uint64_t)i;
            }
        sum = bench_mix(bench_mix(sum, count), last);
    }
    bench_result("sieve", sum);
    return 0;
}
