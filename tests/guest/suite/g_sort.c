/* Sorting algorithms on the same pseudo-random data: merge sort, heap
 * sort, shell sort, radix sort and quicksort, each checked and hashed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 30000 };
static uint32_t src[N], a[N], tmp[N];

static void merge_sort(uint32_t *v, int n)
{
    if (n < 2) return;
    int m = n / 2;
    merge_sort(v, m);
    merge_sort(v + m, n - m);
    int i = 0, j = m, k = 0;
    while (i < m && j < n) tmp[k++] = v[i] <= v[j] ? v[i++] : v[j++];
    while (i < m) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}
static void sift(uint32_t *v, int i, int n)
{
    for (;;) {
        int c = 2 * i + 1;
        if (c >= n) return;
        if (c + 1 < n && v[c + 1] > v[c]) c++;
        if (v[i] >= v[c]) return;
        uint32_t t = v[i]; v[i] = v[c]; v[c] = t;
        i = c;
    }
}
static void heap_sort(uint32_t *v, int n)
{
    for (int i = n / 2 - 1; i >= 0; i--) sift(v, i, n);
    for (int e = n - 1; e > 0; e--) {
        uint32_t t = v[0]; v[0] = v[e]; v[e] = t;
        sift(v, 0, e);
    }
}
static void shell_sort(uint32_t *v, int n)
{
    for (int gap = n / 2; gap > 0; gap /= 2)
        for (int i = gap; i < n; i++) {
            uint32_t x = v[i];
            int j = i;
            for (; j >= gap && v[j - gap] > x; j -= gap) v[j] = v[j - gap];
            v[j] = x;
        }
}
static void radix_sort(uint32_t *v, int n)
{
    for (int shift = 0; shift < 32; shift += 8) {
        int cnt[257] = { 0 };
        for (int i = 0; i < n; i++) cnt[((v[i] >> shift) & 255) + 1]++;
        for (int i = 0; i < 256; i++) cnt[i + 1] += cnt[i];
        for (int i = 0; i < n; i++) tmp[cnt[(v[i] >> shift) & 255]++] = v[i];
        memcpy(v, tmp, n * sizeof *v);
    }
}
static void quick_sort(uint32_t *v, int lo, int hi)
{
    while (lo < hi) {
        uint32_t p = v[lo + (hi - lo) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < p) i++;
            while (v[j] > p) j--;
            if (i <= j) { uint32_t t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quick_sort(v, lo, j); lo = i; }
        else { quick_sort(v, i, hi); hi = j; }
    }
}

static void report(const char *name)
{
    int ok = 1;
    uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < N; i++) {
        if (i && a[i - 1] > a[i]) ok = 0;
        h = (h ^ a[i]) * 1099511628211ull;
    }
    printf("%-6s sorted=%d hash=%016llx min=%u max=%u\n", name, ok, (unsigned long long)h, a[0], a[N - 1]);
}

int main(void)
{
    uint32_t x = 2463534242u;
    for (int i = 0; i < N; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        src[i] = i % 10 == 0 ? src[i / 2] : x;
    }
    memcpy(a, src, sizeof a); merge_sort(a, N); report("merge");
    memcpy(a, src, sizeof a); heap_sort(a, N); report("heap");
    memcpy(a, src, sizeof a); shell_sort(a, N); report("shell");
    memcpy(a, src, sizeof a); radix_sort(a, N); report("radix");
    memcpy(a, src, sizeof a); quick_sort(a, 0, N - 1); report("quick");
    return 0;
}
