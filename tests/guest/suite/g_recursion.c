/* Deep recursion: a 200000-frame linear recursion (about 10 MB of the 8
 * MiB default stack would be too much, so frames are small), Ackermann,
 * mutual recursion, and memoized Fibonacci. */
#include <stdio.h>

static long __attribute__((noinline)) down(long n, volatile long *sink)
{
    long here = n;
    *sink += here;
    if (n == 0)
        return 0;
    return down(n - 1, sink) + 1 + (here & 1);
}

static int ack(int m, int n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static long memo[91];
static long fib(int n)
{
    if (n < 2)
        return n;
    if (memo[n])
        return memo[n];
    return memo[n] = fib(n - 1) + fib(n - 2);
}

int main(void)
{
    volatile long sink = 0;
    long r = down(200000, &sink);
    printf("down(200000) = %ld, sink %ld\n", r, sink);
    printf("ack(2,3) = %d, ack(3,5) = %d\n", ack(2, 3), ack(3, 5));
    printf("is_even(100001) = %d\n", is_even(100001));
    printf("fib(90) = %ld\n", fib(90));
    return 0;
}
