/* ptrchase: walk a randomly permuted linked list; dependent loads, cache misses. */
#include "bench.h"

#define N (1 << 18)

struct node { struct node *next; uint64_t val; };
static struct node nodes[N];
static uint32_t perm[N];

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    uint64_t seed = 3;
    for (uint32_t i = 0; i < N; i++)
        perm[i] = i;
    for (uint32_t i = N - 1; i > 0; i--) {
        uint32_t j = (uint32_t)(bench_rand(&seed) % (i + 1));
        uint32_t t = perm[i]; perm[i] = perm[j]; perm[j] = t;
    }
    for (uint32_t i = 0; i < N; i++) {
        nodes[perm[i]].next = &nodes[perm[(i + 1) % N]];
        nodes[perm[i]].val = i * 2654435761u;
    }
    uint64_t sum = 0;
    struct node *p = &nodes[perm[0]];
    for (long r = 0; r < scale * 34; r++) {
        uint64_t acc = 0;
        for (long i = 0; i < N; i++) {
            acc += p->val ^ (uint64_t)i;
            p = p->next;
        }
        sum = bench_mix(sum, acc);
    }
    bench_result("ptrchase", sum);
    return 0;
}
