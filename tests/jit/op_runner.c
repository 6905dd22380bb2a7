/*
 * The one-op runner of op_runner.h.
 */
#include "op_runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xmmintrin.h>

#include "jit_harness.h"

unsigned long runner_count;

Jit *runner_jit(uint32_t features, uintptr_t guest_base)
{
    JitConfig cfg = {
        .host_features = features & x86_host_features(),
        .guest_base = guest_base,
        .code_size = 1u << 20,
    };
    char err[256];
    Jit *jit = jit_new(&cfg, err, sizeof err);
    if (!jit) {
        fprintf(stderr, "jit_new: %s\n", err);
        abort();
    }
    return jit;
}

static uint64_t width_mask(IrType t)
{
    return t == IR_I32 || t == IR_F32 ? 0xffffffffull : ~0ull;
}

OpResult runner_run(Jit *jit, const OpSpec *spec, const OpRun *run)
{
    IrCtx *ctx = ir_ctx_new();
    const IrOpInfo *info = &ir_op_info[spec->opc];
    IrOp *op = ir_emit_op(ctx, spec->opc, spec->type);
    IrTemp out = { 0 };
    if (info->nb_out) {
        out = ir_temp_new(ctx, spec->out_type);
        op = ir_op_at(ctx, 0);
        ir_op_out(op, 0)->temp = out;
    }
    for (unsigned i = 0; i < info->nb_in; i++) {
        IrType t = spec->in_type[i];
        IrTemp tmp = (run->const_mask >> i) & 1
                     ? ir_const(ctx, t, run->in[i] & width_mask(t))
                     : ir_temp_new(ctx, t);
        op = ir_op_at(ctx, 0);
        ir_op_in(op, i)->temp = tmp;
    }
    for (unsigned i = 0; i < info->nb_const; i++)
        ir_op_const(op, i)->uimm = spec->k[i];

    uint64_t env[H_ENV_WORDS];
    memset(env, 0, sizeof env);
    memcpy(env, run->in, sizeof run->in);
    HarnessCfg hc = { .rot = run->rot, .use_imm = true };
    OpResult res = { 0 };
    unsigned csr = _mm_getcsr();
    for (int tries = 0;; tries++) {
        _mm_setcsr(run->mxcsr);
        int rc = harness_run_op(jit, ctx, 0, &hc, env);
        res.flags = _mm_getcsr() & 0x3d;   /* IE ZE OE UE PE (not DE) */
        _mm_setcsr(csr);
        if (rc == 0)
            break;
        if (tries) {
            fprintf(stderr, "runner: block does not fit an empty cache\n");
            abort();
        }
        jit_flush(jit);
    }
    runner_count++;
    res.out = info->nb_out ? env[8] & width_mask(spec->out_type) : env[8];
    ir_ctx_free(ctx);
    return res;
}
