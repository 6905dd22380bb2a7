/* qsort on ints, doubles, strings and structs (with a stable tie-break),
 * checked against insertion sort; a linear congruential generator gives
 * the same data in every run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long seed = 12345;
static unsigned rnd(void)
{
    seed = seed * 6364136223846793005ul + 1442695040888963407ul;
    return (unsigned)(seed >> 33);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}
struct rec { int key; int idx; };
static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key)
        return x->key - y->key;
    return x->idx - y->idx;
}

int main(void)
{
    enum { N = 20000 };
    static int a[N], b[N];
    for (int i = 0; i < N; i++)
        a[i] = b[i] = (int)(rnd() % 100000) - 50000;
    qsort(a, N, sizeof a[0], cmp_int);
    for (int i = 1; i < N; i++) {   /* insertion sort on a prefix */
        if (i >= 2000)
            break;
        int v = b[i], j = i - 1;
        while (j >= 0 && b[j] > v) {
            b[j + 1] = b[j];
            j--;
        }
        b[j + 1] = v;
    }
    long sum = 0;
    int sorted = 1;
    for (int i = 0; i < N; i++) {
        sum += (long)a[i] * (i % 7);
        if (i && a[i - 1] > a[i])
            sorted = 0;
    }
    printf("ints sorted %d, weighted sum %ld, min %d max %d median %d\n", sorted, sum,
           a[0], a[N - 1], a[N / 2]);
    printf("prefix of insertion sort: %d %d %d\n", b[0], b[1], b[1999]);

    static double d[5000];
    for (int i = 0; i < 5000; i++)
        d[i] = (double)rnd() / 7.0 - 1e8;
    qsort(d, 5000, sizeof d[0], cmp_dbl);
    printf("doubles: %.17g %.17g %.17g\n", d[0], d[2500], d[4999]);

    static char bufs[1000][12];
    char *s[1000];
    for (int i = 0; i < 1000; i++) {
        int len = 1 + rnd() % 10;
        for (int k = 0; k < len; k++)
            bufs[i][k] = 'a' + rnd() % 26;
        bufs[i][len] = 0;
        s[i] = bufs[i];
    }
    qsort(s, 1000, sizeof s[0], cmp_str);
    printf("strings: %s %s %s %s\n", s[0], s[1], s[500], s[999]);

    static struct rec r[3000];
    for (int i = 0; i < 3000; i++) {
        r[i].key = rnd() % 50;
        r[i].idx = i;
    }
    qsort(r, 3000, sizeof r[0], cmp_rec);
    unsigned long h = 0;
    for (int i = 0; i < 3000; i++)
        h = h * 31 + r[i].idx;
    printf("records hash %lu first (%d,%d) last (%d,%d)\n", h, r[0].key, r[0].idx,
           r[2999].key, r[2999].idx);
    return 0;
}
