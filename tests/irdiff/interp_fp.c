/*
 * FP op semantics for the reference interpreter, written from docs/ir.md:
 * IEEE arithmetic in the current rounding mode (C operators, sqrt, fma);
 * fmin/fmax as `a < b ? a : b` / `a > b ? a : b` returning an operand's
 * exact bits, invalid if either is a NaN; fneg/fabs on the sign bit;
 * fcmp EQ quiet, LT/LE signalling; ftoi/ftou with RISC-V fcvt semantics
 * (rounding by the op's mode, saturation, NV for NaN and out-of-range
 * results, NX otherwise when rounded).  NaN tests look at the bits, so
 * that no compare instruction raises a flag the IR op does not.  The
 * RISC-V-semantics ops (fminnum/fmaxnum: IEEE 754-2019 minimumNumber and
 * maximumNumber; fcanon, fcanon_fma: the default NaN; fbox/funbox: NaN
 * boxing; fsetrm: fesetround) follow docs/ir.md as well.
 */
#include "interp_fp.h"

#include <fenv.h>
#include <math.h>
#include <string.h>

static float to_f(uint64_t bits)
{
    uint32_t b = (uint32_t)bits;
    float f;
    memcpy(&f, &b, 4);
    return f;
}

static double to_d(uint64_t bits)
{
    double d;
    memcpy(&d, &bits, 8);
    return d;
}

static uint64_t of_f(float f)
{
    uint32_t b;
    memcpy(&b, &f, 4);
    return b;
}

static uint64_t of_d(double d)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    return b;
}

bool if_is_nan(IrType t, uint64_t bits)
{
    if (t == IR_F32)
        return ((uint32_t)bits & 0x7fffffffu) > 0x7f800000u;
    return (bits & 0x7fffffffffffffffull) > 0x7ff0000000000000ull;
}

bool if_is_snan(IrType t, uint64_t bits)
{
    if (!if_is_nan(t, bits))
        return false;
    if (t == IR_F32)
        return !(bits & 0x00400000u);
    return !(bits & 0x0008000000000000ull);
}

static uint64_t sign_bit(IrType t)
{
    return t == IR_F32 ? 0x80000000u : 0x8000000000000000ull;
}

/* a < b for non-NaN values (no flags). */
static bool less(IrType t, uint64_t a, uint64_t b)
{
    return t == IR_F32 ? to_f(a) < to_f(b) : to_d(a) < to_d(b);
}

static bool equal(IrType t, uint64_t a, uint64_t b)
{
    return t == IR_F32 ? to_f(a) == to_f(b) : to_d(a) == to_d(b);
}

/* fmin/fmax: x86 minsd/maxsd, as docs/ir.md defines them. */
static uint64_t min_max(IrType t, uint64_t a, uint64_t b, bool is_max)
{
    if (if_is_nan(t, a) || if_is_nan(t, b)) {
        feraiseexcept(FE_INVALID);
        return b;
    }
    bool take_a = is_max ? less(t, b, a) : less(t, a, b);
    return take_a ? a : b;
}

bool if_binary(IrOpcode opc, IrType t, uint64_t a, uint64_t b, uint64_t *d)
{
    if (opc == IR_OP_fmin || opc == IR_OP_fmax) {
        *d = min_max(t, a, b, opc == IR_OP_fmax);
        return true;
    }
    if (t == IR_F32) {
        float x = to_f(a), y = to_f(b), r;
        switch (opc) {
        case IR_OP_fadd: r = x + y; break;
        case IR_OP_fsub: r = x - y; break;
        case IR_OP_fmul: r = x * y; break;
        case IR_OP_fdiv: r = x / y; break;
        default: return false;
        }
        *d = of_f(r);
    } else {
        double x = to_d(a), y = to_d(b), r;
        switch (opc) {
        case IR_OP_fadd: r = x + y; break;
        case IR_OP_fsub: r = x - y; break;
        case IR_OP_fmul: r = x * y; break;
        case IR_OP_fdiv: r = x / y; break;
        default: return false;
        }
        *d = of_d(r);
    }
    return true;
}

bool if_unary(IrOpcode opc, IrType t, uint64_t a, uint64_t *d)
{
    switch (opc) {
    case IR_OP_fneg:
        *d = a ^ sign_bit(t);
        return true;
    case IR_OP_fabs:
        *d = a & ~sign_bit(t);
        return true;
    case IR_OP_fsqrt:
        *d = t == IR_F32 ? of_f(sqrtf(to_f(a))) : of_d(sqrt(to_d(a)));
        return true;
    default:
        return false;
    }
}

uint64_t if_fma(IrType t, uint64_t a, uint64_t b, uint64_t c, IrFmaNeg neg)
{
    /* -(a*b) + c is a*b with a negated (exact), rounded once by fma(). */
    if (neg & IR_FMA_NEG_MUL)
        a ^= sign_bit(t);
    if (neg & IR_FMA_NEG_ADD)
        c ^= sign_bit(t);
    if (t == IR_F32)
        return of_f(fmaf(to_f(a), to_f(b), to_f(c)));
    return of_d(fma(to_d(a), to_d(b), to_d(c)));
}

bool if_cmp(IrType t, IrCond cond, uint64_t a, uint64_t b, bool *res)
{
    bool nan = if_is_nan(t, a) || if_is_nan(t, b);
    switch (cond) {
    case IR_COND_EQ:
        if (if_is_snan(t, a) || if_is_snan(t, b))
            feraiseexcept(FE_INVALID);
        *res = !nan && equal(t, a, b);
        return true;
    case IR_COND_LT:
    case IR_COND_LE:
        if (nan) {
            feraiseexcept(FE_INVALID);
            *res = false;
        } else {
            *res = less(t, a, b) || (cond == IR_COND_LE && equal(t, a, b));
        }
        return true;
    default:
        return false;
    }
}

