/*
 * dhry: a Dhrystone-like mix written for rvtcg: small procedures passing
 * records by pointer, enum switches, fixed-size string copies and compares,
 * global and array accesses.  Not the Dhrystone source, same flavour.
 */
#include "bench.h"

enum kind { K_ONE, K_TWO, K_THREE, K_FOUR, K_FIVE };

struct rec {
    struct rec *next;
    enum kind kind;
    int32_t num;
    char text[32];
};

static struct rec recs[2];
static int32_t garr[64], garr2[64][64];
static int32_t gint;
static char gchar;
static int gbool;

static void __attribute__((noinline)) proc_kind(enum kind in, enum kind *out)
{
    *out = in;
    if (in == K_THREE)
        *out = K_FOUR;
    switch (in) {
    case K_ONE: *out = K_ONE; break;
    case K_TWO: *out = gint > 100 ? K_ONE : K_FOUR; break;
    case K_THREE: *out = K_TWO; break;
    case K_FOUR: break;
    case K_FIVE: *out = K_THREE; break;
    }
}

static void __attribute__((noinline)) proc_int(int32_t a, int32_t b, int32_t *out)
{
    *out = b + a + 2;
}

static void __attribute__((noinline)) proc_arr(int32_t *a, int32_t (*a2)[64], int32_t x, int32_t y)
{
    int32_t loc = x + 5;
    a[loc & 63] = y;
    a[(loc + 1) & 63] = a[loc & 63];
    a[(loc + 30) & 63] = loc;
    for (int32_t i = loc; i <= loc + 1; i++)
        a2[loc & 63][i & 63] = loc;
    a2[loc & 63][(loc - 1) & 63] += 1;
    a2[(loc + 20) & 63][loc & 63] = a[loc & 63];
    gint = 5;
}

static int __attribute__((noinline)) func_chars(char a, char b)
{
    if (a != b)
        return 0;
    gchar = a;
    return 1;
}

static int __attribute__((noinline)) func_strings(const char *s1, const char *s2)
{
    int32_t i = 2;
    while (i <= 2)
        if (func_chars(s1[i], s2[i + 1]) == 0)
            i++;
    if (strcmp(s1, s2) > 0) {
        gint = i + 7;
        return 1;
    }
    return 0;
}

static void __attribute__((noinline)) proc_rec(struct rec *r)
{
    struct rec *n = r->next;
    *n = *r;
    r->num = 5;
    n->num = r->num;
    n->next = r->next;
    proc_int(n->num, 10, &n->num);
    if (n->kind == K_ONE) {
        n->num = 6;
        proc_kind(r->kind, &n->kind);
        n->next = recs[0].next;
        proc_int(n->num, 10, &n->num);
    } else {
        *r = *n;
    }
}

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    char s1[32], s2[32];
    recs[0].next = &recs[1];
    recs[0].kind = K_THREE;
    recs[0].num = 40;
    strcpy(recs[0].text, "A RECORD, SOME STRING");
    recs[1].next = &recs[0];
    strcpy(s1, "A STRING, 1'ST STRING");
    uint64_t sum = 0;
    long iters = scale * 1000000;
    for (long it = 0; it < iters; it++) {
        int32_t a = 2, b = 3, c;
        enum kind k = K_ONE;
        gbool = (it & 3) == 0;
        strcpy(s2, (it & 1) ? "A STRING, 2'ND STRING" : "A STRING, 0'TH STRING");
        gbool = !func_strings(s1, s2);
        while (a < b) {
            c = 5 * a - b;
            proc_int(a, b, &c);
            a++;
        }
        proc_arr(garr, garr2, a, c);
        proc_rec(&recs[0]);
        for (char ch = 'A'; ch <= gchar; ch++) {
            proc_kind(K_ONE, &k);
            if (k == K_THREE)
                break;
        }
        recs[0].kind = (enum kind)(it % 5);
        b = b * a;
        a = b / (c | 1);
        b = 7 * (b - c) - a;
        sum += (uint64_t)(a + b + c + gint + recs[1].num + (int)k) + (uint64_t)strlen(s2);
    }
    sum = bench_mix(sum, (uint64_t)(uint32_t)garr[8]);
    sum = bench_mix(sum, (uint64_t)(uint32_t)garr2[8][7]);
    sum = bench_mix(sum, (uint64_t)gbool);
    bench_result("dhry", sum);
    return 0;
}
