/*
 * The x86-64 encoder core (see x86_enc.h): legacy prefixes, REX, VEX,
 * escape bytes, ModRM/SIB/displacement.  Facts from the Intel SDM Vol. 2,
 * chapter 2 (instruction format, REX 2.2.1, VEX 2.3.5, ModRM/SIB tables 2-2
 * and 2-3, rip-relative 2.2.1.6).
 */
#include "x86_enc.h"

#include <stdbool.h>

#define REX_B 1u
#define REX_X 2u
#define REX_R 4u

static bool fits_i8(int32_t v)
{
    return v >= -128 && v <= 127;
}

/*
 * Legacy prefixes, optional REX, escape bytes and the opcode byte.
 * RXB holds the REX.R/X/B bits the operands need; FORCE_REX asks for a REX
 * prefix even if it would be 0x40 (byte registers spl/bpl/sil/dil).
 */
static void emit_legacy(CodeBuf *cb, uint32_t opc, unsigned rxb, bool force_rex)
{
    assert(!(opc & (X86_P_VEX | X86_P_VEXL | X86_P_VEXW)));
    if (opc & X86_P_LOCK)
        cb_emit8(cb, 0xF0);
    if (opc & X86_P_66)
        cb_emit8(cb, 0x66);
    if (opc & X86_P_F3)
        cb_emit8(cb, 0xF3);
    if (opc & X86_P_F2)
        cb_emit8(cb, 0xF2);
    unsigned rex = rxb | ((opc & X86_P_REXW) ? 8u : 0u);
    if (rex || force_rex)
        cb_emit8(cb, (uint8_t)(0x40 | rex));
    if (opc & (X86_P_0F | X86_P_0F38 | X86_P_0F3A))
        cb_emit8(cb, 0x0F);
    if (opc & X86_P_0F38)
        cb_emit8(cb, 0x38);
    if (opc & X86_P_0F3A)
        cb_emit8(cb, 0x3A);
    cb_emit8(cb, (uint8_t)opc);
}

/*
 * The VEX prefix and the opcode byte.  The 2-byte form (C5) needs map 0F,
 * W = 0 and no REX.X/REX.B; otherwise the 3-byte form (C4).  R, X, B and
 * vvvv are stored inverted.
 */
static void emit_vex(CodeBuf *cb, uint32_t opc, unsigned rxb, unsigned vvvv)
{
    assert(opc & X86_P_VEX);
    assert(!(opc & (X86_P_REXW | X86_P_LOCK)));
    unsigned pp = (opc & X86_P_66) ? 1 : (opc & X86_P_F3) ? 2
                : (opc & X86_P_F2) ? 3 : 0;
    unsigned mmmmm = (opc & X86_P_0F38) ? 2 : (opc & X86_P_0F3A) ? 3 : 1;
    unsigned l = (opc & X86_P_VEXL) ? 1 : 0;
    unsigned w = (opc & X86_P_VEXW) ? 1 : 0;
    unsigned v = (~vvvv & 15u) << 3;

    if (mmmmm == 1 && !w && !(rxb & (REX_X | REX_B))) {
        cb_emit8(cb, 0xC5);
        cb_emit8(cb, (uint8_t)(((rxb & REX_R) ? 0 : 0x80) | v | (l << 2) | pp));
    } else {
        cb_emit8(cb, 0xC4);
        cb_emit8(cb, (uint8_t)((~rxb & 7u) << 5 | mmmmm));
        cb_emit8(cb, (uint8_t)((w << 7) | v | (l << 2) | pp));
    }
    cb_emit8(cb, (uint8_t)opc);
}

static bool byte_reg_needs_rex(unsigned r)
{
    return r >= 4 && r <= 7;
}

/* REX bits and byte-register REX requirement for a register-direct ModRM. */
static unsigned rr_rxb(uint32_t opc, unsigned reg, unsigned rm, bool *force)
{
    *force = ((opc & X86_P_BYTE_R) && byte_reg_needs_rex(reg & 15))
          || ((opc & X86_P_BYTE_RM) && byte_reg_needs_rex(rm & 15));
    return ((reg & 8) ? REX_R : 0) | ((rm & 8) ? REX_B : 0);
}

/* REX bits for a memory ModRM. */
static unsigned mem_rxb(uint32_t opc, unsigned reg, X86Mem m, bool *force)
{
    unsigned rxb = (reg & 8) ? REX_R : 0;
    *force = (opc & X86_P_BYTE_R) && byte_reg_needs_rex(reg & 15);
    if (x86_is_gpr(m.base) && (m.base & 8))
        rxb |= REX_B;
    if (x86_is_gpr(m.index) && (m.index & 8))
        rxb |= REX_X;
    return rxb;
}

