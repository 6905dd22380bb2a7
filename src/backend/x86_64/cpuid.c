/*
 * Host CPU features for the backend (IR_X86F_*), read with CPUID (Intel
 * SDM Vol. 2A, CPUID, tables 3-8 and 3-10):
 *   leaf 1 ECX:  bit 19 SSE4.1, bit 23 POPCNT, bit 12 FMA, bit 27 OSXSAVE,
 *                bit 28 AVX, bit 1 PCLMULQDQ
 *   leaf 7 EBX:  bit 3 BMI1, bit 8 BMI2
 *   leaf 0x80000001 ECX: bit 5 LZCNT (ABM)
 * FMA and AVX use the xmm/ymm state, so they also need the OS to have
 * enabled it: XGETBV(0) bits 1 and 2 (SDM Vol. 1 13.3, 14.3).  The BMI
 * instructions are VEX-encoded but operate on general registers and need
 * no OS support.
 */
#include <cpuid.h>
#include <stdint.h>

#include "jit.h"

static uint64_t xgetbv0(void)
{
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((uint64_t)hi << 32) | lo;
}

uint32_t x86_host_features(void)
{
    unsigned a, b, c, d;
    uint32_t f = 0;

    if (!__get_cpuid(1, &a, &b, &c, &d))
        return 0;
    if (c & (1u << 19))
        f |= IR_X86F_SSE41;
    if (c & (1u << 23))
        f |= IR_X86F_POPCNT;
    if (c & (1u << 1))
        f |= IR_X86F_PCLMUL;
    bool ymm_ok = (c & (1u << 27)) && (xgetbv0() & 6) == 6;
    if (ymm_ok && (c & (1u << 28)))
        f |= IR_X86F_AVX;
    if (ymm_ok && (c & (1u << 12)))
        f |= IR_X86F_FMA;
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
        if (b & (1u << 3))
            f |= IR_X86F_BMI1;
        if (b & (1u << 8))
            f |= IR_X86F_BMI2;
    }
    if (__get_cpuid(0x80000001u, &a, &b, &c, &d) && (c & (1u << 5)))
        f |= IR_X86F_LZCNT;
    return f;
}
