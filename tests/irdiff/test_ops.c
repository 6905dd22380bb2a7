/*
 * The per-op difftest (suite jit): every opcode of ir_op_info, with every
 * type it allows, in several operand kinds and on edge values, compiled by
 * the JIT (all host features; baseline x86-64; optimizer + JIT when the
 * optimizer is built) and compared with the reference interpreter.  The
 * loop runs over the table, so an opcode added to ops.def without
 * coverage here fails (unless `uncovered` below names it with a reason).
 * TAP: one test point per opcode and type, with its counts; failures show
 * the first mismatches with their inputs and the program.
 *
 *   test_ops [--part K/N] [--only NAME] [--code-size BYTES]
 *
 * A small code cache (--code-size) makes jit_flush run while compiled
 * programs are still in use; they are recompiled (jit_run.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_helpers.h"
#include "jit.h"
#include "opt_glue.h"
#include "ops_test.h"

/* Opcodes deliberately left out, with the reason (none at present). */
static const struct { const char *name, *reason; } uncovered[] = {
    { NULL, NULL },
};

static Tally tallies[IR_OP_COUNT][IR_TYPE_COUNT];
static bool used[IR_OP_COUNT][IR_TYPE_COUNT];

Tally *ops_tally(IrOpcode opc, IrType t)
{
    Tally *tl = &tallies[opc][t];
    if (!used[opc][t]) {
        used[opc][t] = true;
        snprintf(tl->name, sizeof tl->name, "%s%s%s", ir_op_info[opc].name,
                 t == IR_VOID ? "" : ".", t == IR_VOID ? "" : ir_type_names[t]);
    }
    return tl;
}

static const char *uncovered_reason(IrOpcode opc)
{
    for (unsigned i = 0; uncovered[i].name; i++)
        if (!strcmp(uncovered[i].name, ir_op_info[opc].name))
            return uncovered[i].reason;
    return NULL;
}

int main(int argc, char **argv)
{
    unsigned part = 0, parts = 1;
    const char *only = NULL;
    size_t code_size = 16u << 20;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--part") && i + 1 < argc &&
            sscanf(argv[i + 1], "%u/%u", &part, &parts) == 2 && part < parts) {
            i++;
        } else if (!strcmp(argv[i], "--only") && i + 1 < argc) {
            only = argv[++i];
        } else if (!strcmp(argv[i], "--code-size") && i + 1 < argc) {
            code_size = (size_t)strtoull(argv[++i], NULL, 0);
        } else {
            fprintf(stderr, "usage: %s [--part K/N] [--only NAME] "
                    "[--code-size BYTES]\n", argv[0]);
            return 2;
        }
    }

    OpsEnv env = { .nb_configs = 2 };
    env.runners[0] = jit_runner_new_sized(~0u, code_size);
    env.names[0] = "all host features";
    env.runners[1] = jit_runner_new_sized(0, code_size);
    env.names[1] = "baseline x86-64";
    if (diff_have_opt) {
        env.runners[2] = env.runners[0];
        env.optimize[2] = true;
        env.names[2] = "optimizer, all host features";
        env.nb_configs = 3;
    }

    int n = 0, bad = 0;
    for (int opc = 0; opc < IR_OP_COUNT; opc++) {
        if ((unsigned)opc % parts != part)
            continue;
        if (only && strcmp(only, ir_op_info[opc].name))
            continue;
        const char *reason = uncovered_reason((IrOpcode)opc);
        bool covered = ops_generic(&env, (IrOpcode)opc) ||
                       ops_memory(&env, (IrOpcode)opc) ||
                       ops_control(&env, (IrOpcode)opc);
        if (!covered) {
            if (reason) {
                printf("ok %d - %s # SKIP %s\n", ++n, ir_op_info[opc].name, reason);
            } else {
                printf("not ok %d - %s: no per-op coverage (add it to "
                       "tests/irdiff/ops_*.c)\n", ++n, ir_op_info[opc].name);
                bad++;
            }
            continue;
        }
        for (int t = 0; t < IR_TYPE_COUNT; t++) {
            if (!used[opc][t])
                continue;
            Tally *tl = &tallies[opc][t];
            bool ok = tl->fails == 0 && tl->runs > 0;
            printf("%s %d - %s: %u programs, %u runs, %u mismatches",
                   ok ? "ok" : "not ok", ++n, tl->name, tl->programs, tl->runs,
                   tl->fails);
            if (tl->skipped)
                printf(" (%u operand-type variants the verifier rejects)",
                       tl->skipped);
            printf("\n");
            if (tl->log)
                fputs(tl->log, stdout);
            fflush(stdout);
            bad += !ok;
            free(tl->log);
        }
    }
    printf("# code cache flushes: %u\n", jit_runner_flushes(env.runners[0]) +
           jit_runner_flushes(env.runners[1]));
    if (diff_have_opt)
        printf("# optimizer: %lu ops in, %lu out\n", diff_opt_ops_in,
               diff_opt_ops_out);
    printf("1..%d\n", n);
    jit_runner_free(env.runners[0]);
    jit_runner_free(env.runners[1]);
    return bad ? 1 : 0;
}
