/*
 * Lowering of the CPU-state and guest-memory accesses (ld_env st_env
 * ld_guest st_guest) and the load/store/extend helpers they share with
 * the atomics.  CPU-state fields are [rbp + ofs].  Guest memory has no
 * soft-TLB: the host address is guest_base + addr, encoded as [addr] when
 * guest_base is 0, [addr + guest_base] when it fits a disp32, else
 * [r15 + addr] with guest_base pinned in r15 by the prologue.
 * IR_MO_ALIGN accesses test the low address bits first and execute UD2
 * when misaligned (docs/backend.md: the runtime turns that SIGILL into the
 * guest's misaligned-access signal).  Big-endian accesses load then swap,
 * or swap a borrowed copy then store.
 */
#include <assert.h>

#include "jit_internal.h"

static bool is_fp(IrType t)
{
    return t == IR_F32 || t == IR_F64;
}

static uint32_t mem_regs(X86Mem m)
{
    uint32_t mask = 0;
    if (x86_is_gpr(m.base))
        mask |= 1u << m.base;
    if (x86_is_gpr(m.index))
        mask |= 1u << m.index;
    return mask;
}

X86Mem jit_guest_mem(JitEmit *em, X86Reg addr)
{
    const Jit *jit = em->jit;
    if (jit->gbase_reg >= 0)
        return x86_mem_idx((X86Reg)jit->gbase_reg, addr, 1, 0);
    return x86_mem(addr, jit->gbase_disp);
}

void jit_check_align(JitEmit *em, IrMemOp mop, X86Reg addr)
{
    unsigned size = ir_memop_size(mop);
    if (!(mop & IR_MO_ALIGN) || size == 1)
        return;
    /* guest_base is page aligned, so the guest address decides */
    x86_test_r8_i8(jit_cb(em), addr, size - 1);
    uint32_t ok = jit_jcc8_fwd(em, X86_CC_E);
    x86_ud2(jit_cb(em));
    jit_fwd8_here(em, ok);
}

void jit_extend_reg(JitEmit *em, IrType t, IrMemOp mop, X86Reg r)
{
    CodeBuf *cb = jit_cb(em);
    bool w64 = t == IR_I64, sign = mop & IR_MO_SIGN;
    switch (mop & IR_MO_SIZE) {
    case IR_MO_8:
        if (sign)
            (w64 ? x86_movsx_r64_r8 : x86_movsx_r32_r8)(cb, r, r);
        else
            x86_movzx_r32_r8(cb, r, r);
        break;
    case IR_MO_16:
        if (sign)
            (w64 ? x86_movsx_r64_r16 : x86_movsx_r32_r16)(cb, r, r);
        else
            x86_movzx_r32_r16(cb, r, r);
        break;
    case IR_MO_32:
        if (w64 && sign)
            x86_movsxd_r64_r32(cb, r, r);
        else if (w64)
            x86_mov_r32_r32(cb, r, r);
        break;
    default:
        break;
    }
}

/* r := byte-swapped low SIZE bytes of r (upper bits: garbage for 16). */
static void swap_reg(CodeBuf *cb, unsigned size_log2, X86Reg r)
{
    if (size_log2 == IR_MO_16)
        x86_rol_r16_u8(cb, r, 8);
    else if (size_log2 == IR_MO_32)
        x86_bswap_r32(cb, r);
    else if (size_log2 == IR_MO_64)
        x86_bswap_r64(cb, r);
}

/* r := the SIZE bytes at m, zero-extended. */
static void load_raw(CodeBuf *cb, unsigned size_log2, X86Reg r, X86Mem m)
{
    switch (size_log2) {
    case IR_MO_8:  x86_movzx_r32_m8(cb, r, m); break;
    case IR_MO_16: x86_movzx_r32_m16(cb, r, m); break;
    case IR_MO_32: x86_mov_r32_m32(cb, r, m); break;
    default:       x86_mov_r64_m64(cb, r, m); break;
    }
}

static void store_raw(CodeBuf *cb, unsigned size_log2, X86Mem m, X86Reg r)
{
    switch (size_log2) {
    case IR_MO_8:  x86_mov_m8_r8(cb, m, r); break;
    case IR_MO_16: x86_mov_m16_r16(cb, m, r); break;
    case IR_MO_32: x86_mov_m32_r32(cb, m, r); break;
    default:       x86_mov_m64_r64(cb, m, r); break;
    }
}

