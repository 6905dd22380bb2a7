/*
 * difftest: the per-instruction difftest of rvtcg against qemu-riscv64.
 *
 * For every pattern of the defs/riscv .decode specs (through the generated
 * disassembly tables) it makes test cases from the pattern's spec, writes a
 * riscv64 program running them, assembles it with the cross compiler, runs
 * it under qemu-riscv64 and under rvtcg and compares the register dumps.
 * Output is TAP, one test point per pattern, with case counts per
 * extension.  docs/testing.md, "Per-instruction difftest", describes it;
 * scripts/difftest runs it by hand.
 *
 *   difftest [options]
 *     --qemu PATH          reference emulator (qemu-riscv64)
 *     --dut PATH           emulator under test (rvtcg); without it the
 *                          reference is compared with itself
 *     --dut-arg ARG        extra argument for the emulator under test
 *     --cc PATH            riscv64-linux-gnu-gcc
 *     --exclusions FILE    tests/difftest/exclusions.txt
 *     --part I/N           only patterns with index % N == I
 *     --pattern SEL        only patterns named SEL (id "rv64i:12", name,
 *                          assembler label or extension); repeatable
 *     --cases N            cases per pattern (default 300)
 *     --seed S             random seed (default 1)
 *     --case I             run only case I of the selected pattern(s)
 *     --workdir DIR        where programs go (default: a temporary
 *                          directory, removed unless something failed;
 *                          only failing patterns' programs are kept)
 *     --keep               keep the programs
 *     --timeout S          watchdog per emulator run (default 600 s)
 *     --max-reports N      detailed reports per pattern (default 3)
 *     --coverage           only make the cases: coverage and exclusions
 *     --drop SEL           pretend SEL gets no cases (tests the coverage rule)
 *     --show               print every case and the values it changed
 *     --no-fp              programs that neither set nor dump f0..f31 and
 *                          fcsr (an emulator without F/D: integer patterns)
 *     --list               list the patterns and their field roles
 *     --selftest           check the comparator on injected differences
 */
#include "dt_exclude.h"
#include "dt_runner.h"
#include "dt_selftest.h"
#include "dt_shape.h"

#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct ExtCount {
    char ext[32];
    int patterns, cases, terminated;
} ExtCount;

typedef struct Cli {
    DtOptions o;
    const char *exclusions;
    const char *patterns[64];
    int npatterns;
    int part, nparts;
    bool keep, coverage, list, selftest;
} Cli;

static void usage(void)
{
    fprintf(stderr, "usage: difftest [--qemu P] [--dut P] [--dut-arg A] "
            "[--cc P] [--exclusions F] [--part I/N] [--pattern SEL] "
            "[--cases N] [--seed S] [--case I] [--workdir D] [--keep] "
            "[--timeout S] [--max-reports N] [--coverage] [--drop SEL] "
            "[--show] [--no-fp] [--list] [--selftest]\n");
    exit(2);
}

static void parse(Cli *c, int argc, char **argv)
{
    DtOptions *o = &c->o;
    o->qemu = "qemu-riscv64";
    o->cc = "riscv64-linux-gnu-gcc";
    o->seed = 1;
    o->cases = 300;
    o->only_case = -1;
    o->timeout = 600;
    o->max_reports = 3;
    c->nparts = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define OPT(name) (strcmp(a, name) == 0 && (v || (usage(), 0)) && ++i)
        if (OPT("--qemu")) o->qemu = v;
        else if (OPT("--dut")) o->dut = v;
        else if (OPT("--dut-arg")) {
            if (o->ndut_args < 16)
                o->dut_args[o->ndut_args++] = v;
        }
        else if (OPT("--cc")) o->cc = v;
        else if (OPT("--exclusions")) c->exclusions = v;
        else if (OPT("--part")) {
            if (sscanf(v, "%d/%d", &c->part, &c->nparts) != 2 ||
                c->nparts < 1 || c->part < 0 || c->part >= c->nparts)
                usage();
        }
        else if (OPT("--pattern")) {
            if (c->npatterns < 64)
                c->patterns[c->npatterns++] = v;
        }
        else if (OPT("--cases")) o->cases = atoi(v);
        else if (OPT("--seed")) o->seed = strtoull(v, NULL, 0);
        else if (OPT("--case")) o->only_case = atoi(v);
        else if (OPT("--workdir")) o->workdir = v;
        else if (OPT("--timeout")) o->timeout = atoi(v);
        else if (OPT("--max-reports")) o->max_reports = atoi(v);
        else if (OPT("--drop")) o->drop = v;
        else if (!strcmp(a, "--keep")) c->keep = true;
        else if (!strcmp(a, "--show")) o->show = true;
        else if (!strcmp(a, "--no-fp")) o->no_fp = true;
        else if (!strcmp(a, "--coverage")) c->coverage = true;
        else if (!strcmp(a, "--list")) c->list = true;
        else if (!strcmp(a, "--selftest")) c->selftest = true;
        else usage();
#undef OPT
    }
    if (o->cases < 1 || o->timeout < 1)
        usage();
}

static bool selected(const Cli *c, int i)
{
    if (!c->coverage && i % c->nparts != c->part)
        return false;
    if (!c->npatterns)
        return true;
    for (int k = 0; k < c->npatterns; k++)
        if (dt_pattern_matches(dt_pattern(i), c->patterns[k]))
            return true;
    return false;
}

static ExtCount *ext_entry(ExtCount *t, int *n, const char *ext)
{
    for (int i = 0; i < *n; i++)
        if (!strcmp(t[i].ext, ext))
            return &t[i];
    ExtCount *e = &t[(*n)++];
    memset(e, 0, sizeof *e);
    snprintf(e->ext, sizeof e->ext, "%s", ext);
    return e;
}

