/*
 * Compiling one translation block: the backend's RaHost handed to the
 * generic register allocator (ra_codegen), which walks the ops and emits
 * through the hooks of host.c; then labels, literals and the JitTb.
 * The caller runs the optimizer first if it wants to.
 */
#include <stdio.h>
#include <stdlib.h>

#include "jit_internal.h"

/* Every IR global pinned to a register must be one of JitConfig.pins,
 * with the same env slot: the prologue and epilogue move only those. */
static bool pins_match(const Jit *jit, const IrCtx *ctx)
{
    for (uint32_t t = 1; t <= ctx->nb_globals; t++) {
        const IrTempInfo *ti = &ctx->temps[t];
        if (ti->fixed_reg < 0)
            continue;
        unsigned i;
        for (i = 0; i < jit->cfg.nb_pins; i++)
            if (jit->cfg.pins[i].reg == ti->fixed_reg &&
                jit->cfg.pins[i].env_ofs == ti->offset)
                break;
        if (i == jit->cfg.nb_pins)
            return false;
    }
    return true;
}

int jit_compile_info(Jit *jit, IrCtx *ctx, JitTb *tb, JitCompileInfo *info)
{
    if (!pins_match(jit, ctx)) {
        fprintf(stderr, "rvtcg: jit: a global is pinned to a register "
                "the JIT configuration does not pin\n");
        abort();
    }
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
