/*
 * Lowering of the carry-less multiplications clmul (low 64 bits of the
 * GF(2)[x] product) and clmulh (high 64 bits), used by Zbc (RISC-V
 * Bit-Manipulation ISA-extensions 1.0.0, 2.3 "Zbc").
 *
 * With PCLMULQDQ and SSE4.1 (ops.def: r = r, r scratch x, x):
 *     movq      xa, a
 *     movq      xb, b
 *     pclmulqdq xa, xb, 0x00      ; xa = 128-bit product of the low qwords
 *     movq      d, xa             ; clmul
 *     pextrq    d, xa, 1          ; clmulh
 * (Intel SDM Vol. 2B PCLMULQDQ, PEXTRQ; MOVQ Vol. 2A.)
 * Without them the op is constrained like a call ({rax} = {rdi}, {rsi}) and
 * calls one of the C helpers below, a shift-and-xor loop.
 */
#include <assert.h>

#include "jit_internal.h"

/* sum over set bits i of b of a << i (the low 64 bits of the product) */
static uint64_t helper_clmul(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; i++)
        if ((b >> i) & 1)
            r ^= a << i;
    return r;
}

/* the bits of a << i above bit 63, i.e. a >> (64 - i), for i >= 1 */
static uint64_t helper_clmulh(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (unsigned i = 1; i < 64; i++)
        if ((b >> i) & 1)
            r ^= a >> (64 - i);
    return r;
}

void jit_lower_clmul(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                     const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool high = op->opc == IR_OP_clmulh;
    X86Reg d = (X86Reg)a[0].reg, x = (X86Reg)a[1].reg, y = (X86Reg)a[2].reg;

    assert(op->opc == IR_OP_clmul || op->opc == IR_OP_clmulh);
    if ((cs->features & (IR_X86F_PCLMUL | IR_X86F_SSE41)) ==
        (IR_X86F_PCLMUL | IR_X86F_SSE41)) {
        X86Reg xa = (X86Reg)a[3].reg, xb = (X86Reg)a[4].reg;
        x86_movq_x_r64(cb, xa, x);
        x86_movq_x_r64(cb, xb, y);
        x86_pclmulqdq_x_x_u8(cb, xa, xb, 0x00);
        if (high)
            x86_pextrq_r64_x_u8(cb, d, xa, 1);
        else
            x86_movq_r64_x(cb, d, xa);
        return;
    }
    assert(d == X86_RAX && x == X86_RDI && y == X86_RSI);
    x86_call_to(cb, high ? (const void *)helper_clmulh
                         : (const void *)helper_clmul, X86_R11);
}
