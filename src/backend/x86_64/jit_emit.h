/*
 * Lower-level entry points of the x86-64 JIT, for tests and tools.
 *
 * jit_compile() is jit_emit_begin() + ra_codegen() + jit_emit_finish().
 * Tests that do not go through the register allocator call the RaHost
 * hooks of jit_emit_host() themselves, with registers they chose.
 * rvtcg-irbackend uses jit_compile_info() to learn which host bytes each
 * IR op produced.
 */
#ifndef JIT_EMIT_H
#define JIT_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jit.h"
#include "regalloc.h"

/* The host code of one op the allocator passed to the op hook: bytes
 * [start, end) of the block, op_index into ctx->ops. */
typedef struct JitOpSpan {
    uint32_t op_index;
    uint32_t start, end;
} JitOpSpan;

typedef struct JitEmit JitEmit;

/* Starts a block at the current end of the code cache (aborts when out
 * of memory).  The hooks of jit_emit_host() emit into it. */
JitEmit *jit_emit_begin(Jit *jit, IrCtx *ctx, bool want_spans);
const RaHost *jit_emit_host(JitEmit *em);

/* Resolves labels, appends the block's literals, fills *TB and commits
 * the block: 0, or -1 when it did not fit (nothing is committed).  Frees
 * EM; with SPANS non-NULL, hands over the op spans (free them). */
int jit_emit_finish(JitEmit *em, JitTb *tb, JitOpSpan **spans,
                    size_t *nb_spans, uint32_t *code_bytes);
void jit_emit_abort(JitEmit *em);

/* jit_compile, also returning the spans (malloc'ed) and the number of
 * bytes of instructions (the block's literals follow them). */
typedef struct JitCompileInfo {
    JitOpSpan *spans;
    size_t nb_spans;
    uint32_t code_bytes;
} JitCompileInfo;
int jit_compile_info(Jit *jit, IrCtx *ctx, JitTb *tb, JitCompileInfo *info);

/* Execution address of the fixed "return 0 from jit_enter" stub: what
 * lookup_tb yields on a miss. */
const void *jit_ret0_stub(const Jit *jit);

#endif
