/*
 * C functions called from generated code: the fallbacks of ops whose
 * instruction the host may lack (ctpop without POPCNT, fma without FMA3:
 * SysV calls, constrained as such in ops.def) and the slow path of
 * float -> integer conversion (jit_helper_fcvt) and big-endian atomics
 * (jit_helper_atomic_be), both reached through the register-preserving
 * stubs of prologue.c.
 */
#include <math.h>
#include <string.h>
#include <xmmintrin.h>

#include "jit_internal.h"

uint64_t jit_helper_ctpop64(uint64_t x)
{
    return (uint64_t)__builtin_popcountll(x);
}

uint32_t jit_helper_ctpop32(uint32_t x)
{
    return (uint32_t)__builtin_popcount(x);
}

/* fma() rounds once in the current (MXCSR) mode and raises its flags. */
double jit_helper_fma64(double a, double b, double c) { return fma(a, b, c); }
double jit_helper_fma64_nm(double a, double b, double c) { return fma(-a, b, c); }
double jit_helper_fma64_na(double a, double b, double c) { return fma(a, b, -c); }
double jit_helper_fma64_nb(double a, double b, double c) { return fma(-a, b, -c); }
float jit_helper_fma32(float a, float b, float c) { return fmaf(a, b, c); }
float jit_helper_fma32_nm(float a, float b, float c) { return fmaf(-a, b, c); }
float jit_helper_fma32_na(float a, float b, float c) { return fmaf(a, b, -c); }
float jit_helper_fma32_nb(float a, float b, float c) { return fmaf(-a, b, -c); }

/* MXCSR flag bits (SDM Vol. 1 10.2.3) */
#define MXCSR_IE 0x01u
#define MXCSR_PE 0x20u

/* a rounded to an integer by RM, exactly (no dependence on MXCSR.RC). */
static double round_exact(double a, IrRound rm)
{
    if (!(fabs(a) < 4503599627370496.0))       /* 2^52: already integral */
        return a;
    double t = trunc(a);
    double f = a - t;                           /* exact */
    switch (rm) {
    case IR_RM_RTZ:
        return t;
    case IR_RM_RDN:
        return f < 0 ? t - 1 : t;
    case IR_RM_RUP:
        return f > 0 ? t + 1 : t;
    default:                                    /* RNE */
        if (fabs(f) > 0.5 || (fabs(f) == 0.5 && fmod(t, 2.0) != 0))
            return t + (a < 0 ? -1 : 1);
        return t;
    }
}

uint64_t jit_helper_fcvt(uint64_t bits, uint64_t desc)
{
    unsigned csr = _mm_getcsr();
    bool is_unsigned = desc & JIT_FCVT_UNSIGNED;
    unsigned w = (desc & JIT_FCVT_DST64) ? 64 : 32;
    IrRound rm = (IrRound)(desc & 7);
    double a;

    if (desc & JIT_FCVT_SRC64) {
        memcpy(&a, &bits, sizeof a);
    } else {
        uint32_t b32 = (uint32_t)bits;
        float f;
        memcpy(&f, &b32, sizeof f);
        a = f;                                  /* exact */
    }
    if (rm == IR_RM_DYN) {                      /* MXCSR.RC: RNE RDN RUP RTZ */
        static const IrRound rc[4] = { IR_RM_RNE, IR_RM_RDN, IR_RM_RUP,
                                       IR_RM_RTZ };
        rm = rc[(csr >> 13) & 3];
    }

    uint64_t umax = w == 64 ? UINT64_MAX : UINT32_MAX;
    uint64_t smax = umax >> 1, smin = smax + 1;
    double lo = is_unsigned ? 0.0 : -ldexp(1.0, (int)w - 1);
    double hi = ldexp(1.0, (int)w - (is_unsigned ? 0 : 1));   /* exclusive */
    unsigned flags = 0;
    uint64_t res;

    if (isnan(a)) {
        flags = MXCSR_IE;
        res = is_unsigned ? umax : smax;
    } else {
        double r = round_exact(a, rm);
        if (r < lo) {
            flags = MXCSR_IE;
            res = is_unsigned ? 0 : smin;
        } else if (r >= hi) {
            flags = MXCSR_IE;
            res = is_unsigned ? umax : smax;
        } else {
            res = is_unsigned ? (uint64_t)r : (uint64_t)(int64_t)r;
            if (r != a)
                flags = MXCSR_PE;
        }
    }
    /* the flags of this C code are discarded, the result's are added */
    _mm_setcsr(csr | flags);
    return res & umax;
}

