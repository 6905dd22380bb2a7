/*
 * Random IR programs for the register-allocator tests: every non-meta
 * opcode of the table with random types and operands (globals, TB temps,
 * BB temps, constants of interesting sizes), moves, calls with 0..6
 * arguments and helpers of every global-access kind, conditional and
 * unconditional branches forwards and backwards, labels, discards, TB
 * exits.  Pools of values are larger than the host's register file, so
 * allocation has to spill.  Programs are well formed in what the
 * allocator relies on: TB temps are defined before the first label, BB
 * temps are written in their block before they are read, every label is
 * placed once.
 */
#ifndef RA_GEN_H
#define RA_GEN_H

#include <stdint.h>
#include <stdio.h>

#include "ir.h"

typedef struct RaGenCfg {
    unsigned nb_ops;                 /* ops after the TB-temp setup */
    unsigned int_globals, fp_globals;
    unsigned tb_int, tb_fp;          /* TB temps */
    unsigned bb_int, bb_fp;          /* BB temps (reused in every block) */
    unsigned labels;
    unsigned pct_mov, pct_branch, pct_call, pct_const;
} RaGenCfg;

/* A configuration drawn from SEED: small to very large pools. */
RaGenCfg ra_gen_random_cfg(uint64_t seed);
/* Appends a random program to CTX (fresh from ir_ctx_new). */
void ra_gen_program(IrCtx *ctx, uint64_t seed, const RaGenCfg *cfg);
/* Random host features (IR_X86F_*): none, all, or a subset. */
uint32_t ra_gen_features(uint64_t seed);

/* Helpers the generated calls use (never called). */
extern const IrHelper ra_gen_helpers[4];

/* A plain listing of CTX for failure messages. */
void ra_gen_dump(const IrCtx *ctx, FILE *f);

#endif
