/*
 * Runs one IR op on given input values through the JIT (with the one-op
 * register assigner of jit_harness.h) and returns its output: the shared
 * driver of the per-op-class smoke tests.  Each run builds a fresh block;
 * a full code cache is flushed and the run retried.
 */
#ifndef OP_RUNNER_H
#define OP_RUNNER_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"
#include "jit.h"

typedef struct OpSpec {
    IrOpcode opc;
    IrType type;           /* the op's type */
    IrType out_type;       /* type of the output temp (if the op has one) */
    IrType in_type[6];     /* types of the input temps */
    uint64_t k[2];         /* constant arguments */
} OpSpec;

typedef struct OpRun {
    uint64_t in[6];        /* input values (bits) */
    unsigned const_mask;   /* input i is an IR constant (immediate if allowed) */
    unsigned rot;          /* register choice rotation */
    uint32_t mxcsr;        /* MXCSR while the block runs */
} OpRun;

typedef struct OpResult {
    uint64_t out;          /* output bits (masked to the output width);
                              without an output: env[8], where st_env may write */
    uint32_t flags;        /* MXCSR exception flags after the run (bits 0..5) */
} OpResult;

/* A Jit with the host's features masked by FEATURES. */
Jit *runner_jit(uint32_t features, uintptr_t guest_base);
OpResult runner_run(Jit *jit, const OpSpec *spec, const OpRun *run);

/* The number of runs so far (the tests report it). */
extern unsigned long runner_count;

#endif