static void check_mem(X86Mem m)
{
    assert(x86_is_gpr(m.base) || m.base == X86_NOREG || m.base == X86_RIP);
    assert((x86_is_gpr(m.index) && m.index != X86_RSP) || m.index == X86_NOREG);
    assert(m.base != X86_RIP || m.index == X86_NOREG);
    assert(m.index == X86_NOREG || m.scale == 1 || m.scale == 2
           || m.scale == 4 || m.scale == 8);
    (void)m;
}

static unsigned scale_bits(unsigned scale)
{
    return scale == 8 ? 3 : scale == 4 ? 2 : scale == 2 ? 1 : 0;
}

/*
 * ModRM, SIB and displacement for REG (low 3 bits used) and memory M
 * (SDM Vol. 2 tables 2-2 and 2-3).
 */
static void emit_modrm_mem(CodeBuf *cb, unsigned reg, X86Mem m)
{
    unsigned r = (reg & 7) << 3;

    if (m.base == X86_RIP) {                  /* mod 00, rm 101: [rip+disp32] */
        cb_emit8(cb, (uint8_t)(r | 5));
        cb_emit32(cb, (uint32_t)m.disp);
        return;
    }
    unsigned idx = m.index == X86_NOREG ? 4 : (m.index & 7);  /* 100: none */
    unsigned ss = m.index == X86_NOREG ? 0 : scale_bits(m.scale);
    if (m.base == X86_NOREG) {                /* mod 00, SIB base 101: disp32 */
        cb_emit8(cb, (uint8_t)(r | 4));
        cb_emit8(cb, (uint8_t)(ss << 6 | idx << 3 | 5));
        cb_emit32(cb, (uint32_t)m.disp);
        return;
    }
    unsigned b = m.base & 7;
    unsigned mod = (m.disp == 0 && b != 5) ? 0 : fits_i8(m.disp) ? 1 : 2;
    if (m.index == X86_NOREG && b != 4) {     /* rsp/r12 need a SIB byte */
        cb_emit8(cb, (uint8_t)(mod << 6 | r | b));
    } else {
        cb_emit8(cb, (uint8_t)(mod << 6 | r | 4));
        cb_emit8(cb, (uint8_t)(ss << 6 | idx << 3 | b));
    }
    if (mod == 1)
        cb_emit8(cb, (uint8_t)m.disp);
    else if (mod == 2)
        cb_emit32(cb, (uint32_t)m.disp);
}

void x86_enc_op(CodeBuf *cb, uint32_t opc)
{
    emit_legacy(cb, opc, 0, false);
}

void x86_enc_op_r(CodeBuf *cb, uint32_t opc, X86Reg r)
{
    unsigned n = x86_hw(r);
    bool force = (opc & X86_P_BYTE_RM) && byte_reg_needs_rex(n);
    emit_legacy(cb, opc + (n & 7), (n & 8) ? REX_B : 0, force);
}

void x86_enc_rr(CodeBuf *cb, uint32_t opc, unsigned reg, X86Reg rm)
{
    bool force;
    unsigned rxb = rr_rxb(opc, reg, x86_hw(rm), &force);
    emit_legacy(cb, opc, rxb, force);
    cb_emit8(cb, (uint8_t)(0xC0 | (reg & 7) << 3 | (x86_hw(rm) & 7)));
}

void x86_enc_rm(CodeBuf *cb, uint32_t opc, unsigned reg, X86Mem m)
{
    bool force;
    check_mem(m);
    unsigned rxb = mem_rxb(opc, reg, m, &force);
    emit_legacy(cb, opc, rxb, force);
    emit_modrm_mem(cb, reg, m);
}

void x86_enc_vex_rr(CodeBuf *cb, uint32_t opc, unsigned reg, unsigned vvvv,
                    X86Reg rm)
{
    bool force;
    unsigned rxb = rr_rxb(opc, reg, x86_hw(rm), &force);
    emit_vex(cb, opc, rxb, vvvv);
    cb_emit8(cb, (uint8_t)(0xC0 | (reg & 7) << 3 | (x86_hw(rm) & 7)));
}

void x86_enc_vex_rm(CodeBuf *cb, uint32_t opc, unsigned reg, unsigned vvvv,
                    X86Mem m)
{
    bool force;
    check_mem(m);
    emit_vex(cb, opc, mem_rxb(opc, reg, m, &force), vvvv);
    (void)force;   /* VEX has no byte-register form */
    emit_modrm_mem(cb, reg, m);
}
