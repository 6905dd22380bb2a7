/* A guest program with a little of everything the compiler emits for RV64GC:
 * integer and floating-point arithmetic, division, atomics and calls. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    long v[64];
    unsigned long seed = 12345;
    for (int i = 0; i < 64; i++) {
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        v[i] = (long)(seed >> 33) - (1L << 30);
    }
    qsort(v, 64, sizeof v[0], cmp);

    double sum = 0;
    float fsum = 0;
    for (int i = 0; i < 64; i++) {
        sum += (double)v[i] / (i + 1);
        fsum += (float)v[i] * 0.5f;
    }
    _Atomic long counter = 0;
    for (int i = 0; i < 10; i++)
        atomic_fetch_add(&counter, v[i] % 7);
    printf("%ld %ld %.6f %.3f %ld\n", v[0], v[63], sum, (double)fsum,
           (long)counter);
    return 0;
}
