/*
 * The one-op register assigner of jit_harness.h.  It follows the rules of
 * docs/ir.md ("What the allocator must guarantee") in their simplest form:
 * every operand gets its own register except tied pairs.
 */
#include "jit_harness.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

#include "ir-build.h"

static bool imm_fits(uint8_t kinds, IrType t, int64_t v)
{
    if (kinds & IR_IMM_ANY)
        return true;
    if ((kinds & IR_IMM_U8) && v >= 0 && v <= 255)
        return true;
    if (kinds & (IR_IMM_S32 | IR_IMM_U32)) {
        if (t == IR_I32)
            return true;
        if ((kinds & IR_IMM_S32) && v >= INT32_MIN && v <= INT32_MAX)
            return true;
        if ((kinds & IR_IMM_U32) && v >= 0 && v <= (int64_t)UINT32_MAX)
            return true;
    }
    return false;
}

static int pick(uint32_t allowed, uint32_t *used, unsigned rot)
{
    bool xmm = allowed & IR_X86_XMMS;
    for (unsigned i = 0; i < 16; i++) {
        int r = (int)((i + rot) & 15) + (xmm ? 16 : 0);
        if ((allowed & (1u << r)) && !(*used & (1u << r))) {
            *used |= 1u << r;
            return r;
        }
    }
    fprintf(stderr, "harness: no register left\n");
    abort();
}

void harness_emit_op(JitEmit *em, IrCtx *ctx, size_t opi, const HarnessCfg *hc)
{
    const RaHost *h = jit_emit_host(em);
    IrOp *op = ir_op_at(ctx, opi);
    const IrConsSet *cs = ir_cons_select((IrOpcode)op->opc, (IrType)op->type,
                                         h->features);
    unsigned nout = op->nb_out, nin = op->nb_in, ntemp = nout + nin;
    RaArg args[IR_CONS_MAX_ARGS + 1];
    /* an input may share a register with an output only if fixed there
     * (inputs are read before outputs are written); otherwise every
     * operand gets its own register */
    uint32_t in_used = h->reserved, out_used = h->reserved;
    assert(cs);

    const IrArgCons *oc = &cs->args[0];
    const IrArgCons *ic = &cs->args[cs->nb_out];
    const IrArgCons *sc = &cs->args[cs->nb_out + cs->nb_in];
    for (unsigned i = 0; i < ntemp + cs->nb_scratch; i++)
        args[i] = (RaArg){ .reg = -1 };

    for (unsigned i = 0; i < nout; i++)
        if (oc[i].fixed)
            args[i].reg = (int8_t)pick(oc[i].regs & h->allocatable, &out_used, 0);
    for (unsigned i = 0; i < nin; i++)
        if (ic[i].fixed && ic[i].tie < 0)
            args[nout + i].reg = (int8_t)pick(ic[i].regs, &in_used, 0);
    uint32_t all = in_used | out_used;
    for (unsigned i = 0; i < nout; i++)
        if (!oc[i].fixed && oc[i].tie >= 0)
            args[i].reg = (int8_t)pick(oc[i].regs & h->allocatable, &all,
                                       hc->rot);
    for (unsigned i = 0; i < nin; i++)
        if (ic[i].tie >= 0)
            args[nout + i].reg = args[ic[i].tie].reg;
    for (unsigned i = 0; i < nin; i++) {
        RaArg *a = &args[nout + i];
        IrTemp t = ir_op_in(op, i)->temp;
        if (ir_temp_is_const(ctx, t)) {
            a->is_const = true;
            a->val = ir_const_value(ctx, t);
        }
        if (a->reg >= 0)
            continue;
        if (a->is_const && hc->use_imm &&
            imm_fits(ic[i].imm, ir_temp_type(ctx, t), a->val))
            continue;
        a->reg = (int8_t)pick(ic[i].regs & h->allocatable & ~cs->clobber,
                              &all, hc->rot + 5 * i);
    }
    for (unsigned i = 0; i < nout; i++)
        if (args[i].reg < 0)
            args[i].reg = (int8_t)pick(oc[i].regs & h->allocatable, &all,
                                       hc->rot + 3);
    for (unsigned i = 0; i < cs->nb_scratch; i++)
        args[ntemp + i].reg = (int8_t)pick(sc[i].regs & h->allocatable &
                                           ~cs->clobber, &all, hc->rot + 7);

    /* inputs: from env[] or as constants */
    for (unsigned i = 0; i < nin; i++) {
        RaArg *a = &args[nout + i];
        IrTemp t = ir_op_in(op, i)->temp;
        IrType ty = ir_temp_type(ctx, t);
        if (a->reg < 0)
            continue;
        if (a->is_const)
            h->movi(h->be, ty, a->reg, ctx->temps[t.id].val);
        else
            h->load(h->be, ty, a->reg, h->env_reg, H_IN(i));
    }
    h->op(h->be, op, cs, args);
    for (unsigned i = 0; i < nout; i++)
        h->store(h->be, ir_temp_type(ctx, ir_op_out(op, i)->temp), args[i].reg,
                 h->env_reg, H_OUT(i));
}

void harness_emit_plain(JitEmit *em, IrCtx *ctx, size_t opi)
{
    const RaHost *h = jit_emit_host(em);
    IrOp *op = ir_op_at(ctx, opi);
    const IrConsSet *cs = ir_cons_select((IrOpcode)op->opc, (IrType)op->type,
                                         h->features);
    RaArg none[1] = { { .reg = -1 } };
    h->op(h->be, op, cs, none);
}

int harness_run_op(Jit *jit, IrCtx *ctx, size_t opi, const HarnessCfg *hc,
                   uint64_t *env)
{
    size_t exit_i = ir_op_count(ctx);
    ir_exit_tb(ctx, 0);
    JitEmit *em = jit_emit_begin(jit, ctx, false);
    harness_emit_op(em, ctx, opi, hc);
    harness_emit_plain(em, ctx, exit_i);
    JitTb tb;
    int rc = jit_emit_finish(em, &tb, NULL, NULL, NULL);
    ctx->nb_ops = exit_i;                   /* drop the exit_tb again */
    if (rc)
        return rc;
    jit_enter(jit, env, tb.code);
    jit_tb_free(&tb);
    return 0;
}
