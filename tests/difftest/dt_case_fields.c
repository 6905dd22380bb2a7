/*
 * Case generation, first half: the value of every field from its role
 * (registers with aliasing and x0, immediates from their edges, jump
 * displacements, rounding modes, CSRs), encoded into an instruction word
 * by dt_encode().
 */
#include "dt_case_internal.h"
#include "dt_hints.h"

#include <stdio.h>

enum { ENCODE_TRIES = 60 };

/* A register number from `valid`: sometimes x0/f0, sometimes one already
 * used by another operand (aliasing), else uniform. */
static int pick_reg(DtRng *r, uint32_t valid, const int *used, int nused,
                    bool nonzero)
{
    if (nonzero)
        valid &= ~1u;
    if (!valid)
        return -1;
    if ((valid & 1) && dt_rng_pct(r, 8))
        return 0;
    if (nused && dt_rng_pct(r, 25)) {
        int u = used[dt_rng_below(r, (uint32_t)nused)];
        if (valid >> u & 1)
            return u;
    }
    uint32_t n = (uint32_t)__builtin_popcount(valid);
    return dt_nth_bit(valid, (int)dt_rng_below(r, n));
}

static int64_t clamp_step(const DtFieldLayout *f, int64_t v)
{
    v -= v % f->step;
    if (v < f->min)
        v = f->min;
    if (v > f->max)
        v = f->max;
    return v;
}

/* Immediate edge number `which` of field f, for the first cases. */
static int imm_edges(const DtFieldLayout *f, int64_t *e)
{
    int n = 0;
    e[n++] = f->min;
    e[n++] = f->max;
    e[n++] = 0;
    e[n++] = f->step;
    e[n++] = -f->step;
    e[n++] = f->min + f->step;
    e[n++] = f->max - f->step;
    e[n++] = 31 * f->step;
    e[n++] = 32 * f->step;
    e[n++] = 63;
    e[n++] = 64;
    e[n++] = 1;
    e[n++] = -1;
    return n;
}

static int64_t pick_imm(Gen *g, const DtFieldLayout *f, int idx)
{
    int64_t e[16];
    int n = imm_edges(f, e);
    if (idx < n)
        return e[idx];
    if (dt_rng_pct(&g->rng, 35))
        return e[dt_rng_below(&g->rng, (uint32_t)n)];
    /* random bits of the field */
    int64_t v = f->c;
    for (int b = 0; b < 32; b++)
        if ((f->bits >> b & 1) && dt_rng_below(&g->rng, 2))
            v += f->weight[b];
    return v;
}

bool dt_target_ok(int64_t t, int len)
{
    return t < -ZONE_GUARD || t >= len;
}

/* A jump displacement: the extremes first, then mostly short ones (each
 * byte of displacement is a byte of test program). */
static int64_t pick_displacement(Gen *g, const DtFieldLayout *f, int idx,
                                 int len)
{
    DtRng *r = &g->rng;
    for (int t = 0; t < 50; t++) {
        int64_t v;
        if (idx == 0 && t == 0)
            v = f->max;
        else if (idx == 1 && t == 0)
            v = f->min;
        else if (dt_rng_pct(r, 65))
            v = f->step * (1 + dt_rng_below(r, 40)) *
                (dt_rng_below(r, 2) ? 1 : -1);
        else
            v = (int64_t)dt_rng_below(r, 4097) - 2048;
        v = clamp_step(f, v);
        if (dt_target_ok(v, len))
            return v;
    }
    return f->max;
}