void jit_emit_load(JitEmit *em, IrType t, IrMemOp mop, X86Reg d, X86Mem m)
{
    CodeBuf *cb = jit_cb(em);
    unsigned sz = mop & IR_MO_SIZE;
    bool be = (mop & IR_MO_BE) && sz != IR_MO_8;

    if (is_fp(t)) {
        if (!be) {
            if (t == IR_F64)
                x86_movsd_x_m64(cb, d, m);
            else
                x86_movss_x_m32(cb, d, m);
            return;
        }
        X86Reg r = jit_borrow_gpr(em, mem_regs(m));
        load_raw(cb, sz, r, m);
        swap_reg(cb, sz, r);
        if (t == IR_F64)
            x86_movq_x_r64(cb, d, r);
        else
            x86_movd_x_r32(cb, d, r);
        jit_return_gpr(em, r);
        return;
    }
    if (be) {
        load_raw(cb, sz, d, m);
        swap_reg(cb, sz, d);
        jit_extend_reg(em, t, mop, d);
        return;
    }
    bool w64 = t == IR_I64, sign = mop & IR_MO_SIGN;
    switch (sz) {
    case IR_MO_8:
        if (sign)
            (w64 ? x86_movsx_r64_m8 : x86_movsx_r32_m8)(cb, d, m);
        else
            x86_movzx_r32_m8(cb, d, m);
        break;
    case IR_MO_16:
        if (sign)
            (w64 ? x86_movsx_r64_m16 : x86_movsx_r32_m16)(cb, d, m);
        else
            x86_movzx_r32_m16(cb, d, m);
        break;
    case IR_MO_32:
        if (w64 && sign)
            x86_movsxd_r64_m32(cb, d, m);
        else
            x86_mov_r32_m32(cb, d, m);
        break;
    default:
        if (w64)
            x86_mov_r64_m64(cb, d, m);
        else
            x86_mov_r32_m32(cb, d, m);      /* the low half (little-endian) */
        break;
    }
}

static uint64_t swap_const(uint64_t v, unsigned sz)
{
    switch (sz) {
    case IR_MO_16: return __builtin_bswap16((uint16_t)v);
    case IR_MO_32: return __builtin_bswap32((uint32_t)v);
    case IR_MO_64: return __builtin_bswap64(v);
    default:       return v & 0xff;
    }
}

void jit_emit_store(JitEmit *em, IrType t, IrMemOp mop, const RaArg *v,
                    X86Mem m)
{
    CodeBuf *cb = jit_cb(em);
    unsigned sz = mop & IR_MO_SIZE;
    bool be = (mop & IR_MO_BE) && sz != IR_MO_8;

    if (v->reg < 0) {                       /* an immediate */
        uint64_t val = (uint64_t)v->val;
        if (be)
            val = swap_const(val, sz);
        switch (sz) {
        case IR_MO_8:  x86_mov_m8_i8(cb, m, (int64_t)(val & 0xff)); break;
        case IR_MO_16: x86_mov_m16_i16(cb, m, (int64_t)(val & 0xffff)); break;
        case IR_MO_32: x86_mov_m32_i32(cb, m, (int64_t)(uint32_t)val); break;
        default:
            if ((int64_t)val >= INT32_MIN && (int64_t)val <= INT32_MAX) {
                x86_mov_m64_i32(cb, m, (int64_t)val);
            } else {
                X86Reg r = jit_borrow_gpr(em, mem_regs(m));
                x86_movabs_r64_i64(cb, r, (int64_t)val);
                x86_mov_m64_r64(cb, m, r);
                jit_return_gpr(em, r);
            }
            break;
        }
        return;
    }
    X86Reg s = (X86Reg)v->reg;
    if (is_fp(t)) {
        if (!be) {
            if (t == IR_F64)
                x86_movsd_m64_x(cb, m, s);
            else
                x86_movss_m32_x(cb, m, s);
            return;
        }
        X86Reg r = jit_borrow_gpr(em, mem_regs(m));
        if (t == IR_F64)
            x86_movq_r64_x(cb, r, s);
        else
            x86_movd_r32_x(cb, r, s);
        swap_reg(cb, sz, r);
        store_raw(cb, sz, m, r);
        jit_return_gpr(em, r);
        return;
    }
    if (!be) {
        store_raw(cb, sz, m, s);
        return;
    }
    /* swap a copy: the value register stays intact */
    X86Reg r = jit_borrow_gpr(em, mem_regs(m) | (1u << s));
    x86_mov_rr(cb, true, r, s);
    swap_reg(cb, sz, r);
    store_raw(cb, sz, m, r);
    jit_return_gpr(em, r);
}

void jit_lower_mem(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                   const RaArg *a)
{
    IrType t = (IrType)op->type;
    const IrArg *k = &op->args[op->nb_out + op->nb_in];
    (void)cs;

    switch (op->opc) {
    case IR_OP_ld_env:                  /* d = [ofs, mop] */
        jit_emit_load(em, t, (IrMemOp)k[1].imm, (X86Reg)a[0].reg,
                      x86_mem(JIT_ENV_REG, (int32_t)k[0].imm));
        break;
    case IR_OP_st_env:                  /* = v [ofs, mop] */
        jit_emit_store(em, t, (IrMemOp)k[1].imm, &a[0],
                       x86_mem(JIT_ENV_REG, (int32_t)k[0].imm));
        break;
    case IR_OP_ld_guest: {              /* d = addr [mop] */
        IrMemOp mop = (IrMemOp)k[0].imm;
        X86Reg addr = (X86Reg)a[1].reg;
        jit_check_align(em, mop, addr);
        jit_emit_load(em, t, mop, (X86Reg)a[0].reg, jit_guest_mem(em, addr));
        break;
    }
    default: {                          /* st_guest = v, addr [mop] */
        IrMemOp mop = (IrMemOp)k[0].imm;
        X86Reg addr = (X86Reg)a[1].reg;
        jit_check_align(em, mop, addr);
        jit_emit_store(em, t, mop, &a[0], jit_guest_mem(em, addr));
        break;
    }
    }
}
