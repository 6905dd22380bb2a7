/*
 * Compiling one translation block: the backend's RaHost handed to the
 * generic register allocator (ra_codegen), which walks the ops and emits
 * through the hooks of host.c; then labels, literals and the JitTb.
 * The caller runs the optimizer first if it wants to.
 */
#include "jit_internal.h"

int jit_compile_info(Jit *jit, IrCtx *ctx, JitTb *tb, JitCompileInfo *info)
{
    JitEmit *em = jit_emit_begin(jit, ctx, info != NULL);
    if (ra_codegen(ctx, jit_emit_host(em)) < 0) {
        jit_emit_abort(em);
        return -2;
    }
    if (!info)
        return jit_emit_finish(em, tb, NULL, NULL, NULL);
    return jit_emit_finish(em, tb, &info->spans, &info->nb_spans,
                           &info->code_bytes);
}

int jit_compile(Jit *jit, IrCtx *ctx, JitTb *tb)
{
    return jit_compile_info(jit, ctx, tb, NULL);
}
