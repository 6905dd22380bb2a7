/*
 * Zifencei: FENCE.I.  RISC-V Unprivileged ISA 20191213, chapter 3: makes
 * earlier stores visible to later instruction fetches of the same hart.
 * Translated code may be stale after such stores, so FENCE.I ends the
 * block with an RV_EXC_FENCE_I exit at its own pc; the runtime invalidates
 * the translations and resumes at pc + 4.
 */
#include "rv_disas_ctx.h"

bool trans_fence_i(DisasCtx *ctx, const arg_empty *a)
{
    (void)a;
    rv_gen_exception(ctx, RV_EXC_FENCE_I);
    ctx->end = RV_END_DONE;
    return true;
}
