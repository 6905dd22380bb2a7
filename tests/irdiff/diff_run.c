/*
 * The interpreter side of a difftest run, and comparing outcomes.
 */
#include "diff_run.h"

#include <fenv.h>
#include <string.h>

#include "diff_helpers.h"
#include "gen_prog.h"

DiffState diff_run_state __attribute__((aligned(64)));

uint64_t diff_lookup_value(void *opaque, uint64_t pc)
{
    (void)opaque;
    return pc == GEN_HIT_PC ? GEN_HIT_EXIT : 0;
}

void diff_run_interp(const IrCtx *ctx, const DiffState *init, int round,
                     DiffOutcome *out)
{
    IrInterpResult res;
    IrInterpConfig cfg = {
        .env = (char *)&diff_run_state.env + init->env_bias,
        .env_size = sizeof diff_run_state.env - (size_t)init->env_bias,
        .env_neg = (size_t)init->env_bias,
        .guest_base = (uintptr_t)diff_run_state.guest,
        .guest_lo = 0,
        .guest_hi = DIFF_GUEST_SIZE,
        .step_limit = 1000000,
        .lookup = diff_lookup_value,
    };
    int saved = fegetround();

    memset(out, 0, sizeof *out);
    diff_run_state = *init;
    diff_cur_env = &diff_run_state.env;
    fesetround(round);
    feclearexcept(FE_ALL_EXCEPT);
    ir_interp_run(ctx, &cfg, &res);
    out->flags = fetestexcept(FE_ALL_EXCEPT);
    fesetround(saved);
    out->state = diff_run_state;
    out->looked_up = res.looked_up;
    out->lookup_pc = res.lookup_pc;
    out->exit = res.value;
    out->ok = res.kind == IR_EXIT_TB || res.kind == IR_EXIT_GOTO_PTR ||
              res.kind == IR_EXIT_FAULT;
    out->via_goto_ptr = res.kind == IR_EXIT_GOTO_PTR;
    out->faulted = res.kind == IR_EXIT_FAULT;
    if (out->faulted)
        out->exit = 0;
    if (!out->ok)
        snprintf(out->err, sizeof out->err, "interpreter: %s at op %zu%s%s",
                 ir_exit_kind_name(res.kind), res.op_index,
                 res.err[0] ? ": " : "", res.err);
}

bool diff_outcome_equal(const DiffOutcome *a, const DiffOutcome *b,
                        bool cmp_flags, FILE *f, const char *na,
                        const char *nb)
{
    bool eq = true;
    char fa[32], fb[32];
    if (a->faulted != b->faulted) {
        eq = false;
        if (f)
            fprintf(f, "#   guest fault: %s %s, %s %s\n", na,
                    a->faulted ? "yes" : "no", nb, b->faulted ? "yes" : "no");
    } else if (a->exit != b->exit) {
        eq = false;
        if (f)
            fprintf(f, "#   exit: %s %#llx, %s %#llx\n", na,
                    (unsigned long long)a->exit, nb, (unsigned long long)b->exit);
    }
    if (cmp_flags && a->flags != b->flags) {
        eq = false;
        if (f)
            fprintf(f, "#   fp flags: %s %s, %s %s\n", na,
                    diff_flags_str(a->flags, fa), nb, diff_flags_str(b->flags, fb));
    }
    if (!diff_state_equal(&a->state, &b->state, f, na, nb))
        eq = false;
    return eq;
}
