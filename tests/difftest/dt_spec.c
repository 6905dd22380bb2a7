/*
 * The pattern list of the difftest: both generated disassembly tables,
 * with an extension name (the spec file's stem), the assembler label the
 * pattern's template starts with, and a unique id "stem:line".
 */
#include "dt_spec.h"

#include <stdio.h>
#include <string.h>

#define DT_MAX_PATTERNS 1024

static DtPattern patterns[DT_MAX_PATTERNS];
static int npatterns = -1;

static void file_stem(const char *file, char *out, size_t n)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t len = strcspn(base, ".");
    if (len >= n)
        len = n - 1;
    memcpy(out, base, len);
    out[len] = 0;
}

/* The template's leading literal up to the first blank ("c.addi4spn"),
 * else the pattern's mnemonic. */
static void template_label(const DecodeDisasPattern *dp, char *out, size_t n)
{
    const char *src = dp->mnemonic;
    size_t len = strlen(src);
    if (dp->npieces > 0 && dp->pieces[0].text) {
        src = dp->pieces[0].text;
        len = strcspn(src, " ");
    }
    if (len >= n)
        len = n - 1;
    memcpy(out, src, len);
    out[len] = 0;
}

static void add_table(const DecodeDisasPattern *tab, int n, int width)
{
    for (int i = 0; i < n && npatterns < DT_MAX_PATTERNS; i++) {
        DtPattern *p = &patterns[npatterns++];
        p->dp = &tab[i];
        p->width = width;
        p->index = i;
        file_stem(tab[i].file, p->ext, sizeof p->ext);
        template_label(&tab[i], p->label, sizeof p->label);
        char id[sizeof p->id];
        snprintf(id, sizeof id, "%.30s:%d", p->ext, tab[i].line);
        memcpy(p->id, id, sizeof id);
    }
}

static void init(void)
{
    if (npatterns >= 0)
        return;
    npatterns = 0;
    add_table(disas_riscv32_patterns, disas_riscv32_npatterns, 32);
    add_table(disas_riscv16_patterns, disas_riscv16_npatterns, 16);
}

int dt_npatterns(void)
{
    init();
    return npatterns;
}

const DtPattern *dt_pattern(int i)
{
    init();
    return &patterns[i];
}

bool dt_decode(int width, uint32_t word, DecodeDisasInsn *out)
{
    if (width == 16)
        return disas_riscv16(word & 0xffff, out);
    return disas_riscv32(word, out);
}

int dt_field_index(const DecodeDisasPattern *p, const char *name)
{
    for (int i = 0; i < p->nfields; i++)
        if (strcmp(p->fields[i], name) == 0)
            return i;
    return -1;
}

bool dt_pattern_matches(const DtPattern *p, const char *sel)
{
    return strcmp(sel, p->id) == 0 || strcmp(sel, p->dp->name) == 0 ||
           strcmp(sel, p->label) == 0 || strcmp(sel, p->ext) == 0;
}
