/*
 * diff_optimize: opt_run with the default configuration, compiled with
 * HAVE_OPT=1 when meson found opt_dep, else a stub.
 */
#include "opt_glue.h"

#if HAVE_OPT
#include "opt.h"

const bool diff_have_opt = true;
unsigned long diff_opt_ops_in, diff_opt_ops_out;

static size_t live_ops(const IrCtx *ctx)
{
    size_t n = 0;
    for (size_t i = 0; i < ctx->nb_ops; i++)
        n += ctx->ops[i].opc != IR_OP_nop;
    return n;
}

void diff_optimize(IrCtx *ctx)
{
    OptConfig cfg = opt_config_default();
    diff_opt_ops_in += live_ops(ctx);
    opt_run(ctx, &cfg);
    diff_opt_ops_out += live_ops(ctx);
}
#else
const bool diff_have_opt = false;
unsigned long diff_opt_ops_in, diff_opt_ops_out;

void diff_optimize(IrCtx *ctx)
{
    (void)ctx;
}
#endif
