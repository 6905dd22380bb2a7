/*
 * RISC-V instruction encoders for the self-modifying-code tests (RISC-V
 * unprivileged spec, "RV32I Base Integer Instruction Set": I, R and B
 * formats).
 */
#ifndef SMC_ENC_H
#define SMC_ENC_H

#include <stdint.h>

enum { R_ZERO = 0, R_RA = 1, R_T0 = 5, R_A0 = 10, R_A1 = 11 };

static inline uint32_t enc_addi(int rd, int rs1, int imm)
{
    return ((uint32_t)imm & 0xfff) << 20 | (uint32_t)rs1 << 15 |
           (uint32_t)rd << 7 | 0x13;
}

static inline uint32_t enc_add(int rd, int rs1, int rs2)
{
    return (uint32_t)rs2 << 20 | (uint32_t)rs1 << 15 | (uint32_t)rd << 7 |
           0x33;
}

static inline uint32_t enc_sub(int rd, int rs1, int rs2)
{
    return enc_add(rd, rs1, rs2) | 0x20u << 25;
}

/* bne rs1, rs2, off (bytes from this instruction) */
static inline uint32_t enc_bne(int rs1, int rs2, int off)
{
    uint32_t i = (uint32_t)off;
    return ((i >> 12) & 1) << 31 | ((i >> 5) & 0x3f) << 25 |
           (uint32_t)rs2 << 20 | (uint32_t)rs1 << 15 | 1u << 12 |
           ((i >> 1) & 0xf) << 8 | ((i >> 11) & 1) << 7 | 0x63;
}

#define ENC_RET 0x00008067u      /* jalr zero, 0(ra) */

static inline void smc_fence_i(void)
{
    __asm__ volatile("fence.i" ::: "memory");
}

#endif
