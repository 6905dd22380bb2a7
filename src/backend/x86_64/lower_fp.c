/*
 * Lowering of the floating-point ops except float -> integer (lower_fcvt.c)
 * on scalar SSE: arithmetic, sqrt, min/max (MINSD/MAXSD have exactly the
 * IR's operand-order semantics), fma (FMA3 213 forms, else a call to a
 * C fma() helper: that alternative is constrained like a call), fneg/fabs
 * with sign masks from the constant pool, fcmp (UCOMIS for the quiet EQ,
 * COMIS for the signalling LT/LE; unordered gives 0), integer -> float
 * (unsigned 64-bit by halving with a sticky bit), f32 <-> f64, bitcasts.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

#include "jit_internal.h"

typedef void EmitXX(CodeBuf *, X86Reg, X86Reg);
typedef void EmitXM(CodeBuf *, X86Reg, X86Mem);
typedef void EmitXXX(CodeBuf *, X86Reg, X86Reg, X86Reg);

static void lower_arith(CodeBuf *cb, IrOpcode opc, bool f64, X86Reg d,
                        X86Reg b)
{
    static EmitXX *const sd[] = { x86_addsd_x_x, x86_subsd_x_x, x86_mulsd_x_x,
                                  x86_divsd_x_x, x86_minsd_x_x, x86_maxsd_x_x };
    static EmitXX *const ss[] = { x86_addss_x_x, x86_subss_x_x, x86_mulss_x_x,
                                  x86_divss_x_x, x86_minss_x_x, x86_maxss_x_x };
    int i;
    switch (opc) {
    case IR_OP_fadd: i = 0; break;
    case IR_OP_fsub: i = 1; break;
    case IR_OP_fmul: i = 2; break;
    case IR_OP_fdiv: i = 3; break;
    case IR_OP_fmin: i = 4; break;   /* d = d < b ? d : b (SDM MINSD) */
    default:         i = 5; break;   /* d = d > b ? d : b (SDM MAXSD) */
    }
    (f64 ? sd : ss)[i](cb, d, b);
}

static void lower_fma(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                      const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool f64 = op->type == IR_F64;
    IrFmaNeg neg = (IrFmaNeg)op->args[op->nb_out + op->nb_in].imm;

    if (cs->features & IR_X86F_FMA) {
        /* 213 forms: d = +-(b * d) +- c, one rounding (SDM Vol. 2A
         * VFMADD213SD and friends) */
        static EmitXXX *const sd[4] = { x86_vfmadd213sd_x_x_x, x86_vfnmadd213sd_x_x_x,
                                        x86_vfmsub213sd_x_x_x, x86_vfnmsub213sd_x_x_x };
        static EmitXXX *const ss[4] = { x86_vfmadd213ss_x_x_x, x86_vfnmadd213ss_x_x_x,
                                        x86_vfmsub213ss_x_x_x, x86_vfnmsub213ss_x_x_x };
        X86Reg d = (X86Reg)a[0].reg;
        assert(d == (X86Reg)a[1].reg);
        (f64 ? sd : ss)[neg & 3](cb, d, (X86Reg)a[2].reg, (X86Reg)a[3].reg);
        return;
    }
    /* {xmm0} = {xmm0}, {xmm1}, {xmm2}: a SysV call */
    static const void *const h64[4] = {
        (const void *)jit_helper_fma64, (const void *)jit_helper_fma64_nm,
        (const void *)jit_helper_fma64_na, (const void *)jit_helper_fma64_nb };
    static const void *const h32[4] = {
        (const void *)jit_helper_fma32, (const void *)jit_helper_fma32_nm,
        (const void *)jit_helper_fma32_na, (const void *)jit_helper_fma32_nb };
    assert(a[0].reg == X86_XMM0 && a[1].reg == X86_XMM0 &&
           a[2].reg == X86_XMM1 && a[3].reg == X86_XMM2);
    x86_call_to(cb, (f64 ? h64 : h32)[neg & 3], X86_R11);
}

static void lower_fcmp(JitEmit *em, const IrOp *op, const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool f64 = op->type == IR_F64;
    X86Reg d = (X86Reg)a[0].reg, x = (X86Reg)a[1].reg, y = (X86Reg)a[2].reg;
    IrCond c = (IrCond)op->args[op->nb_out + op->nb_in].imm;
    EmitXX *ucomi = f64 ? x86_ucomisd_x_x : x86_ucomiss_x_x;
    EmitXX *comi = f64 ? x86_comisd_x_x : x86_comiss_x_x;

    /* the flags of (U)COMIS: unordered ZF=PF=CF=1, less CF=1, equal ZF=1
     * (SDM Vol. 2A COMISD) */
    x86_mov_ri(cb, d, 0);                  /* before the compare: xor */
    switch (c) {
    case IR_COND_EQ:                       /* quiet: invalid only for sNaN */
        ucomi(cb, x, y);
        x86_setcc_r8(cb, X86_CC_E, d);
        x86_cmovcc_r32_m32(cb, X86_CC_P, d, jit_rip0());   /* unordered: 0 */
        jit_rip_const(em, JIT_C_ZERO, 0);
        break;
    case IR_COND_LT:                       /* x < y  <=>  y above x */
    case IR_COND_LE:
        comi(cb, y, x);
        x86_setcc_r8(cb, c == IR_COND_LT ? X86_CC_A : X86_CC_AE, d);
        break;
    case IR_COND_GT:
    case IR_COND_GE:
        comi(cb, x, y);
        x86_setcc_r8(cb, c == IR_COND_GT ? X86_CC_A : X86_CC_AE, d);
        break;
    default:
        fprintf(stderr, "rvtcg jit: fcmp condition %d not supported\n", c);
        abort();
    }
}

