/*
 * The random-IR difftest (suite jit): for each seed of a range, the
 * generator's program (gen_prog.h) runs in the reference interpreter and
 * through optimizer + register allocator + x86-64 backend, with the
 * optimizer off and on, and the outcomes must agree: exit value (and the
 * pc given to lookup_tb when the block left through goto_ptr), the final
 * env and guest memory (any NaN equals any NaN in FP fields), and the IEEE
 * flags raised.  Every K-th seed also runs on a JIT limited to baseline
 * x86-64 (host_features = 0), so the fallbacks (shifts without BMI2,
 * ctpop and fma through helpers, ...) are exercised.  Each program also
 * goes through ir_dump + ir_parse, and the parsed copy must behave like
 * the original in the interpreter.
 *
 * A mismatch prints the seed, the configuration, the differences, and the
 * program minimized by delta debugging (minimize.h) as IR text.
 *
 *   test_random [--start S] [--count N] [--base-every K] [--max-reports R]
 *               [--no-opt] [--code-size BYTES]
 *   test_random --seed S     one program, printed, all configurations
 *
 * --no-opt leaves out the optimizer configurations (to fuzz the backend
 * alone while the optimizer has a known bug).  --code-size gives the
 * JIT a small code cache, so that jit_flush runs often.
 */
#include <fenv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_helpers.h"
#include "diff_run.h"
#include "gen_prog.h"
#include "ir_text.h"
#include "jit.h"
#include "jit_run.h"
#include "minimize.h"
#include "opt_glue.h"

typedef struct Config {
    const char *name;
    bool optimize;
    bool baseline;         /* host_features = 0 */
    unsigned runs, fails;
    unsigned too_big;      /* jit_compile: more spill slots than the frame */
} Config;

typedef struct Failing {
    JitRunner *jr;
    bool optimize;
    const GenProgram *p;
} Failing;

static DiffOutcome interp_out, jit_out, tmp_i, tmp_j;

/* TEXT as TAP comments; without the `global` lines (the globals are
   those of diff_state.h, which ir_parse finds by name). */
static void print_prefixed(const char *text, int32_t bias)
{
    const char *s = text;
    bool globals = false;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        if (!strncmp(s, "global ", 7)) {
            if (!globals)
                printf("#   # globals x0-x15 (i64), w0-w7 (i32), d0-d7 (f64), "
                       "s0-s3 (f32): tests/irdiff/diff_state.h, offsets - %d\n",
                       (int)bias);
            globals = true;
        } else {
            printf("#   %.*s\n", (int)len, s);
        }
        s += len + (nl ? 1 : 0);
    }
}

/* JIT outcome J agrees with interpreter outcome I; else prints why to F. */
static bool agree(const DiffOutcome *i, const DiffOutcome *j, FILE *f)
{
    if (!j->ok) {
        if (f)
            fprintf(f, "#   %s\n", j->err);
        return false;
    }
    bool eq = diff_outcome_equal(i, j, true, f, "interp", "jit");
    if (f && j->faulted != i->faulted && j->err[0])
        fprintf(f, "#   jit: %s\n", j->err);
    if (i->via_goto_ptr && (!j->looked_up || j->lookup_pc != i->lookup_pc)) {
        eq = false;
        if (f)
            fprintf(f, "#   lookup_tb pc: interp %#llx, jit %s%#llx\n",
                    (unsigned long long)i->lookup_pc,
                    j->looked_up ? "" : "(no lookup) ",
                    (unsigned long long)j->lookup_pc);
    }
    return eq;
}

static bool still_fails(const IrCtx *cand, void *opaque)
{
    const Failing *fl = opaque;
    diff_run_interp(cand, &fl->p->init, fl->p->round, &tmp_i);
    if (!tmp_i.ok)
        return false;
    jit_run(fl->jr, cand, fl->optimize, &fl->p->init, fl->p->round, &tmp_j);
    return !agree(&tmp_i, &tmp_j, NULL);
}

static const char *round_name(int r)
{
    switch (r) {
    case FE_TOWARDZERO: return "rtz";
    case FE_DOWNWARD: return "rdn";
    case FE_UPWARD: return "rup";
    default: return "rne";
    }
}

/* The initial values of the globals CTX reads. */
static void print_globals(const IrCtx *ctx, const DiffState *init)
{
    bool *used = calloc(ctx->nb_temps + 1, 1);
    for (size_t i = 0; i < ctx->nb_ops; i++)
        for (unsigned k = 0; k < (unsigned)ctx->ops[i].nb_out + ctx->ops[i].nb_in; k++)
            used[ctx->ops[i].args[k].temp.id] = true;
    printf("#   initial globals:");
    for (uint32_t t = 1; t <= ctx->nb_globals; t++) {
        if (!used[t])
            continue;
        const IrTempInfo *ti = &ctx->temps[t];
        uint64_t v = 0;
        memcpy(&v, (const char *)&init->env + init->env_bias + ti->offset,
               ti->type == IR_I32 || ti->type == IR_F32 ? 4 : 8);
        printf(" %s=%#llx", ti->name, (unsigned long long)v);
    }
    printf("\n");
    free(used);
}

