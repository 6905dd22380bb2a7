/*
 * The short-form layer: hand-written choices above the generated emitters
 * (x86-emit.h).  Each function picks the shortest or cheapest encoding for
 * its operands and emits it through one or two generated emitters; the
 * choices are listed in docs/backend.md ("Short forms").  Functions whose
 * choice may change the flags say so.
 */
#ifndef X86_SHORT_H
#define X86_SHORT_H

#include <stdbool.h>
#include <stdint.h>

#include "codebuf.h"
#include "x86_mem.h"
#include "x86_regs.h"

/* The ALU group: the value is the /digit of opcodes 80..83 (SDM ADD..CMP). */
typedef enum X86AluOp {
    X86_ALU_ADD, X86_ALU_OR, X86_ALU_ADC, X86_ALU_SBB,
    X86_ALU_AND, X86_ALU_SUB, X86_ALU_XOR, X86_ALU_CMP,
} X86AluOp;

/* The shift group: the value is the /digit of C1/D1/D3. */
typedef enum X86ShiftOp {
    X86_SHIFT_ROL = 0, X86_SHIFT_ROR = 1, X86_SHIFT_SHL = 4,
    X86_SHIFT_SHR = 5, X86_SHIFT_SAR = 7,
} X86ShiftOp;

/*
 * r := imm (64-bit).  0 -> xor r32,r32 (clobbers flags); fits u32 ->
 * mov r32,imm32; fits s32 -> mov r64,simm32; within +-2 GiB of the
 * instruction -> lea r64,[rip+disp32]; else movabs.
 */
void x86_mov_ri(CodeBuf *cb, X86Reg r, int64_t imm);
/* The same without the xor choice: leaves the flags alone. */
void x86_mov_ri_keepflags(CodeBuf *cb, X86Reg r, int64_t imm);

/* dst := src; a 64-bit move of a register to itself emits nothing. */
void x86_mov_rr(CodeBuf *cb, bool w64, X86Reg dst, X86Reg src);

/*
 * OP r, imm with imm8 when it fits (after truncation to 32 bits for
 * 32-bit ops), else imm32; cmp r,0 -> test r,r (same flags).  64-bit: imm
 * must fit s32; 32-bit: s32 or u32.
 */
void x86_alu_ri(CodeBuf *cb, X86AluOp op, bool w64, X86Reg r, int64_t imm);
void x86_alu_mi(CodeBuf *cb, X86AluOp op, bool w64, X86Mem m, int64_t imm);
void x86_alu_rr(CodeBuf *cb, X86AluOp op, bool w64, X86Reg dst, X86Reg src);

/*
 * r &= imm where the flags are not needed: 0xff -> movzx r32,r8, 0xffff ->
 * movzx r32,r16, 0xffffffff -> mov r32,r32 (these leave the flags alone),
 * otherwise x86_alu_ri(AND).
 */
void x86_and_ri(CodeBuf *cb, bool w64, X86Reg r, int64_t imm);

/*
 * dst := a + b without caring about flags: add when dst is a source,
 * else lea dst,[a+b*1].
 */
void x86_add_rrr(CodeBuf *cb, bool w64, X86Reg dst, X86Reg a, X86Reg b);

/*
 * dst := src + imm without caring about flags: dst == src -> add with
 * imm8/imm32 (sub -128 for +128); else lea dst,[src+imm]; imm 0 -> mov.
 */
void x86_add_rri(CodeBuf *cb, bool w64, X86Reg dst, X86Reg src, int32_t imm);

/* Shift/rotate by a constant: count 1 -> the D1 form, else C1 ib. */
void x86_shift_ri(CodeBuf *cb, X86ShiftOp op, bool w64, X86Reg r,
                  unsigned count);

/*
 * Branches to an absolute host address: rel8 when the target is within
 * reach of the 2-byte form, else rel32 (the target must be within
 * +-2 GiB).
 */
void x86_jmp_to(CodeBuf *cb, const void *target);
void x86_jcc_to(CodeBuf *cb, X86Cond cc, const void *target);

/* call rel32 if within reach, else movabs SCRATCH,target; call SCRATCH. */
void x86_call_to(CodeBuf *cb, const void *target, X86Reg scratch);

/* N bytes of no-ops: the SDM's recommended multi-byte NOPs, 9 bytes max each. */
void x86_nops(CodeBuf *cb, unsigned n);

/* Pads with no-ops up to the next multiple of ALIGN (a power of 2) in the
 * host address space. */
void x86_align(CodeBuf *cb, unsigned align);

#endif
