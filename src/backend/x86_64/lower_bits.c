/*
 * Lowering of the bit-manipulation and width-changing ops: clz/ctz
 * (LZCNT/TZCNT when the host has them, else BSR/BSF plus the zero case),
 * ctpop (POPCNT, else a call to a C helper: the constraint set of that
 * alternative is a call's), bswap, extract/sextract (movzx/movsx or a
 * shift pair), deposit (a rotate/SHRD/rotate sequence that needs no
 * scratch register) and the i32 <-> i64 conversions.  An i32 value is the
 * low half of its register, the upper half unspecified (docs/backend.md,
 * "Values in registers"): extrl_i64_i32 and an i32 move of a register onto
 * itself emit nothing, extu_i32_i64 always clears the upper half.
 */
#include <assert.h>

#include "jit_internal.h"

static void lower_clz_ctz(JitEmit *em, const IrOp *op, X86Reg d, X86Reg s)
{
    CodeBuf *cb = jit_cb(em);
    bool w64 = op->type == IR_I64;
    unsigned w = w64 ? 64 : 32;

    if (op->opc == IR_OP_clz) {
        if (em->features & IR_X86F_LZCNT) {     /* LZCNT(0) = w */
            (w64 ? x86_lzcnt_r64_r64 : x86_lzcnt_r32_r32)(cb, d, s);
            return;
        }
        /* BSR gives the index of the top set bit, ZF = 1 for 0 (SDM Vol.
         * 2A BSR): clz = index ^ (w - 1); for 0 use 2w - 1, giving w */
        (w64 ? x86_bsr_r64_r64 : x86_bsr_r32_r32)(cb, d, s);
        uint32_t skip = jit_jcc8_fwd(em, X86_CC_NE);
        x86_mov_ri_keepflags(cb, d, 2 * w - 1);
        jit_fwd8_here(em, skip);
        x86_alu_ri(cb, X86_ALU_XOR, w64, d, w - 1);
        return;
    }
    if (em->features & IR_X86F_BMI1) {          /* TZCNT(0) = w */
        (w64 ? x86_tzcnt_r64_r64 : x86_tzcnt_r32_r32)(cb, d, s);
        return;
    }
    (w64 ? x86_bsf_r64_r64 : x86_bsf_r32_r32)(cb, d, s);
    uint32_t skip = jit_jcc8_fwd(em, X86_CC_NE);
    x86_mov_ri_keepflags(cb, d, w);
    jit_fwd8_here(em, skip);
}

/*
 * extract/sextract d, s [ofs, len].  32-bit x86 operations write the whole
 * register, zero-extended (SDM Vol. 1 3.4.1.1), so an i64 field that ends
 * at or below bit 32 is cut with 32-bit forms: bits [ofs, 32) of s are
 * "mov d32, s32; shr d32, ofs" -- just the shr when d == s, since the shr
 * itself clears the upper half -- and sign-extended bits [ofs, 32) are
 * "movsxd d, s32; sar d, ofs".  These are the RISC-V srliw/sraiw results
 * (the optimizer's rule ext-field).
 */
static void lower_extract(CodeBuf *cb, bool w64, bool sign, X86Reg d,
                          X86Reg s, unsigned ofs, unsigned len)
{
    unsigned w = w64 ? 64 : 32;
    assert(len > 0 && ofs + len <= w);
    if (len == w) {
        if (d != s)                 /* an i32's upper half is not its value */
            x86_mov_rr(cb, w64, d, s);
        return;
    }
    if (ofs == 0 && (len == 8 || len == 16 || len == 32)) {
        if (!sign) {
            if (len == 8)
                x86_movzx_r32_r8(cb, d, s);
            else if (len == 16)
                x86_movzx_r32_r16(cb, d, s);
            else
                x86_mov_r32_r32(cb, d, s);
        } else if (len == 8) {
            (w64 ? x86_movsx_r64_r8 : x86_movsx_r32_r8)(cb, d, s);
        } else if (len == 16) {
            (w64 ? x86_movsx_r64_r16 : x86_movsx_r32_r16)(cb, d, s);
        } else {
            x86_movsxd_r64_r32(cb, d, s);
        }
        return;
    }
    if (w64 && ofs + len == 32) {   /* ofs > 0 here */
        if (sign) {
            x86_movsxd_r64_r32(cb, d, s);
            x86_shift_ri(cb, X86_SHIFT_SAR, true, d, ofs);
        } else {
            if (d != s)
                x86_mov_r32_r32(cb, d, s);
            x86_shift_ri(cb, X86_SHIFT_SHR, false, d, ofs);
        }
        return;
    }
    if (w64 && !sign && ofs + len < 32) {
        w64 = false;                /* the same in 32-bit forms, no REX.W */
        w = 32;
    }
    X86ShiftOp right = sign ? X86_SHIFT_SAR : X86_SHIFT_SHR;
    if (d != s)                     /* what follows writes all of d */
        x86_mov_rr(cb, w64, d, s);
    if (ofs + len == w) {
        x86_shift_ri(cb, right, w64, d, ofs);
    } else if (!sign && len <= 31) {
        if (ofs)
            x86_shift_ri(cb, X86_SHIFT_SHR, w64, d, ofs);
        x86_and_ri(cb, w64, d, (int64_t)((1u << len) - 1));
    } else {
        x86_shift_ri(cb, X86_SHIFT_SHL, w64, d, w - ofs - len);
        x86_shift_ri(cb, right, w64, d, w - len);
    }
}