static void report(uint64_t seed, const Config *c, JitRunner *jr,
                   const GenProgram *p, bool minimize_it)
{
    printf("# MISMATCH seed %llu (%s), rounding %s, env bias %d\n",
           (unsigned long long)seed, c->name, round_name(p->round),
           (int)p->init.env_bias);
    fflush(stdout);
    agree(&interp_out, &jit_out, stdout);
    if (!minimize_it)
        return;
    Failing fl = { jr, c->optimize, p };
    IrCtx *m = minimize(p->ctx, still_fails, &fl, 4000);
    char *text = ir_dump_str(m);
    printf("# minimized from %zu to %zu ops:\n", p->ctx->nb_ops, m->nb_ops);
    print_prefixed(text, p->init.env_bias);
    print_globals(m, &p->init);
    printf("#   (guest memory and env scratch: test_random --seed %llu)\n",
           (unsigned long long)seed);
    diff_run_interp(m, &p->init, p->round, &tmp_i);
    jit_run(jr, m, c->optimize, &p->init, p->round, &tmp_j);
    printf("# the minimized program's differences:\n");
    agree(&tmp_i, &tmp_j, stdout);
    free(text);
    ir_ctx_free(m);
}

/* parse(dump(ctx)) must behave as ctx in the interpreter. */
static bool roundtrip_ok(const GenProgram *p, char *why, size_t len)
{
    char *text = ir_dump_str(p->ctx);
    char err[256];
    IrCtx *c = ir_ctx_new();
    bool ok = ir_parse(c, text, "dump", err, sizeof err);
    if (!ok) {
        snprintf(why, len, "ir_parse: %s", err);
    } else {
        diff_run_interp(c, &p->init, p->round, &tmp_i);
        ok = tmp_i.ok && diff_outcome_equal(&interp_out, &tmp_i, true, NULL,
                                            "", "");
        if (!ok)
            snprintf(why, len, "parsed copy behaves differently%s%s",
                     tmp_i.ok ? "" : ": ", tmp_i.err);
    }
    ir_ctx_free(c);
    free(text);
    return ok;
}

/* The comparison itself must see a changed global, guest byte, exit
   value and flag, and take any NaN for any NaN (run on the first
   program's outcome). */
static bool comparison_sensitive(const DiffOutcome *real)
{
    static DiffOutcome a, b;
    a = *real;
    a.ok = true;
    a.state.env.f64[2] = 0x3ff0000000000000ull;        /* 1.0 */
    a.state.env.f64[3] = 0x7ff8000000000000ull;        /* a NaN */
    bool ok = (b = a, agree(&a, &b, NULL));
    ok = ok && (b = a, b.state.env.g64[3] ^= 1, !agree(&a, &b, NULL));
    ok = ok && (b = a, b.state.guest[DIFF_GUEST_INT + 77] ^= 0x10,
                !agree(&a, &b, NULL));
    ok = ok && (b = a, b.exit ^= 4, !agree(&a, &b, NULL));
    ok = ok && (b = a, b.flags ^= FE_OVERFLOW, !agree(&a, &b, NULL));
    ok = ok && (b = a, b.state.env.f64[3] = 0xfff0000000000001ull,
                agree(&a, &b, NULL));
    ok = ok && (b = a, b.state.env.f64[2] = 0x7ff8000000000000ull,
                !agree(&a, &b, NULL));
    return ok;
}

