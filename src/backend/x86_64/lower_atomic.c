/*
 * Lowering of the atomic read-modify-write ops on guest memory, for every
 * access size.  LOCK CMPXCHG, XCHG (locked by itself with a memory
 * operand) and LOCK XADD do cmpxchg, xchg and fetch_add in one
 * instruction; fetch_and/or/xor and the min/max family are a CMPXCHG loop
 * (SDM Vol. 2A CMPXCHG: on failure the accumulator receives the current
 * memory value, so the loop recomputes from it):
 *
 *       mov  rax, [m]            ; zero-extended
 *   1:  s = rax OP v             ; min/max: compare extended values, cmov
 *       lock cmpxchg [m], s
 *       jne  1b
 *
 * The old value ends up extended per the memop.  Big-endian atomics (no
 * frontend produces them) call jit_helper_atomic_be through a stub that
 * preserves every register.
 */
#include <assert.h>

#include "jit_internal.h"

typedef void EmitMR(CodeBuf *, X86Mem, X86Reg);

static void emit_sized(CodeBuf *cb, unsigned sz, EmitMR *f8, EmitMR *f16,
                       EmitMR *f32, EmitMR *f64, X86Mem m, X86Reg r)
{
    EmitMR *f[4] = { f8, f16, f32, f64 };
    f[sz](cb, m, r);
}

/* r := (sign ? sign : zero)-extension of its low SZ bytes to 32 bits. */
static void ext32(CodeBuf *cb, unsigned sz, bool sign, X86Reg d, X86Reg s)
{
    if (sz == IR_MO_8)
        (sign ? x86_movsx_r32_r8 : x86_movzx_r32_r8)(cb, d, s);
    else
        (sign ? x86_movsx_r32_r16 : x86_movzx_r32_r16)(cb, d, s);
}

static void lower_loop(JitEmit *em, const IrOp *op, const RaArg *a,
                       IrMemOp mop, X86Mem m)
{
    CodeBuf *cb = jit_cb(em);
    unsigned sz = mop & IR_MO_SIZE;
    bool w = sz == IR_MO_64;                /* the width of the arithmetic */
    X86Reg v = (X86Reg)a[2].reg, s = (X86Reg)a[3].reg;
    assert(a[0].reg == X86_RAX && v != X86_RAX && s != X86_RAX && s != v);

    switch (sz) {
    case IR_MO_8:  x86_movzx_r32_m8(cb, X86_RAX, m); break;
    case IR_MO_16: x86_movzx_r32_m16(cb, X86_RAX, m); break;
    case IR_MO_32: x86_mov_r32_m32(cb, X86_RAX, m); break;
    default:       x86_mov_r64_m64(cb, X86_RAX, m); break;
    }
    uint32_t loop = jit_off(em);
    switch (op->opc) {
    case IR_OP_fetch_and:
    case IR_OP_fetch_or:
    case IR_OP_fetch_xor:
        x86_mov_rr(cb, w, s, X86_RAX);
        x86_alu_rr(cb, op->opc == IR_OP_fetch_and ? X86_ALU_AND
                       : op->opc == IR_OP_fetch_or ? X86_ALU_OR : X86_ALU_XOR,
                   w, s, v);
        break;
    default: {
        bool sign = op->opc == IR_OP_fetch_smin || op->opc == IR_OP_fetch_smax;
        X86Cond take_old = op->opc == IR_OP_fetch_smin ? X86_CC_L
                         : op->opc == IR_OP_fetch_smax ? X86_CC_G
                         : op->opc == IR_OP_fetch_umin ? X86_CC_B : X86_CC_A;
        if (sz < IR_MO_32) {
            /* compare sub-word values extended the same way */
            ext32(cb, sz, sign, X86_RAX, X86_RAX);
            ext32(cb, sz, sign, s, v);
        } else {
            x86_mov_rr(cb, w, s, v);
        }
        x86_alu_rr(cb, X86_ALU_CMP, w, X86_RAX, s);
        (w ? x86_cmovcc_r64_r64 : x86_cmovcc_r32_r32)(cb, take_old, s, X86_RAX);
        break;
    }
    }
    emit_sized(cb, sz, x86_lock_cmpxchg_m8_r8, x86_lock_cmpxchg_m16_r16,
               x86_lock_cmpxchg_m32_r32, x86_lock_cmpxchg_m64_r64, m, s);
    jit_jcc8_back(em, X86_CC_NE, loop);
}