/* d := (float) of the unsigned value in a (scratch s). */
static void lower_utof(JitEmit *em, bool f64, bool src64, X86Reg d, X86Reg a,
                       X86Reg s)
{
    CodeBuf *cb = jit_cb(em);
    EmitXX *cvt64 = f64 ? x86_cvtsi2sd_x_r64 : x86_cvtsi2ss_x_r64;
    x86_xorps_x_x(cb, d, d);               /* no merge with the old d */
    if (!src64) {                          /* zero-extend, convert as i64 */
        x86_mov_r32_r32(cb, s, a);
        cvt64(cb, d, s);
        return;
    }
    x86_test_r64_r64(cb, a, a);
    uint32_t big = jit_jcc8_fwd(em, X86_CC_S);
    cvt64(cb, d, a);                       /* below 2^63: as signed */
    uint32_t done = jit_jmp8_fwd(em);
    jit_fwd8_here(em, big);
    /* halve keeping a sticky bit, convert, double: the same rounding in
     * every mode, since the discarded bits stay zero/nonzero alike */
    x86_mov_rr(cb, true, s, a);
    x86_shift_ri(cb, X86_SHIFT_SHR, true, s, 1);
    uint32_t even = jit_jcc8_fwd(em, X86_CC_AE);   /* CF = bit shifted out */
    x86_alu_ri(cb, X86_ALU_OR, true, s, 1);
    jit_fwd8_here(em, even);
    cvt64(cb, d, s);
    (f64 ? x86_addsd_x_x : x86_addss_x_x)(cb, d, d);
    jit_fwd8_here(em, done);
}

void jit_lower_fp(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                  const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool f64 = op->type == IR_F64;
    X86Reg d = (X86Reg)a[0].reg;

    switch (op->opc) {
    case IR_OP_fadd: case IR_OP_fsub: case IR_OP_fmul: case IR_OP_fdiv:
    case IR_OP_fmin: case IR_OP_fmax:
        assert(d == (X86Reg)a[1].reg);
        lower_arith(cb, (IrOpcode)op->opc, f64, d, (X86Reg)a[2].reg);
        break;
    case IR_OP_fsqrt:
        (f64 ? x86_sqrtsd_x_x : x86_sqrtss_x_x)(cb, d, (X86Reg)a[1].reg);
        break;
    case IR_OP_fma:
        lower_fma(em, op, cs, a);
        break;
    case IR_OP_fneg:
    case IR_OP_fabs: {
        bool neg = op->opc == IR_OP_fneg;
        assert(d == (X86Reg)a[1].reg);
        (neg ? x86_xorps_x_m128 : x86_andps_x_m128)(cb, d, jit_rip0());
        jit_rip_const(em, neg ? (f64 ? JIT_C_SIGN64 : JIT_C_SIGN32)
                              : (f64 ? JIT_C_ABS64 : JIT_C_ABS32), 0);
        break;
    }
    case IR_OP_fcmp:
        lower_fcmp(em, op, a);
        break;
    case IR_OP_itof: {
        bool src64 = jit_arg_type(em, op, 1) == IR_I64;
        x86_xorps_x_x(cb, d, d);
        if (f64)
            (src64 ? x86_cvtsi2sd_x_r64 : x86_cvtsi2sd_x_r32)(cb, d, (X86Reg)a[1].reg);
        else
            (src64 ? x86_cvtsi2ss_x_r64 : x86_cvtsi2ss_x_r32)(cb, d, (X86Reg)a[1].reg);
        break;
    }
    case IR_OP_utof:
        lower_utof(em, f64, jit_arg_type(em, op, 1) == IR_I64, d,
                   (X86Reg)a[1].reg, (X86Reg)a[2].reg);
        break;
    case IR_OP_fcvt: {
        IrType src = jit_arg_type(em, op, 1);
        X86Reg s = (X86Reg)a[1].reg;
        if (src == (IrType)op->type)
            x86_movaps_x_x(cb, d, s);
        else if (f64)
            x86_cvtss2sd_x_x(cb, d, s);
        else
            x86_cvtsd2ss_x_x(cb, d, s);
        break;
    }
    case IR_OP_bitcast_f2i:             /* op type: the integer */
        if (op->type == IR_I64)
            x86_movq_r64_x(cb, d, (X86Reg)a[1].reg);
        else
            x86_movd_r32_x(cb, d, (X86Reg)a[1].reg);
        break;
    case IR_OP_bitcast_i2f:
        if (f64)
            x86_movq_x_r64(cb, d, (X86Reg)a[1].reg);
        else
            x86_movd_x_r32(cb, d, (X86Reg)a[1].reg);
        break;
    default:
        assert(0);
    }
}
