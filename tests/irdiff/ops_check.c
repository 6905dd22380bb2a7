/*
 * ops_check: runs one program of the per-op test on many states in the
 * interpreter and in every JIT configuration and compares the outcomes
 * (exit, state with NaN-equality plus an exact part, FP flags).
 */
#include "ops_check.h"

#include <fenv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_run.h"
#include "ir_text.h"
#include "ir_verify.h"

const int ops_all_rounds[4] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD,
                                FE_UPWARD };
const int ops_rne_only[1] = { FE_TONEAREST };

#define MAX_LOGGED 4

void tally_log(Tally *t, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    size_t len = strlen(line);
    char *p = realloc(t->log, t->log_len + len + 1);
    if (!p)
        abort();
    t->log = p;
    memcpy(t->log + t->log_len, line, len + 1);
    t->log_len += len;
}

void ops_base_state(DiffState *s)
{
    memset(s, 0, sizeof *s);
    for (unsigned i = 0; i < sizeof s->env.sint; i++)
        s->env.sint[i] = (uint8_t)(0xa0 + i);
    for (unsigned i = 0; i < DIFF_GUEST_SIZE; i++)
        s->guest[i] = (uint8_t)(i * 7 + 3);
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

static DiffOutcome want, got;

static void log_failure(Tally *t, const IrCtx *ctx, const char *what,
                        const char *config, int round, const DiffState *st)
{
    char *diff = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&diff, &len);
    if (!got.ok)
        fprintf(f, "#   %s\n", got.err);
    else
        diff_outcome_equal(&want, &got, true, f, "interp", "jit");
    fclose(f);
    tally_log(t, "# %s [%s, rounding %s]\n", what, config, round_name(round));
    tally_log(t, "#   inputs: x1..x4 = %#llx %#llx %#llx %#llx  w1..w3 = %#x %#x %#x"
              "  d1..d3 = %#llx %#llx %#llx  s1..s3 = %#x %#x %#x\n",
              (unsigned long long)st->env.g64[1], (unsigned long long)st->env.g64[2],
              (unsigned long long)st->env.g64[3], (unsigned long long)st->env.g64[4],
              st->env.g32[1], st->env.g32[2], st->env.g32[3],
              (unsigned long long)st->env.f64[1], (unsigned long long)st->env.f64[2],
              (unsigned long long)st->env.f64[3],
              st->env.f32[1], st->env.f32[2], st->env.f32[3]);
    tally_log(t, "%s", diff ? diff : "");
    free(diff);
    if (t->logged == 1) {
        char *text = ir_dump_str(ctx);
        tally_log(t, "#   program:\n");
        for (char *s = text, *nl; *s; s = nl + 1) {
            nl = strchr(s, '\n');
            if (!nl)
                nl = s + strlen(s) - 1;
            if (strncmp(s, "global ", 7))
                tally_log(t, "#     %.*s\n", (int)(nl - s), s);
        }
        free(text);
    }
}

static bool exact_equal(Exact ex)
{
    if (!ex.size)
        return true;
    return !memcmp((const char *)&want.state.env + ex.offset,
                   (const char *)&got.state.env + ex.offset, ex.size);
}

bool ops_check(const OpsEnv *env, Tally *t, const IrCtx *ctx,
               const DiffState *states, unsigned nb, const int *rounds,
               unsigned nb_rounds, Exact exact, const char *what)
{
    char err[300];
    if (!ir_verify(ctx, err, sizeof err)) {
        t->skipped++;
        return false;
    }
    JitProg *progs[OPS_MAX_CONFIGS] = { 0 };
    for (unsigned c = 0; c < env->nb_configs; c++) {
        progs[c] = jit_prog_new(env->runners[c], ctx, env->optimize[c], err,
                                sizeof err);
        if (!progs[c]) {
            t->fails++;
            if (t->logged++ < MAX_LOGGED)
                tally_log(t, "# %s [%s]: %s\n", what, env->names[c], err);
        }
    }
    t->programs++;
    for (unsigned i = 0; i < nb; i++) {
        for (unsigned r = 0; r < nb_rounds; r++) {
            diff_run_interp(ctx, &states[i], rounds[r], &want);
            if (!want.ok) {
                t->fails++;
                if (t->logged++ < MAX_LOGGED)
                    tally_log(t, "# %s: the test program is bad: %s\n", what,
                              want.err);
                continue;
            }
            for (unsigned c = 0; c < env->nb_configs; c++) {
                if (!progs[c])
                    continue;
                jit_prog_run(progs[c], &states[i], rounds[r], &got);
                t->runs++;
                bool ok = got.ok && exact_equal(exact) &&
                          diff_outcome_equal(&want, &got, true, NULL, "", "");
                if (!ok) {
                    t->fails++;
                    if (t->logged++ < MAX_LOGGED) {
                        if (got.ok && !exact_equal(exact))
                            tally_log(t, "# (the output differs in its exact bits)\n");
                        log_failure(t, ctx, what, env->names[c], rounds[r],
                                    &states[i]);
                    }
                }
            }
        }
    }
    for (unsigned c = 0; c < env->nb_configs; c++)
        jit_prog_free(progs[c]);
    return true;
}
