/*
 * The test helpers called by IR `call` ops (see diff_helpers.h).  Their
 * results are arbitrary but deterministic mixes of their arguments.
 */
#include "diff_helpers.h"

#include <fenv.h>
#include <stdbool.h>

DiffEnv *diff_cur_env;

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

static uint64_t h_mix6(uint64_t a, uint64_t b, uint64_t c, uint64_t d,
                       uint64_t e, uint64_t f)
{
    return mix(mix(mix(mix(mix(mix(1, a), b), c), d), e), f);
}

/* i32 arguments (the callee ignores the upper halves) and a result whose
   upper half is garbage: an i32 call must ignore it. */
static uint64_t h_i32(uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t lo = a * 3 + (b ^ c);
    return ((uint64_t)(a ^ 0xdeadbeefu) << 32) | lo;
}

/* Reads and writes globals in memory. */
static uint64_t h_glob_rw(uint64_t idx, uint64_t v)
{
    DiffEnv *e = diff_cur_env;
    uint64_t old = e->g64[idx % DIFF_NB_G64];
    e->g64[(idx + 1) % DIFF_NB_G64] ^= v;
    e->g32[idx % DIFF_NB_G32] += (uint32_t)v;
    e->f64[idx % DIFF_NB_F64] = 0x4000000000000000ull + (v & 0xffff);
    return old;
}

/* Only reads globals.  An FP global counts only when it is no NaN: a
   NaN's payload is unspecified and must not reach an integer. */
static uint64_t h_glob_rd(uint64_t idx)
{
    DiffEnv *e = diff_cur_env;
    uint32_t f = e->f32[idx % DIFF_NB_F32];
    bool nan = (f & 0x7fffffffu) > 0x7f800000u;
    return e->g64[idx % DIFF_NB_G64] + e->g32[(idx >> 8) % DIFF_NB_G32] +
           (nan ? 1 : f >> 3);
}

/* No result: writes scratch memory of the env that is no global. */
static void h_store(uint64_t a, uint64_t b)
{
    DiffEnv *e = diff_cur_env;
    e->sint[a % DIFF_SINT_SIZE] ^= (uint8_t)b;
    e->sint[(a + 7) % DIFF_SINT_SIZE] += (uint8_t)(b >> 8);
}

/* Changes the rounding mode (RISC-V order: RNE RTZ RDN RUP). */
static uint64_t h_setround(uint32_t m)
{
    static const int modes[4] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD,
                                  FE_UPWARD };
    fesetround(modes[m & 3]);
    return m & 3;
}

/* Raises FP flags chosen by A. */
static uint64_t h_raise(uint32_t a)
{
    static const int bits[4] = { FE_INEXACT, FE_UNDERFLOW | FE_INEXACT,
                                 FE_DIVBYZERO, FE_INVALID };
    feraiseexcept(bits[a & 3]);
    return a >> 2;
}

static uint64_t h_const(void)
{
    return 0x0123456789abcdefull;
}

#define FN(f) ((void (*)(void))(f))
#define PURE (IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB | IR_HELPER_NO_SIDE)
#define NOGLOB (IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB)
#define INT IR_TM_INT
#define I64 IR_TM_I64

/* uint64_t parameters take i64 arguments only: the upper half of an i32
   argument register is undefined. */
const DiffHelper diff_helpers[] = {
    { { "h_mix6", FN(h_mix6), PURE }, 6, { I64, I64, I64, I64, I64, I64 }, INT },
    { { "h_mix6_side", FN(h_mix6), 0 }, 6, { I64, I64, I64, I64, I64, I64 },
      INT | IR_TM_VOID },
    { { "h_i32", FN(h_i32), PURE }, 3, { INT, INT, INT }, INT },
    { { "h_glob_rw", FN(h_glob_rw), 0 }, 2, { I64, I64 }, INT | IR_TM_VOID },
    { { "h_glob_rd", FN(h_glob_rd), IR_HELPER_NO_WGLOB | IR_HELPER_NO_SIDE }, 1,
      { I64 }, INT },
    { { "h_store", FN(h_store), NOGLOB }, 2, { I64, I64 }, IR_TM_VOID },
    { { "h_setround", FN(h_setround), NOGLOB }, 1, { INT }, INT | IR_TM_VOID },
    { { "h_raise", FN(h_raise), NOGLOB }, 1, { INT }, INT | IR_TM_VOID },
    { { "h_const", FN(h_const), PURE }, 0, { 0 }, INT },
};
const unsigned diff_helper_count = sizeof diff_helpers / sizeof diff_helpers[0];
