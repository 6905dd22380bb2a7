/* Uses MB megabytes of stack (argv[1]), touching every page: fits in a
 * stack of that size plus some (-s), else SIGSEGV.  tests/runtime/check_cli.py */
#include <stdio.h>
#include <stdlib.h>

static __attribute__((noinline)) long touch(volatile char *p, long n)
{
    long sum = 0;
    for (long i = 0; i < n; i += 4096) {
        p[i] = (char)i;
        sum += p[i];
    }
    return sum;
}

int main(int argc, char **argv)
{
    long mb = argc > 1 ? atol(argv[1]) : 1;
    long n = mb << 20;
    volatile char big[n];
    printf("touched %ld MiB: %ld\n", mb, touch(big, n) & 0xff);
    return 0;
}
