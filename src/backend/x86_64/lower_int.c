/*
 * Lowering of the integer ALU ops (add ... nor, mul) and of the shifts and
 * rotates.  Two-operand x86 forms: the constraint ties the output to the
 * first input (d == a), so each op is one instruction on d, or a short
 * sequence for the negated forms (andc orc eqv nand nor) that x86 lacks.
 * i32 ops use the 32-bit forms: only the low 32 bits of an i32 register
 * are meaningful (docs/backend.md, "Values in registers").
 */
#include <assert.h>

#include "jit_internal.h"

static bool op_w64(const IrOp *op)
{
    return op->type == IR_I64;
}

static void emit_not(CodeBuf *cb, bool w64, X86Reg r)
{
    if (w64)
        x86_not_r64(cb, r);
    else
        x86_not_r32(cb, r);
}

/* d OP= b (register or immediate). */
static void alu(CodeBuf *cb, X86AluOp alu_op, bool w64, X86Reg d,
                const RaArg *b)
{
    if (b->reg >= 0)
        x86_alu_rr(cb, alu_op, w64, d, (X86Reg)b->reg);
    else if (alu_op == X86_ALU_AND)
        x86_and_ri(cb, w64, d, b->val);     /* 0xff -> movzx ... */
    else
        x86_alu_ri(cb, alu_op, w64, d, b->val);
}

static void lower_mul(CodeBuf *cb, bool w64, X86Reg d, const RaArg *b)
{
    if (b->reg >= 0) {
        if (w64)
            x86_imul_r64_r64(cb, d, (X86Reg)b->reg);
        else
            x86_imul_r32_r32(cb, d, (X86Reg)b->reg);
        return;
    }
    uint64_t v = w64 ? (uint64_t)b->val : (uint32_t)b->val;
    if (v == 0) {
        x86_mov_ri(cb, d, 0);
    } else if ((v & (v - 1)) == 0) {        /* a power of two: shift */
        unsigned n = (unsigned)__builtin_ctzll(v);
        if (n)
            x86_shift_ri(cb, X86_SHIFT_SHL, w64, d, n);
    } else {
        int64_t imm = w64 ? b->val : (int32_t)(uint32_t)b->val;
        if (imm >= -128 && imm <= 127)
            (w64 ? x86_imul_r64_r64_i8 : x86_imul_r32_r32_i8)(cb, d, d, imm);
        else
            (w64 ? x86_imul_r64_r64_i32 : x86_imul_r32_r32_i32)(cb, d, d, imm);
    }
}

void jit_lower_alu(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                   const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool w64 = op_w64(op);
    X86Reg d = (X86Reg)a[0].reg;
    const RaArg *b = &a[2];

    if (op->opc == IR_OP_andc && (cs->features & IR_X86F_BMI1)) {
        /* andn d, b, a: d = ~b & a (SDM Vol. 2A ANDN) */
        if (w64)
            x86_andn_r64_r64_r64(cb, d, (X86Reg)b->reg, (X86Reg)a[1].reg);
        else
            x86_andn_r32_r32_r32(cb, d, (X86Reg)b->reg, (X86Reg)a[1].reg);
        return;
    }
    assert(op->opc == IR_OP_andc || op->opc == IR_OP_orc ||
           d == (X86Reg)a[1].reg || op->nb_in < 1);

    switch (op->opc) {
    case IR_OP_add:
        if (b->reg >= 0 || b->val != 0)
            alu(cb, X86_ALU_ADD, w64, d, b);
        break;
    case IR_OP_sub:
        if (b->reg >= 0 || b->val != 0)
            alu(cb, X86_ALU_SUB, w64, d, b);
        break;
    case IR_OP_and:
        alu(cb, X86_ALU_AND, w64, d, b);
        break;
    case IR_OP_or:
        alu(cb, X86_ALU_OR, w64, d, b);
        break;
    case IR_OP_xor:
        alu(cb, X86_ALU_XOR, w64, d, b);
        break;
    case IR_OP_neg:
        if (w64)
            x86_neg_r64(cb, d);
        else
            x86_neg_r32(cb, d);
        break;
    case IR_OP_not:
        emit_not(cb, w64, d);
        break;
    case IR_OP_andc:            /* &r = 0, r s32: d == a, d != b */
        if (b->reg < 0) {
            x86_alu_ri(cb, X86_ALU_AND, w64, d, ~b->val);
        } else {                /* a & ~b == (a | b) ^ b */
            x86_alu_rr(cb, X86_ALU_OR, w64, d, (X86Reg)b->reg);
            x86_alu_rr(cb, X86_ALU_XOR, w64, d, (X86Reg)b->reg);
        }
        break;
    case IR_OP_orc:             /* a | ~b == ~(~a & b) */
        if (b->reg < 0) {
            x86_alu_ri(cb, X86_ALU_OR, w64, d, ~b->val);
        } else {
            emit_not(cb, w64, d);
            x86_alu_rr(cb, X86_ALU_AND, w64, d, (X86Reg)b->reg);
            emit_not(cb, w64, d);
        }
        break;
    case IR_OP_eqv:
        if (b->reg < 0) {
            x86_alu_ri(cb, X86_ALU_XOR, w64, d, ~b->val);
        } else {
            x86_alu_rr(cb, X86_ALU_XOR, w64, d, (X86Reg)b->reg);
            emit_not(cb, w64, d);
        }
        break;
    case IR_OP_nand:
        alu(cb, X86_ALU_AND, w64, d, b);
        emit_not(cb, w64, d);
        break;
    case IR_OP_nor:
        alu(cb, X86_ALU_OR, w64, d, b);
        emit_not(cb, w64, d);
        break;
    case IR_OP_mul:
        lower_mul(cb, w64, d, b);
        break;
    default:
        assert(0);
    }
}

