/*
 * Lowering of the FP ops that give RISC-V semantics on SSE (docs/ir.md,
 * "Floating point with RISC-V semantics"; RISC-V Unprivileged ISA 20191213
 * 11.3 NaN generation, 11.6 FMIN/FMAX, 12.2 NaN boxing):
 *
 *   fminnum/fmaxnum  UCOMIS (quiet: IE only for a signalling NaN, which is
 *                    exactly when RISC-V raises NV), then for ordered
 *                    inputs min(a,b) | min(b,a) (max: &), which orders
 *                    -0 below +0; NaN inputs on a short forward path
 *   fcanon           UCOMIS d, d; JNP; MOVS d, default NaN
 *   fcanon_fma       the same, and on the NaN path IE when {a, b} is
 *                    {inf, 0} (x86 FMA raises nothing for inf * 0 + qNaN)
 *   fbox / funbox    ORPS with the box mask / a 64-bit GPR check
 *   fsetrm           STMXCSR, AND/OR of RC (bits 13-14), LDMXCSR
 *
 * The NaN paths are forward branches inside the op; in the common case an
 * op costs one compare and one not-taken branch.
 */
#include <assert.h>

#include "jit_internal.h"

typedef void EmitXX(CodeBuf *, X86Reg, X86Reg);

static void load_default_nan(JitEmit *em, bool f64, X86Reg d)
{
    CodeBuf *cb = jit_cb(em);
    /* a block literal: scalar loads need no alignment */
    (f64 ? x86_movsd_x_m64 : x86_movss_x_m32)(cb, d, jit_rip0());
    jit_rip_literal(em, f64 ? 0x7ff8000000000000ull : 0x7fc00000u, 0);
}

/* d = minimumNumber/maximumNumber(d, b), t scratch. */
static void lower_minmax(JitEmit *em, bool f64, bool is_max, X86Reg d,
                         X86Reg b, X86Reg t)
{
    CodeBuf *cb = jit_cb(em);
    EmitXX *ucomi = f64 ? x86_ucomisd_x_x : x86_ucomiss_x_x;
    EmitXX *mm = is_max ? (f64 ? x86_maxsd_x_x : x86_maxss_x_x)
                        : (f64 ? x86_minsd_x_x : x86_minss_x_x);

    ucomi(cb, d, b);                        /* PF: unordered */
    uint32_t nan = jit_jcc8_fwd(em, X86_CC_P);
    /* MINSD returns its second operand when the two compare equal, so
     * min(d,b) | min(b,d) is -0 for {-0, +0} and the value otherwise;
     * for max, AND gives +0 (SDM Vol. 2B MINSD/MAXSD). */
    x86_movaps_x_x(cb, t, b);
    mm(cb, t, d);
    mm(cb, d, b);
    (is_max ? x86_andps_x_x : x86_orps_x_x)(cb, d, t);
    uint32_t done1 = jit_jmp8_fwd(em);

    jit_fwd8_here(em, nan);                 /* a NaN: the other operand */
    ucomi(cb, d, d);
    uint32_t done2 = jit_jcc8_fwd(em, X86_CC_NP);   /* d not NaN: d */
    x86_movaps_x_x(cb, d, b);
    ucomi(cb, d, d);
    uint32_t done3 = jit_jcc8_fwd(em, X86_CC_NP);   /* b not NaN: b */
    load_default_nan(em, f64, d);           /* both NaN */
    jit_fwd8_here(em, done1);
    jit_fwd8_here(em, done2);
    jit_fwd8_here(em, done3);
}

/* On the NaN path of fcanon_fma: raises IE when {a, b} = {+-inf, +-0},
 * with the GPR g as scratch; d holds a NaN. */
static void raise_inf_times_zero(JitEmit *em, bool f64, X86Reg d, X86Reg a,
                                 X86Reg b, X86Reg g)
{
    CodeBuf *cb = jit_cb(em);
    /* the bits shifted left by one: 0 for +-0, INF2 for +-inf */
    uint64_t inf2 = f64 ? 0xffe0000000000000ull : 0xff000000u;
#define SHIFTED_BITS(x)                                                     \
    do {                                                                    \
        if (f64)                                                            \
            x86_movq_r64_x(cb, g, (x));                                     \
        else                                                                \
            x86_movd_r32_x(cb, g, (x));                                     \
        x86_alu_rr(cb, X86_ALU_ADD, f64, g, g);   /* ZF for +-0 */          \
    } while (0)
#define CMP_INF2()                                                          \
    do {                                                                    \
        if (f64) {                                                          \
            x86_cmp_r64_m64(cb, g, jit_rip0());                             \
            jit_rip_literal(em, inf2, 0);                                   \
        } else {                                                            \
            x86_alu_ri(cb, X86_ALU_CMP, false, g, (int64_t)inf2);           \
        }                                                                   \
    } while (0)

    SHIFTED_BITS(a);
    uint32_t a_zero = jit_jcc8_fwd(em, X86_CC_E);
    CMP_INF2();
    uint32_t no1 = jit_jcc8_fwd(em, X86_CC_NE);      /* a finite, nonzero */
    SHIFTED_BITS(b);                                 /* a is +-inf */
    uint32_t no2 = jit_jcc8_fwd(em, X86_CC_NE);      /* b nonzero */
    uint32_t raise = jit_jmp8_fwd(em);
    jit_fwd8_here(em, a_zero);                       /* a is +-0 */
    SHIFTED_BITS(b);
    CMP_INF2();
    uint32_t no3 = jit_jcc8_fwd(em, X86_CC_NE);
    jit_fwd8_here(em, raise);
    /* COMIS signals invalid for any NaN operand (SDM Vol. 2A COMISD) */
    (f64 ? x86_comisd_x_x : x86_comiss_x_x)(cb, d, d);
    jit_fwd8_here(em, no1);
    jit_fwd8_here(em, no2);
    jit_fwd8_here(em, no3);
#undef SHIFTED_BITS
#undef CMP_INF2
}

