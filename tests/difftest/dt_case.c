/*
 * Case generation, second half: register values from the pools of
 * dt_values.c, operand pairs, fcsr, addresses into the data buffer and jump
 * targets next to the instruction, the SC reservation prologue, and the
 * registers the test program itself uses (see dt_case.h).  Field values
 * and the instruction word come from dt_case_fields.c.
 *
 * The last few cases of a pattern are "special": encodings or states that
 * must raise an exception (reserved rounding modes, inaccessible CSRs,
 * misaligned atomics).  The runner restarts the program after each case
 * that kills it, so these need no different treatment.
 */
#include "dt_case_internal.h"
#include "dt_values.h"

#include <stdio.h>
#include <string.h>

enum { TERMINATING_CASES = 4, MIN_CASES_FOR_SPECIALS = 20 };

int dt_case_count(const DtShape *s, int n)
{
    if (s->hints.terminates && n > TERMINATING_CASES)
        return TERMINATING_CASES;
    return n;
}

static int specials_of(const DtShape *s, Special *out)
{
    int n = 0;
    if (s->rm >= 0) {
        out[n++] = SP_RM_STATIC_BAD;
        out[n++] = SP_RM_DYN_BAD;
    }
    if (s->csr >= 0) {
        out[n++] = SP_CSR_BAD;
        out[n++] = SP_CSR_BAD;
        out[n++] = SP_CSR_COUNTER_WRITE;
    }
    /* not for SC: QEMU checks the reservation before the alignment */
    if (s->mem_base >= 0 && s->mem_aligned && !s->hints.code_address &&
        !s->hints.lr_for_sc)
        out[n++] = SP_MISALIGNED;
    return n;
}

static uint32_t implicit_xregs(const DtCase *c, const DtShape *s)
{
    uint32_t used = 1;      /* x0 */
    for (int i = 0; i < s->nfields; i++)
        if (s->names_xreg[i] && c->dec.val[i] >= 0 && c->dec.val[i] < 32)
            used |= 1u << c->dec.val[i];
    if (s->hints.syscall)
        used |= 0xffu << 10;        /* a0..a7 */
    return used;
}

static int take_free_reg(DtRng *r, uint32_t *used)
{
    uint32_t avail = ~*used;
    uint32_t n = (uint32_t)__builtin_popcount(avail);
    int v = dt_nth_bit(avail, (int)dt_rng_below(r, n));
    *used |= 1u << v;
    return v;
}

static int field_reg(const DtShape *s, const DtCase *c, const char *name,
                     DtRole role)
{
    int i = dt_field_index(s->pat->dp, name);
    if (i < 0)
        return -1;
    int src = s->lay.f[i].alias >= 0 ? s->lay.f[i].alias : i;
    if (s->role[i] != role && s->role[src] != role &&
        !(role == DT_ROLE_XREG && s->names_xreg[i]))
        return -1;
    return c->dec.val[i];
}

