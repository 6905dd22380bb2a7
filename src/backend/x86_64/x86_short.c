/*
 * The short-form layer (see x86_short.h and docs/backend.md "Short forms"):
 * immediate-size, register-move, lea and branch-distance choices, written
 * on top of the generated emitters of x86-emit.h.
 */
#include "x86_short.h"

#include <assert.h>

#include "x86-emit.h"

typedef void EmitRI(CodeBuf *, X86Reg, int64_t);
typedef void EmitMI(CodeBuf *, X86Mem, int64_t);
typedef void EmitRR(CodeBuf *, X86Reg, X86Reg);

#define ALU_TABLE(suffix)                                                  \
    { x86_add_##suffix, x86_or_##suffix, x86_adc_##suffix, x86_sbb_##suffix, \
      x86_and_##suffix, x86_sub_##suffix, x86_xor_##suffix, x86_cmp_##suffix }

static EmitRI *const alu_r64_i8[8] = ALU_TABLE(r64_i8);
static EmitRI *const alu_r64_i32[8] = ALU_TABLE(r64_i32);
static EmitRI *const alu_r32_i8[8] = ALU_TABLE(r32_i8);
static EmitRI *const alu_r32_i32[8] = ALU_TABLE(r32_i32);
static EmitMI *const alu_m64_i8[8] = ALU_TABLE(m64_i8);
static EmitMI *const alu_m64_i32[8] = ALU_TABLE(m64_i32);
static EmitMI *const alu_m32_i8[8] = ALU_TABLE(m32_i8);
static EmitMI *const alu_m32_i32[8] = ALU_TABLE(m32_i32);
static EmitRR *const alu_r64_r64[8] = ALU_TABLE(r64_r64);
static EmitRR *const alu_r32_r32[8] = ALU_TABLE(r32_r32);

static bool fits_s8(int64_t v)
{
    return v >= -128 && v <= 127;
}

static bool fits_s32(int64_t v)
{
    return v >= INT32_MIN && v <= INT32_MAX;
}

/* The immediate as the CPU sees it: 32-bit ops use the low 32 bits. */
static int64_t op_imm(bool w64, int64_t imm)
{
    if (w64) {
        assert(fits_s32(imm));
        return imm;
    }
    assert(imm >= INT32_MIN && imm <= (int64_t)UINT32_MAX);
    return (int32_t)(uint32_t)imm;
}

void x86_mov_ri_keepflags(CodeBuf *cb, X86Reg r, int64_t imm)
{
    if ((uint64_t)imm <= UINT32_MAX) {          /* 5 bytes, 6 with REX.B */
        x86_mov_r32_i32(cb, r, imm);
    } else if (fits_s32(imm)) {                 /* 7 bytes */
        x86_mov_r64_i32(cb, r, imm);
    } else {
        /* lea r,[rip+disp32] is 7 bytes; disp counts from its end */
        /* modulo 2^64: imm may be anywhere */
        int64_t disp = (int64_t)((uint64_t)imm - ((uint64_t)cb_exec_ptr(cb) + 7));
        if (fits_s32(disp))
            x86_lea_r64_m(cb, r, x86_mem_rip((int32_t)disp));
        else
            x86_movabs_r64_i64(cb, r, imm);     /* 10 bytes */
    }
}

void x86_mov_ri(CodeBuf *cb, X86Reg r, int64_t imm)
{
    if (imm == 0)
        x86_xor_r32_r32(cb, r, r);              /* 2-3 bytes, a zeroing idiom */
    else
        x86_mov_ri_keepflags(cb, r, imm);
}

void x86_mov_rr(CodeBuf *cb, bool w64, X86Reg dst, X86Reg src)
{
    if (w64) {
        if (dst != src)
            x86_mov_r64_r64(cb, dst, src);
    } else {
        x86_mov_r32_r32(cb, dst, src);          /* zero-extends even if dst == src */
    }
}

void x86_alu_ri(CodeBuf *cb, X86AluOp op, bool w64, X86Reg r, int64_t imm)
{
    int64_t v = op_imm(w64, imm);
    if (op == X86_ALU_CMP && v == 0) {
        if (w64)
            x86_test_r64_r64(cb, r, r);
        else
            x86_test_r32_r32(cb, r, r);
    } else if (fits_s8(v)) {
        (w64 ? alu_r64_i8 : alu_r32_i8)[op](cb, r, v);
    } else {
        (w64 ? alu_r64_i32 : alu_r32_i32)[op](cb, r, v);
    }
}

void x86_alu_mi(CodeBuf *cb, X86AluOp op, bool w64, X86Mem m, int64_t imm)
{
    int64_t v = op_imm(w64, imm);
    if (fits_s8(v))
        (w64 ? alu_m64_i8 : alu_m32_i8)[op](cb, m, v);
    else
        (w64 ? alu_m64_i32 : alu_m32_i32)[op](cb, m, v);
}

void x86_alu_rr(CodeBuf *cb, X86AluOp op, bool w64, X86Reg dst, X86Reg src)
{
    (w64 ? alu_r64_r64 : alu_r32_r32)[op](cb, dst, src);
}

void x86_and_ri(CodeBuf *cb, bool w64, X86Reg r, int64_t imm)
{
    if (imm == 0xff)
        x86_movzx_r32_r8(cb, r, r);
    else if (imm == 0xffff)
        x86_movzx_r32_r16(cb, r, r);
    else if (imm == 0xffffffff || (!w64 && imm == -1))
        x86_mov_r32_r32(cb, r, r);
    else
        x86_alu_ri(cb, X86_ALU_AND, w64, r, imm);
}

void x86_add_rrr(CodeBuf *cb, bool w64, X86Reg dst, X86Reg a, X86Reg b)
{
    if (dst == a || dst == b) {
        x86_alu_rr(cb, X86_ALU_ADD, w64, dst, dst == a ? b : a);
        return;
    }
    if (b == X86_RSP) {             /* rsp cannot be an index */
        b = a;
        a = X86_RSP;
    }
    if (b == X86_RSP) {             /* rsp + rsp */
        x86_mov_rr(cb, w64, dst, a);
        x86_alu_rr(cb, X86_ALU_ADD, w64, dst, dst);
        return;
    }
    X86Mem m = x86_mem_idx(a, b, 1, 0);
    if (w64)
        x86_lea_r64_m(cb, dst, m);
    else
        x86_lea_r32_m(cb, dst, m);
}

void x86_add_rri(CodeBuf *cb, bool w64, X86Reg dst, X86Reg src, int32_t imm)
{
    if (imm == 0) {
        x86_mov_rr(cb, w64, dst, src);
    } else if (dst == src) {
        if (imm == 128)             /* sub -128 fits imm8, add 128 does not */
            x86_alu_ri(cb, X86_ALU_SUB, w64, dst, -128);
        else
            x86_alu_ri(cb, X86_ALU_ADD, w64, dst, imm);
    } else if (w64) {
        x86_lea_r64_m(cb, dst, x86_mem(src, imm));
    } else {
        x86_lea_r32_m(cb, dst, x86_mem(src, imm));
    }
}

void x86_shift_ri(CodeBuf *cb, X86ShiftOp op, bool w64, X86Reg r,
                  unsigned count)
{
    typedef void EmitR(CodeBuf *, X86Reg);
    static EmitR *const by1[2][8] = {
        { x86_rol_r32_1, x86_ror_r32_1, NULL, NULL, x86_shl_r32_1,
          x86_shr_r32_1, NULL, x86_sar_r32_1 },
        { x86_rol_r64_1, x86_ror_r64_1, NULL, NULL, x86_shl_r64_1,
          x86_shr_r64_1, NULL, x86_sar_r64_1 },
    };
    static EmitRI *const byimm[2][8] = {
        { x86_rol_r32_u8, x86_ror_r32_u8, NULL, NULL, x86_shl_r32_u8,
          x86_shr_r32_u8, NULL, x86_sar_r32_u8 },
        { x86_rol_r64_u8, x86_ror_r64_u8, NULL, NULL, x86_shl_r64_u8,
          x86_shr_r64_u8, NULL, x86_sar_r64_u8 },
    };
    assert(by1[w64][op] && count < 256);
    if (count == 1)
        by1[w64][op](cb, r);
    else
        byimm[w64][op](cb, r, count);
}

/* Displacement from the end of an instruction of LEN bytes at cb->ptr
 * (counted at the address the code executes at). */
static int64_t rel_from_end(CodeBuf *cb, const void *target, int len)
{
    return (int64_t)(intptr_t)target - ((int64_t)cb_exec_ptr(cb) + len);
}

void x86_jmp_to(CodeBuf *cb, const void *target)
{
    int64_t rel8 = rel_from_end(cb, target, 2);
    if (fits_s8(rel8)) {
        x86_jmp_rel8(cb, (int32_t)rel8);
    } else {
        int64_t rel32 = rel_from_end(cb, target, 5);
        assert(fits_s32(rel32));
        x86_jmp_rel32(cb, (int32_t)rel32);
    }
}

void x86_jcc_to(CodeBuf *cb, X86Cond cc, const void *target)
{
    int64_t rel8 = rel_from_end(cb, target, 2);
    if (fits_s8(rel8)) {
        x86_jcc_rel8(cb, cc, (int32_t)rel8);
    } else {
        int64_t rel32 = rel_from_end(cb, target, 6);
        assert(fits_s32(rel32));
        x86_jcc_rel32(cb, cc, (int32_t)rel32);
    }
}

void x86_call_to(CodeBuf *cb, const void *target, X86Reg scratch)
{
    int64_t rel32 = rel_from_end(cb, target, 5);
    if (fits_s32(rel32)) {
        x86_call_rel32(cb, (int32_t)rel32);
    } else {
        x86_movabs_r64_i64(cb, scratch, (int64_t)(intptr_t)target);
        x86_call_r64(cb, scratch);
    }
}

/* Intel SDM Vol. 2B, NOP: "Recommended Multi-Byte Sequence of NOP". */
static const uint8_t nop_seqs[9][9] = {
    { 0x90 },
    { 0x66, 0x90 },
    { 0x0F, 0x1F, 0x00 },
    { 0x0F, 0x1F, 0x40, 0x00 },
    { 0x0F, 0x1F, 0x44, 0x00, 0x00 },
    { 0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00 },
    { 0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00 },
    { 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
    { 0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
};

void x86_nops(CodeBuf *cb, unsigned n)
{
    while (n > 0) {
        unsigned k = n > 9 ? 9 : n;
        cb_emit_bytes(cb, nop_seqs[k - 1], k);
        n -= k;
    }
}

void x86_align(CodeBuf *cb, unsigned align)
{
    assert(align && !(align & (align - 1)));
    x86_nops(cb, (unsigned)(-cb_exec_ptr(cb) & (align - 1)));
}