static uint64_t swap_n(uint64_t v, unsigned size)
{
    switch (size) {
    case 2: return __builtin_bswap16((uint16_t)v);
    case 4: return __builtin_bswap32((uint32_t)v);
    case 8: return __builtin_bswap64(v);
    default: return v & 0xff;
    }
}

static uint64_t load_n(void *p, unsigned size)
{
    switch (size) {
    case 2: return __atomic_load_n((uint16_t *)p, __ATOMIC_SEQ_CST);
    case 4: return __atomic_load_n((uint32_t *)p, __ATOMIC_SEQ_CST);
    case 8: return __atomic_load_n((uint64_t *)p, __ATOMIC_SEQ_CST);
    default: return __atomic_load_n((uint8_t *)p, __ATOMIC_SEQ_CST);
    }
}

/* Compare-and-swap of SIZE bytes; on failure *expected = the current. */
static bool cas_n(void *p, unsigned size, uint64_t *expected, uint64_t desired)
{
    bool ok;
    switch (size) {
    case 2: {
        uint16_t e = (uint16_t)*expected;
        ok = __atomic_compare_exchange_n((uint16_t *)p, &e, (uint16_t)desired,
                                         false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        *expected = e;
        break;
    }
    case 4: {
        uint32_t e = (uint32_t)*expected;
        ok = __atomic_compare_exchange_n((uint32_t *)p, &e, (uint32_t)desired,
                                         false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        *expected = e;
        break;
    }
    case 8:
        ok = __atomic_compare_exchange_n((uint64_t *)p, expected, desired,
                                         false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        break;
    default: {
        uint8_t e = (uint8_t)*expected;
        ok = __atomic_compare_exchange_n((uint8_t *)p, &e, (uint8_t)desired,
                                         false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        *expected = e;
        break;
    }
    }
    return ok;
}

static int64_t sext_n(uint64_t v, unsigned size)
{
    unsigned sh = 64 - 8 * size;
    return (int64_t)(v << sh) >> sh;
}

uint64_t jit_helper_atomic_be(uint64_t addr, uint64_t v, uint64_t newv,
                              uint64_t gbase, uint64_t desc)
{
    IrOpcode opc = (IrOpcode)(desc & 0xffff);
    IrMemOp mop = (IrMemOp)((desc >> 16) & 0xff);
    IrType t = (IrType)(desc >> 24);
    unsigned size = ir_memop_size(mop);
    uint64_t m = size == 8 ? ~0ull : (1ull << (8 * size)) - 1;
    void *p = (void *)(uintptr_t)(addr + gbase);
    uint64_t raw = load_n(p, size), old;

    for (;;) {
        old = swap_n(raw, size);
        uint64_t nv;
        switch (opc) {
        case IR_OP_cmpxchg:
            if (old != (v & m))
                goto done;
            nv = newv;
            break;
        case IR_OP_xchg: nv = v; break;
        case IR_OP_fetch_add: nv = old + v; break;
        case IR_OP_fetch_and: nv = old & v; break;
        case IR_OP_fetch_or: nv = old | v; break;
        case IR_OP_fetch_xor: nv = old ^ v; break;
        case IR_OP_fetch_smin:
            nv = sext_n(old, size) < sext_n(v, size) ? old : v;
            break;
        case IR_OP_fetch_smax:
            nv = sext_n(old, size) > sext_n(v, size) ? old : v;
            break;
        case IR_OP_fetch_umin: nv = old < (v & m) ? old : v; break;
        default: nv = old > (v & m) ? old : v; break;     /* fetch_umax */
        }
        if (cas_n(p, size, &raw, swap_n(nv & m, size)))
            break;
    }
done:
    if (mop & IR_MO_SIGN)
        old = (uint64_t)sext_n(old, size);
    return t == IR_I32 ? (uint32_t)old : old;
}
