/*
 * Lowering of the high multiplications (mulsh muluh mulsuh) and of the
 * divisions (div divu rem remu).  The constraints put the operands in
 * rdx:rax as the one-operand MUL/IMUL/DIV/IDIV need (SDM Vol. 2A/2B).
 * Division never traps: a zero divisor and MIN / -1 are tested first and
 * give the RISC-V results of docs/ir.md (all ones / the dividend for
 * b == 0; MIN and 0 for MIN / -1), since IDIV would raise #DE.
 */
#include <assert.h>

#include "jit_internal.h"

typedef void EmitR(CodeBuf *, X86Reg);

static void emit1(CodeBuf *cb, bool w64, EmitR *f64, EmitR *f32, X86Reg r)
{
    (w64 ? f64 : f32)(cb, r);
}

/* rdx := sign of rax (cqo / cdq). */
static void sign_extend_rax(CodeBuf *cb, bool w64)
{
    if (w64)
        x86_cqo(cb);
    else
        x86_cdq(cb);
}

static void lower_mulh(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                       const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool w64 = op->type == IR_I64;
    X86Reg d = (X86Reg)a[0].reg, b = (X86Reg)a[2].reg;

    switch (op->opc) {
    case IR_OP_mulsh:                   /* rdx:rax = rax * b, signed */
        assert(d == X86_RDX && a[1].reg == X86_RAX);
        emit1(cb, w64, x86_imul_r64, x86_imul_r32, b);
        break;
    case IR_OP_muluh:
        if (cs->features & IR_X86F_BMI2) {
            /* mulx d, d, b: with both destinations equal, the high half
             * (SDM Vol. 2B MULX); rdx is the implicit source */
            assert(a[1].reg == X86_RDX);
            if (w64)
                x86_mulx_r64_r64_r64(cb, d, d, b);
            else
                x86_mulx_r32_r32_r32(cb, d, d, b);
        } else {
            assert(d == X86_RDX && a[1].reg == X86_RAX);
            emit1(cb, w64, x86_mul_r64, x86_mul_r32, b);
        }
        break;
    default: {                          /* mulsuh: signed a x unsigned b */
        /* hi_su(a, b) = hi_uu(a, b) - (a < 0 ? b : 0) */
        X86Reg s = (X86Reg)a[3].reg;
        assert(d == X86_RDX && a[1].reg == X86_RAX);
        x86_mov_rr(cb, w64, s, X86_RAX);
        x86_shift_ri(cb, X86_SHIFT_SAR, w64, s, w64 ? 63 : 31);
        x86_alu_rr(cb, X86_ALU_AND, w64, s, b);
        emit1(cb, w64, x86_mul_r64, x86_mul_r32, b);
        x86_alu_rr(cb, X86_ALU_SUB, w64, X86_RDX, s);
        break;
    }
    }
}

static void lower_div(JitEmit *em, const IrOp *op, const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool w64 = op->type == IR_I64;
    bool is_rem = op->opc == IR_OP_rem || op->opc == IR_OP_remu;
    bool is_signed = op->opc == IR_OP_div || op->opc == IR_OP_rem;
    X86Reg b = (X86Reg)a[2].reg;

    assert(a[1].reg == X86_RAX && a[0].reg == (is_rem ? X86_RDX : X86_RAX));
    if (b == X86_RAX) {
        /* a / a (the same temp twice): 1, or all ones when a == 0;
         * a % a: 0 */
        if (is_rem) {
            x86_mov_ri(cb, X86_RDX, 0);
        } else {
            x86_alu_ri(cb, X86_ALU_CMP, w64, X86_RAX, 1); /* CF = (a == 0) */
            x86_alu_rr(cb, X86_ALU_SBB, w64, X86_RAX, X86_RAX);
            x86_alu_ri(cb, X86_ALU_OR, w64, X86_RAX, 1);
        }
        return;
    }
    assert(b != X86_RDX);

    if (w64)
        x86_test_r64_r64(cb, b, b);
    else
        x86_test_r32_r32(cb, b, b);
    uint32_t to_zero = jit_jcc8_fwd(em, X86_CC_E);
    uint32_t done1 = UINT32_MAX;
    if (is_signed) {
        /* b == -1: a / -1 = -a (MIN stays MIN), a % -1 = 0 */
        x86_alu_ri(cb, X86_ALU_CMP, w64, b, -1);
        uint32_t to_norm = jit_jcc8_fwd(em, X86_CC_NE);
        if (is_rem)
            x86_mov_ri(cb, X86_RDX, 0);
        else
            emit1(cb, w64, x86_neg_r64, x86_neg_r32, X86_RAX);
        done1 = jit_jmp8_fwd(em);
        jit_fwd8_here(em, to_norm);
        sign_extend_rax(cb, w64);
        emit1(cb, w64, x86_idiv_r64, x86_idiv_r32, b);
    } else {
        x86_mov_ri(cb, X86_RDX, 0);
        emit1(cb, w64, x86_div_r64, x86_div_r32, b);
    }
    uint32_t done2 = jit_jmp8_fwd(em);
    jit_fwd8_here(em, to_zero);
    if (is_rem)
        x86_mov_rr(cb, w64, X86_RDX, X86_RAX);      /* a % 0 = a */
    else
        x86_alu_ri(cb, X86_ALU_OR, w64, X86_RAX, -1); /* a / 0 = all ones */
    if (done1 != UINT32_MAX)
        jit_fwd8_here(em, done1);
    jit_fwd8_here(em, done2);
}

void jit_lower_muldiv(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                      const RaArg *a)
{
    switch (op->opc) {
    case IR_OP_mulsh:
    case IR_OP_muluh:
    case IR_OP_mulsuh:
        lower_mulh(em, op, cs, a);
        break;
    default:
        lower_div(em, op, a);
        break;
    }
}
