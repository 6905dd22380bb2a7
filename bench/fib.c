/* fib: recursive Fibonacci; measures calls, returns and stack traffic. */
#include "bench.h"

static uint64_t __attribute__((noinline)) fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    uint64_t sum = 0;
    for (long i = 0; i < scale * 24; i++)
        sum = bench_mix(sum, fib(27 + (unsigned)(i & 1)));
    bench_result("fib", sum);
    return 0;
}
