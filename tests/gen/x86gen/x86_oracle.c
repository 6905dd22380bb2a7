/*
 * Objdump oracle for the generated x86-64 emitters and the short-form layer.
 *
 * For every form in the generated table x86_forms[] (one per line of
 * defs/x86_64/encodings.def) this emits many instances: every register in
 * every register slot (rax..r15, spl/bpl/sil/dil for byte registers,
 * xmm0..xmm15), memory operands covering the ModRM/SIB special cases (base
 * rsp/rbp/r12/r13, no base, every index and scale, rip-relative, disp 0,
 * disp8 and disp32 edges), and immediates, relative offsets and condition
 * codes at their edges.  For each instance it writes the text objdump should
 * print, built here from the form's description (mnemonic, operand kinds)
 * and the operand values -- never from the emitted bytes.  All the code goes
 * into one file that one objdump run (-M intel) disassembles; the test then
 * checks that every instruction starts where it was emitted, is as long as
 * emitted, and reads exactly as expected.  Each form's instances are
 * followed by 16 int3 bytes, so a wrong length cannot spill into the next
 * form.  Output is TAP: one test point per form, per short-form check and
 * per code-buffer check, with the first mismatches as "#" lines.
 *
 * This file: groups, the objdump run, the comparison and the TAP report;
 * oracle_forms.c builds the instances and their texts, oracle_checks.c the
 * short-form and other checks.
 *
 * usage: x86_oracle OBJDUMP [-v]     (-v: name the instance in mismatches)
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "oracle.h"

/* ---- small helpers ---- */

void *oracle_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return p;
}

char *oracle_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(oracle_xmalloc(n), s, n);
}

__attribute__((format(printf, 1, 2)))
char *oracle_fmt(const char *f, ...)
{
    va_list ap;
    char *s;
    va_start(ap, f);
    int n = vasprintf(&s, f, ap);
    va_end(ap);
    if (n < 0) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return s;
}

/* ---- what was emitted and what objdump must say ---- */

static Group *groups;
static size_t ngroups, capgroups;
CodeBuf cb;
int oracle_verbose;

Group *oracle_new_group(char *name)
{
    if (ngroups == capgroups) {
        capgroups = capgroups ? 2 * capgroups : 1024;
        groups = realloc(groups, capgroups * sizeof(*groups));
        if (!groups)
            exit(2);
    }
    Group *g = &groups[ngroups++];
    memset(g, 0, sizeof(*g));
    g->name = name;
    g->start = (uint32_t)cb_offset(&cb);
    return g;
}

void oracle_expect(Group *g, uint32_t off, uint32_t len, char *text,
                       char *what)
{
    if (g->nex == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 64;
        g->ex = realloc(g->ex, g->cap * sizeof(*g->ex));
        if (!g->ex)
            exit(2);
    }
    g->ex[g->nex++] = (Expect){ off, len, text, what };
}

void oracle_fail(Group *g, char *msg)
{
    if (g->nfail < (int)(sizeof(g->msgs) / sizeof(g->msgs[0])))
        g->msgs[g->nfail] = msg;
    else
        free(msg);
    g->nfail++;
}

/* Ends a group: 16 int3 so a too-long decode cannot reach the next group. */
void oracle_end_group(Group *g)
{
    g->end = (uint32_t)cb_offset(&cb);
    for (int i = 0; i < 16; i++)
        cb_emit8(&cb, 0xCC);
}

/* ---- objdump ---- */

typedef struct DisLine {
    uint32_t addr, nbytes;
    char *bytes;
    char *text;
} DisLine;

static DisLine *dis;
static size_t ndis;

/* Collapses runs of blanks into one space and trims. */
static char *normalize(const char *s)
{
    char *out = oracle_xmalloc(strlen(s) + 1), *o = out;
    bool space = false;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            space = o != out;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = false;
        *o++ = *s;
    }
    *o = 0;
    return out;
}

static int run_objdump(const char *objdump, const char *path)
{
    char *cmd = oracle_fmt("LC_ALL=C '%s' -D -b binary -mi386:x86-64 -M intel "
                    "--insn-width=16 '%s'", objdump, path);
    FILE *p = popen(cmd, "r");
    free(cmd);
    if (!p)
        return -1;
    size_t cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, p) > 0) {
        char *tab1 = strchr(line, '\t');
        char *end;
        unsigned long addr = strtoul(line, &end, 16);
        if (!tab1 || *end != ':' || end > tab1)
            continue;
        char *tab2 = strchr(tab1 + 1, '\t');
        if (ndis == cap) {
            cap = cap ? 2 * cap : 65536;
            dis = realloc(dis, cap * sizeof(*dis));
            if (!dis)
                exit(2);
        }
        DisLine *d = &dis[ndis++];
        d->addr = (uint32_t)addr;
        if (tab2)
            *tab2 = 0;
        d->bytes = normalize(tab1 + 1);
        d->nbytes = (uint32_t)(strlen(d->bytes) + 1) / 3;
        d->text = normalize(tab2 ? tab2 + 1 : "");
    }
    free(line);
    return pclose(p) == 0 ? 0 : -1;
}

