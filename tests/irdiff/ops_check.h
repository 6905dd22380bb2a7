/*
 * The per-op test's core: one IR program, many initial states, every
 * configuration (JIT with all host features, JIT on baseline x86-64, and
 * optimizer + JIT when the optimizer is built), the interpreter as the
 * oracle, tallies per opcode and type for the TAP report.
 */
#ifndef IRDIFF_OPS_CHECK_H
#define IRDIFF_OPS_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "diff_state.h"
#include "ir.h"
#include "jit_run.h"

#define OPS_MAX_CONFIGS 3

typedef struct OpsEnv {
    JitRunner *runners[OPS_MAX_CONFIGS];
    bool optimize[OPS_MAX_CONFIGS];
    const char *names[OPS_MAX_CONFIGS];
    unsigned nb_configs;
} OpsEnv;

/* Results for one opcode x type. */
typedef struct Tally {
    char name[40];
    unsigned programs, runs, fails;
    unsigned skipped;        /* variants the verifier rejected */
    char *log;               /* the first failures, as TAP comments */
    size_t log_len;
    unsigned logged;
} Tally;

/* The four host rounding modes; ops_rne_only is just FE_TONEAREST. */
extern const int ops_all_rounds[4];
extern const int ops_rne_only[1];

/* Which part of the final state must match bit for bit even for a NaN
   (e.g. the output of fneg, fmin, a load): offset/size in DiffEnv, or
   size 0 for none. */
typedef struct Exact {
    int32_t offset;
    unsigned size;
} Exact;

/*
 * Runs CTX from each of the NB states in each of the NB_ROUNDS rounding
 * modes, in the interpreter and in every configuration; counts into T and
 * logs mismatches (WHAT names the variant).  Returns false if the program
 * could not be built (ir_verify rejected it: counted as skipped).
 */
bool ops_check(const OpsEnv *env, Tally *t, const IrCtx *ctx,
               const DiffState *states, unsigned nb, const int *rounds,
               unsigned nb_rounds, Exact exact, const char *what);

/* Adds a line to T's log (at most a few failures are logged). */
void tally_log(Tally *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A zeroed state with a recognisable pattern in the scratch fields and
   the guest memory. */
void ops_base_state(DiffState *s);

#endif
