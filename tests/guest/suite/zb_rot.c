/*
 * Zbb rotates (RISC-V Bit-Manipulation ISA-extensions 1.0.0, 2.2): rol,
 * ror, rori and the W forms rolw, rorw, roriw, as GCC 12 emits them for
 * the C rotate idioms with -march=rv64gc_zba_zbb_zbc_zbs: by a variable
 * count (every count 0..63 plus counts >= 64, which the instructions take
 * mod 64, or mod 32 for the W forms, and negative ones) and by constants,
 * and in a hash function built on rotates.  The W forms sign-extend
 * their 32-bit result.  Prints results for a few operands, a hash of all,
 * and disagreements with a shift-by-one C reference.
 */
#include "zb_vals.h"

#define NI __attribute__((noinline)) static
NI uint64_t c_rol(uint64_t x, uint64_t n) { return (x << (n & 63)) | (x >> (-n & 63)); }
NI uint64_t c_ror(uint64_t x, uint64_t n) { return (x >> (n & 63)) | (x << (-n & 63)); }
NI int64_t c_rolw(uint64_t x, uint64_t n)
{
    uint32_t v = (uint32_t)x;
    return (int32_t)((v << (n & 31)) | (v >> (-n & 31)));
}
NI int64_t c_rorw(uint64_t x, uint64_t n)
{
    uint32_t v = (uint32_t)x;
    return (int32_t)((v >> (n & 31)) | (v << (-n & 31)));
}

/* constant counts: rori (and rol by k = rori by 64 - k), roriw */
#define ROR(x, k) (((x) >> (k)) | ((x) << (64 - (k))))
#define RORW(x, k) ((int64_t)(int32_t)(((uint32_t)(x) >> (k)) | ((uint32_t)(x) << (32 - (k)))))
NI uint64_t c_rori_mix(uint64_t x)
{
    return ROR(x, 1) ^ ROR(x, 13) ^ ROR(x, 32) ^ ROR(x, 63) ^ ROR(x, 41);
}
NI uint64_t c_roriw_mix(uint64_t x)
{
    return (uint64_t)(RORW(x, 1) + RORW(x, 7) + RORW(x, 16) + RORW(x, 31));
}
NI int64_t c_roriw_one(uint64_t x) { return RORW(x, 17); }
NI uint64_t c_rori_one(uint64_t x) { return ROR(x, 5); }

static uint64_t r_rot(uint64_t x, unsigned n, unsigned w, int left)
{
    uint64_t m = w == 64 ? ~0ull : (1ull << w) - 1;
    x &= m;
    for (unsigned i = 0; i < n % w; i++) {
        OPAQUE(x);
        if (left)
            x = ((x << 1) | (x >> (w - 1))) & m;
        else
            x = (x >> 1) | ((x & 1) << (w - 1));
    }
    if (w == 32)
        x = (uint64_t)(int64_t)(int32_t)(uint32_t)x;
    return x;
}

/* a little mixing function of the kind rotates are used for */
NI uint64_t c_mix(uint64_t h, uint64_t v)
{
    h = c_rol(h ^ v, 27) * 0x9e3779b97f4a7c15ull + v;
    return h ^ c_ror(h, (v * 0x2545f4914f6cdd1dull) >> 58);
}

int main(void)
{
    zb_init();
    static const uint64_t counts[] = { 64, 65, 95, 96, 127, 128, 200,
                                       0xffffffffffffffff, 0x8000000000000021,
                                       0x100000003 };
    for (unsigned i = 0; i < ZB_NVALS; i++) {
        uint64_t x = zb_vals[i];
        for (uint64_t n = 0; n < 64 + sizeof counts / sizeof counts[0]; n++) {
            uint64_t c = n < 64 ? n : counts[n - 64];
            if (i >= ZB_NFIXED + 64 && n < 64 && (n * 7 + i) % 5)
                continue;   /* random operands: a fifth of the counts */
            zb_check("rol", x, c, c_rol(x, c), r_rot(x, c % 64, 64, 1));
            zb_check("ror", x, c, c_ror(x, c), r_rot(x, c % 64, 64, 0));
            zb_check("rolw", x, c, (uint64_t)c_rolw(x, c), r_rot(x, c % 32, 32, 1));
            zb_check("rorw", x, c, (uint64_t)c_rorw(x, c), r_rot(x, c % 32, 32, 0));
        }
        uint64_t ri = c_rori_mix(x), rw = c_roriw_mix(x);
        zb_check("rori_mix", x, 0, ri,
                 r_rot(x, 1, 64, 0) ^ r_rot(x, 13, 64, 0) ^ r_rot(x, 32, 64, 0)
                 ^ r_rot(x, 63, 64, 0) ^ r_rot(x, 41, 64, 0));
        zb_check("roriw_mix", x, 0, rw,
                 r_rot(x, 1, 32, 0) + r_rot(x, 7, 32, 0) + r_rot(x, 16, 32, 0)
                 + r_rot(x, 31, 32, 0));
        zb_check("roriw17", x, 0, (uint64_t)c_roriw_one(x), r_rot(x, 17, 32, 0));
        zb_check("rori5", x, 0, c_rori_one(x), r_rot(x, 5, 64, 0));
        if (i < ZB_NFIXED)
            printf("%#18" PRIx64 ": rol13 %#" PRIx64 " ror13 %#" PRIx64
                   " rolw13 %#" PRIx64 " rorw45 %#" PRIx64 " rori %#" PRIx64
                   " roriw %#" PRIx64 "\n", x, c_rol(x, 13), c_ror(x, 13),
                   (uint64_t)c_rolw(x, 13), (uint64_t)c_rorw(x, 45), ri, rw);
    }
    uint64_t h = 0;
    for (unsigned i = 0; i < 100000; i++)
        h = c_mix(h, i);
    printf("mix %016" PRIx64 "\n", h);
    printf("hash %016" PRIx64 " mismatches %u\n", zb_hash, zb_bad);
    return zb_bad != 0;
}
