/* The emitters declared in x86-emit.h. */
#include "x86-emit.h"

#include <stdint.h>

#include "x86_enc.h"

/* tests/gen/x86gen/succ_small.def:6: add r64, m64 | RM | REX.W 03 /r */
void x86_add_r64_m64(CodeBuf *cb, X86Reg dst, X86Mem src)
{
    X86_CHECK_GPR(dst);
    x86_enc_rm(cb, X86_P_REXW | 0x03, dst, src);
}

/* tests/gen/x86gen/succ_small.def:7: add m32, imm8 | MI | 83 /0 ib */
void x86_add_m32_i8(CodeBuf *cb, X86Mem dst, int64_t imm)
{
    X86_CHECK_IMM(imm, -128, 127);
    x86_enc_rm(cb, 0x83, 0, dst);
    cb_emit8(cb, (uint8_t)imm);
}

/* tests/gen/x86gen/succ_small.def:8: mov m8, r8 | MR | 88 /r */
void x86_mov_m8_r8(CodeBuf *cb, X86Mem dst, X86Reg src)
{
    X86_CHECK_GPR(src);
    x86_enc_rm(cb, X86_P_BYTE_R | 0x88, src, dst);
}

/* tests/gen/x86gen/succ_small.def:9: movabs r64, imm64 | OI | REX.W B8+r io */
void x86_movabs_r64_i64(CodeBuf *cb, X86Reg dst, int64_t imm)
{
    X86_CHECK_GPR(dst);
    x86_enc_op_r(cb, X86_P_REXW | 0xB8, dst);
    cb_emit64(cb, (uint64_t)imm);
}

/* tests/gen/x86gen/succ_small.def:10: jcc cc, rel32 | KJ | 0F 80+cc cd */
void x86_jcc_rel32(CodeBuf *cb, X86Cond cc, int32_t rel)
{
    X86_CHECK_CC(cc);
    x86_enc_op(cb, X86_P_0F | (0x80u + ((unsigned)cc & 15)));
    cb_emit32(cb, (uint32_t)rel);
}

/* tests/gen/x86gen/succ_small.def:11: setcc cc, r8 | KM | 0F 90+cc /0 */
void x86_setcc_r8(CodeBuf *cb, X86Cond cc, X86Reg dst)
{
    X86_CHECK_CC(cc);
    X86_CHECK_GPR(dst);
    x86_enc_rr(cb, X86_P_0F | X86_P_BYTE_RM | (0x90u + ((unsigned)cc & 15)), 0, dst);
}

/* tests/gen/x86gen/succ_small.def:12: shl r32, cl | MX | D3 /4 */
void x86_shl_r32_cl(CodeBuf *cb, X86Reg dst)
{
    X86_CHECK_GPR(dst);
    x86_enc_rr(cb, 0xD3, 4, dst);
}

/* tests/gen/x86gen/succ_small.def:13: cmpxchg m64, r64 | MR | LOCK REX.W 0F B1 /r */
void x86_lock_cmpxchg_m64_r64(CodeBuf *cb, X86Mem dst, X86Reg src)
{
    X86_CHECK_GPR(src);
    x86_enc_rm(cb, X86_P_0F | X86_P_REXW | X86_P_LOCK | 0xB1, src, dst);
}

/* tests/gen/x86gen/succ_small.def:14: shlx r64, r64, r64 | RMV | VEX.LZ.66.0F38.W1 F7 /r [bmi2] */
void x86_shlx_r64_r64_r64(CodeBuf *cb, X86Reg dst, X86Reg src, X86Reg src2)
{
    X86_CHECK_GPR(dst);
    X86_CHECK_GPR(src);
    X86_CHECK_GPR(src2);
    x86_enc_vex_rr(cb, X86_P_0F38 | X86_P_66 | X86_P_VEX | X86_P_VEXW | 0xF7, dst, src2, src);
}

/* tests/gen/x86gen/succ_small.def:15: roundsd xmm, m64, uimm8 | RMI | 66 0F 3A 0B /r ib [sse41] */
void x86_roundsd_x_m64_u8(CodeBuf *cb, X86Reg dst, X86Mem src, int64_t imm)
{
    X86_CHECK_XMM(dst);
    X86_CHECK_IMM(imm, 0, 255);
    x86_enc_rm(cb, X86_P_0F3A | X86_P_66 | 0x0B, dst, src);
    cb_emit8(cb, (uint8_t)imm);
}

/* tests/gen/x86gen/succ_small.def:16: mfence | ZO | 0F AE F0 */
void x86_mfence(CodeBuf *cb)
{
    x86_enc_op(cb, X86_P_0F | 0xAE);
    cb_emit8(cb, 0xF0);
}