/* Choice of every field value of one case. */
static void choose_fields(Gen *g, int idx, Special sp, int64_t *t,
                          unsigned *want, char *note, size_t notelen)
{
    const DtShape *s = g->s;
    DtRng *r = &g->rng;
    int xused[8], nx = 0, fused[8], nf = 0;
    bool first_imm = true;
    int len = s->pat->width / 8;
    *want = 0;

    for (int i = 0; i < s->nfields; i++) {
        const DtFieldLayout *f = &s->lay.f[i];
        if (s->role[i] == DT_ROLE_FIXED || f->alias >= 0)
            continue;
        switch (s->role[i]) {
        case DT_ROLE_XREG: {
            bool nz = i == s->mem_base;
            int v = pick_reg(r, s->reg_valid[i], xused, nx, nz);
            if (v < 0)
                continue;
            t[i] = v;
            xused[nx++] = v;
            break;
        }
        case DT_ROLE_FREG: {
            int v = pick_reg(r, s->reg_valid[i], fused, nf, false);
            if (v < 0)
                continue;
            t[i] = v;
            fused[nf++] = v;
            break;
        }
        case DT_ROLE_IMM:
            t[i] = pick_imm(g, f, first_imm ? idx : idx + 1000);
            first_imm = false;
            break;
        case DT_ROLE_PCREL:
            t[i] = pick_displacement(g, f, idx, len);
            break;
        case DT_ROLE_RM: {
            static const int cycle[10] = { 0, 1, 2, 3, 4, 7, 7, 7, 7, 7 };
            t[i] = cycle[idx % 10];
            if (sp == SP_RM_STATIC_BAD)
                t[i] = 5 + (int)dt_rng_below(r, 2);
            if (sp == SP_RM_DYN_BAD)
                t[i] = 7;
            break;
        }
        case DT_ROLE_CSR: {
            const DtUserCsr *csrs;
            int ncsr = dt_user_csrs(&csrs);
            if (sp == SP_CSR_BAD) {
                unsigned v;
                bool user;
                do {
                    v = dt_rng_below(r, 4096);
                    user = false;
                    for (int c = 0; c < ncsr; c++)
                        user |= csrs[c].num == v;
                } while (user);
                t[i] = v;
                snprintf(note, notelen, "inaccessible CSR");
            } else {
                bool counter = sp == SP_CSR_COUNTER_WRITE ||
                               dt_rng_pct(r, 8);
                int c;
                do {
                    c = (int)dt_rng_below(r, (uint32_t)ncsr);
                } while (csrs[c].read_only != counter);
                t[i] = csrs[c].num;
                if (sp == SP_CSR_COUNTER_WRITE)
                    snprintf(note, notelen, "write to a read-only counter");
            }
            break;
        }
        case DT_ROLE_BITS:
        case DT_ROLE_FIXED:
            continue;       /* random bits */
        }
        *want |= 1u << i;
    }
}

/* Reading a counter: rs1 = x0 (CSRRS/CSRRC) or uimm = 0 (CSRRSI/CSRRCI)
 * makes the instruction a pure read (Zicsr 9.1); CSRRW[I] always writes,
 * and writing a read-only CSR is illegal. */
static void fix_counter_rs1(Gen *g, Special sp, int64_t *t, unsigned *want)
{
    const DtShape *s = g->s;
    int rs1 = dt_field_index(s->pat->dp, "rs1");
    if (s->csr < 0 || rs1 < 0)
        return;
    const DtUserCsr *csrs;
    int ncsr = dt_user_csrs(&csrs);
    for (int c = 0; c < ncsr; c++)
        if (csrs[c].num == (unsigned)t[s->csr] && csrs[c].read_only) {
            t[rs1] = sp == SP_CSR_COUNTER_WRITE
                         ? 1 + dt_rng_below(&g->rng, 31) : 0;
            *want |= 1u << rs1;
        }
}

bool dt_case_encode(Gen *g, int idx, Special sp, DtCase *c)
{
    const DtShape *s = g->s;
    for (int tries = 0; tries < ENCODE_TRIES; tries++) {
        int64_t t[DECODE_DISAS_MAX_FIELDS] = { 0 };
        unsigned want;
        c->note[0] = 0;
        choose_fields(g, idx, sp, t, &want, c->note, sizeof c->note);
        fix_counter_rs1(g, sp, t, &want);
        /* after many failures keep only the fields that matter most */
        if (tries > ENCODE_TRIES / 2)
            want &= (s->rm >= 0 ? 1u << s->rm : 0) |
                    (s->csr >= 0 ? 1u << s->csr : 0);
        if (dt_encode(&s->lay, t, want, &g->rng, &c->insn, &c->dec)) {
            if (s->pcrel >= 0 &&
                !dt_target_ok(c->dec.val[s->pcrel], s->pat->width / 8))
                continue;
            return true;
        }
    }
    return false;
}
