/*
 * strsearch: find many patterns in a generated text, naively and with
 * Boyer-Moore-Horspool; byte compares and short loops.
 */
#include "bench.h"

#define TLEN (1 << 18)

static unsigned char text[TLEN];

static long count_naive(const unsigned char *t, long n, const unsigned char *p, long m)
{
    long c = 0;
    for (long i = 0; i + m <= n; i++) {
        long k = 0;
        while (k < m && t[i + k] == p[k])
            k++;
        if (k == m)
            c++;
    }
    return c;
}

static long count_horspool(const unsigned char *t, long n, const unsigned char *p, long m)
{
    long shift[256], c = 0;
    for (int i = 0; i < 256; i++)
        shift[i] = m;
    for (long i = 0; i < m - 1; i++)
        shift[p[i]] = m - 1 - i;
    for (long i = 0; i + m <= n; i += shift[t[i + m - 1]]) {
        long k = m - 1;
        while (k >= 0 && t[i + k] == p[k])
            k--;
        if (k < 0)
            c++;
    }
    return c;
}

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    uint64_t seed = 11, sum = 0;
    /* a small alphabet so partial matches are common */
    for (long i = 0; i < TLEN; i++)
        text[i] = (unsigned char)('a' + bench_rand(&seed) % 4);
    for (long r = 0; r < scale * 70; r++) {
        unsigned char pat[16];
        long m = 3 + r % 10;
        long at = (long)(bench_rand(&seed) % (TLEN - 16));
        memcpy(pat, text + at, (size_t)m);
        long a = count_naive(text, TLEN, pat, m);
        long b = count_horspool(text, TLEN, pat, m);
        sum = bench_mix(bench_mix(sum, (uint64_t)a), (uint64_t)b);
    }
    bench_result("strsearch", sum);
    return 0;
}
