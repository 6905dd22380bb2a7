/*
 * Self-test of the random IR generator (suite irdiff, no generated code):
 * over a range of seeds, every program passes ir_verify and runs to an
 * exit in the reference interpreter without reading an undefined temp, a
 * basic-block temp across a block boundary, or leaving its memory regions
 * (the interpreter checks all of that); the same seed gives the same
 * program; and together the programs contain every opcode of ir_op_info,
 * straight-line and branching programs, loops, and programs with more
 * live integer and FP values than the host has registers.  TAP output.
 *
 *   test_gen [COUNT]     seeds 0..COUNT-1 (default 2000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_run.h"
#include "gen_prog.h"
#include "ir_verify.h"

static int tap_n;
static int failures;

static void tap(bool ok, const char *fmt, const char *detail)
{
    printf("%s %d - %s\n", ok ? "ok" : "not ok", ++tap_n, fmt);
    if (!ok) {
        failures++;
        if (detail && detail[0])
            printf("# %s\n", detail);
    }
}

static bool same_program(const IrCtx *a, const IrCtx *b)
{
    if (a->nb_ops != b->nb_ops || a->nb_temps != b->nb_temps)
        return false;
    for (size_t i = 0; i < a->nb_ops; i++) {
        const IrOp *x = &a->ops[i], *y = &b->ops[i];
        if (x->opc != y->opc || x->type != y->type || x->nb_out != y->nb_out ||
            x->nb_in != y->nb_in || x->nb_const != y->nb_const)
            return false;
        for (unsigned k = 0; k < (unsigned)x->nb_out + x->nb_in + x->nb_const; k++)
            if (x->args[k].uimm != y->args[k].uimm)
                return false;
    }
    for (uint32_t t = 1; t < a->nb_temps; t++)
        if (a->temps[t].kind != b->temps[t].kind ||
            a->temps[t].type != b->temps[t].type ||
            a->temps[t].val != b->temps[t].val)
            return false;
    return true;
}

int main(int argc, char **argv)
{
    unsigned count = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 2000;
    unsigned long covered[IR_OP_COUNT] = { 0 };
    unsigned straight = 0, loops = 0, pressure = 0, bad = 0, nondet = 0;
    unsigned unverified = 0, faults = 0, faulted = 0;
    char verr[300], vdetail[400] = "";
    unsigned long total_ops = 0;
    char detail[400] = "";
    DiffOutcome *out = malloc(sizeof *out);

    for (unsigned seed = 0; seed < count; seed++) {
        GenProgram p, q;
        gen_program(seed, &p);
        gen_program(seed, &q);
        if (!same_program(p.ctx, q.ctx) || memcmp(&p.init, &q.init, sizeof p.init))
            nondet++;
        if (!ir_verify(p.ctx, verr, sizeof verr) && unverified++ == 0)
            snprintf(vdetail, sizeof vdetail, "seed %u: %s", seed, verr);
        diff_run_interp(p.ctx, &p.init, p.round, out);
        if (!out->ok && bad++ == 0)
            snprintf(detail, sizeof detail, "seed %u: %s", seed, out->err);
        faults += p.faults;
        faulted += out->faulted;
        if (out->faulted && !p.faults && bad++ == 0)
            snprintf(detail, sizeof detail, "seed %u: unintended guest fault",
                     seed);
        for (int i = 0; i < IR_OP_COUNT; i++)
            covered[i] += p.op_counts[i];
        total_ops += p.ctx->nb_ops;
        straight += p.straight_line;
        loops += p.has_loop;
        pressure += p.max_live_int > 14 && p.max_live_fp > 16;
        gen_program_free(&p);
        gen_program_free(&q);
    }
    free(out);

    printf("# %u programs, %lu ops\n", count, total_ops);
    tap(bad == 0, "every program runs to an exit in the interpreter", detail);
    tap(unverified == 0, "every program passes ir_verify", vdetail);
    tap(nondet == 0, "a seed always gives the same program and state", "");

    char missing[600] = "";
    for (int i = 0; i < IR_OP_COUNT; i++) {
        if (!covered[i]) {
            strncat(missing, " ", sizeof missing - strlen(missing) - 1);
            strncat(missing, ir_op_info[i].name, sizeof missing - strlen(missing) - 1);
        }
    }
    tap(!missing[0], "every opcode of ir_op_info is generated", missing);
    snprintf(detail, sizeof detail, "%u straight-line, %u with loops, %u with "
             "more than 14 int and 16 fp values live", straight, loops, pressure);
    printf("# %s\n", detail);
    printf("# %u programs with a faulting access, %u of them reach it\n",
           faults, faulted);
    tap(straight > count / 10 && loops > count / 10 && pressure > count / 10 &&
        faulted > count / 50,
        "straight-line, looping, high-pressure and faulting programs", detail);
    printf("1..%d\n", tap_n);
    return failures ? 1 : 0;
}
