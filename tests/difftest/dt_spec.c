/*
 * The pattern list of the difftest: the base generated disassembly tables
 * and every extension's table from rv_ext_table (so a new
 * defs/riscv/NAME.decode is picked up without a change here), with an
 * extension name (the spec file's stem), the assembler label the
 * pattern's template starts with, and a unique id "stem:line".
 */
#include "dt_spec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "rv_ext.h"

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

static void add_table(const DecodeDisasPattern *tab, int n, int width,
                      int rv_ext)
{
    for (int i = 0; i < n && npatterns < DT_MAX_PATTERNS; i++) {
        DtPattern *p = &patterns[npatterns++];
        p->dp = &tab[i];
        p->width = width;
        p->index = i;
        p->rv_ext = rv_ext;
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
    add_table(disas_riscv32_patterns, disas_riscv32_npatterns, 32, -1);
    for (unsigned e = 0; e < rv_ext_count; e++)
        if (rv_ext_table[e].patterns)
            add_table(rv_ext_table[e].patterns, *rv_ext_table[e].npatterns,
                      32, (int)e);
    add_table(disas_riscv16_patterns, disas_riscv16_npatterns, 16, -1);
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
    return rv_ext_disas32(word, out);
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

const char *dt_march(const char *cc)
{
    static char march[512];
    if (march[0])
        return march;
    snprintf(march, sizeof march, "rv64gc");
    for (unsigned e = 0; e < rv_ext_count; e++) {
        if (!rv_ext_table[e].patterns)
            continue;
        char cmd[1024];
        snprintf(cmd, sizeof cmd, "'%s' -march=rv64gc_%s -mabi=lp64d -c "
                 "-x assembler /dev/null -o /dev/null 2>/dev/null", cc,
                 rv_ext_table[e].name);
        int st = system(cmd);
        if (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0) {
            size_t k = strlen(march);
            snprintf(march + k, sizeof march - k, "_%s",
                     rv_ext_table[e].name);
        }
    }
    return march;
}
