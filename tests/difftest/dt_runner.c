/*
 * Running one pattern's difftest (see dt_runner.h).
 */
#include "dt_runner.h"
#include "dt_asm.h"
#include "dt_compare.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

uint64_t dt_pattern_seed(uint64_t seed, const DtPattern *p)
{
    uint64_t h = 0xcbf29ce484222325ull;     /* FNV-1a of the id */
    for (const char *s = p->id; *s; s++)
        h = (h ^ (uint8_t)*s) * 0x100000001b3ull;
    return dt_mix64(seed ^ h);
}

static void file_base(const DtPattern *p, const DtOptions *o, char *buf,
                      size_t n)
{
    char id[64];
    snprintf(id, sizeof id, "%s", p->id);
    for (char *c = id; *c; c++)
        if (*c == ':')
            *c = '_';
    if (o->only_case >= 0)
        snprintf(buf, n, "%s/%s-case%d", o->workdir, id, o->only_case);
    else
        snprintf(buf, n, "%s/%s", o->workdir, id);
}

static bool assemble(const DtOptions *o, const char *src, const char *elf,
                     char *err, size_t errlen)
{
    char march[600];
    snprintf(march, sizeof march, "-march=%s", dt_march(o->cc));
    char *argv[] = { (char *)o->cc, "-nostdlib", "-static", "-no-pie",
                     march, "-mabi=lp64d", "-o", (char *)elf,
                     (char *)src, NULL };
    DtRunResult r;
    dt_run(argv, o->timeout, &r);
    bool ok = !r.timed_out && WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0;
    if (!ok)
        snprintf(err, errlen, "assembling %s failed: %.400s", src,
                 r.err ? r.err : "");
    dt_run_free(&r);
    return ok;
}

/* Keeps only case o->only_case, renumbered 0. */
static void keep_one_case(const DtOptions *o, DtProgram *pg)
{
    DtCase one = pg->cases[o->only_case];
    char note[sizeof one.note];
    snprintf(note, sizeof note, "case %d alone%s%.12s", o->only_case % 100000,
             one.note[0] ? ": " : "", one.note);
    memcpy(one.note, note, sizeof note);
    one.index = 0;
    pg->cases[0] = one;
    pg->n = 1;
}

static bool make_cases(const DtOptions *o, const DtPattern *p, DtProgram *pg,
                       char *err, size_t errlen)
{
    DtRng rng = dt_rng_new(dt_pattern_seed(o->seed, p) ^ 1);
    pg->shape = malloc(sizeof *pg->shape);
    if (!pg->shape || !dt_shape_build(pg->shape, p, &rng, err, errlen))
        return false;
    int n = dt_case_count(pg->shape, o->cases);
    pg->cases = calloc((size_t)n, sizeof *pg->cases);
    if (!pg->cases)
        return false;
    pg->n = dt_cases_make(pg->shape, dt_pattern_seed(o->seed, p), pg->cases,
                          n, err, errlen);
    if (o->only_case >= 0) {
        if (o->only_case >= pg->n) {
            snprintf(err, errlen, "there is no case %d", o->only_case);
            pg->n = 0;
            return false;
        }
        keep_one_case(o, pg);
    }
    return pg->n > 0;
}

bool dt_program_build(const DtOptions *o, const DtPattern *p, DtProgram *pg,
                      char *err, size_t errlen)
{
    memset(pg, 0, sizeof *pg);
    err[0] = 0;
    if (o->drop && dt_pattern_matches(p, o->drop))
        return false;   /* simulates a pattern the generator cannot handle */
    if (!make_cases(o, p, pg, err, errlen))
        return false;
    if (o->generate_only)
        return true;

    char base[512];
    file_base(p, o, base, sizeof base);
    snprintf(pg->src, sizeof pg->src, "%s.S", base);
    snprintf(pg->elf, sizeof pg->elf, "%s.elf", base);
    FILE *f = fopen(pg->src, "w");
    if (!f) {
        snprintf(err, errlen, "cannot write %s", pg->src);
        return false;
    }
    char comment[256];
    snprintf(comment, sizeof comment, "difftest of %s %s (%s), seed 0x%"
             PRIx64 ", %d cases", p->id, p->label, p->dp->name, o->seed,
             pg->n);
    dt_asm_write(f, pg->shape, pg->cases, pg->n, comment, !o->no_fp);
    fclose(f);
    return assemble(o, pg->src, pg->elf, err, errlen);
}

