/* hashtab: open-addressing hash table (insert, lookup, delete); random access. */
#include "bench.h"

#define CAP (1 << 18)
#define EMPTY 0
#define TOMB 1

struct slot { uint64_t key, val; };
static struct slot tab[CAP];

static inline uint64_t hash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 29;
    return k;
}

static void put(uint64_t k, uint64_t v)
{
    uint64_t i = hash(k) & (CAP - 1);
    long tomb = -1;
    for (;;) {
        if (tab[i].key == EMPTY) {
            if (tomb >= 0) i = (uint64_t)tomb;
            tab[i].key = k; tab[i].val = v;
            return;
        }
        if (tab[i].key == TOMB) {
            if (tomb < 0) tomb = (long)i;
        } else if (tab[i].key == k) {
            tab[i].val = v;
            return;
        }
        i = (i + 1) & (CAP - 1);
    }
}

static struct slot *find(uint64_t k)
{
    uint64_t i = hash(k) & (CAP - 1);
    while (tab[i].key != EMPTY) {
        if (tab[i].key == k) return &tab[i];
        i = (i + 1) & (CAP - 1);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    uint64_t sum = 0;
    for (long r = 0; r < scale * 20; r++) {
        memset(tab, 0, sizeof tab);
        uint64_t seed = 1000 + (uint64_t)r;
        for (long i = 0; i < CAP / 2; i++) {
            uint64_t k = (bench_rand(&seed) & 0xfffff) + 2;
            put(k, (uint64_t)i);
        }
        seed = 77;
        uint64_t hits = 0, acc = 0;
        for (long i = 0; i < CAP; i++) {
            uint64_t k = (bench_rand(&seed) & 0xfffff) + 2;
            struct slot *s = find(k);
            if (s) {
                hits++;
                acc += s->val;
                if (i & 1) s->key = TOMB;
            }
        }
        sum = bench_mix(bench_mix(sum, hits), acc);
    }
    bench_result("hashtab", sum);
    return 0;
}
