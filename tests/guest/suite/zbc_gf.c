/*
 * Zbc in use: multiplication in GF(2^64) modulo x^64 + x^4 + x^3 + x + 1
 * with clmul/clmulh (product) and clmul/clmulh again (reduction), and a
 * polynomial hash of a buffer built from it (Horner's rule, as GHASH-like
 * MACs do), each compared with a bit-serial multiplication in plain C.
 * clmulr gives the product of bit-reversed operands: rev(clmulr(a, b)) =
 * clmul(rev(a), rev(b)) is checked too.  RISC-V Bit-Manipulation
 * ISA-extensions 1.0.0, 2.3 Zbc.  The harness compares the output with
 * qemu-riscv64.
 */
#include <inttypes.h>
#include <stdio.h>

#define POLY 0x1bull    /* x^4 + x^3 + x + 1 */

static inline uint64_t clmul(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("clmul %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static inline uint64_t clmulh(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("clmulh %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static inline uint64_t clmulr(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("clmulr %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static uint64_t gf_mul_zbc(uint64_t a, uint64_t b)
{
    uint64_t lo = clmul(a, b), hi = clmulh(a, b);
    /* x^64 = POLY: hi * POLY has at most 68 bits; fold twice */
    uint64_t h2 = clmulh(hi, POLY);
    lo ^= clmul(hi, POLY);
    lo ^= clmul(h2, POLY);
    return lo;
}

static uint64_t gf_mul_ref(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (int i = 0; i < 64; i++) {
        if ((b >> i) & 1)
            r ^= a;
        uint64_t carry = a >> 63;
        a <<= 1;
        if (carry)
            a ^= POLY;
    }
    return r;
}

static uint64_t rev64(uint64_t x)
{
    uint64_t r = 0;
    for (int i = 0; i < 64; i++)
        r |= ((x >> i) & 1) << (63 - i);
    return r;
}

static uint64_t rng = 88172645463325252ull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

int main(void)
{
    unsigned bad = 0;
    uint64_t acc = 0;
    for (int i = 0; i < 2000; i++) {
        uint64_t a = next(), b = i % 7 == 0 ? ~0ull >> (i % 64) : next();
        uint64_t p = gf_mul_zbc(a, b), q = gf_mul_ref(a, b);
        bad += p != q;
        bad += rev64(clmulr(a, b)) != clmul(rev64(a), rev64(b));
        acc ^= p + (uint64_t)i;
        if (i % 100 == 0)
            printf("%4d %016" PRIx64 " * %016" PRIx64 " = %016" PRIx64 "\n",
                   i, a, b, p);
    }
    printf("xor of products: %016" PRIx64 "\n", acc);

    /* polynomial hash of a 4 KiB buffer with key k: h = (h + m_i) * k */
    static uint64_t buf[512];
    for (unsigned i = 0; i < 512; i++)
        buf[i] = next();
    uint64_t k = 0x243f6a8885a308d3ull, h1 = 0, h2 = 0;
    for (unsigned i = 0; i < 512; i++) {
        h1 = gf_mul_zbc(h1 ^ buf[i], k);
        h2 = gf_mul_ref(h2 ^ buf[i], k);
    }
    printf("hash %016" PRIx64 " ref %016" PRIx64 "\n", h1, h2);
    bad += h1 != h2;
    printf("%u mismatches\n", bad);
    return bad != 0;
}