/*
 * deposit d(== a), b [ofs, len]: rotate the field to the bottom, shift it
 * out with SHRD while shifting b's low len bits in at the top, rotate
 * back: bit j of b lands at ofs + j, every other bit of a where it was.
 */
static void lower_deposit(CodeBuf *cb, bool w64, X86Reg d, X86Reg b,
                          unsigned ofs, unsigned len)
{
    unsigned w = w64 ? 64 : 32;
    assert(len > 0 && ofs + len <= w && d != b);
    if (len == w) {
        x86_mov_rr(cb, w64, d, b);
        return;
    }
    if (ofs)
        x86_shift_ri(cb, X86_SHIFT_ROR, w64, d, ofs);
    (w64 ? x86_shrd_r64_r64_u8 : x86_shrd_r32_r32_u8)(cb, d, b, len);
    unsigned back = (ofs + len) & (w - 1);
    if (back)
        x86_shift_ri(cb, X86_SHIFT_ROL, w64, d, back);
}

void jit_lower_bits(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                    const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool w64 = op->type == IR_I64;
    X86Reg d = (X86Reg)a[0].reg, s = (X86Reg)a[1].reg;
    const IrArg *k = &op->args[op->nb_out + op->nb_in];

    switch (op->opc) {
    case IR_OP_clz:
    case IR_OP_ctz:
        lower_clz_ctz(em, op, d, s);
        break;
    case IR_OP_ctpop:
        if (cs->features & IR_X86F_POPCNT) {
            (w64 ? x86_popcnt_r64_r64 : x86_popcnt_r32_r32)(cb, d, s);
        } else {                            /* {rax} = {rdi}, a call */
            assert(d == X86_RAX && s == X86_RDI);
            x86_call_to(cb, w64 ? (const void *)jit_helper_ctpop64
                                : (const void *)jit_helper_ctpop32, X86_R11);
        }
        break;
    case IR_OP_bswap:
        assert(d == s);
        (w64 ? x86_bswap_r64 : x86_bswap_r32)(cb, d);
        break;
    case IR_OP_extract:
    case IR_OP_sextract:
        lower_extract(cb, w64, op->opc == IR_OP_sextract, d, s,
                      (unsigned)k[0].uimm, (unsigned)k[1].uimm);
        break;
    case IR_OP_deposit:
        assert(d == s);
        lower_deposit(cb, w64, d, (X86Reg)a[2].reg, (unsigned)k[0].uimm,
                      (unsigned)k[1].uimm);
        break;
    case IR_OP_ext_i32_i64:
        x86_movsxd_r64_r32(cb, d, s);
        break;
    case IR_OP_extu_i32_i64:
        x86_mov_r32_r32(cb, d, s);          /* zero-extends, even d == s */
        break;
    case IR_OP_extrl_i64_i32:               /* the low half is the i32 */
        if (d != s)
            x86_mov_r32_r32(cb, d, s);
        break;
    case IR_OP_extrh_i64_i32:
        x86_mov_rr(cb, true, d, s);
        x86_shift_ri(cb, X86_SHIFT_SHR, true, d, 32);
        break;
    default:
        assert(0);
    }
}
