/* The form table declared in x86-forms.h. */
#include "x86-forms.h"

#include "x86_enc.h"

const char *const x86_op_kind_names[X86K_COUNT] = {
    "r8",
    "r16",
    "r32",
    "r64",
    "xmm",
    "m",
    "m8",
    "m16",
    "m32",
    "m64",
    "m128",
    "imm8",
    "uimm8",
    "imm16",
    "imm32",
    "imm64",
    "rel8",
    "rel32",
    "cc",
    "cl",
    "1",
};

static void thunk_add_r64_m64(CodeBuf *cb, const X86Arg *a)
{
    x86_add_r64_m64(cb, a[0].reg, a[1].mem);
}

static void thunk_add_m32_i8(CodeBuf *cb, const X86Arg *a)
{
    x86_add_m32_i8(cb, a[0].mem, a[1].imm);
}

static void thunk_mov_m8_r8(CodeBuf *cb, const X86Arg *a)
{
    x86_mov_m8_r8(cb, a[0].mem, a[1].reg);
}

static void thunk_movabs_r64_i64(CodeBuf *cb, const X86Arg *a)
{
    x86_movabs_r64_i64(cb, a[0].reg, a[1].imm);
}

static void thunk_jcc_rel32(CodeBuf *cb, const X86Arg *a)
{
    x86_jcc_rel32(cb, a[0].cc, (int32_t)a[1].imm);
}

static void thunk_setcc_r8(CodeBuf *cb, const X86Arg *a)
{
    x86_setcc_r8(cb, a[0].cc, a[1].reg);
}

static void thunk_shl_r32_cl(CodeBuf *cb, const X86Arg *a)
{
    x86_shl_r32_cl(cb, a[0].reg);
}

static void thunk_lock_cmpxchg_m64_r64(CodeBuf *cb, const X86Arg *a)
{
    x86_lock_cmpxchg_m64_r64(cb, a[0].mem, a[1].reg);
}

static void thunk_shlx_r64_r64_r64(CodeBuf *cb, const X86Arg *a)
{
    x86_shlx_r64_r64_r64(cb, a[0].reg, a[1].reg, a[2].reg);
}

static void thunk_roundsd_x_m64_u8(CodeBuf *cb, const X86Arg *a)
{
    x86_roundsd_x_m64_u8(cb, a[0].reg, a[1].mem, a[2].imm);
}

static void thunk_mfence(CodeBuf *cb, const X86Arg *a)
{
    x86_mfence(cb);
    (void)a;
}

const X86FormInfo x86_forms[X86_NFORMS] = {
    { "x86_add_r64_m64", "add", "r64_m64", "RM", "REX.W 03 /r", "",
      X86_P_REXW | 0x03, 6, 2, { X86K_R64, X86K_M64 }, thunk_add_r64_m64 },
    { "x86_add_m32_i8", "add", "m32_i8", "MI", "83 /0 ib", "",
      0x83, 7, 2, { X86K_M32, X86K_IMM8 }, thunk_add_m32_i8 },
    { "x86_mov_m8_r8", "mov", "m8_r8", "MR", "88 /r", "",
      X86_P_BYTE_R | 0x88, 8, 2, { X86K_M8, X86K_R8 }, thunk_mov_m8_r8 },
    { "x86_movabs_r64_i64", "movabs", "r64_i64", "OI", "REX.W B8+r io", "",
      X86_P_REXW | 0xB8, 9, 2, { X86K_R64, X86K_IMM64 }, thunk_movabs_r64_i64 },
    { "x86_jcc_rel32", "jcc", "rel32", "KJ", "0F 80+cc cd", "",
      X86_P_0F | 0x80, 10, 2, { X86K_CC, X86K_REL32 }, thunk_jcc_rel32 },
    { "x86_setcc_r8", "setcc", "r8", "KM", "0F 90+cc /0", "",
      X86_P_0F | X86_P_BYTE_RM | 0x90, 11, 2, { X86K_CC, X86K_R8 }, thunk_setcc_r8 },
    { "x86_shl_r32_cl", "shl", "r32_cl", "MX", "D3 /4", "",
      0xD3, 12, 2, { X86K_R32, X86K_CL }, thunk_shl_r32_cl },
    { "x86_lock_cmpxchg_m64_r64", "cmpxchg", "m64_r64", "MR", "LOCK REX.W 0F B1 /r", "",
      X86_P_0F | X86_P_REXW | X86_P_LOCK | 0xB1, 13, 2, { X86K_M64, X86K_R64 }, thunk_lock_cmpxchg_m64_r64 },
    { "x86_shlx_r64_r64_r64", "shlx", "r64_r64_r64", "RMV", "VEX.LZ.66.0F38.W1 F7 /r", "bmi2",
      X86_P_0F38 | X86_P_66 | X86_P_VEX | X86_P_VEXW | 0xF7, 14, 3, { X86K_R64, X86K_R64, X86K_R64 }, thunk_shlx_r64_r64_r64 },
    { "x86_roundsd_x_m64_u8", "roundsd", "x_m64_u8", "RMI", "66 0F 3A 0B /r ib", "sse41",
      X86_P_0F3A | X86_P_66 | 0x0B, 15, 3, { X86K_XMM, X86K_M64, X86K_UIMM8 }, thunk_roundsd_x_m64_u8 },
    { "x86_mfence", "mfence", "", "ZO", "0F AE F0", "",
      X86_P_0F | 0xAE, 16, 0, { 0 }, thunk_mfence },
};
