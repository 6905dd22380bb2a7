/*
 * Rounding modes of the F/D translators (rv_fpu.h).  RISC-V Unprivileged
 * ISA 20191213, 11.2 Table 11.1: rm 0..4 are RNE RTZ RDN RUP RMM, 5 and 6
 * are reserved, 7 (DYN) selects frm; DYN with frm 5..7 is reserved too,
 * and a reserved mode makes the instruction illegal (qemu-riscv64 raises
 * SIGILL for both, for every instruction with an rm field, even the exact
 * conversions).
 *
 * The MXCSR protocol (docs/fpu.md): while a block runs, MXCSR.RC is the
 * block's frm, or RNE when frm is RMM or invalid.  The frm a block was
 * translated for is part of its key, so the dynamic mode is a translation
 * time constant.  An op whose effective mode differs from RC is bracketed
 * by fsetrm ops; RMM is done by the helper instead.
 */
#include "rv_fpu.h"

RvRm rv_fpu_host_rm(const DisasCtx *ctx)
{
    return ctx->flags.frm <= RV_RM_RUP ? (RvRm)ctx->flags.frm : RV_RM_RNE;
}

bool rv_fpu_rm(DisasCtx *ctx, unsigned rm, RvRm *eff)
{
    if (rm == RV_RM_DYN)
        rm = ctx->flags.frm;
    if (rm > RV_RM_RMM)
        return false;
    *eff = (RvRm)rm;
    return true;
}

/* RvRm 0..3 and IrRound share the RISC-V encoding (ir.h). */
static IrRound ir_mode(RvRm rm)
{
    return (IrRound)rm;
}

void rv_fpu_round_begin(DisasCtx *ctx, RvRm eff)
{
    if (eff != rv_fpu_host_rm(ctx))
        ir_fsetrm(ctx->ir, ir_mode(eff));
}

void rv_fpu_round_end(DisasCtx *ctx, RvRm eff)
{
    RvRm host = rv_fpu_host_rm(ctx);
    if (eff != host)
        ir_fsetrm(ctx->ir, ir_mode(host));
}

IrRound rv_fpu_ir_round(const DisasCtx *ctx, RvRm eff)
{
    /* truncation has its own instruction; the host mode needs no SSE4.1 */
    if (eff != RV_RM_RTZ && eff == rv_fpu_host_rm(ctx))
        return IR_RM_DYN;
    return ir_mode(eff);
}