void jit_lower_shift(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                     const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool w64 = op_w64(op);
    unsigned mask = w64 ? 63 : 31;
    X86Reg d = (X86Reg)a[0].reg, s = (X86Reg)a[1].reg;
    const RaArg *n = &a[2];
    X86ShiftOp sop;

    switch (op->opc) {
    case IR_OP_shl:  sop = X86_SHIFT_SHL; break;
    case IR_OP_shr:  sop = X86_SHIFT_SHR; break;
    case IR_OP_sar:  sop = X86_SHIFT_SAR; break;
    case IR_OP_rotl: sop = X86_SHIFT_ROL; break;
    default:         sop = X86_SHIFT_ROR; break;
    }

    if (n->reg < 0) {               /* by a constant, modulo the width */
        unsigned count = (unsigned)n->val & mask;
        if (d != s)                 /* tied: nothing (an i32's upper half
                                     * is not part of its value) */
            x86_mov_rr(cb, w64, d, s);
        if (count)
            x86_shift_ri(cb, sop, w64, d, count);
        return;
    }
    X86Reg c = (X86Reg)n->reg;
    if (cs->features & IR_X86F_BMI2) {
        /* shlx/shrx/sarx d, s, c: the count is masked like the cl forms
         * (SDM Vol. 2B SARX/SHLX/SHRX) and flags are untouched */
        typedef void EmitX(CodeBuf *, X86Reg, X86Reg, X86Reg);
        static EmitX *const x64[] = { x86_shlx_r64_r64_r64, x86_shrx_r64_r64_r64,
                                      x86_sarx_r64_r64_r64 };
        static EmitX *const x32[] = { x86_shlx_r32_r32_r32, x86_shrx_r32_r32_r32,
                                      x86_sarx_r32_r32_r32 };
        int i = sop == X86_SHIFT_SHL ? 0 : sop == X86_SHIFT_SHR ? 1 : 2;
        assert(sop != X86_SHIFT_ROL && sop != X86_SHIFT_ROR);
        (w64 ? x64 : x32)[i](cb, d, s, c);
        return;
    }
    assert(c == X86_RCX && d == s);
    typedef void EmitCl(CodeBuf *, X86Reg);
    static EmitCl *const cl64[8] = {
        [X86_SHIFT_ROL] = x86_rol_r64_cl, [X86_SHIFT_ROR] = x86_ror_r64_cl,
        [X86_SHIFT_SHL] = x86_shl_r64_cl, [X86_SHIFT_SHR] = x86_shr_r64_cl,
        [X86_SHIFT_SAR] = x86_sar_r64_cl };
    static EmitCl *const cl32[8] = {
        [X86_SHIFT_ROL] = x86_rol_r32_cl, [X86_SHIFT_ROR] = x86_ror_r32_cl,
        [X86_SHIFT_SHL] = x86_shl_r32_cl, [X86_SHIFT_SHR] = x86_shr_r32_cl,
        [X86_SHIFT_SAR] = x86_sar_r32_cl };
    (w64 ? cl64 : cl32)[sop](cb, d);
}