static char *bytes_at(uint32_t off, uint32_t len)
{
    char *s = oracle_xmalloc(3 * len + 1), *o = s;
    for (uint32_t i = 0; i < len && i < 16; i++)
        o += sprintf(o, "%s%02x", i ? " " : "", cb.start[off + i]);
    *o = 0;
    return s;
}

/* Matches the objdump lines of one group against its expectations. */
static void compare_group(Group *g, size_t *pj)
{
    size_t j = *pj;
    while (j < ndis && dis[j].addr < g->start)
        j++;
    for (size_t k = 0; k < g->nex; k++) {
        Expect *e = &g->ex[k];
        if (e->off != UNKNOWN_OFF) {
            while (j < ndis && dis[j].addr < e->off) {
                oracle_fail(g, oracle_fmt("0x%x: objdump sees '%s' inside an "
                                  "instruction, before '%s'", dis[j].addr,
                                  dis[j].text, e->text));
                j++;
            }
            if (j >= ndis || dis[j].addr != e->off) {
                char *b = bytes_at(e->off, e->len);
                oracle_fail(g, oracle_fmt("0x%x: no instruction boundary (bytes %s), "
                                  "expected '%s'", e->off, b, e->text));
                free(b);
                continue;
            }
        } else if (j >= ndis || dis[j].addr >= g->end) {
            oracle_fail(g, oracle_fmt("missing instruction, expected '%s'", e->text));
            continue;
        }
        DisLine *d = &dis[j++];
        bool len_ok = e->off == UNKNOWN_OFF || d->nbytes == e->len;
        if (strcmp(d->text, e->text) != 0 || !len_ok) {
            char *b = bytes_at(d->addr, e->off == UNKNOWN_OFF ? d->nbytes : e->len);
            char elen[32] = "";
            if (!len_ok)
                snprintf(elen, sizeof(elen), " (%u bytes)", e->len);
            oracle_fail(g, oracle_fmt("0x%x: bytes %s: expected '%s'%s, objdump '%s'"
                              " (%u bytes)%s%s", d->addr, b, e->text, elen,
                              d->text, d->nbytes, e->what ? " " : "",
                              e->what ? e->what : ""));
            free(b);
        }
    }
    /* what is left inside the group, and the group must end on a boundary */
    for (; j < ndis && dis[j].addr < g->end; j++)
        oracle_fail(g, oracle_fmt("0x%x: unexpected instruction '%s'", dis[j].addr,
                          dis[j].text));
    if (g->nex && j < ndis && dis[j].addr != g->end)
        oracle_fail(g, oracle_fmt("last instruction runs past 0x%x into the padding",
                          g->end));
    *pj = j;
}

/* ---- main ---- */

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: x86_oracle OBJDUMP [-v]\n");
        return 2;
    }
    oracle_verbose = argc > 2 && !strcmp(argv[2], "-v");

    size_t size = 64u << 20;
    uint8_t *mem = oracle_xmalloc(size);
    cb_init(&cb, mem, size);

    oracle_build_lists();
    for (size_t i = 0; i < X86_NFORMS; i++)
        oracle_emit_form(&x86_forms[i]);
    for (size_t i = 0; i < oracle_nshort_checks; i++) {
        Group *g = oracle_new_group(oracle_strdup(oracle_short_checks[i].name));
        oracle_short_checks[i].fn(g);
        oracle_end_group(g);
    }
    if (cb.overflow) {
        printf("Bail out! code buffer too small\n");
        return 1;
    }

    char path[] = "/tmp/x86_oracle_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, cb.start, cb_offset(&cb)) != (ssize_t)cb_offset(&cb)) {
        printf("Bail out! cannot write %s\n", path);
        return 1;
    }
    close(fd);
    int rc = run_objdump(argv[1], path);
    unlink(path);
    if (rc != 0 || ndis == 0) {
        printf("Bail out! %s failed\n", argv[1]);
        return 1;
    }
    size_t j = 0;
    for (size_t i = 0; i < ngroups; i++)
        compare_group(&groups[i], &j);

    size_t total = ngroups + oracle_nchecks, t = 0;
    int failed = 0;
    size_t ninsns = 0;
    printf("1..%zu\n", total);
    for (size_t i = 0; i < ngroups; i++) {
        Group *g = &groups[i];
        ninsns += g->nex;
        bool ok = !g->nfail && !g->setup_error;
        printf("%s %zu - %s: %zu instructions\n", ok ? "ok" : "not ok", ++t,
               g->name, g->nex);
        if (g->setup_error)
            printf("# %s\n", g->setup_error);
        for (int k = 0; k < g->nfail && k < 6; k++)
            printf("# %s\n", g->msgs[k]);
        if (g->nfail > 6)
            printf("# ... %d mismatches in all\n", g->nfail);
        failed += !ok;
    }
    for (size_t i = 0; i < oracle_nchecks; i++) {
        const char *err = oracle_checks[i].fn();
        printf("%s %zu - %s\n", err ? "not ok" : "ok", ++t,
               oracle_checks[i].name);
        if (err)
            printf("# %s\n", err);
        failed += err != NULL;
    }
    printf("# %zu forms, %zu instructions, %zu bytes, %zu objdump lines\n",
           (size_t)X86_NFORMS, ninsns, cb_offset(&cb), ndis);
    return failed ? 1 : 0;
}
