/*
 * The x86-64 encoder core: opcode constants with prefix flag bits, and the
 * few hand-written functions that turn flags + operands into prefix, REX or
 * VEX, opcode, ModRM, SIB and displacement bytes.  The generated emitters
 * (x86-emit.c, one function per line of defs/x86_64/encodings.def) are thin
 * calls into these; see docs/backend.md.
 *
 * An opcode constant is the last opcode byte in bits 0..7, or'ed with the
 * X86_P_* flags below (the idea of QEMU's tcg/i386 P_* flags).  Immediates
 * are emitted by the caller after the encoder returns.
 */
#ifndef X86_ENC_H
#define X86_ENC_H

#include <assert.h>
#include <stdint.h>

#include "codebuf.h"
#include "x86_mem.h"
#include "x86_regs.h"

/* Opcode map (escape bytes), legacy or VEX.mmmmm */
#define X86_P_0F      0x00100u   /* 0F xx */
#define X86_P_0F38    0x00200u   /* 0F 38 xx */
#define X86_P_0F3A    0x00400u   /* 0F 3A xx */
/* Legacy prefixes (also VEX.pp for 66/F3/F2) */
#define X86_P_66      0x00800u   /* operand size / mandatory 66 */
#define X86_P_F3      0x01000u
#define X86_P_F2      0x02000u
#define X86_P_REXW    0x04000u   /* REX.W (64-bit operand size) */
#define X86_P_LOCK    0x08000u   /* F0 */
/* VEX */
#define X86_P_VEX     0x10000u   /* VEX-encoded (C4/C5) */
#define X86_P_VEXL    0x20000u   /* VEX.L = 1 (256-bit) */
#define X86_P_VEXW    0x40000u   /* VEX.W = 1 */
/* Byte registers: numbers 4..7 mean spl/bpl/sil/dil only with a REX prefix */
#define X86_P_BYTE_R  0x80000u   /* ModRM.reg holds a byte register */
#define X86_P_BYTE_RM 0x100000u  /* ModRM.rm / opcode+r holds a byte register */

/* Longest x86 instruction (SDM Vol. 2 2.3.11). */
#define X86_MAX_INSN_LEN 15

/* Debug checks used by the generated emitters. */
#define X86_CHECK_GPR(r) assert(x86_is_gpr(r))
#define X86_CHECK_XMM(r) assert(x86_is_xmm(r))
#define X86_CHECK_IMM(v, lo, hi) assert((v) >= (lo) && (v) <= (hi))
#define X86_CHECK_CC(cc) assert((unsigned)(cc) < 16)

/* Prefixes and opcode, no operand in ModRM or opcode (ret, cqo, mfence...). */
void x86_enc_op(CodeBuf *cb, uint32_t opc);

/* Prefixes and opcode + register (the "+r" forms: push, bswap, mov r,imm). */
void x86_enc_op_r(CodeBuf *cb, uint32_t opc, X86Reg r);

/*
 * Prefixes, opcode and ModRM with a register in ModRM.rm (mod = 11).
 * REG is the ModRM.reg operand: an X86Reg, or the /digit opcode extension.
 */
void x86_enc_rr(CodeBuf *cb, uint32_t opc, unsigned reg, X86Reg rm);

/* Prefixes, opcode, ModRM, SIB and displacement for a memory operand. */
void x86_enc_rm(CodeBuf *cb, uint32_t opc, unsigned reg, X86Mem m);

/*
 * VEX forms: as above, plus VEX.vvvv = VVVV (an X86Reg, or 0 when the form
 * has no vvvv operand, which encodes the required 1111).
 */
void x86_enc_vex_rr(CodeBuf *cb, uint32_t opc, unsigned reg, unsigned vvvv,
                    X86Reg rm);
void x86_enc_vex_rm(CodeBuf *cb, uint32_t opc, unsigned reg, unsigned vvvv,
                    X86Mem m);

#endif
