/*
 * Integer op semantics for the reference interpreter, written from the
 * tables of docs/ir.md: arithmetic wraps modulo 2^w, shifts and rotates
 * take the count modulo w, division follows RISC-V (x / 0 = all ones,
 * x % 0 = x, MIN / -1 = MIN, MIN % -1 = 0), clz/ctz of 0 give w.
 */
#include "interp_int.h"

static uint64_t mulh_signed(unsigned w, uint64_t a, uint64_t b)
{
    if (w == 32)
        return (uint64_t)((ii_sext(a, 32) * ii_sext(b, 32)) >> 32);
    __int128 p = (__int128)(int64_t)a * (__int128)(int64_t)b;
    return (uint64_t)(p >> 64);
}

static uint64_t mulh_unsigned(unsigned w, uint64_t a, uint64_t b)
{
    if (w == 32)
        return (a * b) >> 32;
    unsigned __int128 p = (unsigned __int128)a * (unsigned __int128)b;
    return (uint64_t)(p >> 64);
}

/* signed a times unsigned b: |a * b| < 2^(2w-1), so it fits the wider type */
static uint64_t mulh_signed_unsigned(unsigned w, uint64_t a, uint64_t b)
{
    if (w == 32)
        return (uint64_t)((ii_sext(a, 32) * (int64_t)b) >> 32);
    __int128 p = (__int128)(int64_t)a * (__int128)b;
    return (uint64_t)(p >> 64);
}

/*
 * Carry-less multiplication, from the definitions of clmul and clmulh in
 * RISC-V Bit-Manipulation ISA-extensions 1.0.0, 2.3 Zbc: for every set bit
 * i of b, a << i is xored into a 128-bit product; the op takes its low or
 * high 64 bits (the ops are i64 only).
 */
static uint64_t clmul_part(uint64_t a, uint64_t b, bool high)
{
    unsigned __int128 p = 0;
    for (unsigned i = 0; i < 64; i++)
        if (b & ((uint64_t)1 << i))
            p ^= (unsigned __int128)a << i;
    return high ? (uint64_t)(p >> 64) : (uint64_t)p;
}

static uint64_t div_signed(unsigned w, uint64_t a, uint64_t b, bool rem)
{
    int64_t sa = ii_sext(a, w), sb = ii_sext(b, w);
    int64_t min = w == 64 ? INT64_MIN : -((int64_t)1 << (w - 1));
    if (sb == 0)
        return rem ? a : ii_mask(w);
    if (sa == min && sb == -1)
        return rem ? 0 : a;
    return (uint64_t)(rem ? sa % sb : sa / sb);
}

static uint64_t rotate_left(unsigned w, uint64_t a, unsigned n)
{
    n %= w;
    if (n == 0)
        return a;
    return (a << n) | (a >> (w - n));
}

bool ii_binary(IrOpcode opc, unsigned w, uint64_t a, uint64_t b, uint64_t *d)
{
    uint64_t m = ii_mask(w), r;
    unsigned n = (unsigned)(b & (w - 1));
    a &= m;
    b &= m;
    switch (opc) {
    case IR_OP_add: r = a + b; break;
    case IR_OP_sub: r = a - b; break;
    case IR_OP_mul: r = a * b; break;
    case IR_OP_and: r = a & b; break;
    case IR_OP_or: r = a | b; break;
    case IR_OP_xor: r = a ^ b; break;
    case IR_OP_andc: r = a & ~b; break;
    case IR_OP_orc: r = a | ~b; break;
    case IR_OP_eqv: r = ~(a ^ b); break;
    case IR_OP_nand: r = ~(a & b); break;
    case IR_OP_nor: r = ~(a | b); break;
    case IR_OP_shl: r = a << n; break;
    case IR_OP_shr: r = a >> n; break;
    case IR_OP_sar: r = (uint64_t)(ii_sext(a, w) >> n); break;
    case IR_OP_rotl: r = rotate_left(w, a, n); break;
    case IR_OP_rotr: r = rotate_left(w, a, (w - n) % w); break;
    case IR_OP_mulsh: r = mulh_signed(w, a, b); break;
    case IR_OP_muluh: r = mulh_unsigned(w, a, b); break;
    case IR_OP_mulsuh: r = mulh_signed_unsigned(w, a, b); break;
    case IR_OP_div: r = div_signed(w, a, b, false); break;
    case IR_OP_rem: r = div_signed(w, a, b, true); break;
    case IR_OP_divu: r = b == 0 ? m : a / b; break;
    case IR_OP_remu: r = b == 0 ? a : a % b; break;
    case IR_OP_clmul: r = clmul_part(a, b, false); break;
    case IR_OP_clmulh: r = clmul_part(a, b, true); break;
    default: return false;
    }
    *d = r & m;
    return true;
}

static uint64_t byte_swap(unsigned w, uint64_t a)
{
    return w == 32 ? __builtin_bswap32((uint32_t)a) : __builtin_bswap64(a);
}

bool ii_unary(IrOpcode opc, unsigned w, uint64_t a, uint64_t *d)
{
    uint64_t m = ii_mask(w), r;
    a &= m;
    switch (opc) {
    case IR_OP_neg: r = -a; break;
    case IR_OP_not: r = ~a; break;
    case IR_OP_clz:
        r = a == 0 ? w : (uint64_t)(__builtin_clzll(a) - (64 - (int)w));
        break;
    case IR_OP_ctz: r = a == 0 ? w : (uint64_t)__builtin_ctzll(a); break;
    case IR_OP_ctpop: r = (uint64_t)__builtin_popcountll(a); break;
    case IR_OP_bswap: r = byte_swap(w, a); break;
    default: return false;
    }
    *d = r & m;
    return true;
}

uint64_t ii_extract(unsigned w, uint64_t a, unsigned ofs, unsigned len)
{
    return ((a & ii_mask(w)) >> ofs) & ii_mask(len);
}

uint64_t ii_sextract(unsigned w, uint64_t a, unsigned ofs, unsigned len)
{
    return (uint64_t)ii_sext(ii_extract(w, a, ofs, len), len) & ii_mask(w);
}

uint64_t ii_deposit(unsigned w, uint64_t a, uint64_t b, unsigned ofs,
                    unsigned len)
{
    uint64_t field = ii_mask(len) << ofs;
    return ((a & ~field) | ((b << ofs) & field)) & ii_mask(w);
}

bool ii_cond(IrCond c, unsigned w, uint64_t a, uint64_t b)
{
    uint64_t ua = a & ii_mask(w), ub = b & ii_mask(w);
    int64_t sa = ii_sext(a, w), sb = ii_sext(b, w);
    switch (c) {
    case IR_COND_NEVER: return false;
    case IR_COND_ALWAYS: return true;
    case IR_COND_EQ: return ua == ub;
    case IR_COND_NE: return ua != ub;
    case IR_COND_LT: return sa < sb;
    case IR_COND_GE: return sa >= sb;
    case IR_COND_LE: return sa <= sb;
    case IR_COND_GT: return sa > sb;
    case IR_COND_LTU: return ua < ub;
    case IR_COND_GEU: return ua >= ub;
    case IR_COND_LEU: return ua <= ub;
    case IR_COND_GTU: return ua > ub;
    default: return false;
    }
}