static void fill_values(Gen *g, int idx, Special sp, DtCase *c)
{
    const DtShape *s = g->s;
    DtRng *r = &g->rng;

    for (int i = 1; i < 32; i++)
        c->x[i] = dt_int_value(r);
    for (int i = 0; i < 32; i++)
        c->f[i] = dt_fp_value(r, s->fp_prec);

    /* two-operand edges: equal values, +-1, MIN and -1, ... */
    int a = field_reg(s, c, "rs1", DT_ROLE_XREG);
    int b = field_reg(s, c, "rs2", DT_ROLE_XREG);
    if (a > 0 && b > 0 && a != b && dt_rng_pct(r, 12)) {
        dt_int_pair(r, &c->x[a], &c->x[b]);
    } else if (a >= 0 && b >= 0 && a != b && dt_rng_pct(r, 35)) {
        if (b == 0)
            c->x[a] = dt_int_partner(r, 0);
        else if (a == 0)
            c->x[b] = dt_int_partner(r, 0);
        else
            c->x[b] = dt_int_partner(r, c->x[a]);
    }
    a = field_reg(s, c, "rs1", DT_ROLE_FREG);
    b = field_reg(s, c, "rs2", DT_ROLE_FREG);
    if (a >= 0 && b >= 0 && a != b && dt_rng_pct(r, 30)) {
        switch (dt_rng_below(r, 3)) {
        case 0: c->f[b] = c->f[a]; break;
        case 1: c->f[b] = c->f[a] ^ (s->fp_prec == 's' ? 0x80000000ull
                                                         : 1ull << 63); break;
        default: c->f[b] = c->f[a] + 1; break;
        }
    }

    /* fcsr: frm (bits 7:5) and the accrued flags (4:0), Unprivileged ISA
     * 11.2.  With rm = dyn, frm cycles through the five valid modes. */
    unsigned frm = dt_rng_below(r, 8);
    if (s->rm >= 0 && c->dec.val[s->rm] == 7) {
        frm = (unsigned)(idx / 10 + idx % 10) % 5;
        if (sp == SP_RM_DYN_BAD)
            frm = 5 + dt_rng_below(r, 3);
    }
    unsigned flags = dt_rng_pct(r, 70) ? 0 : dt_rng_below(r, 32);
    c->fcsr = frm << 5 | flags;
    if (sp == SP_RM_STATIC_BAD || sp == SP_RM_DYN_BAD)
        snprintf(c->note, sizeof c->note, "reserved rounding mode");

    if (s->hints.syscall)
        c->x[17] = (uint64_t)dt_safe_syscalls[dt_rng_below(
            r, (uint32_t)dt_nsafe_syscalls)];

    /* CSRRS/CSRRC with rs1 != x0 write the CSR whatever rs1 holds (Zicsr
     * 9.1, Table 9.1), so writing a counter is illegal even with rs1 = 0;
     * QEMU 7.2 decides by the value and lets it pass.  Keep the value
     * nonzero so that the ISA and the reference agree. */
    int w = field_reg(s, c, "rs1", DT_ROLE_XREG);
    if (sp == SP_CSR_COUNTER_WRITE && w > 0 && c->x[w] == 0)
        c->x[w] = 1;

    /* a reference bug (dt_hints.h): keep some bit of the mask set */
    if (s->hints.rs1_nonzero && w > 0 && !(c->x[w] & s->hints.rs1_nonzero)) {
        uint64_t bit;
        do
            bit = 1ull << dt_rng_below(r, 64);
        while (!(bit & s->hints.rs1_nonzero));
        c->x[w] |= bit;
    }
}

/* Memory operand: the base register points into the data buffer; a jump
 * target (JALR) into the test program next to the instruction. */
