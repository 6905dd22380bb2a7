/*
 * Field roles from the disassembly templates (see dt_shape.h).
 */
#include "dt_shape.h"

#include <stdio.h>
#include <string.h>

static DtRole role_of_kind(const char *kind)
{
    if (!strcmp(kind, "x"))
        return DT_ROLE_XREG;
    if (!strcmp(kind, "f"))
        return DT_ROLE_FREG;
    if (!strcmp(kind, "pcrel"))
        return DT_ROLE_PCREL;
    if (!strcmp(kind, "rm"))
        return DT_ROLE_RM;
    if (!strcmp(kind, "aqrl") || !strcmp(kind, "fence"))
        return DT_ROLE_BITS;
    if (!strcmp(kind, "csr"))
        return DT_ROLE_CSR;
    return DT_ROLE_IMM;     /* "", hex, hi20, anything new */
}

static bool is_reg_name(const char *n)
{
    return !strcmp(n, "rd") || !strcmp(n, "rs1") || !strcmp(n, "rs2") ||
           !strcmp(n, "rs3");
}

/* Members the template does not show, by their argument-set name. */
static DtRole role_of_name(const char *n)
{
    if (!strcmp(n, "rm"))
        return DT_ROLE_RM;
    if (!strcmp(n, "aq") || !strcmp(n, "rl"))
        return DT_ROLE_BITS;
    if (is_reg_name(n))
        return DT_ROLE_XREG;
    return DT_ROLE_IMM;
}

static bool ends_with(const char *s, char c)
{
    size_t n = s ? strlen(s) : 0;
    return n > 0 && s[n - 1] == c;
}

/* "imm(rs1)" and "(rs1)": an operand of kind x between "(" and ")". */
static void find_address(DtShape *s)
{
    const DecodeDisasPattern *dp = s->pat->dp;
    for (int i = 1; i + 1 < dp->npieces; i++) {
        const DecodeDisasPiece *pc = &dp->pieces[i];
        if (pc->text || strcmp(pc->kind, "x") != 0 ||
            !ends_with(dp->pieces[i - 1].text, '(') ||
            !dp->pieces[i + 1].text || dp->pieces[i + 1].text[0] != ')')
            continue;
        s->mem_base = pc->arg[0];
        if (!strcmp(dp->pieces[i - 1].text, "(") && i >= 2 &&
            !dp->pieces[i - 2].text && dp->pieces[i - 2].kind[0] == 0)
            s->mem_off = dp->pieces[i - 2].arg[0];
        s->mem_aligned = s->mem_off < 0;
        return;
    }
}

/* The precision FP source operands are read in, from the mnemonic's
 * format suffix (Unprivileged ISA 11.6/12.5 naming: fadd.s, fcvt.s.d reads
 * a D, fmv.x.w an S, fcvt.d.lu an integer): the last of .s/.w (single) or
 * .d (double), skipping integer suffixes. */
static char fp_precision(const char *name)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", name);
    for (;;) {
        char *us = strrchr(buf, '_');
        if (!us)
            return 0;
        const char *suf = us + 1;
        if (!strcmp(suf, "s") || !strcmp(suf, "w"))
            return 's';
        if (!strcmp(suf, "d"))
            return 'd';
        *us = 0;
    }
}

const char *dt_role_name(DtRole r)
{
    static const char *const names[] = {
        "fixed", "xreg", "freg", "imm", "pcrel", "rm", "bits", "csr",
    };
    return names[r];
}

bool dt_shape_build(DtShape *s, const DtPattern *p, DtRng *rng,
                    char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    s->pat = p;
    s->nfields = p->dp->nfields;
    s->mem_base = s->mem_off = s->pcrel = s->rm = s->csr = -1;
    dt_hints_for(p, &s->hints);
    if (!dt_layout_probe(&s->lay, p, rng)) {
        snprintf(err, errlen, "no instruction word decodes as this pattern");
        return false;
    }

    bool in_template[DECODE_DISAS_MAX_FIELDS] = { false };
    const DecodeDisasPattern *dp = p->dp;
    for (int i = 0; i < dp->npieces; i++) {
        const DecodeDisasPiece *pc = &dp->pieces[i];
        if (pc->text)
            continue;
        for (int a = 0; a < pc->nargs; a++) {
            s->role[pc->arg[a]] = role_of_kind(pc->kind);
            in_template[pc->arg[a]] = true;
        }
    }
    for (int i = 0; i < s->nfields; i++) {
        if (!in_template[i])
            s->role[i] = role_of_name(dp->fields[i]);
        s->names_xreg[i] = s->role[i] == DT_ROLE_XREG;
        if (!s->lay.f[i].bits)
            s->role[i] = DT_ROLE_FIXED;
        if (s->role[i] == DT_ROLE_PCREL)
            s->pcrel = i;
        if (s->role[i] == DT_ROLE_RM)
            s->rm = i;
        if (s->role[i] == DT_ROLE_CSR)
            s->csr = i;
    }
    find_address(s);
    /* JALR-like patterns whose template shows no "imm(rs1)" (c.jr, c.jalr):
     * the target is still rs1 + imm (Unprivileged ISA 2.5, 16.4). */
    if (s->hints.code_address && s->mem_base < 0) {
        s->mem_base = dt_field_index(dp, "rs1");
        s->mem_off = dt_field_index(dp, "imm");
    }
    s->fp_prec = fp_precision(dp->name);

    /* Which register numbers each register field can encode. */
    for (int i = 0; i < s->nfields; i++) {
        const DtFieldLayout *f = &s->lay.f[i];
        if (s->role[i] == DT_ROLE_FIXED) {
            if (f->c >= 0 && f->c < 32)
                s->reg_valid[i] = 1u << f->c;
            continue;
        }
        if (s->role[i] != DT_ROLE_XREG && s->role[i] != DT_ROLE_FREG)
            continue;
        int src = f->alias >= 0 ? f->alias : i;
        for (int r = 0; r < 32; r++) {
            int64_t t[DECODE_DISAS_MAX_FIELDS] = { 0 };
            t[src] = r;
            uint32_t w;
            for (int tries = 0; tries < 64; tries++)
                if (dt_encode(&s->lay, t, 1u << src, rng, &w, NULL)) {
                    s->reg_valid[i] |= 1u << r;
                    break;
                }
        }
        if (!s->reg_valid[i]) {
            snprintf(err, errlen, "register field %s encodes no register",
                     dp->fields[i]);
            return false;
        }
    }
    return true;
}
