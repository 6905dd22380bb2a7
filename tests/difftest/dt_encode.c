/*
 * Learning field layouts by bit flips, and solving field values back into
 * instruction bits (see dt_encode.h).
 */
#include "dt_encode.h"

#include <string.h>

enum { BASE_TRIES = 200000, PAIR_TRIES = 4000 };

static bool decodes_as(const DtLayout *l, uint32_t w, DecodeDisasInsn *d)
{
    return dt_decode(l->pat->width, w, d) && d->pat == l->pat->dp;
}

static uint32_t random_word(const DtLayout *l, DtRng *rng)
{
    const DecodeDisasPattern *dp = l->pat->dp;
    return (dp->fixedbits | ((uint32_t)dt_rng_next(rng) & l->free)) &
           l->widthmask;
}

/* Finds words w0 (bit b clear) and w1 (bit b set) that both decode as the
 * pattern; the per-field difference is the bit's weight. */
static bool probe_bit(DtLayout *l, int b, DtRng *rng)
{
    uint32_t bit = 1u << b;
    DecodeDisasInsn d0, d1;
    for (int t = 0; t < PAIR_TRIES; t++) {
        uint32_t w = t == 0 ? l->base : random_word(l, rng);
        if (!decodes_as(l, w & ~bit, &d0) || !decodes_as(l, w | bit, &d1))
            continue;
        for (int i = 0; i < l->nfields; i++) {
            int64_t dw = (int64_t)d1.val[i] - d0.val[i];
            l->f[i].weight[b] = dw;
            if (dw)
                l->f[i].bits |= bit;
        }
        return true;
    }
    return false;
}

static int64_t abs64(int64_t v)
{
    return v < 0 ? -v : v;
}

bool dt_layout_probe(DtLayout *l, const DtPattern *p, DtRng *rng)
{
    memset(l, 0, sizeof *l);
    l->pat = p;
    l->nfields = p->dp->nfields;
    l->widthmask = p->width == 16 ? 0xffffu : 0xffffffffu;
    l->free = ~p->dp->fixedmask & l->widthmask;

    DecodeDisasInsn d;
    bool found = false;
    for (int t = 0; t < BASE_TRIES && !found; t++) {
        l->base = random_word(l, rng);
        found = decodes_as(l, l->base, &d);
    }
    if (!found)
        return false;

    uint32_t known = 0;
    for (int b = 0; b < 32; b++)
        if ((l->free >> b & 1) && probe_bit(l, b, rng))
            known |= 1u << b;

    uint32_t read = 0;
    for (int i = 0; i < l->nfields; i++) {
        DtFieldLayout *f = &l->f[i];
        read |= f->bits;
        f->c = d.val[i];
        f->min = f->max = 0;
        f->step = 0;
        for (int b = 0; b < 32; b++) {
            if (!(f->bits >> b & 1))
                continue;
            if (l->base >> b & 1)
                f->c -= f->weight[b];
            if (f->weight[b] < 0)
                f->min += f->weight[b];
            else
                f->max += f->weight[b];
            if (!f->step || abs64(f->weight[b]) < f->step)
                f->step = abs64(f->weight[b]);
        }
        f->min += f->c;
        f->max += f->c;
        if (!f->step)
            f->step = 1;
        f->alias = -1;
        for (int j = 0; j < i && f->bits; j++)
            if (l->f[j].bits == f->bits &&
                memcmp(l->f[j].weight, f->weight, sizeof f->weight) == 0 &&
                l->f[j].c == f->c) {
                f->alias = j;
                break;
            }
    }
    l->ignored = l->free & known & ~read;
    return true;
}

bool dt_field_solve(const DtLayout *l, int i, int64_t v, uint32_t *bits)
{
    const DtFieldLayout *f = &l->f[i];
    int order[32], n = 0;
    for (int b = 0; b < 32; b++)
        if (f->bits >> b & 1)
            order[n++] = b;
    /* smallest |weight| first (insertion sort) */
    for (int a = 1; a < n; a++)
        for (int c = a; c > 0 && abs64(f->weight[order[c]]) <
                                 abs64(f->weight[order[c - 1]]); c--) {
            int t = order[c];
            order[c] = order[c - 1];
            order[c - 1] = t;
        }
    /* Each weight is +-2^e: take a bit when the remainder has bit e set,
     * which is the same test for +2^e and -2^e. */
    int64_t r = v - f->c;
    uint32_t out = 0;
    for (int a = 0; a < n; a++) {
        int64_t w = f->weight[order[a]];
        if ((uint64_t)r & (uint64_t)abs64(w)) {
            out |= 1u << order[a];
            r -= w;
        }
    }
    if (r != 0)
        return false;
    *bits = out;
    return true;
}

bool dt_encode(const DtLayout *l, const int64_t *target, unsigned want,
               DtRng *rng, uint32_t *word, DecodeDisasInsn *out)
{
    uint32_t w = random_word(l, rng);
    for (int i = 0; i < l->nfields; i++) {
        if (!(want >> i & 1) || !l->f[i].bits || l->f[i].alias >= 0)
            continue;
        uint32_t bits;
        if (!dt_field_solve(l, i, target[i], &bits))
            return false;
        w = (w & ~l->f[i].bits) | bits;
    }
    DecodeDisasInsn d;
    if (!decodes_as(l, w, &d))
        return false;
    for (int i = 0; i < l->nfields; i++)
        if ((want >> i & 1) && d.val[i] != target[i])
            return false;
    *word = w;
    if (out)
        *out = d;
    return true;
}
