/*
 * libc: exercises the C library rather than compiled loops: snprintf with
 * integers, strings and doubles, malloc/realloc/free of varying sizes,
 * memcpy, memmove, memset, strlen, strchr, strtol.  Under rvtcg all of it
 * is translated guest glibc code.
 */
#include "bench.h"

#define SLOTS 256

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    char *slot[SLOTS] = {0};
    size_t slen[SLOTS] = {0};
    char buf[256];
    uint64_t seed = 31, sum = 0;
    for (long it = 0; it < scale * 30000; it++) {
        uint64_t r = bench_rand(&seed);
        int n = snprintf(buf, sizeof buf, "item %ld: %08lx %s %.3f|",
                         it, (unsigned long)(r & 0xffffffff),
                         (r & 1) ? "odd" : "even", (double)(r % 100000) / 7);
        unsigned s = (unsigned)(r >> 40) % SLOTS;
        size_t len = strlen(buf);
        sum = bench_mix(sum, (uint64_t)n + len);
        if (slot[s] && (r & 6) == 0) {
            free(slot[s]);
            slot[s] = NULL;
            slen[s] = 0;
        }
        if (!slot[s]) {
            size_t cap = len + 1 + (r >> 20) % 2048;
            slot[s] = malloc(cap);
            memset(slot[s], 0, cap);
            memcpy(slot[s], buf, len + 1);
            slen[s] = len;
        } else {
            char *p = realloc(slot[s], slen[s] + len + 1);
            slot[s] = p;
            memcpy(p + slen[s], buf, len + 1);
            slen[s] += len;
            if (slen[s] > 4096) {
                memmove(p, p + slen[s] / 2, slen[s] - slen[s] / 2 + 1);
                slen[s] = strlen(p);
            }
        }
        char *colon = strchr(slot[s], ':');
        if (colon)
            sum = bench_mix(sum, (uint64_t)strtol(colon + 2, NULL, 16));
        sum = bench_mix(sum, (uint64_t)strlen(slot[s]));
    }
    for (int i = 0; i < SLOTS; i++)
        free(slot[i]);
    bench_result("libc", sum);
    return 0;
}