uint64_t if_itof(IrType dt, IrType st, uint64_t a, bool is_unsigned)
{
    if (dt == IR_F32) {
        float r;
        if (st == IR_I32)
            r = is_unsigned ? (float)(uint32_t)a : (float)(int32_t)a;
        else
            r = is_unsigned ? (float)a : (float)(int64_t)a;
        return of_f(r);
    }
    double r;
    if (st == IR_I32)
        r = is_unsigned ? (double)(uint32_t)a : (double)(int32_t)a;
    else
        r = is_unsigned ? (double)a : (double)(int64_t)a;
    return of_d(r);
}

static double round_by(double x, IrRound rm)
{
    static const int modes[4] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD,
                                  FE_UPWARD };
    if (rm == IR_RM_DYN || (unsigned)rm > 3)
        return nearbyint(x);
    int saved = fegetround();
    fesetround(modes[rm]);
    double r = nearbyint(x);
    fesetround(saved);
    return r;
}

uint64_t if_ftoi(IrType dt, IrType st, uint64_t a, IrRound rm,
                 bool is_unsigned)
{
    unsigned w = dt == IR_I32 ? 32 : 64;
    uint64_t umax = w == 64 ? ~0ull : 0xffffffffull;
    uint64_t smax = umax >> 1, smin = (smax + 1) & umax;
    if (if_is_nan(st, a)) {
        feraiseexcept(FE_INVALID);
        return is_unsigned ? umax : smax;
    }
    double x = st == IR_F32 ? (double)to_f(a) : to_d(a);   /* exact */
    double r = round_by(x, rm);
    double lim = w == 64 ? 0x1p64 : 0x1p32;                 /* 2^w */
    if (is_unsigned) {
        if (r >= lim) {
            feraiseexcept(FE_INVALID);
            return umax;
        }
        if (r <= -1.0) {
            feraiseexcept(FE_INVALID);
            return 0;
        }
    } else {
        if (r >= lim / 2) {
            feraiseexcept(FE_INVALID);
            return smax;
        }
        if (r < -lim / 2) {
            feraiseexcept(FE_INVALID);
            return smin;
        }
    }
    if (r != x)
        feraiseexcept(FE_INEXACT);
    uint64_t v;
    if (r >= 0x1p63)
        v = (uint64_t)(int64_t)(r - 0x1p63) ^ 0x8000000000000000ull;
    else
        v = (uint64_t)(int64_t)r;
    return v & umax;
}

uint64_t if_fcvt(IrType dt, IrType st, uint64_t a)
{
    if (dt == IR_F64 && st == IR_F32)
        return of_d((double)to_f(a));
    if (dt == IR_F32 && st == IR_F64)
        return of_f((float)to_d(a));
    return a;
}

static uint64_t default_nan(IrType t)
{
    return t == IR_F32 ? 0x7fc00000u : 0x7ff8000000000000ull;
}

/* minimumNumber / maximumNumber (IEEE 754-2019 9.6): a NaN operand is
   ignored, -0 < +0, invalid only for a signalling NaN. */
static uint64_t min_max_num(IrType t, uint64_t a, uint64_t b, bool is_max)
{
    bool an = if_is_nan(t, a), bn = if_is_nan(t, b);
    if (if_is_snan(t, a) || if_is_snan(t, b))
        feraiseexcept(FE_INVALID);
    if (an && bn)
        return default_nan(t);
    if (an)
        return b;
    if (bn)
        return a;
    if (equal(t, a, b))             /* equal values, or -0 and +0 */
        return is_max ? a & b : a | b;
    bool take_a = is_max ? less(t, b, a) : less(t, a, b);
    return take_a ? a : b;
}

bool if_rv_binary(IrOpcode opc, IrType t, uint64_t a, uint64_t b, uint64_t *d)
{
    if (opc != IR_OP_fminnum && opc != IR_OP_fmaxnum)
        return false;
    *d = min_max_num(t, a, b, opc == IR_OP_fmaxnum);
    return true;
}

uint64_t if_canon(IrType t, uint64_t a)
{
    if (if_is_snan(t, a))
        feraiseexcept(FE_INVALID);
    return if_is_nan(t, a) ? default_nan(t) : a;
}

static bool is_inf(IrType t, uint64_t x)
{
    return t == IR_F32 ? ((uint32_t)x & 0x7fffffffu) == 0x7f800000u
                       : (x & 0x7fffffffffffffffull) == 0x7ff0000000000000ull;
}

static bool is_zero(IrType t, uint64_t x)
{
    return !(x & ~sign_bit(t) & (t == IR_F32 ? 0xffffffffu : ~0ull));
}

uint64_t if_canon_fma(IrType t, uint64_t r, uint64_t a, uint64_t b)
{
    if (if_is_nan(t, r) && ((is_inf(t, a) && is_zero(t, b)) ||
                            (is_zero(t, a) && is_inf(t, b))))
        feraiseexcept(FE_INVALID);
    return if_canon(t, r);
}

uint64_t if_box(uint64_t a)
{
    return 0xffffffff00000000ull | (a & 0xffffffffu);
}

uint64_t if_unbox(uint64_t a)
{
    return (a >> 32) == 0xffffffffu ? (a & 0xffffffffu) : 0x7fc00000u;
}

void if_setrm(IrRound rm)
{
    static const int modes[4] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD,
                                  FE_UPWARD };
    if ((unsigned)rm < 4)
        fesetround(modes[rm]);
}
