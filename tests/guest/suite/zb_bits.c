/*
 * Zbs single-bit instructions (RISC-V Bit-Manipulation ISA-extensions
 * 1.0.0, 2.4): bclr, bset, binv, bext by a register index (every index
 * 0..63 through C; also indexes >= 64 and negative ones through inline
 * asm, which the instructions take mod 64) and bclri, bseti, binvi, bexti
 * by constants (GCC 12 uses them for single bits an andi/ori/xori
 * immediate cannot reach), as GCC emits them for
 * the C bit idioms with -march=rv64gc_zba_zbb_zbc_zbs; also a bitmap
 * sieve built on them.  Prints results for the fixed operands, a hash of
 * all, and disagreements with a C reference that walks the bits.
 */
#include "zb_vals.h"

#define NI __attribute__((noinline)) static
/* GCC emits bclr/bset/binv/bext only for the unmasked idioms (an index of
 * 64 or more is undefined in C): these get n < 64, the asm forms below any
 * n. */
NI uint64_t c_bclr(uint64_t x, uint64_t n) { return x & ~(1ull << n); }
NI uint64_t c_bset(uint64_t x, uint64_t n) { return x | (1ull << n); }
NI uint64_t c_binv(uint64_t x, uint64_t n) { return x ^ (1ull << n); }
NI uint64_t c_bext(uint64_t x, uint64_t n) { return (x >> n) & 1; }

#define ASM_RR(name, insn)                                              \
    NI uint64_t name(uint64_t x, uint64_t n)                            \
    {                                                                   \
        uint64_t r;                                                     \
        __asm__(insn " %0, %1, %2" : "=r"(r) : "r"(x), "r"(n));         \
        return r;                                                       \
    }
ASM_RR(a_bclr, "bclr")
ASM_RR(a_bset, "bset")
ASM_RR(a_binv, "binv")
ASM_RR(a_bext, "bext")

/* constant single bits (GCC merges several into one mask constant, so
 * one per function) */
NI uint64_t c_bclri40(uint64_t x) { return x & ~(1ull << 40); }
NI uint64_t c_bclri11(uint64_t x) { return x & ~(1ull << 11); }
NI uint64_t c_bseti63(uint64_t x) { return x | (1ull << 63); }
NI uint64_t c_bseti12(uint64_t x) { return x | (1ull << 12); }
NI uint64_t c_binvi33(uint64_t x) { return x ^ (1ull << 33); }
NI uint64_t c_binvi62(uint64_t x) { return x ^ (1ull << 62); }
NI uint64_t c_bexti(uint64_t x)
{
    return ((x >> 63) & 1) + 2 * ((x >> 37) & 1) + 4 * ((x >> 5) & 1)
           + 8 * ((x >> 0) & 1);
}

/* bit n of x, cleared/set/inverted/read one bit at a time */
static uint64_t r_bit(uint64_t x, unsigned n, int op)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; i++) {
        uint64_t b = (x >> i) & 1;
        OPAQUE(b);
        if (i == n) {
            if (op == 3)
                return b;
            b = op == 0 ? 0 : op == 1 ? 1 : b ^ 1;
        }
        r |= b << i;
    }
    return r;
}

/* sieve of Eratosthenes on a bitmap: bset to mark, bext to test */
static uint64_t sieve[1024];
NI unsigned c_sieve(unsigned n)
{
    for (unsigned i = 0; i < n / 64 + 1; i++)
        sieve[i] = 0;
    unsigned count = 0;
    for (uint64_t i = 2; i < n; i++) {
        if (c_bext(sieve[i / 64], i))
            continue;
        count++;
        for (uint64_t j = i * i; j < n; j += i)
            sieve[j / 64] = c_bset(sieve[j / 64], j);
    }
    return count;
}

int main(void)
{
    zb_init();
    static const uint64_t big[] = { 64, 65, 127, 128, 0xffffffffffffffff,
                                    0x8000000000000000, 0x10000003f };
    for (unsigned i = 0; i < ZB_NVALS; i++) {
        uint64_t x = zb_vals[i];
        for (uint64_t k = 0; k < 64 + sizeof big / sizeof big[0]; k++) {
            uint64_t n = k < 64 ? k : big[k - 64];
            if (i >= ZB_NFIXED + 64 && k < 64 && (k * 3 + i) % 4)
                continue;   /* random operands: a quarter of the indexes */
            uint64_t m = n % 64;
            zb_check("bclr", x, n, c_bclr(x, m), r_bit(x, m, 0));
            zb_check("bset", x, n, c_bset(x, m), r_bit(x, m, 1));
            zb_check("binv", x, n, c_binv(x, m), r_bit(x, m, 2));
            zb_check("bext", x, n, c_bext(x, m), r_bit(x, m, 3));
            zb_check("bclr/asm", x, n, a_bclr(x, n), r_bit(x, m, 0));
            zb_check("bset/asm", x, n, a_bset(x, n), r_bit(x, m, 1));
            zb_check("binv/asm", x, n, a_binv(x, n), r_bit(x, m, 2));
            zb_check("bext/asm", x, n, a_bext(x, n), r_bit(x, m, 3));
        }
        uint64_t v[4] = { c_bclri40(x), c_bseti63(x), c_binvi33(x), c_bexti(x) };
        zb_check("bclri40", x, 0, v[0], r_bit(x, 40, 0));
        zb_check("bseti63", x, 0, v[1], r_bit(x, 63, 1));
        zb_check("binvi33", x, 0, v[2], r_bit(x, 33, 2));
        zb_check("bclri11", x, 0, c_bclri11(x), r_bit(x, 11, 0));
        zb_check("bseti12", x, 0, c_bseti12(x), r_bit(x, 12, 1));
        zb_check("binvi62", x, 0, c_binvi62(x), r_bit(x, 62, 2));
        zb_check("bexti", x, 0, v[3],
                 r_bit(x, 63, 3) + 2 * r_bit(x, 37, 3) + 4 * r_bit(x, 5, 3)
                 + 8 * r_bit(x, 0, 3));
        if (i < ZB_NFIXED)
            printf("%#18" PRIx64 ": bclr33 %#" PRIx64 " bset7 %#" PRIx64
                   " binv63 %#" PRIx64 " bext31 %" PRIu64 " bclri %#" PRIx64
                   " bseti %#" PRIx64 " binvi %#" PRIx64 " bexti %" PRIu64 "\n",
                   x, c_bclr(x, 33), c_bset(x, 7), c_binv(x, 63),
                   c_bext(x, 31), v[0], v[1], v[2], v[3]);
    }
    printf("primes below 60000: %u\n", c_sieve(60000));
    printf("hash %016" PRIx64 " mismatches %u\n", zb_hash, zb_bad);
    return zb_bad != 0;
}
