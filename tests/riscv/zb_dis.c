/*
 * A program for rvtcg-dis-vs-objdump-zb_dis (tests/riscv/meson.build):
 * built with -march=rv64gc_zba_zbb_zbc_zbs, so its ELF attributes let
 * objdump decode the bit-manipulation extensions, and holding every
 * instruction of RISC-V Bit-Manipulation ISA-extensions 1.0.0 (2.1 Zba,
 * 2.2 Zbb, 2.3 Zbc, 2.4 Zbs) once with varied registers and immediates,
 * plus what gcc makes of bit-twiddling C code.  It is only disassembled,
 * never run by the test (it does run: exit status 0).
 */
#include <stdint.h>
#include <stdio.h>

void every_zb_instruction(void);

__asm__(
    "    .text\n"
    "    .globl every_zb_instruction\n"
    "every_zb_instruction:\n"
    /* Zba */
    "    add.uw    a0, a1, a2\n"
    "    sh1add    t0, t1, t2\n"
    "    sh2add    s0, s1, a3\n"
    "    sh3add    a4, a5, a6\n"
    "    sh1add.uw a7, s2, s3\n"
    "    sh2add.uw s4, s5, s6\n"
    "    sh3add.uw s7, s8, s9\n"
    "    slli.uw   s10, s11, 0\n"
    "    slli.uw   t3, t4, 63\n"
    /* Zbb */
    "    andn  a0, a1, a2\n"
    "    orn   t0, t1, t2\n"
    "    xnor  s0, s1, a3\n"
    "    clz   a4, a5\n"
    "    clzw  a6, a7\n"
    "    ctz   s2, s3\n"
    "    ctzw  s4, s5\n"
    "    cpop  s6, s7\n"
    "    cpopw s8, s9\n"
    "    max   a0, a1, a2\n"
    "    maxu  t0, t1, t2\n"
    "    min   s0, s1, a3\n"
    "    minu  a4, a5, a6\n"
    "    sext.b a7, s2\n"
    "    sext.h s3, s4\n"
    "    zext.h s5, s6\n"
    "    rol   a0, a1, a2\n"
    "    rolw  t0, t1, t2\n"
    "    ror   s0, s1, a3\n"
    "    rori  a4, a5, 1\n"
    "    rori  a4, a5, 63\n"
    "    roriw a6, a7, 0\n"
    "    roriw a6, a7, 31\n"
    "    rorw  s2, s3, s4\n"
    "    orc.b s5, s6\n"
    "    rev8  s7, s8\n"
    /* Zbc */
    "    clmul  a0, a1, a2\n"
    "    clmulh t0, t1, t2\n"
    "    clmulr s0, s1, a3\n"
    /* Zbs */
    "    bclr  a0, a1, a2\n"
    "    bclri t0, t1, 0\n"
    "    bclri t0, t1, 63\n"
    "    bext  s0, s1, a3\n"
    "    bexti a4, a5, 17\n"
    "    binv  a6, a7, s2\n"
    "    binvi s3, s4, 32\n"
    "    bset  s5, s6, s7\n"
    "    bseti s8, s9, 5\n"
    "    ret\n");

/* gcc's own use of the extensions at -O2 */
static uint64_t mix(uint64_t x, uint64_t y, uint32_t w)
{
    uint64_t r = __builtin_popcountll(x) + __builtin_clzll(y | 1) +
                 __builtin_ctzll(x | 1u << 31) + __builtin_popcount(w);
    r += (x << 3) + y;                          /* sh3add */
    r += (uint64_t)w << 2;                      /* sh2add.uw-like */
    r ^= (x >> 7 | x << 57) & ~y;               /* rori, andn */
    r += x > y ? x : y;                         /* maxu */
    r |= 1ull << (w & 63);                      /* bset */
    r += __builtin_bswap64(x);                  /* rev8 */
    return r;
}

int main(int argc, char **argv)
{
    (void)argv;
    volatile uint64_t x = 0x0123456789abcdefull * (unsigned)argc;
    printf("%llx\n", (unsigned long long)mix(x, x >> 3, (uint32_t)x));
    if (argc > 5)
        every_zb_instruction();
    return 0;
}