int main(int argc, char **argv)
{
    uint64_t start = 0, count = 1000, one = 0;
    unsigned base_every = 8, max_reports = 3;
    bool single = false, no_opt = false;
    size_t code_size = 16u << 20;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : "0";
        if (!strcmp(a, "--start")) start = strtoull(v, NULL, 0), i++;
        else if (!strcmp(a, "--count")) count = strtoull(v, NULL, 0), i++;
        else if (!strcmp(a, "--base-every"))
            base_every = (unsigned)strtoul(v, NULL, 0), i++;
        else if (!strcmp(a, "--max-reports"))
            max_reports = (unsigned)strtoul(v, NULL, 0), i++;
        else if (!strcmp(a, "--seed")) one = strtoull(v, NULL, 0), single = true, i++;
        else if (!strcmp(a, "--no-opt")) no_opt = true;
        else if (!strcmp(a, "--code-size"))
            code_size = (size_t)strtoull(v, NULL, 0), i++;
        else {
            fprintf(stderr, "usage: %s [--start S] [--count N] [--base-every K] "
                    "[--max-reports R] [--no-opt] [--code-size B] | --seed S\n", argv[0]);
            return 2;
        }
    }
    if (single) {
        start = one;
        count = 1;
        base_every = 1;
    }
    for (unsigned i = 0; i < diff_helper_count; i++)
        ir_helper_register(&diff_helpers[i].h);

    JitRunner *full = jit_runner_new_sized(~0u, code_size);
    JitRunner *base = jit_runner_new_sized(0, code_size);
    Config cfgs[4] = {
        { "opt off, all host features", false, false, 0, 0, 0 },
        { "opt on, all host features", true, false, 0, 0, 0 },
        { "opt off, baseline x86-64", false, true, 0, 0, 0 },
        { "opt on, baseline x86-64", true, true, 0, 0, 0 },
    };
    unsigned gen_fail = 0, rt_fail = 0, reports = 0;
    int sensitive = -1;
    char label[128], why[300];

    for (uint64_t seed = start; seed < start + count; seed++) {
        GenProgram p;
        gen_program(seed, &p);
        if (single) {
            char *text = ir_dump_str(p.ctx);
            printf("# seed %llu, rounding %s:\n", (unsigned long long)seed,
                   round_name(p.round));
            print_prefixed(text, p.init.env_bias);
            free(text);
        }
        diff_run_interp(p.ctx, &p.init, p.round, &interp_out);
        if (!interp_out.ok) {
            if (gen_fail++ < max_reports)
                printf("# seed %llu: generator produced a bad program: %s\n",
                       (unsigned long long)seed, interp_out.err);
            gen_program_free(&p);
            continue;
        }
        if (sensitive < 0)
            sensitive = comparison_sensitive(&interp_out);
        if (!roundtrip_ok(&p, why, sizeof why) && rt_fail++ < max_reports)
            printf("# seed %llu: dump/parse: %s\n", (unsigned long long)seed, why);
        for (int k = 0; k < 4; k++) {
            Config *c = &cfgs[k];
            if ((c->optimize && (!diff_have_opt || no_opt)) ||
                (c->baseline && seed % base_every != 0))
                continue;
            JitRunner *jr = c->baseline ? base : full;
            snprintf(label, sizeof label, "seed %llu (%s)",
                     (unsigned long long)seed, c->name);
            jit_runner_set_label(label);
            jit_run(jr, p.ctx, c->optimize, &p.init, p.round, &jit_out);
            c->runs++;
            if (jit_out.too_big) {      /* allowed: the runtime splits the TB */
                c->too_big++;
                continue;
            }
            if (!agree(&interp_out, &jit_out, NULL)) {
                c->fails++;
                report(seed, c, jr, &p, reports++ < max_reports);
            }
        }
        gen_program_free(&p);
    }

    int n = 0, bad = 0;
    printf("%s %d - seeds %llu..%llu: the generator's programs run in the "
           "interpreter (%u bad)\n", gen_fail ? "not ok" : "ok", ++n,
           (unsigned long long)start, (unsigned long long)(start + count - 1),
           gen_fail);
    bad += gen_fail != 0;
    printf("%s %d - the comparison sees a changed value, exit or flag\n",
           sensitive == 0 ? "not ok" : "ok", ++n);
    bad += sensitive == 0;
    printf("%s %d - ir_dump/ir_parse round trip keeps behaviour (%u bad)\n",
           rt_fail ? "not ok" : "ok", ++n, rt_fail);
    bad += rt_fail != 0;
    for (int k = 0; k < 4; k++) {
        Config *c = &cfgs[k];
        if (c->optimize && (!diff_have_opt || no_opt)) {
            printf("ok %d - %s # SKIP %s\n", ++n, c->name,
                   no_opt ? "--no-opt" : "the optimizer is not built");
            continue;
        }
        /* a block too big for the spill frame is legal, but if many are,
           the programs do not reach the backend */
        bool ok = c->fails == 0 && c->too_big <= c->runs / 100;
        printf("%s %d - %s: %u programs, %u mismatches", ok ? "ok" : "not ok",
               ++n, c->name, c->runs, c->fails);
        if (c->too_big)
            printf(", %u too big for the spill frame", c->too_big);
        printf("\n");
        bad += !ok;
    }
    if (diff_have_opt)
        printf("# optimizer: %lu ops in, %lu out\n", diff_opt_ops_in,
               diff_opt_ops_out);
    printf("# code cache flushes: %u\n",
           jit_runner_flushes(full) + jit_runner_flushes(base));
    printf("1..%d\n", n);
    jit_runner_free(full);
    jit_runner_free(base);
    return bad ? 1 : 0;
}