/* fcanon (A, B = -1) and fcanon_fma: d (== r) becomes the default NaN when
 * it is a NaN. */
static void lower_canon(JitEmit *em, bool f64, X86Reg d, int a, int b, int g)
{
    CodeBuf *cb = jit_cb(em);
    (f64 ? x86_ucomisd_x_x : x86_ucomiss_x_x)(cb, d, d);
    uint32_t ok = jit_jcc8_fwd(em, X86_CC_NP);
    if (a >= 0)
        raise_inf_times_zero(em, f64, d, (X86Reg)a, (X86Reg)b, (X86Reg)g);
    load_default_nan(em, f64, d);
    jit_fwd8_here(em, ok);
}

/* d (f32) = the low half of d (f64) if its high half is all ones, else
 * the default f32 NaN; g scratch. */
static void lower_unbox(JitEmit *em, X86Reg d, X86Reg g)
{
    CodeBuf *cb = jit_cb(em);
    x86_movq_r64_x(cb, g, d);
    x86_shift_ri(cb, X86_SHIFT_SHR, true, g, 32);
    x86_alu_ri(cb, X86_ALU_CMP, false, g, -1);
    uint32_t ok = jit_jcc8_fwd(em, X86_CC_E);
    load_default_nan(em, false, d);
    jit_fwd8_here(em, ok);
}

/* MXCSR.RC (bits 13-14, SDM Vol. 1 10.2.3): RNE 0, RDN 1, RUP 2, RTZ 3. */
static void lower_setrm(JitEmit *em, IrRound rm)
{
    static const unsigned rc[4] = { [IR_RM_RNE] = 0, [IR_RM_RTZ] = 3,
                                    [IR_RM_RDN] = 1, [IR_RM_RUP] = 2 };
    CodeBuf *cb = jit_cb(em);
    X86Mem slot = x86_mem(X86_RSP, JIT_SCR_RES);
    assert((unsigned)rm < 4);
    x86_stmxcsr_m32(cb, slot);
    x86_alu_mi(cb, X86_ALU_AND, false, slot, ~0x6000);
    if (rc[rm])
        x86_alu_mi(cb, X86_ALU_OR, false, slot, (int64_t)(rc[rm] << 13));
    x86_ldmxcsr_m32(cb, slot);
}

void jit_lower_fpx(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                   const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool f64 = op->type == IR_F64;
    (void)cs;

    switch (op->opc) {
    case IR_OP_fminnum:
    case IR_OP_fmaxnum:
        assert(a[0].reg == a[1].reg);
        lower_minmax(em, f64, op->opc == IR_OP_fmaxnum, (X86Reg)a[0].reg,
                     (X86Reg)a[2].reg, (X86Reg)a[3].reg);
        break;
    case IR_OP_fcanon:
        assert(a[0].reg == a[1].reg);
        lower_canon(em, f64, (X86Reg)a[0].reg, -1, -1, -1);
        break;
    case IR_OP_fcanon_fma:
        assert(a[0].reg == a[1].reg);
        lower_canon(em, f64, (X86Reg)a[0].reg, a[2].reg, a[3].reg, a[4].reg);
        break;
    case IR_OP_fbox:                        /* op type f64, input f32 */
        assert(a[0].reg == a[1].reg);
        x86_orps_x_m128(cb, (X86Reg)a[0].reg, jit_rip0());
        jit_rip_const(em, JIT_C_BOXMASK, 0);
        break;
    case IR_OP_funbox:
        assert(a[0].reg == a[1].reg);
        lower_unbox(em, (X86Reg)a[0].reg, (X86Reg)a[2].reg);
        break;
    case IR_OP_fsetrm:
        lower_setrm(em, (IrRound)op->args[op->nb_out + op->nb_in].imm);
        break;
    default:
        assert(0);
    }
}
