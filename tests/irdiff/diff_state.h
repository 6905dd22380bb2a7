/*
 * The machine state the difftests run IR against, and how two states are
 * compared.
 *
 * DiffEnv is the CPU state (env): the IR globals (16 i64, 8 i32, 8 f64,
 * 4 f32) followed by scratch fields that ld_env/st_env may touch (they
 * must not touch fields backing globals, docs/ir.md).  Guest memory is
 * DIFF_GUEST_SIZE bytes in three regions: integer accesses go to the
 * first, f32 accesses to the second, f64 to the third, so that a NaN
 * payload (unspecified in the IR) written by an FP store can never be read
 * back as an integer.  Comparisons treat any two NaNs of the FP fields and
 * regions as equal, and everything else bit for bit.
 */
#ifndef IRDIFF_DIFF_STATE_H
#define IRDIFF_DIFF_STATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ir.h"
#include "rng.h"

#define DIFF_NB_G64 16
#define DIFF_NB_G32 8
#define DIFF_NB_F64 8
#define DIFF_NB_F32 4
#define DIFF_SINT_SIZE 64
#define DIFF_NB_SF32 8
#define DIFF_NB_SF64 8

typedef struct DiffEnv {
    uint64_t g64[DIFF_NB_G64];      /* globals */
    uint32_t g32[DIFF_NB_G32];
    uint64_t f64[DIFF_NB_F64];      /* bits */
    uint32_t f32[DIFF_NB_F32];
    uint8_t sint[DIFF_SINT_SIZE];   /* ld_env/st_env: integer scratch */
    uint32_t sf32[DIFF_NB_SF32];    /* ld_env/st_env: f32 scratch */
    uint64_t sf64[DIFF_NB_SF64];    /* ld_env/st_env: f64 scratch */
} DiffEnv;

#define DIFF_GUEST_SIZE 1024
#define DIFF_GUEST_INT 0            /* [0, 512): integer accesses */
#define DIFF_GUEST_INT_SIZE 512
#define DIFF_GUEST_F32 512          /* [512, 768): f32 accesses */
#define DIFF_GUEST_F64 768          /* [768, 1024): f64 accesses */
#define DIFF_GUEST_FP_SIZE 256

typedef struct DiffState {
    DiffEnv env;
    uint8_t guest[DIFF_GUEST_SIZE];
    /* Not state but how programs address it: the env register holds
       &env + env_bias, so a field at offsetof F has IR offset F - env_bias
       (negative offsets when env_bias > 0).  Not compared. */
    int32_t env_bias;
} DiffState;

/* The IR offset of the DiffEnv field at byte FIELD for a state with
   env_bias BIAS. */
static inline int32_t diff_env_ofs(int32_t bias, size_t field)
{
    return (int32_t)field - bias;
}

/* The globals of a context, created over DiffEnv by diff_globals_create. */
typedef struct DiffGlobals {
    IrTemp g64[DIFF_NB_G64];
    IrTemp g32[DIFF_NB_G32];
    IrTemp f64[DIFF_NB_F64];
    IrTemp f32[DIFF_NB_F32];
} DiffGlobals;

void diff_globals_create(IrCtx *ctx, DiffGlobals *g);
/* The same for a state whose env_bias is BIAS. */
void diff_globals_create_biased(IrCtx *ctx, DiffGlobals *g, int32_t bias);

/* A random initial state: edge values in globals and scratch, random
   bytes in the integer region, random FP values in the FP regions. */
void diff_state_random(DiffState *st, Rng *r);

/* Equal as described above; else false and, if OUT, the differences
   (labelled NAME_A / NAME_B). */
bool diff_state_equal(const DiffState *a, const DiffState *b, FILE *out,
                      const char *name_a, const char *name_b);

/* The FP flags (FE_*) as text, e.g. "NV|NX". */
const char *diff_flags_str(int flags, char buf[32]);

#endif
