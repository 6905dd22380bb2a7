/*
 * A stand-in for the register allocator in backend unit tests: assigns
 * registers to ONE op by its constraint set (fixed, tied, new and scratch
 * registers, immediates), loads the inputs from the env array, calls the
 * backend's op hook, stores the outputs back.  Rotating the register
 * choice (rot) exercises REX-prefixed and byte-register encodings.
 */
#ifndef JIT_HARNESS_H
#define JIT_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir.h"
#include "jit.h"
#include "jit_emit.h"

/* env layout used by the harness: inputs in env[0..5], outputs in env[8] */
#define H_IN(i)  (8 * (i))
#define H_OUT(i) (8 * (8 + (i)))
#define H_ENV_WORDS 32

typedef struct HarnessCfg {
    unsigned rot;          /* register choice rotation */
    bool use_imm;          /* pass constant inputs as immediates if allowed */
} HarnessCfg;

/* Emits op OPI of CTX into EM with loads/stores around it. */
void harness_emit_op(JitEmit *em, IrCtx *ctx, size_t opi, const HarnessCfg *hc);

/* Emits a meta or operand-less op (exit_tb, goto_tb, set_label, ...). */
void harness_emit_plain(JitEmit *em, IrCtx *ctx, size_t opi);

/* Builds a block: op OPI with loads/stores, then exit_tb 0; runs it with
 * env[] and returns 0, or -1 if compiling failed. */
int harness_run_op(Jit *jit, IrCtx *ctx, size_t opi, const HarnessCfg *hc,
                   uint64_t *env);

#endif
