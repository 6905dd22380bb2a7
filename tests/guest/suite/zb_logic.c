/*
 * Zbb logic, min/max, extension and byte operations (RISC-V
 * Bit-Manipulation ISA-extensions 1.0.0, 2.2): andn, orn, xnor, min, minu,
 * max, maxu, sext.b, sext.h, zext.h, rev8 as GCC 12 emits them with
 * -march=rv64gc_zba_zbb_zbc_zbs (a & ~b, a | ~b, ~(a ^ b), the ?: min/max
 * idioms, casts, __builtin_bswap64/32/16), and orc.b through inline asm
 * (GCC does not emit it).  Every pair of operands from zb_vals.h (fixed
 * ones) and a pseudo-random pair list; prints results for the fixed
 * operands, a hash of all, and disagreements with C references (written
 * byte by byte or with branches, hidden from GCC by OPAQUE).
 */
#include "zb_vals.h"

#define NI __attribute__((noinline)) static
NI uint64_t c_andn(uint64_t a, uint64_t b) { return a & ~b; }
NI uint64_t c_orn(uint64_t a, uint64_t b) { return a | ~b; }
NI uint64_t c_xnor(uint64_t a, uint64_t b) { return ~(a ^ b); }
NI int64_t c_min(int64_t a, int64_t b) { return a < b ? a : b; }
NI int64_t c_max(int64_t a, int64_t b) { return a > b ? a : b; }
NI uint64_t c_minu(uint64_t a, uint64_t b) { return a < b ? a : b; }
NI uint64_t c_maxu(uint64_t a, uint64_t b) { return a > b ? a : b; }
NI int64_t c_sextb(uint64_t a) { return (int8_t)a; }
NI int64_t c_sexth(uint64_t a) { return (int16_t)a; }
NI uint64_t c_zexth(uint64_t a) { return (uint16_t)a; }
NI uint64_t c_rev8(uint64_t a) { return __builtin_bswap64(a); }
NI uint64_t c_bswap32(uint64_t a) { return __builtin_bswap32((uint32_t)a); }
NI uint64_t c_bswap16(uint64_t a) { return __builtin_bswap16((uint16_t)a); }
/* a clamp: min and max together, as in a saturating conversion */
NI int64_t c_clamp(int64_t v, int64_t lo, int64_t hi) { return c_max(lo, c_min(v, hi)); }

NI uint64_t a_orcb(uint64_t a)
{
    uint64_t r;
    __asm__("orc.b %0, %1" : "=r"(r) : "r"(a));
    return r;
}

static uint64_t r_byte_op(uint64_t a, int op)
{
    uint64_t r = 0;
    for (int i = 0; i < 8; i++) {
        uint64_t byte = (a >> (8 * i)) & 0xff;
        OPAQUE(byte);
        if (op == 0)        /* rev8 */
            r |= byte << (8 * (7 - i));
        else if (byte)      /* orc.b */
            r |= 0xffull << (8 * i);
    }
    return r;
}

static uint64_t r_sext(uint64_t a, int bits)
{
    uint64_t m = (1ull << bits) - 1, s = 1ull << (bits - 1);
    a &= m;
    OPAQUE(a);
    if (a & s)
        a |= ~m;
    return a;
}

static uint64_t r_sel(int lt, uint64_t a, uint64_t b)
{
    OPAQUE(lt);
    if (lt)
        return a;
    return b;
}

static void one_pair(uint64_t a, uint64_t b, int show)
{
    uint64_t v[7] = { c_andn(a, b), c_orn(a, b), c_xnor(a, b),
                      (uint64_t)c_min(a, b), (uint64_t)c_max(a, b),
                      c_minu(a, b), c_maxu(a, b) };
    uint64_t nb = b;
    OPAQUE(nb);
    nb ^= ~0ull;
    zb_check("andn", a, b, v[0], a & nb);
    zb_check("orn", a, b, v[1], a | nb);
    zb_check("xnor", a, b, v[2], a ^ nb);
    zb_check("min", a, b, v[3], r_sel((int64_t)a < (int64_t)b, a, b));
    zb_check("max", a, b, v[4], r_sel((int64_t)a > (int64_t)b, a, b));
    zb_check("minu", a, b, v[5], r_sel(a < b, a, b));
    zb_check("maxu", a, b, v[6], r_sel(a > b, a, b));
    if (show)
        printf("%#" PRIx64 " %#" PRIx64 ": andn %#" PRIx64 " orn %#" PRIx64
               " xnor %#" PRIx64 " min %#" PRIx64 " max %#" PRIx64
               " minu %#" PRIx64 " maxu %#" PRIx64 "\n",
               a, b, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
}

static void one(uint64_t a, int show)
{
    uint64_t v[7] = { (uint64_t)c_sextb(a), (uint64_t)c_sexth(a), c_zexth(a),
                      c_rev8(a), a_orcb(a), c_bswap32(a), c_bswap16(a) };
    zb_check("sext.b", a, 0, v[0], r_sext(a, 8));
    zb_check("sext.h", a, 0, v[1], r_sext(a, 16));
    zb_check("zext.h", a, 0, v[2], r_sext(a, 16) & 0xffff);
    zb_check("rev8", a, 0, v[3], r_byte_op(a, 0));
    zb_check("orc.b", a, 0, v[4], r_byte_op(a, 1));
    zb_check("bswap32", a, 0, v[5], r_byte_op(a, 0) >> 32 & 0xffffffff);
    zb_check("bswap16", a, 0, v[6], r_byte_op(a, 0) >> 48);
    if (show)
        printf("%#18" PRIx64 ": sext.b %#" PRIx64 " sext.h %#" PRIx64
               " zext.h %#" PRIx64 " rev8 %#" PRIx64 " orc.b %#" PRIx64
               " bswap32 %#" PRIx64 " bswap16 %#" PRIx64 "\n",
               a, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
}

int main(void)
{
    zb_init();
    for (unsigned i = 0; i < ZB_NVALS; i++)
        one(zb_vals[i], i < ZB_NFIXED);
    for (unsigned i = 0; i < ZB_NFIXED; i++)
        for (unsigned j = 0; j < ZB_NFIXED; j++)
            one_pair(zb_fixed[i], zb_fixed[j], (i + j) % 5 == 0);
    for (unsigned i = 0; i < 3000; i++)
        one_pair(zb_vals[i % ZB_NVALS], zb_rand(), 0);
    int64_t lo = -1000, hi = 1000;
    OPAQUE(lo);
    OPAQUE(hi);
    for (unsigned i = 0; i < ZB_NVALS; i++) {
        int64_t v = (int64_t)zb_vals[i] >> (i & 63);
        int64_t c = c_clamp(v, lo, hi);
        zb_check("clamp", (uint64_t)v, 0, (uint64_t)c,
                 (uint64_t)(v < lo ? lo : v > hi ? hi : v));
    }
    printf("hash %016" PRIx64 " mismatches %u\n", zb_hash, zb_bad);
    return zb_bad != 0;
}
