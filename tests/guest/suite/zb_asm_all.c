/*
 * Every Zbb and Zbs instruction (RISC-V Bit-Manipulation ISA-extensions
 * 1.0.0, 2.2 and 2.4) through inline asm, so that all of them run
 * whatever GCC would choose: the register forms over zb_vals.h operand
 * pairs, the immediate forms (rori, roriw, bclri, bseti, binvi, bexti)
 * with every shamt, and the register special cases: rd = rs1, rd = rs2,
 * rs1 = rs2, x0 as a source, x0 as the destination.  Prints a hash per
 * instruction (qemu-riscv64 is the oracle through the harness) and the
 * results for a few operands.  Also run with rvtcg=--opt-disable=all
 * (zb_asm_all_noopt.c) and rvtcg=-one-insn-per-tb (zb_asm_all_1tb.c).
 */
#include "zb_vals.h"

#define NI __attribute__((noinline)) static

#define RR(name, insn)                                                  \
    NI uint64_t name(uint64_t a, uint64_t b)                            \
    {                                                                   \
        uint64_t r;                                                     \
        __asm__(insn " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));         \
        return r;                                                       \
    }
#define R1(name, insn)                                                  \
    NI uint64_t name(uint64_t a, uint64_t b)                            \
    {                                                                   \
        uint64_t r;                                                     \
        (void)b;                                                        \
        __asm__(insn " %0, %1" : "=r"(r) : "r"(a));                     \
        return r;                                                       \
    }

RR(i_andn, "andn") RR(i_orn, "orn") RR(i_xnor, "xnor")
R1(i_clz, "clz") R1(i_clzw, "clzw") R1(i_ctz, "ctz")
R1(i_cpop, "cpop") R1(i_cpopw, "cpopw")

/* ctzw only of operands whose low 32 bits are non-zero, or of 0:
 * qemu-riscv64 7.2 (the oracle) returns the 64-bit ctz of rs1, which is
 * right only for those; zb_count.c checks the others against the spec. */
NI uint64_t i_ctzw(uint64_t a, uint64_t b)
{
    (void)b;
    if ((uint32_t)a == 0)
        a = 0;
    uint64_t r;
    __asm__("ctzw %0, %1" : "=r"(r) : "r"(a));
    return r;
}
RR(i_max, "max") RR(i_maxu, "maxu") RR(i_min, "min") RR(i_minu, "minu")
R1(i_sextb, "sext.b") R1(i_sexth, "sext.h") R1(i_zexth, "zext.h")
RR(i_rol, "rol") RR(i_rolw, "rolw") RR(i_ror, "ror") RR(i_rorw, "rorw")
R1(i_orcb, "orc.b") R1(i_rev8, "rev8")
RR(i_bclr, "bclr") RR(i_bext, "bext") RR(i_binv, "binv") RR(i_bset, "bset")

typedef uint64_t Fn(uint64_t, uint64_t);
static const struct { const char *name; Fn *fn; } ops[] = {
#define E(f) { #f + 2, f }
    E(i_andn), E(i_orn), E(i_xnor), E(i_clz), E(i_clzw), E(i_ctz),
    E(i_ctzw), E(i_cpop), E(i_cpopw), E(i_max), E(i_maxu), E(i_min),
    E(i_minu), E(i_sextb), E(i_sexth), E(i_zexth), E(i_rol), E(i_rolw),
    E(i_ror), E(i_rorw), E(i_orcb), E(i_rev8), E(i_bclr), E(i_bext),
    E(i_binv), E(i_bset),
};
#define NOPS (sizeof ops / sizeof ops[0])

/* the immediate forms: one function per instruction and shamt 8 * h + l
 * (the assembler evaluates the expression) */
#define IMM(insn, h, l)                                                 \
    NI uint64_t imm_##insn##_##h##l(uint64_t a)                         \
    {                                                                   \
        uint64_t r;                                                     \
        __asm__(#insn " %0, %1, 8 * " #h " + " #l : "=r"(r) : "r"(a));  \
        return r;                                                       \
    }
#define IMM8(insn, h) IMM(insn, h, 0) IMM(insn, h, 1) IMM(insn, h, 2)   \
    IMM(insn, h, 3) IMM(insn, h, 4) IMM(insn, h, 5) IMM(insn, h, 6)     \
    IMM(insn, h, 7)
#define IMM32(insn) IMM8(insn, 0) IMM8(insn, 1) IMM8(insn, 2) IMM8(insn, 3)
#define IMM64(insn) IMM32(insn) IMM8(insn, 4) IMM8(insn, 5) IMM8(insn, 6) \
    IMM8(insn, 7)

IMM64(rori) IMM32(roriw) IMM64(bclri) IMM64(bseti) IMM64(binvi) IMM64(bexti)

typedef uint64_t Fn1(uint64_t);
#define T8(insn, h) imm_##insn##_##h##0, imm_##insn##_##h##1,             \
    imm_##insn##_##h##2, imm_##insn##_##h##3, imm_##insn##_##h##4,        \
    imm_##insn##_##h##5, imm_##insn##_##h##6, imm_##insn##_##h##7
#define T32(insn) T8(insn, 0), T8(insn, 1), T8(insn, 2), T8(insn, 3)
#define T64(insn) T32(insn), T8(insn, 4), T8(insn, 5), T8(insn, 6), T8(insn, 7)

static Fn1 *const t_rori[64] = { T64(rori) };
static Fn1 *const t_roriw[32] = { T32(roriw) };
static Fn1 *const t_bclri[64] = { T64(bclri) };
static Fn1 *const t_bseti[64] = { T64(bseti) };
static Fn1 *const t_binvi[64] = { T64(binvi) };
static Fn1 *const t_bexti[64] = { T64(bexti) };
static const struct { const char *name; Fn1 *const *t; unsigned n; } imms[] = {
    { "rori", t_rori, 64 }, { "roriw", t_roriw, 32 }, { "bclri", t_bclri, 64 },
    { "bseti", t_bseti, 64 }, { "binvi", t_binvi, 64 }, { "bexti", t_bexti, 64 },
};

/* register special cases, each in its own asm so the operands are exact */
NI void specials(uint64_t a, uint64_t b)
{
    uint64_t r[16];
    uint64_t t;
    t = a; __asm__("andn %0, %0, %1" : "+r"(t) : "r"(b)); r[0] = t;
    t = b; __asm__("xnor %0, %1, %0" : "+r"(t) : "r"(a)); r[1] = t;
    t = a; __asm__("max %0, %0, %0" : "+r"(t)); r[2] = t;
    t = a; __asm__("minu %0, %1, zero" : "=r"(t) : "r"(a)); r[3] = t;
    t = a; __asm__("maxu %0, zero, %1" : "=r"(t) : "r"(a)); r[4] = t;
    t = a; __asm__("rol %0, %0, %0" : "+r"(t)); r[5] = t;
    t = a; __asm__("rorw %0, %0, %1" : "+r"(t) : "r"(b)); r[6] = t;
    t = a; __asm__("clz %0, zero" : "=r"(t)); r[7] = t;
    t = a; __asm__("clzw %0, zero" : "=r"(t)); r[8] = t;
    t = a; __asm__("cpopw %0, zero" : "=r"(t)); r[9] = t;
    t = a; __asm__("cpopw %0, %0" : "+r"(t)); r[10] = t;
    t = a; __asm__("bset %0, zero, %1" : "=r"(t) : "r"(b)); r[11] = t;
    t = a; __asm__("bext %0, %0, %0" : "+r"(t)); r[12] = t;
    t = a; __asm__("binv %0, %1, %0" : "+r"(t) : "r"(b)); r[13] = t;
    t = a; __asm__("orc.b %0, %0" : "+r"(t)); r[14] = t;
    t = a;
    __asm__("rev8 zero, %1\n\tsext.b zero, %1\n\trori zero, %1, 3\n\t"
            "bclri zero, %1, 5\n\tmv %0, zero" : "=r"(t) : "r"(a));
    r[15] = t;
    for (unsigned i = 0; i < 16; i++)
        zb_mix(r[i]);
}

int main(void)
{
    zb_init();
    for (unsigned k = 0; k < NOPS; k++) {
        zb_hash = 1469598103934665603ull;
        for (unsigned i = 0; i < ZB_NFIXED; i++)
            for (unsigned j = 0; j < ZB_NFIXED; j++)
                zb_mix(ops[k].fn(zb_fixed[i], zb_fixed[j]));
        for (unsigned i = 0; i < ZB_NVALS; i++) {
            zb_mix(ops[k].fn(zb_vals[i], zb_vals[(i * 13 + 5) % ZB_NVALS]));
            zb_mix(ops[k].fn(zb_vals[i], i));
        }
        printf("%-6s hash %016" PRIx64 "  (0x8080808080808080, 65) -> %#" PRIx64
               "  (-1, 0x7f) -> %#" PRIx64 "\n", ops[k].name, zb_hash,
               ops[k].fn(0x8080808080808080ull, 65), ops[k].fn(~0ull, 0x7f));
    }
    for (unsigned k = 0; k < sizeof imms / sizeof imms[0]; k++) {
        zb_hash = 1469598103934665603ull;
        for (unsigned s = 0; s < imms[k].n; s++)
            for (unsigned i = 0; i < ZB_NVALS; i++)
                zb_mix(imms[k].t[s](zb_vals[i]));
        printf("%-6s hash %016" PRIx64 "  (0x123456789abcdef0, 0/1/31/%u) -> %#"
               PRIx64 " %#" PRIx64 " %#" PRIx64 " %#" PRIx64 "\n", imms[k].name,
               zb_hash, imms[k].n - 1, imms[k].t[0](0x123456789abcdef0ull),
               imms[k].t[1](0x123456789abcdef0ull),
               imms[k].t[31](0x123456789abcdef0ull),
               imms[k].t[imms[k].n - 1](0x123456789abcdef0ull));
    }
    zb_hash = 1469598103934665603ull;
    for (unsigned i = 0; i < ZB_NVALS; i++)
        specials(zb_vals[i], zb_vals[(i * 31 + 7) % ZB_NVALS]);
    printf("specials hash %016" PRIx64 "\n", zb_hash);
    return 0;
}
