/*
 * x86-64 register and condition-code names used by the emitters.
 *
 * One namespace for all registers the backend allocates: the 16 general
 * registers are 0..15 in hardware order (the number that goes into
 * ModRM/SIB/REX), the 16 SSE registers are 16..31 (hardware number + 16), so
 * a register set fits in one uint32_t.  Emitters take X86Reg for both classes
 * and assert (debug builds) that each operand has the class its slot needs.
 * Byte registers: r8 operands 4..7 mean spl/bpl/sil/dil (the emitters add
 * the REX prefix that selects them); ah/ch/dh/bh are never generated.
 */
#ifndef X86_REGS_H
#define X86_REGS_H

#include <stdbool.h>

typedef enum X86Reg {
    X86_RAX, X86_RCX, X86_RDX, X86_RBX, X86_RSP, X86_RBP, X86_RSI, X86_RDI,
    X86_R8, X86_R9, X86_R10, X86_R11, X86_R12, X86_R13, X86_R14, X86_R15,
    X86_XMM0, X86_XMM1, X86_XMM2, X86_XMM3, X86_XMM4, X86_XMM5, X86_XMM6,
    X86_XMM7, X86_XMM8, X86_XMM9, X86_XMM10, X86_XMM11, X86_XMM12,
    X86_XMM13, X86_XMM14, X86_XMM15,
    X86_NREGS,
    X86_NOREG = 32,  /* X86Mem: no base / no index */
    X86_RIP = 33,    /* X86Mem base: rip-relative */
} X86Reg;

static inline bool x86_is_gpr(X86Reg r)
{
    return (unsigned)r < 16;
}

static inline bool x86_is_xmm(X86Reg r)
{
    return (unsigned)r - 16 < 16;
}

/* The 4-bit hardware register number (ModRM/SIB field plus REX/VEX bit). */
static inline unsigned x86_hw(X86Reg r)
{
    return (unsigned)r & 15;
}

static inline X86Reg x86_xmm(unsigned n)
{
    return (X86Reg)(X86_XMM0 + (n & 15));
}

/*
 * Condition codes in hardware order (the low nibble of Jcc/SETcc/CMOVcc,
 * Intel SDM Vol. 1 Appendix B).  cc ^ 1 is the inverse condition.
 */
typedef enum X86Cond {
    X86_CC_O, X86_CC_NO, X86_CC_B, X86_CC_AE, X86_CC_E, X86_CC_NE,
    X86_CC_BE, X86_CC_A, X86_CC_S, X86_CC_NS, X86_CC_P, X86_CC_NP,
    X86_CC_L, X86_CC_GE, X86_CC_LE, X86_CC_G,
} X86Cond;

static inline X86Cond x86_cond_invert(X86Cond cc)
{
    return (X86Cond)(cc ^ 1);
}

#endif
