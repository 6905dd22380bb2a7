/*
 * Zbc (RISC-V Bit-Manipulation ISA-extensions 1.0.0, 2.3): clmul, clmulh
 * and clmulr over edge values (0, 1, -1, single bits, INT64_MIN, byte
 * patterns) in all pairs and over xorshift pseudo-random pairs, also with
 * rd = rs1, rd = rs2, rs1 = rs2 and x0 operands.  Prints every result
 * (the harness compares with qemu-riscv64) and the number of disagreements
 * with a bit-serial C reference of the spec's definitions.
 * Built with -march=rv64gc_zba_zbb_zbc_zbs; inline asm because GCC 12 has
 * no clmul builtin.
 */
#include <inttypes.h>
#include <stdio.h>

static uint64_t clmul(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("clmul %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static uint64_t clmulh(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("clmulh %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static uint64_t clmulr(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("clmulr %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

/* the spec's loops: clmul xors rs1 << i, clmulh rs1 >> (64 - i) (i >= 1),
 * clmulr rs1 >> (63 - i), for each set bit i of rs2 */
static uint64_t ref(int which, uint64_t a, uint64_t b)
{
    uint64_t x = 0;
    for (int i = 0; i < 64; i++) {
        if (!((b >> i) & 1))
            continue;
        if (which == 0)
            x ^= a << i;
        else if (which == 1)
            x ^= i ? a >> (64 - i) : 0;
        else
            x ^= a >> (63 - i);
    }
    return x;
}

static unsigned bad;

static void one(uint64_t a, uint64_t b)
{
    uint64_t r[3] = { clmul(a, b), clmulh(a, b), clmulr(a, b) };
    for (int k = 0; k < 3; k++)
        if (r[k] != ref(k, a, b)) {
            bad++;
            printf("MISMATCH op %d a=%016" PRIx64 " b=%016" PRIx64 "\n", k, a, b);
        }
    printf("%016" PRIx64 " %016" PRIx64 " -> %016" PRIx64 " %016" PRIx64
           " %016" PRIx64 "\n", a, b, r[0], r[1], r[2]);
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* register overlaps: rd = rs1, rd = rs2, rs1 = rs2, rs = x0, rd = x0 */
static void overlaps(uint64_t a, uint64_t b)
{
    uint64_t x = a, y = b, z = a, w = a, q = a, s = 5;
    __asm__("clmul %0, %0, %1" : "+r"(x) : "r"(b));
    __asm__("clmulh %0, %1, %0" : "+r"(y) : "r"(a));
    __asm__("clmulr %0, %0, %0" : "+r"(z));
    __asm__("clmulh %0, %0, %0" : "+r"(w));
    __asm__("clmul %0, zero, %0" : "+r"(q));
    __asm__("clmulr zero, %1, %1\n\tmv %0, zero" : "=r"(s) : "r"(a));
    bad += x != ref(0, a, b) || y != ref(1, a, b) || z != ref(2, a, a) ||
           w != ref(1, a, a) || q != 0 || s != 0;
    printf("overlap %016" PRIx64 " %016" PRIx64 " %016" PRIx64 " %016" PRIx64
           " %016" PRIx64 " %" PRIu64 "\n", x, y, z, w, q, s);
}

int main(void)
{
    static const uint64_t edge[] = {
        0, 1, 2, 3, 0x8000000000000000ull, 0x7fffffffffffffffull,
        ~0ull, 0xfffffffffffffffeull, 0x80000000ull, 0xffffffffull,
        0x100000000ull, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull,
        0x0123456789abcdefull, 0xfedcba9876543210ull, 0x8000000000000001ull,
        0xc000000000000000ull, 0x00000000000000ffull, 0x87ull,
    };
    unsigned n = sizeof edge / sizeof edge[0];
    for (unsigned i = 0; i < n; i++)
        for (unsigned j = 0; j < n; j++)
            one(edge[i], edge[j]);
    for (int i = 0; i < 64; i++)
        one(1ull << i, 1ull << (63 - i));
    for (int i = 0; i < 400; i++) {
        uint64_t a = next(), b = next();
        if (i & 1)
            a >>= i % 64;
        one(a, b);
    }
    for (int i = 0; i < 40; i++)
        overlaps(next(), next());
    printf("%u mismatches with the C reference\n", bad);
    return bad != 0;
}
