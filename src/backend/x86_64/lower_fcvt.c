/*
 * Lowering of ftoi/ftou: float -> integer with a rounding mode and the
 * RISC-V fcvt results and flags of docs/ir.md (saturation; invalid for NaN
 * and unrepresentable results, else inexact when rounded).
 *
 * Fast path, inline, for inputs whose result is representable:
 *   RTZ   CVTTSD2SI d, a          (truncates; PE iff inexact)
 *   DYN   CVTSD2SI d, a           (MXCSR.RC; PE iff inexact)
 *   RNE/RDN/RUP, SSE4.1:
 *         ROUNDSD s, a, rc|8      (round, precision exception suppressed)
 *         CVTTSD2SI d, s          (exact)
 *         ROUNDSD s, a, rc        (again, only to raise PE iff inexact)
 * An invalid conversion gives the "integer indefinite" MIN and raises only
 * IE (SDM Vol. 1 4.8.3.7, 11.5.2.1); ftoi detects MIN with `cmp d, 1; jo`.
 * ftou first checks 0 <= a < limit (UCOMIS; limits chosen so no rounding
 * can overflow) and converts as signed 64-bit.  Everything else (NaN,
 * overflow, negative ftou inputs, MIN itself, RNE/RDN/RUP without SSE4.1)
 * calls jit_helper_fcvt through a stub that preserves every register: it
 * computes the exact result and ORs the right flags into MXCSR.  The fast
 * path's attempt raised at most flags that the correct result raises too.
 */
#include <assert.h>

#include "jit_internal.h"

typedef void EmitRX(CodeBuf *, X86Reg, X86Reg);

static void slow_call(JitEmit *em, X86Reg d, X86Reg a, bool w64, uint32_t desc)
{
    CodeBuf *cb = jit_cb(em);
    x86_movq_m64_x(cb, x86_mem(X86_RSP, JIT_SCR_ARG(0)), a);
    x86_mov_m64_i32(cb, x86_mem(X86_RSP, JIT_SCR_ARG(1)), desc);
    jit_call_fixed(em, em->jit->off_fcvt_stub);
    if (w64)
        x86_mov_r64_m64(cb, d, x86_mem(X86_RSP, JIT_SCR_RES));
    else
        x86_mov_r32_m32(cb, d, x86_mem(X86_RSP, JIT_SCR_RES));
}

/* ROUNDSS/ROUNDSD immediate: RC in bits 0-1 (SDM Vol. 2B ROUNDSD). */
static unsigned round_imm(IrRound rm)
{
    switch (rm) {
    case IR_RM_RNE: return 0;
    case IR_RM_RDN: return 1;
    case IR_RM_RUP: return 2;
    default:        return 3;
    }
}

/* d := a converted to a signed integer of width W64 with rounding RM
 * (RTZ, DYN, or a static mode with SSE4.1 via s); flags as above except
 * the PE of the ROUNDSD route, raised by raise_pe(). */
static void convert(CodeBuf *cb, bool f64, bool w64, IrRound rm, X86Reg d,
                    X86Reg a, X86Reg s)
{
    static EmitRX *const cvtt[2][2] = {
        { x86_cvttss2si_r32_x, x86_cvttss2si_r64_x },
        { x86_cvttsd2si_r32_x, x86_cvttsd2si_r64_x } };
    static EmitRX *const cvt[2][2] = {
        { x86_cvtss2si_r32_x, x86_cvtss2si_r64_x },
        { x86_cvtsd2si_r32_x, x86_cvtsd2si_r64_x } };
    if (rm == IR_RM_RTZ) {
        cvtt[f64][w64](cb, d, a);
    } else if (rm == IR_RM_DYN) {
        cvt[f64][w64](cb, d, a);
    } else {
        (f64 ? x86_roundsd_x_x_u8 : x86_roundss_x_x_u8)(cb, s, a, round_imm(rm) | 8);
        cvtt[f64][w64](cb, d, s);
    }
}

static void raise_pe(CodeBuf *cb, bool f64, IrRound rm, X86Reg a, X86Reg s)
{
    if (rm != IR_RM_RTZ && rm != IR_RM_DYN)
        (f64 ? x86_roundsd_x_x_u8 : x86_roundss_x_x_u8)(cb, s, a, round_imm(rm));
}

void jit_lower_fcvt(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                    const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool w64 = op->type == IR_I64;
    bool f64 = jit_arg_type(em, op, 1) == IR_F64;
    bool is_unsigned = op->opc == IR_OP_ftou;
    IrRound rm = (IrRound)op->args[op->nb_out + op->nb_in].imm;
    X86Reg d = (X86Reg)a[0].reg, x = (X86Reg)a[1].reg, s = (X86Reg)a[2].reg;
    uint32_t desc = (uint32_t)rm | (f64 ? JIT_FCVT_SRC64 : 0) |
                    (w64 ? JIT_FCVT_DST64 : 0) |
                    (is_unsigned ? JIT_FCVT_UNSIGNED : 0);
    (void)cs;

    if (rm != IR_RM_RTZ && rm != IR_RM_DYN && !(em->features & IR_X86F_SSE41)) {
        slow_call(em, d, x, w64, desc);     /* no ROUNDSD: all in C */
        return;
    }
    uint32_t to_slow[2];
    int nslow = 0;
    if (is_unsigned) {
        /* fast only for 0 <= a < limit: CF = 1 for a < 0 or unordered */
        (f64 ? x86_ucomisd_x_m64 : x86_ucomiss_x_m32)(cb, x, jit_rip0());
        jit_rip_const(em, JIT_C_ZERO, 0);
        to_slow[nslow++] = jit_jcc8_fwd(em, X86_CC_B);
        (f64 ? x86_ucomisd_x_m64 : x86_ucomiss_x_m32)(cb, x, jit_rip0());
        jit_rip_const(em, w64 ? (f64 ? JIT_C_U64LIM_F64 : JIT_C_U64LIM_F32)
                              : (f64 ? JIT_C_U32LIM_F64 : JIT_C_U32LIM_F32), 0);
        to_slow[nslow++] = jit_jcc8_fwd(em, X86_CC_AE);
        convert(cb, f64, true, rm, d, x, s);
    } else {
        convert(cb, f64, w64, rm, d, x, s);
        x86_alu_ri(cb, X86_ALU_CMP, w64, d, 1);      /* OF iff d == MIN */
        to_slow[nslow++] = jit_jcc8_fwd(em, X86_CC_O);
    }
    raise_pe(cb, f64, rm, x, s);
    uint32_t done = jit_jmp8_fwd(em);
    for (int i = 0; i < nslow; i++)
        jit_fwd8_here(em, to_slow[i]);
    slow_call(em, d, x, w64, desc);
    jit_fwd8_here(em, done);
}