static void list_patterns(void)
{
    for (int i = 0; i < dt_npatterns(); i++) {
        const DtPattern *p = dt_pattern(i);
        DtRng rng = dt_rng_new(1);
        DtShape s;
        char err[256];
        printf("%-10s %-12s %-12s", p->id, p->dp->name, p->label);
        if (!dt_shape_build(&s, p, &rng, err, sizeof err)) {
            printf(" ERROR %s\n", err);
            continue;
        }
        for (int f = 0; f < s.nfields; f++)
            printf(" %s:%s", p->dp->fields[f], dt_role_name(s.role[f]));
        if (s.mem_base >= 0)
            printf(" [%s %s]", s.hints.code_address ? "jump" : "mem",
                   s.mem_aligned ? "aligned" : "any");
        if (s.fp_prec)
            printf(" [fp %c]", s.fp_prec);
        printf("\n");
    }
}

static void remove_workdir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    Cli c = { 0 };
    parse(&c, argc, argv);
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (c.list) {
        list_patterns();
        return 0;
    }

    char tmpdir[] = "/tmp/rvtcg-difftest-XXXXXX";
    bool own_dir = false;
    if (!c.o.workdir && !c.coverage) {
        if (!mkdtemp(tmpdir)) {
            perror("difftest: mkdtemp");
            return 2;
        }
        c.o.workdir = tmpdir;
        own_dir = true;
    }
    if (c.selftest) {
        int rc = dt_selftest(&c.o, stdout);
        if (own_dir && !c.keep)
            remove_workdir(tmpdir);
        return rc;
    }
    c.o.generate_only = c.coverage;
    c.o.keep = c.keep;

    printf("TAP version 13\n");
    DtExclusions ex = { 0 };
    bool ex_ok = true;
    if (c.exclusions)
        ex_ok = dt_exclusions_load(&ex, c.exclusions, stdout);

    int sel[1024], nsel = 0;
    for (int i = 0; i < dt_npatterns(); i++)
        if (selected(&c, i))
            sel[nsel++] = i;

    printf("1..%d\n", nsel + 1);
    printf("%s 1 - exclusion file%s%s\n", ex_ok ? "ok" : "not ok",
           c.exclusions ? " " : " (none given)",
           c.exclusions ? c.exclusions : "");
    printf("# seed 0x%" PRIx64 ", %d cases per pattern, %s\n", c.o.seed,
           c.o.cases, c.coverage ? "cases only (coverage)"
           : c.o.dut ? "qemu-riscv64 against the emulator under test"
                     : "no emulator under test: qemu-riscv64 against itself");

    ExtCount ext[64];
    int next = 0, failed = !ex_ok;
    time_t t0 = time(NULL);
    for (int k = 0; k < nsel; k++) {
        const DtPattern *p = dt_pattern(sel[k]);
        DtPatternResult r;
        DtExclusion *nq = dt_no_qemu_find(&ex, p);
        DtOptions po = c.o;
        po.generate_only |= nq != NULL;     /* cases, but no qemu run */
        dt_run_pattern(&po, p, stdout, &r);
        DtExclusion *e = dt_exclusion_find(&ex, p);
        ExtCount *ec = ext_entry(ext, &next, p->ext);
        ec->patterns++;
        ec->cases += r.cases;
        ec->terminated += r.terminated;
        if (r.cases == 0 && e) {
            printf("ok %d - %s %s # SKIP excluded: covered by %s (%s)\n",
                   k + 2, p->id, p->label, e->covered_by, e->reason);
            continue;
        }
        bool ok;
        if (r.cases == 0) {
            ok = false;
            printf("not ok %d - %s %s: no cases%s%s, and not in the "
                   "exclusion file\n", k + 2, p->id, p->label,
                   r.message[0] ? ": " : "", r.message);
        } else if (e) {
            ok = false;
            printf("not ok %d - %s %s: has %d cases but is listed in the "
                   "exclusion file (line %d): remove it\n", k + 2, p->id,
                   p->label, r.cases, e->line);
        } else if (nq && !c.coverage) {
            ok = !r.error;
            printf("%s %d - %s %s: %d cases # SKIP not compared: no-qemu "
                   "%s, covered by %s (%s)\n", ok ? "ok" : "not ok", k + 2,
                   p->id, p->label, r.cases, nq->ext, nq->covered_by,
                   nq->reason);
        } else {
            ok = !r.error && r.mismatches == 0;
            printf("%s %d - %s %s: %d cases", ok ? "ok" : "not ok", k + 2,
                   p->id, p->label, r.cases);
            if (!c.coverage)
                printf(", %d compared, %d ended the process", r.compared,
                       r.terminated);
            printf("%s%s\n", ok ? "" : ": ", ok ? "" : r.message);
        }
        failed |= !ok;
    }

    int tp = 0, tc = 0;
    printf("# per extension: patterns, cases%s\n",
           c.coverage ? "" : " (of which ended the process)");
    for (int i = 0; i < next; i++) {
        printf("#   %-10s %4d patterns %7d cases", ext[i].ext,
               ext[i].patterns, ext[i].cases);
        if (!c.coverage)
            printf(" (%d ended the process)", ext[i].terminated);
        printf("\n");
        tp += ext[i].patterns;
        tc += ext[i].cases;
    }
    printf("#   %-10s %4d patterns %7d cases\n", "total", tp, tc);
    printf("# %ld s\n", (long)(time(NULL) - t0));
    dt_exclusions_free(&ex);

    if (own_dir) {
        if (c.keep || failed)
            printf("# programs kept in %s\n", tmpdir);
        else
            remove_workdir(tmpdir);
    }
    return failed ? 1 : 0;
}
