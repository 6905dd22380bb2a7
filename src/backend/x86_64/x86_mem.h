/*
 * X86Mem: an x86-64 memory operand, [base + index*scale + disp].
 *
 *   base   a general register, X86_NOREG (absolute or index-only address,
 *          encoded with a SIB byte and a disp32) or X86_RIP (rip-relative:
 *          disp is relative to the end of the instruction, as in the SDM).
 *   index  a general register other than rsp, or X86_NOREG; must be
 *          X86_NOREG with X86_RIP.
 *   scale  1, 2, 4 or 8 (ignored without an index).
 *   disp   signed 32-bit displacement.
 *
 * The encoder (x86_enc.c) picks the shortest ModRM/SIB/disp form: no
 * displacement when disp is 0 (except base rbp/r13, which needs a disp8 of
 * 0), disp8 when disp fits in int8, disp32 otherwise; a SIB byte only when
 * the base is rsp/r12, there is an index, or there is no base.
 */
#ifndef X86_MEM_H
#define X86_MEM_H

#include <stdint.h>

#include "x86_regs.h"

typedef struct X86Mem {
    X86Reg base;
    X86Reg index;
    uint8_t scale;
    int32_t disp;
} X86Mem;

/* [base + disp] */
static inline X86Mem x86_mem(X86Reg base, int32_t disp)
{
    return (X86Mem){ .base = base, .index = X86_NOREG, .scale = 1, .disp = disp };
}

/* [base + index*scale + disp]; base may be X86_NOREG */
static inline X86Mem x86_mem_idx(X86Reg base, X86Reg index, unsigned scale,
                                 int32_t disp)
{
    return (X86Mem){ .base = base, .index = index, .scale = (uint8_t)scale,
                     .disp = disp };
}

/* [rip + disp], disp counted from the end of the instruction */
static inline X86Mem x86_mem_rip(int32_t disp)
{
    return (X86Mem){ .base = X86_RIP, .index = X86_NOREG, .scale = 1, .disp = disp };
}

/* [disp] absolute (sign-extended disp32) */
static inline X86Mem x86_mem_abs(int32_t disp)
{
    return (X86Mem){ .base = X86_NOREG, .index = X86_NOREG, .scale = 1,
                     .disp = disp };
}

#endif
