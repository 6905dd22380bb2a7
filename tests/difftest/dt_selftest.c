/*
 * The difftest checking itself (see dt_selftest.h): it runs a few patterns'
 * programs under the reference twice, then feeds the comparator doctored
 * copies of a real run and checks what it reports.
 */
#include "dt_selftest.h"
#include "dt_compare.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

typedef struct T {
    FILE *out;
    int n, failed;
} T;

static void check(T *t, bool ok, const char *fmt, const char *arg)
{
    t->n++;
    t->failed += !ok;
    fprintf(t->out, "%s %d - ", ok ? "ok" : "not ok", t->n);
    fprintf(t->out, fmt, arg);
    fprintf(t->out, "\n");
}

static const DtPattern *find(const char *ext, const char *label)
{
    for (int i = 0; i < dt_npatterns(); i++) {
        const DtPattern *p = dt_pattern(i);
        if (!strcmp(p->ext, ext) && !strcmp(p->label, label))
            return p;
    }
    return NULL;
}

/* Runs the comparator over (ref, doctored copy); returns its mismatch
 * count and the report text in *log (caller frees). */
static int compare(const DtProgram *pg, const DtRunResult *ref,
                   const DtRunResult *dut, char **log)
{
    size_t len;
    FILE *f = open_memstream(log, &len);
    DtCompare cx = { .s = pg->shape, .cases = pg->cases, .n = pg->n,
                     .ref_name = "ref", .dut_name = "dut", .log = f,
                     .max_reports = 5 };
    dt_compare_runs(&cx, 0, ref, dut);
    fclose(f);
    return cx.mismatches;
}

static DtRunResult copy_run(const DtRunResult *r)
{
    DtRunResult c = *r;
    c.out = malloc(r->outlen + 1);
    c.err = malloc(r->errlen + 16);    /* room for a doctored stderr */
    memcpy(c.out, r->out, r->outlen);
    memcpy(c.err, r->err, r->errlen + 1);
    return c;
}

static void flip(DtRunResult *r, int rec, int slot, uint64_t bits)
{
    uint64_t v;
    uint8_t *p = r->out + (size_t)rec * DT_REC_BYTES + (size_t)slot * 8;
    memcpy(&v, p, 8);
    v ^= bits;
    memcpy(p, &v, 8);
}

static void doctored(T *t, const DtProgram *pg, const DtRunResult *ref,
                     int slot, const char *expect, const char *what)
{
    DtRunResult d = copy_run(ref);
    flip(&d, 2, slot, 1ull << 17);
    char *log;
    int m = compare(pg, ref, &d, &log);
    check(t, m == 1 && strstr(log, expect), "a difference in %s is reported "
          "and named", what);
    if (m != 1 || !strstr(log, expect))
        fprintf(t->out, "# got %d mismatches, report:\n%s", m, log);
    free(log);
    dt_run_free(&d);
}

static void injections(T *t, const DtProgram *pg, const DtRunResult *ref)
{
    if (ref->outlen < 3 * DT_REC_BYTES) {
        check(t, false, "the reference run of %s has 3 records",
              pg->shape->pat->label);
        return;
    }
    doctored(t, pg, ref, 10, "x10/a0", "x10");
    doctored(t, pg, ref, DT_SLOT_F + 31, "f31/ft11", "f31");
    doctored(t, pg, ref, DT_SLOT_FCSR, "fcsr", "fcsr");
    doctored(t, pg, ref, DT_SLOT_BUF + 1, "buf+8", "the data buffer");

    char *log;
    DtRunResult d = copy_run(ref);
    d.outlen -= DT_REC_BYTES;
    d.status = SIGILL;      /* as if killed by SIGILL */
    int m = compare(pg, ref, &d, &log);
    check(t, m == 1 && strstr(log, "stopped early"),
          "a run that stops early is reported%s", "");
    free(log);
    d.outlen += DT_REC_BYTES;
    m = compare(pg, ref, &d, &log);
    check(t, m == 1 && strstr(log, "exit status"),
          "a different exit status is reported%s", "");
    free(log);
    d.status = ref->status;
    memcpy(d.err, "x", 2);
    d.errlen = 1;
    m = compare(pg, ref, &d, &log);
    check(t, m == 1 && strstr(log, "stderr"), "a different stderr is "
          "reported%s", "");
    free(log);
    dt_run_free(&d);

    /* a register holding a counter read is not compared */
    DtCase saved = pg->cases[2];
    pg->cases[2].xmask |= 1u << 10;
    d = copy_run(ref);
    flip(&d, 2, 10, 1);
    m = compare(pg, ref, &d, &log);
    check(t, m == 0, "a masked register is not compared%s", "");
    free(log);
    dt_run_free(&d);
    pg->cases[2] = saved;
}

/* The program of `p` under the reference, twice: same output. */
static void determinism(T *t, const DtOptions *o, const DtPattern *p,
                        bool inject)
{
    DtProgram pg;
    char err[512];
    if (!dt_program_build(o, p, &pg, err, sizeof err)) {
        check(t, false, "%s: program builds", p->label);
        fprintf(t->out, "# %s\n", err);
        dt_program_free(&pg);
        return;
    }
    DtCompare cx = { .s = pg.shape, .cases = pg.cases, .n = pg.n,
                     .ref_name = "qemu", .dut_name = "qemu(2nd)",
                     .log = t->out, .max_reports = 3 };
    for (int start = 0; start < pg.n;) {
        DtRunResult a, b;
        dt_program_run(o, &pg, start, false, &a);
        dt_program_run(o, &pg, start, false, &b);
        if (inject && start == 0)
            injections(t, &pg, &a);
        start = dt_compare_runs(&cx, start, &a, &b);
        dt_run_free(&a);
        dt_run_free(&b);
    }
    check(t, cx.mismatches == 0 && cx.compared == pg.n,
          "%s: two reference runs agree on every case", p->id);
    dt_program_free(&pg);
}

int dt_selftest(const DtOptions *opts, FILE *out)
{
    DtOptions o = *opts;
    o.cases = 24;
    o.only_case = -1;
    o.generate_only = false;
    T t = { .out = out };
    fprintf(out, "TAP version 13\n");

    static const char *const pats[][2] = {
        { "rv64i", "add" }, { "rv64f", "fadd.s" }, { "rv64c", "c.lw" },
        { "rv64i", "beq" }, { "rv64i", "jalr" }, { "rv64a", "sc.d" },
        { "zicsr", "csrrs" }, { "rv64c", "c.unimp" },
    };
    for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++) {
        const DtPattern *p = find(pats[i][0], pats[i][1]);
        if (!p) {
            check(&t, false, "pattern %s exists", pats[i][1]);
            continue;
        }
        determinism(&t, &o, p, i == 2);
    }
    fprintf(out, "1..%d\n", t.n);
    return t.failed ? 1 : 0;
}