void dt_program_free(DtProgram *pg)
{
    free(pg->cases);
    free(pg->shape);
    memset(pg, 0, sizeof *pg);
}

void dt_program_run(const DtOptions *o, const DtProgram *pg, int start,
                    bool under_test, DtRunResult *r)
{
    char startbuf[16];
    snprintf(startbuf, sizeof startbuf, "%d", start);
    const char *argv[24];
    int n = 0;
    if (under_test && o->dut) {
        argv[n++] = o->dut;
        for (int i = 0; i < o->ndut_args; i++)
            argv[n++] = o->dut_args[i];
    } else {
        argv[n++] = o->qemu;
    }
    argv[n++] = pg->elf;
    argv[n++] = startbuf;
    argv[n] = NULL;
    dt_run((char *const *)argv, o->timeout, r);
}

static void compare_all(const DtOptions *o, const DtProgram *pg, FILE *log,
                        DtPatternResult *res)
{
    const DtPattern *p = pg->shape->pat;
    char repro[256];
    snprintf(repro, sizeof repro, "scripts/difftest --pattern %s --seed "
             "0x%" PRIx64 " --cases %d", p->id, o->seed, o->cases);
    DtCompare cx = {
        .s = pg->shape, .cases = pg->cases, .n = pg->n, .ref_name = "qemu",
        .dut_name = o->dut ? "rvtcg" : "qemu(2nd)", .log = log,
        .max_reports = o->max_reports,
        .repro = o->only_case >= 0 ? NULL : repro,
    };
    enum { MAX_DIVERGENCES = 4 };
    for (int start = 0; start < pg->n;) {
        if (cx.divergences >= MAX_DIVERGENCES) {
            fprintf(log, "# %s %s: gave up after %d runs that ended "
                    "differently (cases %d.. not run)\n", p->id, p->label,
                    cx.divergences, start);
            break;
        }
        DtRunResult ref, dut;
        dt_program_run(o, pg, start, false, &ref);
        dt_program_run(o, pg, start, true, &dut);
        if (ref.exec_failed || dut.exec_failed) {
            snprintf(res->message, sizeof res->message, "cannot run: %.300s",
                     ref.exec_failed ? ref.err : dut.err);
            res->error = true;
            dt_run_free(&ref);
            dt_run_free(&dut);
            return;
        }
        if (o->show)
            dt_show_run(log, pg->shape, pg->cases, pg->n, &ref);
        start = dt_compare_runs(&cx, start, &ref, &dut);
        dt_run_free(&ref);
        dt_run_free(&dut);
    }
    res->compared = cx.compared;
    res->terminated = cx.terminated;
    res->mismatches = cx.mismatches;
    if (cx.mismatches)
        snprintf(res->message, sizeof res->message,
                 "%d differences%s (program: %.300s)", cx.mismatches,
                 cx.divergences >= MAX_DIVERGENCES ? ", gave up" : "",
                 pg->src);
}

void dt_run_pattern(const DtOptions *o, const DtPattern *p, FILE *log,
                    DtPatternResult *res)
{
    memset(res, 0, sizeof *res);
    DtProgram pg;
    bool ok = dt_program_build(o, p, &pg, res->message, sizeof res->message);
    res->cases = pg.n;
    if (ok && !o->generate_only)
        compare_all(o, &pg, log, res);
    else if (!ok && pg.n > 0)
        res->error = true;
    /* a kept directory shows only the programs that failed */
    if (ok && !o->keep && !res->error && res->mismatches == 0 && pg.src[0]) {
        unlink(pg.src);
        unlink(pg.elf);
    }
    dt_program_free(&pg);
}
