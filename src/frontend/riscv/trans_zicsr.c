/*
 * Zicsr: CSRRW/CSRRS/CSRRC and their immediate forms.  RISC-V Unprivileged
 * ISA 20191213, chapter 9 (9.1: CSRRW with rd = x0 does not read the CSR;
 * CSRRS/CSRRC with rs1 = x0, and the I forms with uimm = 0, do not write
 * it), 10.1 (cycle, time, instret: read-only counters) and 11.2 (fflags,
 * frm, fcsr).
 *
 * A user-mode guest may access exactly these six CSRs.  Any other CSR, and
 * any write (attempt) to a counter, is an illegal instruction (the trans
 * function returns false before emitting anything, so the translator
 * raises SIGILL at the pc).  Per 9.1 an attempt is decided by the
 * encoding, not the value: csrrs a0, cycle, a1 is illegal even if a1 = 0.
 *
 * FP CSRs go through rv_fcsr_read/rv_fcsr_write (rv_fcsr.h), called with
 * the RvCpu pointer loaded from RvCpu.self.  A write to frm or fcsr ends
 * the block (RV_END_NEXT): frm is part of the TB key.
 * Counters: cycle and time call rv_rdcycle/rv_rdtime (rv_counters.c);
 * instret = RvCpu.instret + the instructions before this one in its block
 * (exact only as far as the runtime keeps RvCpu.instret; docs/frontend.md).
 */
#include <stddef.h>

#include "rv_disas_ctx.h"
#include "rv_fcsr.h"
#include "rv_helpers.h"

#define CSR_CYCLE   0xc00
#define CSR_TIME    0xc01
#define CSR_INSTRET 0xc02

typedef enum CsrOp { CSR_W, CSR_S, CSR_C } CsrOp;

static bool is_fp_csr(int csr)
{
    return csr == RV_CSR_FFLAGS || csr == RV_CSR_FRM || csr == RV_CSR_FCSR;
}

static bool is_counter(int csr)
{
    return csr == CSR_CYCLE || csr == CSR_TIME || csr == CSR_INSTRET;
}

static IrTemp cpu_ptr(DisasCtx *ctx)
{
    IrTemp p = ir_temp_new_bb(ctx->ir, IR_I64);
    ir_ld_env(ctx->ir, IR_I64, p, (int32_t)offsetof(RvCpu, self), IR_MO_UQ);
    return p;
}

static IrTemp read_counter(DisasCtx *ctx, int csr)
{
    IrCtx *ir = ctx->ir;
    IrTemp v = ir_temp_new_bb(ir, IR_I64);
    if (csr == CSR_INSTRET) {
        ir_ld_env(ir, IR_I64, v, (int32_t)offsetof(RvCpu, instret), IR_MO_UQ);
        ir_add(ir, IR_I64, v, v, ir_const_i64(ir, ctx->nb_insns));
    } else {
        ir_call(ir, IR_I64, 1, &v, 0, NULL,
                csr == CSR_CYCLE ? &rv_helper_rdcycle : &rv_helper_rdtime);
    }
    return v;
}

/*
 * The common body: rd = old CSR value (if read); CSR = op(old, src) (if
 * written).  src is an i64 temp (rs1's value or the zero-extended uimm).
 */
static bool gen_csr(DisasCtx *ctx, unsigned rd, int csr, IrTemp src,
                    CsrOp op, bool read, bool write)
{
    IrCtx *ir = ctx->ir;
    if (is_counter(csr)) {
        if (write)
            return false;
        rv_set_x(ctx, rd, read_counter(ctx, csr));
        return true;
    }
    if (!is_fp_csr(csr))
        return false;

    IrTemp cpu = cpu_ptr(ctx);
    IrTemp kcsr = ir_const_i64(ir, csr);
    IrTemp old = IR_NO_TEMP;
    if (read) {
        old = ir_temp_new_bb(ir, IR_I64);
        IrTemp args[2] = { cpu, kcsr };
        ir_call(ir, IR_I64, 1, &old, 2, args, &rv_helper_fcsr_read);
    }
    if (write) {
        IrTemp val = src;
        if (op != CSR_W) {
            val = ir_temp_new_bb(ir, IR_I64);
            if (op == CSR_S)
                ir_or(ir, IR_I64, val, old, src);
            else
                ir_andc(ir, IR_I64, val, old, src);
        }
        IrTemp args[3] = { cpu, kcsr, val };
        ir_call(ir, IR_VOID, 0, NULL, 3, args, &rv_helper_fcsr_write);
        if (csr != RV_CSR_FFLAGS)
            ctx->end = RV_END_NEXT;
    }
    if (read)
        rv_set_x(ctx, rd, old);
    return true;
}

bool trans_csrrw(DisasCtx *ctx, const arg_csr *a)
{
    return gen_csr(ctx, a->rd, a->csr, rv_get_x(ctx, a->rs1), CSR_W,
                   a->rd != 0, true);
}

bool trans_csrrs(DisasCtx *ctx, const arg_csr *a)
{
    return gen_csr(ctx, a->rd, a->csr, rv_get_x(ctx, a->rs1), CSR_S,
                   true, a->rs1 != 0);
}

bool trans_csrrc(DisasCtx *ctx, const arg_csr *a)
{
    return gen_csr(ctx, a->rd, a->csr, rv_get_x(ctx, a->rs1), CSR_C,
                   true, a->rs1 != 0);
}

/* The I forms: rs1 holds a 5-bit zero-extended immediate. */
bool trans_csrrwi(DisasCtx *ctx, const arg_csr *a)
{
    return gen_csr(ctx, a->rd, a->csr, ir_const_i64(ctx->ir, a->rs1), CSR_W,
                   a->rd != 0, true);
}

bool trans_csrrsi(DisasCtx *ctx, const arg_csr *a)
{
    return gen_csr(ctx, a->rd, a->csr, ir_const_i64(ctx->ir, a->rs1), CSR_S,
                   true, a->rs1 != 0);
}

bool trans_csrrci(DisasCtx *ctx, const arg_csr *a)
{
    return gen_csr(ctx, a->rd, a->csr, ir_const_i64(ctx->ir, a->rs1), CSR_C,
                   true, a->rs1 != 0);
}