/* The slow path for IR_MO_BE: arguments in the frame, a C helper. */
static void lower_be(JitEmit *em, const IrOp *op, const RaArg *a, IrMemOp mop)
{
    CodeBuf *cb = jit_cb(em);
    const Jit *jit = em->jit;
    x86_mov_m64_r64(cb, x86_mem(X86_RSP, JIT_SCR_ARG(0)), (X86Reg)a[1].reg);
    x86_mov_m64_r64(cb, x86_mem(X86_RSP, JIT_SCR_ARG(1)), (X86Reg)a[2].reg);
    if (op->opc == IR_OP_cmpxchg)
        x86_mov_m64_r64(cb, x86_mem(X86_RSP, JIT_SCR_ARG(2)), (X86Reg)a[3].reg);
    if (jit->gbase_reg >= 0)
        x86_mov_m64_r64(cb, x86_mem(X86_RSP, JIT_SCR_ARG(3)), (X86Reg)jit->gbase_reg);
    else
        x86_mov_m64_i32(cb, x86_mem(X86_RSP, JIT_SCR_ARG(3)), jit->gbase_disp);
    x86_mov_m64_i32(cb, x86_mem(X86_RSP, JIT_SCR_ARG(4)),
                    (int64_t)(op->opc | mop << 16 | (uint32_t)op->type << 24));
    jit_call_fixed(em, jit->off_atomic_be_stub);
    x86_mov_r64_m64(cb, (X86Reg)a[0].reg, x86_mem(X86_RSP, JIT_SCR_RES));
}

void jit_lower_atomic(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                      const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    IrType t = (IrType)op->type;
    IrMemOp mop = (IrMemOp)op->args[op->nb_out + op->nb_in].imm;
    unsigned sz = mop & IR_MO_SIZE;
    X86Reg d = (X86Reg)a[0].reg, addr = (X86Reg)a[1].reg;
    (void)cs;

    jit_check_align(em, mop, addr);
    if ((mop & IR_MO_BE) && sz != IR_MO_8) {
        lower_be(em, op, a, mop);
        return;
    }
    X86Mem m = jit_guest_mem(em, addr);

    switch (op->opc) {
    case IR_OP_cmpxchg:                 /* &{rax} = addr, cmpv(=rax), newv */
        assert(d == X86_RAX && a[2].reg == X86_RAX);
        emit_sized(cb, sz, x86_lock_cmpxchg_m8_r8, x86_lock_cmpxchg_m16_r16,
                   x86_lock_cmpxchg_m32_r32, x86_lock_cmpxchg_m64_r64, m,
                   (X86Reg)a[3].reg);
        break;
    case IR_OP_xchg:                    /* &r = addr, v(=d) */
        assert(d == (X86Reg)a[2].reg);
        emit_sized(cb, sz, x86_xchg_m8_r8, x86_xchg_m16_r16, x86_xchg_m32_r32,
                   x86_xchg_m64_r64, m, d);
        break;
    case IR_OP_fetch_add:
        assert(d == (X86Reg)a[2].reg);
        emit_sized(cb, sz, x86_lock_xadd_m8_r8, x86_lock_xadd_m16_r16,
                   x86_lock_xadd_m32_r32, x86_lock_xadd_m64_r64, m, d);
        break;
    default:
        lower_loop(em, op, a, mop, m);
        break;
    }
    jit_extend_reg(em, t, mop, d);
}