static void place_address(Gen *g, Special sp, DtCase *c)
{
    const DtShape *s = g->s;
    DtRng *r = &g->rng;
    if (s->mem_base < 0)
        return;
    int base = c->dec.val[s->mem_base];
    int64_t imm = s->mem_off >= 0 ? c->dec.val[s->mem_off] : 0;

    if (s->hints.code_address) {
        int len = s->pat->width / 8;
        int64_t tgt;
        do {
            unsigned pick = dt_rng_below(r, 10);
            int64_t mag = pick < 6 ? 2 + 2 * dt_rng_below(r, 32)
                        : pick < 9 ? 2 * dt_rng_below(r, 1024)
                                   : 2 * dt_rng_below(r, 16384);
            tgt = dt_rng_below(r, 2) ? mag : -mag;
        } while (!dt_target_ok(tgt, len));
        c->control = true;
        c->target = tgt;
        if (base != 0) {
            c->x[base] = (uint64_t)(tgt - imm + (dt_rng_pct(r, 25) ? 1 : 0));
            c->xsym[base] = DT_SYM_INSN;
        }
        return;
    }

    int off = s->mem_aligned ? 8 * (1 + (int)dt_rng_below(r, 6))
                             : 8 + (int)dt_rng_below(r, 41);
    if (sp == SP_MISALIGNED) {
        off += 1 + (int)dt_rng_below(r, 3);     /* not 4: misaligned for .w too */
        snprintf(c->note, sizeof c->note, "misaligned address");
    }
    for (int i = 0; i < DT_BUF_BYTES; i += 8) {
        uint64_t v = dt_rng_pct(r, 50) ? dt_int_value(r)
                                       : dt_fp_value(r, s->fp_prec);
        memcpy(&c->mem[i], &v, 8);
    }
    if (base != 0) {
        c->x[base] = (uint64_t)(off - imm);
        c->xsym[base] = DT_SYM_BUF;
    }

    if (g->have_lr && dt_rng_pct(r, 75)) {
        int lr_off = off;
        if (dt_rng_pct(r, 27))
            lr_off = off == 48 ? 40 : off + 8;
        const DtLayout *l = &g->lr;
        int64_t t[DECODE_DISAS_MAX_FIELDS] = { 0 };
        int rd = dt_field_index(l->pat->dp, "rd");
        int rs1 = dt_field_index(l->pat->dp, "rs1");
        t[rd] = 6;      /* t1 */
        t[rs1] = 5;     /* t0, set to the address by dt_asm.c */
        for (int tries = 0; tries < 100; tries++)
            if (dt_encode(l, t, 1u << rd | 1u << rs1, r, &c->lr_word, NULL))
                break;
        c->lr_off = lr_off;
        snprintf(c->note, sizeof c->note, "%.12s at %s address",
                 l->pat->label, lr_off == off ? "the same" : "another");
    }
}

static void mask_counters(const DtShape *s, DtCase *c)
{
    if (s->csr < 0)
        return;
    const DtUserCsr *csrs;
    int ncsr = dt_user_csrs(&csrs);
    int rd = dt_field_index(s->pat->dp, "rd");
    for (int i = 0; i < ncsr; i++)
        if (csrs[i].read_only && csrs[i].num == (unsigned)c->dec.val[s->csr]
            && rd >= 0 && c->dec.val[rd] > 0)
            c->xmask |= 1u << c->dec.val[rd];
}

static bool make_case(Gen *g, int idx, Special sp, DtCase *c)
{
    const DtShape *s = g->s;
    memset(c, 0, sizeof *c);
    c->index = idx;
    c->len = s->pat->width / 8;
    if (!dt_case_encode(g, idx, sp, c))
        return false;
    fill_values(g, idx, sp, c);
    if (s->pcrel >= 0) {
        c->control = true;
        c->target = c->dec.val[s->pcrel];
    }
    place_address(g, sp, c);
    mask_counters(s, c);

    uint32_t used = implicit_xregs(c, s);
    if (!c->control && sp == SP_NONE && dt_rng_pct(&g->rng, 25))
        c->xconst = used & ~1u;
    c->k = take_free_reg(&g->rng, &used);
    c->x[c->k] = 0;
    c->xsym[c->k] = DT_SYM_ENTRY;      /* the load routine jumps through k */
    c->m1 = c->m2 = -1;
    if (c->control) {
        c->m1 = take_free_reg(&g->rng, &used);
        c->m2 = take_free_reg(&g->rng, &used);
    }
    return true;
}

int dt_cases_make(const DtShape *s, uint64_t seed, DtCase *cases, int count,
                  char *err, size_t errlen)
{
    Gen g = { .s = s, .rng = dt_rng_new(seed) };
    if (s->hints.lr_for_sc)
        g.have_lr = dt_layout_probe(&g.lr, s->hints.lr_for_sc, &g.rng);

    Special sp[8];
    int nsp = count >= MIN_CASES_FOR_SPECIALS ? specials_of(s, sp) : 0;
    for (int i = 0; i < count; i++) {
        Special kind = i >= count - nsp ? sp[i - (count - nsp)] : SP_NONE;
        if (!make_case(&g, i, kind, &cases[i])) {
            snprintf(err, errlen, "cannot encode case %d of %s", i,
                     s->pat->label);
            return 0;
        }
    }
    return count;
}
