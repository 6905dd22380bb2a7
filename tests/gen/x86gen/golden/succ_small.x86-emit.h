/*
 * x86-64 emitters, one per form of tests/gen/x86gen/succ_small.def (see docs/backend.md).
 * x86_[lock_]MNEMONIC[_FORM](cb, operands in Intel/SDM order):
 * registers are X86Reg, memory X86Mem, immediates int64_t (range
 * checked by assert), relative offsets int32_t counted from the end of
 * the instruction, conditions X86Cond.  Implied operands (cl, 1) are
 * not parameters.
 */
#ifndef X86_EMIT_H
#define X86_EMIT_H

#include <stdint.h>

#include "codebuf.h"
#include "x86_mem.h"
#include "x86_regs.h"

/* tests/gen/x86gen/succ_small.def:6: add r64, m64 | RM | REX.W 03 /r */
void x86_add_r64_m64(CodeBuf *cb, X86Reg dst, X86Mem src);

/* tests/gen/x86gen/succ_small.def:7: add m32, imm8 | MI | 83 /0 ib */
void x86_add_m32_i8(CodeBuf *cb, X86Mem dst, int64_t imm);

/* tests/gen/x86gen/succ_small.def:8: mov m8, r8 | MR | 88 /r */
void x86_mov_m8_r8(CodeBuf *cb, X86Mem dst, X86Reg src);

/* tests/gen/x86gen/succ_small.def:9: movabs r64, imm64 | OI | REX.W B8+r io */
void x86_movabs_r64_i64(CodeBuf *cb, X86Reg dst, int64_t imm);

/* tests/gen/x86gen/succ_small.def:10: jcc cc, rel32 | KJ | 0F 80+cc cd */
void x86_jcc_rel32(CodeBuf *cb, X86Cond cc, int32_t rel);

/* tests/gen/x86gen/succ_small.def:11: setcc cc, r8 | KM | 0F 90+cc /0 */
void x86_setcc_r8(CodeBuf *cb, X86Cond cc, X86Reg dst);

/* tests/gen/x86gen/succ_small.def:12: shl r32, cl | MX | D3 /4 */
void x86_shl_r32_cl(CodeBuf *cb, X86Reg dst);

/* tests/gen/x86gen/succ_small.def:13: cmpxchg m64, r64 | MR | LOCK REX.W 0F B1 /r */
void x86_lock_cmpxchg_m64_r64(CodeBuf *cb, X86Mem dst, X86Reg src);

/* tests/gen/x86gen/succ_small.def:14: shlx r64, r64, r64 | RMV | VEX.LZ.66.0F38.W1 F7 /r [bmi2] */
void x86_shlx_r64_r64_r64(CodeBuf *cb, X86Reg dst, X86Reg src, X86Reg src2);

/* tests/gen/x86gen/succ_small.def:15: roundsd xmm, m64, uimm8 | RMI | 66 0F 3A 0B /r ib [sse41] */
void x86_roundsd_x_m64_u8(CodeBuf *cb, X86Reg dst, X86Mem src, int64_t imm);

/* tests/gen/x86gen/succ_small.def:16: mfence | ZO | 0F AE F0 */
void x86_mfence(CodeBuf *cb);

#endif
