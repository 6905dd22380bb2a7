/*
 * Unit tests of the IR reference interpreter (Check, suite irdiff): every
 * expected value here is worked out by hand from docs/ir.md, not computed
 * by code shared with the interpreter, so a misreading of the spec in
 * ir_interp.c shows up as a failing check.  Covers the integer edge cases
 * (RISC-V division, shifts modulo the width, clz/ctz of 0, fields), memory
 * ops with memops and atomics, control flow, calls, the FP rules with
 * their flags (fmin/fmax, fcmp, ftoi/ftou saturation and rounding), and
 * the interpreter's own error checks.
 */
#include <check.h>
#include <fenv.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ir-build.h"
#include "ir_interp.h"
#include "check_run.h"

/* env: globals for an output and up to four inputs, and a scratch area */
typedef struct Env {
    uint64_t g[5];
    uint8_t scratch[32];
} Env;

static uint8_t guest[64];

static IrInterpResult last;

static IrInterpConfig config(Env *env)
{
    return (IrInterpConfig){
        .env = env, .env_size = sizeof *env,
        .guest_base = (uintptr_t)guest, .guest_lo = 0, .guest_hi = sizeof guest,
        .step_limit = 10000,
    };
}

static void run(IrCtx *ctx, Env *env)
{
    IrInterpConfig cfg = config(env);
    ir_interp_run(ctx, &cfg, &last);
}

/*
 * OPC of type T on inputs IN (types ITYPES), constants CONSTS; the output
 * (type OT) in global 0, inputs in globals 1...; returns the output.
 */
static uint64_t op_n(IrOpcode opc, IrType t, IrType ot, unsigned nin,
                     const IrType *itypes, const uint64_t *in,
                     unsigned nconst, const int64_t *consts)
{
    IrCtx *ctx = ir_ctx_new();
    Env env = { .g = { 0 } };
    IrTemp g[5];
    ck_assert_uint_le(nin, 4);
    g[0] = ir_global(ctx, ot, 0, "out");
    for (unsigned i = 0; i < nin; i++) {
        g[i + 1] = ir_global(ctx, itypes[i], 8 * (int32_t)(i + 1), "in");
        env.g[i + 1] = in[i];
    }
    IrOp *op = ir_emit_op(ctx, opc, t);
    op->args[0].temp = g[0];
    for (unsigned i = 0; i < nin; i++)
        op->args[1 + i].temp = g[i + 1];
    for (unsigned i = 0; i < nconst; i++)
        op->args[1 + nin + i].imm = consts[i];
    ir_exit_tb(ctx, 1);
    run(ctx, &env);
    ck_assert_msg(last.kind == IR_EXIT_TB, "%s: %s", ir_op_info[opc].name,
                  last.err);
    ir_ctx_free(ctx);
    return env.g[0];
}

static uint64_t bin(IrOpcode opc, IrType t, uint64_t a, uint64_t b)
{
    IrType ty[2] = { t, t };
    uint64_t in[2] = { a, b };
    return op_n(opc, t, t, 2, ty, in, 0, NULL);
}

static uint64_t un(IrOpcode opc, IrType t, uint64_t a)
{
    return op_n(opc, t, t, 1, &t, &a, 0, NULL);
}

#define I32 IR_I32
#define I64 IR_I64
#define M32 0x80000000ull
#define M64 0x8000000000000000ull

START_TEST(test_arith)
{
    ck_assert_uint_eq(bin(IR_OP_add, I32, 0x7fffffff, 1), M32);
    ck_assert_uint_eq(bin(IR_OP_add, I32, 0xffffffff, 1), 0);
    ck_assert_uint_eq(bin(IR_OP_add, I64, ~0ull, 2), 1);
    ck_assert_uint_eq(bin(IR_OP_sub, I32, 0, 1), 0xffffffff);
    ck_assert_uint_eq(bin(IR_OP_mul, I32, 0x10000, 0x10000), 0);
    ck_assert_uint_eq(bin(IR_OP_mul, I64, 0x100000000ull, 0x100000000ull), 0);
    ck_assert_uint_eq(un(IR_OP_neg, I32, 1), 0xffffffff);
    ck_assert_uint_eq(un(IR_OP_neg, I64, M64), M64);
    ck_assert_uint_eq(un(IR_OP_not, I32, 0), 0xffffffff);
    ck_assert_uint_eq(bin(IR_OP_andc, I32, 0xff, 0x0f), 0xf0);
    ck_assert_uint_eq(bin(IR_OP_orc, I32, 0, 0xfffffff0), 0xf);
    ck_assert_uint_eq(bin(IR_OP_eqv, I64, 5, 6), ~3ull);
    ck_assert_uint_eq(bin(IR_OP_nand, I32, 0xff, 0xff), 0xffffff00);
    ck_assert_uint_eq(bin(IR_OP_nor, I64, 1, 2), ~3ull);
}
END_TEST

START_TEST(test_shifts)
{
    ck_assert_uint_eq(bin(IR_OP_shl, I32, 1, 31), M32);
    ck_assert_uint_eq(bin(IR_OP_shl, I32, 1, 32), 1);          /* 32 mod 32 */
    ck_assert_uint_eq(bin(IR_OP_shl, I32, 1, 33), 2);
    ck_assert_uint_eq(bin(IR_OP_shl, I64, 1, 63), M64);
    ck_assert_uint_eq(bin(IR_OP_shl, I64, 1, 64), 1);
    ck_assert_uint_eq(bin(IR_OP_shl, I64, 3, 32), 0x300000000ull);
    ck_assert_uint_eq(bin(IR_OP_shr, I32, M32, 31), 1);
    ck_assert_uint_eq(bin(IR_OP_shr, I32, M32, 0), M32);
    ck_assert_uint_eq(bin(IR_OP_sar, I32, M32, 31), 0xffffffff);
    ck_assert_uint_eq(bin(IR_OP_sar, I32, M32, 32), M32);
    ck_assert_uint_eq(bin(IR_OP_sar, I64, M64, 63), ~0ull);
    ck_assert_uint_eq(bin(IR_OP_sar, I64, M64, 0xffffffff), ~0ull); /* 63 */
    ck_assert_uint_eq(bin(IR_OP_rotl, I32, 0x80000001, 1), 3);
    ck_assert_uint_eq(bin(IR_OP_rotl, I32, 0x80000001, 32), 0x80000001);
    ck_assert_uint_eq(bin(IR_OP_rotr, I32, 3, 1), 0x80000001);
    ck_assert_uint_eq(bin(IR_OP_rotr, I64, 1, 0), 1);
    ck_assert_uint_eq(bin(IR_OP_rotr, I64, 1, 1), M64);
    ck_assert_uint_eq(bin(IR_OP_rotl, I64, M64, 65), 1);
}
END_TEST

START_TEST(test_mul_high)
{
    ck_assert_uint_eq(bin(IR_OP_mulsh, I64, ~0ull, ~0ull), 0);
    ck_assert_uint_eq(bin(IR_OP_mulsh, I64, M64, M64), 0x4000000000000000ull);
    ck_assert_uint_eq(bin(IR_OP_mulsh, I64, M64, 1), ~0ull);
    ck_assert_uint_eq(bin(IR_OP_muluh, I64, ~0ull, ~0ull), ~1ull);
    ck_assert_uint_eq(bin(IR_OP_mulsuh, I64, ~0ull, ~0ull), ~0ull);
    ck_assert_uint_eq(bin(IR_OP_mulsuh, I64, 2, ~0ull), 1);
    ck_assert_uint_eq(bin(IR_OP_mulsh, I32, M32, M32), 0x40000000);
    ck_assert_uint_eq(bin(IR_OP_muluh, I32, 0xffffffff, 0xffffffff), 0xfffffffe);
    ck_assert_uint_eq(bin(IR_OP_mulsuh, I32, 0xffffffff, 0xffffffff), 0xffffffff);
    ck_assert_uint_eq(bin(IR_OP_mulsuh, I32, 0x7fffffff, 0xffffffff), 0x7ffffffe);
    /* carry-less: (x^7 + x^2 + x + 1)^2 = x^14 + x^4 + x^2 + 1; squares
     * spread the bits (cross terms cancel); x^63 * x^63 = x^126 */
    ck_assert_uint_eq(bin(IR_OP_clmul, I64, 0x87, 0x87), 0x4015);
    ck_assert_uint_eq(bin(IR_OP_clmulh, I64, 0x87, 0x87), 0);
    ck_assert_uint_eq(bin(IR_OP_clmul, I64, ~0ull, ~0ull), 0x5555555555555555ull);
    ck_assert_uint_eq(bin(IR_OP_clmulh, I64, ~0ull, ~0ull), 0x5555555555555555ull);
    ck_assert_uint_eq(bin(IR_OP_clmul, I64, M64, M64), 0);
    ck_assert_uint_eq(bin(IR_OP_clmulh, I64, M64, M64), 0x4000000000000000ull);
    ck_assert_uint_eq(bin(IR_OP_clmulh, I64, ~0ull, 1), 0);
    ck_assert_uint_eq(bin(IR_OP_clmulh, I64, ~0ull, 2), 1);
}
END_TEST

START_TEST(test_division)
{
    ck_assert_uint_eq(bin(IR_OP_div, I32, 7, (uint32_t)-2), (uint32_t)-3);
    ck_assert_uint_eq(bin(IR_OP_div, I32, 5, 0), 0xffffffff);
    ck_assert_uint_eq(bin(IR_OP_div, I32, M32, 0xffffffff), M32);
    ck_assert_uint_eq(bin(IR_OP_div, I64, M64, ~0ull), M64);
    ck_assert_uint_eq(bin(IR_OP_div, I64, 5, 0), ~0ull);
    ck_assert_uint_eq(bin(IR_OP_divu, I32, 5, 0), 0xffffffff);
    ck_assert_uint_eq(bin(IR_OP_divu, I32, 0xffffffff, 2), 0x7fffffff);
    ck_assert_uint_eq(bin(IR_OP_divu, I64, ~0ull, 0), ~0ull);
    ck_assert_uint_eq(bin(IR_OP_rem, I32, 7, (uint32_t)-2), 1);
    ck_assert_uint_eq(bin(IR_OP_rem, I32, (uint32_t)-7, 2), 0xffffffff);
    ck_assert_uint_eq(bin(IR_OP_rem, I32, 9, 0), 9);
    ck_assert_uint_eq(bin(IR_OP_rem, I32, M32, 0xffffffff), 0);
    ck_assert_uint_eq(bin(IR_OP_rem, I64, M64, ~0ull), 0);
    ck_assert_uint_eq(bin(IR_OP_remu, I32, 9, 0), 9);
    ck_assert_uint_eq(bin(IR_OP_remu, I64, ~0ull, 10), 5);
}
END_TEST

START_TEST(test_bits)
{
    ck_assert_uint_eq(un(IR_OP_clz, I32, 0), 32);
    ck_assert_uint_eq(un(IR_OP_clz, I32, 1), 31);
    ck_assert_uint_eq(un(IR_OP_clz, I64, 0), 64);
    ck_assert_uint_eq(un(IR_OP_clz, I64, 1), 63);
    ck_assert_uint_eq(un(IR_OP_clz, I64, M64), 0);
    ck_assert_uint_eq(un(IR_OP_ctz, I32, 0), 32);
    ck_assert_uint_eq(un(IR_OP_ctz, I64, 0), 64);
    ck_assert_uint_eq(un(IR_OP_ctz, I64, 0x80), 7);
    ck_assert_uint_eq(un(IR_OP_ctpop, I32, 0xffffffff), 32);
    ck_assert_uint_eq(un(IR_OP_ctpop, I64, ~0ull), 64);
    ck_assert_uint_eq(un(IR_OP_bswap, I32, 0x11223344), 0x44332211);
    ck_assert_uint_eq(un(IR_OP_bswap, I64, 0x1122334455667788ull),
                      0x8877665544332211ull);

    int64_t c[2] = { 4, 4 };
    IrType t32 = I32, t64 = I64;
    uint64_t v = 0xf0;
    ck_assert_uint_eq(op_n(IR_OP_extract, I64, I64, 1, &t64, &v, 2, c), 0xf);
    v = 0x80;
    /* 0x80 >> 4 = 0b1000 in 4 bits: -8 */
    ck_assert_uint_eq(op_n(IR_OP_sextract, I32, I32, 1, &t32, &v, 2, c),
                      0xfffffff8);
    ck_assert_uint_eq(op_n(IR_OP_sextract, I64, I64, 1, &t64, &v, 2, c), ~7ull);
    v = 0x70;
    ck_assert_uint_eq(op_n(IR_OP_sextract, I64, I64, 1, &t64, &v, 2, c), 7);
    int64_t whole[2] = { 0, 64 };
    v = 0x123456789abcdef0ull;
    ck_assert_uint_eq(op_n(IR_OP_extract, I64, I64, 1, &t64, &v, 2, whole), v);
    int64_t top[2] = { 31, 1 };
    v = M32;
    ck_assert_uint_eq(op_n(IR_OP_sextract, I32, I32, 1, &t32, &v, 2, top),
                      0xffffffff);
    int64_t dep[2] = { 8, 8 };
    IrType tt[2] = { I32, I32 };
    uint64_t ab[2] = { 0xffffffff, 0x1234 };
    ck_assert_uint_eq(op_n(IR_OP_deposit, I32, I32, 2, tt, ab, 2, dep),
                      0xffff34ff);
    int64_t dtop[2] = { 32, 32 };
    IrType tt64[2] = { I64, I64 };
    uint64_t ab64[2] = { 0x1111111122222222ull, 0xaaaaaaaabbbbbbbbull };
    ck_assert_uint_eq(op_n(IR_OP_deposit, I64, I64, 2, tt64, ab64, 2, dtop),
                      0xbbbbbbbb22222222ull);
}
END_TEST

START_TEST(test_widths)
{
    IrType t32 = I32, t64 = I64;
    uint64_t v = M32;
    ck_assert_uint_eq(op_n(IR_OP_ext_i32_i64, I64, I64, 1, &t32, &v, 0, NULL),
                      0xffffffff80000000ull);
    ck_assert_uint_eq(op_n(IR_OP_extu_i32_i64, I64, I64, 1, &t32, &v, 0, NULL),
                      M32);
    v = 0x123456789ull;
    ck_assert_uint_eq(op_n(IR_OP_extrl_i64_i32, I32, I32, 1, &t64, &v, 0, NULL),
                      0x23456789);
    ck_assert_uint_eq(op_n(IR_OP_extrh_i64_i32, I32, I32, 1, &t64, &v, 0, NULL),
                      1);
}
END_TEST

static uint64_t setcond(IrType t, IrCond c, uint64_t a, uint64_t b)
{
    IrType ty[2] = { t, t };
    uint64_t in[2] = { a, b };
    int64_t k = c;
    return op_n(IR_OP_setcond, t, t, 2, ty, in, 1, &k);
}

START_TEST(test_conditions)
{
    ck_assert_uint_eq(setcond(I32, IR_COND_LT, M32, 0), 1);
    ck_assert_uint_eq(setcond(I32, IR_COND_LTU, M32, 0), 0);
    ck_assert_uint_eq(setcond(I64, IR_COND_LT, M32, 0), 0);
    ck_assert_uint_eq(setcond(I32, IR_COND_GE, 0, 0xffffffff), 1);
    ck_assert_uint_eq(setcond(I32, IR_COND_GEU, 0, 0xffffffff), 0);
    ck_assert_uint_eq(setcond(I64, IR_COND_LE, 5, 5), 1);
    ck_assert_uint_eq(setcond(I64, IR_COND_GT, 5, 5), 0);
    ck_assert_uint_eq(setcond(I64, IR_COND_LEU, ~0ull, 1), 0);
    ck_assert_uint_eq(setcond(I64, IR_COND_GTU, ~0ull, 1), 1);
    ck_assert_uint_eq(setcond(I32, IR_COND_EQ, 3, 3), 1);
    ck_assert_uint_eq(setcond(I32, IR_COND_NE, 3, 3), 0);
    ck_assert_uint_eq(setcond(I32, IR_COND_NEVER, 3, 3), 0);
    ck_assert_uint_eq(setcond(I32, IR_COND_ALWAYS, 3, 4), 1);

    IrType ty[4] = { I32, I32, I32, I32 };
    uint64_t in[4] = { 1, 2, 10, 20 };
    int64_t c = IR_COND_GT;
    ck_assert_uint_eq(op_n(IR_OP_movcond, I32, I32, 4, ty, in, 1, &c), 20);
    c = IR_COND_LT;
    ck_assert_uint_eq(op_n(IR_OP_movcond, I32, I32, 4, ty, in, 1, &c), 10);
}
END_TEST

START_TEST(test_branches)
{
    /* if (a <u b) exit 2 else: loop 3 times adding 5 to g0, exit 3 */
    for (int taken = 0; taken < 2; taken++) {
        IrCtx *ctx = ir_ctx_new();
        Env env = { .g = { 0 } };
        IrTemp g0 = ir_global(ctx, I64, 0, "g0");
        IrTemp g1 = ir_global(ctx, I64, 8, "g1");
        IrLabel l = ir_label_new(ctx), top = ir_label_new(ctx);
        IrTemp n = ir_temp_new(ctx, I32);
        env.g[1] = taken ? 1 : ~0ull;
        ir_brcond(ctx, I64, g1, ir_const_i64(ctx, 5), IR_COND_LTU, l);
        ir_mov(ctx, I32, n, ir_const_i32(ctx, 3));
        ir_set_label(ctx, top);
        ir_add(ctx, I64, g0, g0, ir_const_i64(ctx, 5));
        ir_sub(ctx, I32, n, n, ir_const_i32(ctx, 1));
        ir_brcond(ctx, I32, n, ir_const_i32(ctx, 0), IR_COND_NE, top);
        ir_goto_tb(ctx, 0);
        ir_exit_tb(ctx, 3);
        ir_set_label(ctx, l);
        ir_exit_tb(ctx, 2);
        run(ctx, &env);
        ck_assert_int_eq(last.kind, IR_EXIT_TB);
        ck_assert_uint_eq(last.value, taken ? 2 : 3);
        ck_assert_uint_eq(env.g[0], taken ? 0 : 15);
        ir_ctx_free(ctx);
    }
}
END_TEST

START_TEST(test_env_memops)
{
    IrCtx *ctx = ir_ctx_new();
    Env env = { .g = { 0 } };
    IrTemp g0 = ir_global(ctx, I64, 0, "g0");
    IrTemp g1 = ir_global(ctx, I32, 8, "g1");
    IrTemp g2 = ir_global(ctx, I64, 16, "g2");
    int32_t s = (int32_t)offsetof(Env, scratch);
    memcpy(env.scratch, "\x81\x82\x83\x84\x85\x86\x87\x88", 8);
    ir_ld_env(ctx, I64, g0, s, IR_MO_SB);                   /* 0xff..81 */
    ir_ld_env(ctx, I32, g1, s + 1, IR_MO_UW | IR_MO_BE);    /* 0x8283 */
    ir_ld_env(ctx, I64, g2, s, IR_MO_SL | IR_MO_BE);        /* 0xff..81828384 */
    ir_st_env(ctx, I64, ir_const_i64(ctx, 0x1122334455667788ll), s + 8,
              IR_MO_UW | IR_MO_BE);
    ir_st_env(ctx, I32, ir_const_i32(ctx, 0x11223344), s + 12, IR_MO_32);
    ir_exit_tb(ctx, 0);
    run(ctx, &env);
    ck_assert_int_eq(last.kind, IR_EXIT_TB);
    ck_assert_uint_eq(env.g[0], 0xffffffffffffff81ull);
    ck_assert_uint_eq((uint32_t)env.g[1], 0x8283);
    ck_assert_uint_eq(env.g[2], 0xffffffff81828384ull);
    ck_assert_mem_eq(env.scratch + 8, "\x77\x88\0\0\x44\x33\x22\x11", 8);
    ir_ctx_free(ctx);
}
END_TEST

/* One atomic OPC on guest[8..] holding MEM, mop MOP; returns d; *after =
   the memory afterwards. */
static uint64_t atomic(IrOpcode opc, IrType t, IrMemOp mop, uint64_t mem,
                       uint64_t cmpv, uint64_t v, uint64_t *after)
{
    IrCtx *ctx = ir_ctx_new();
    Env env = { .g = { 0 } };
    IrTemp d = ir_global(ctx, t, 0, "d");
    IrTemp addr = ir_const_i64(ctx, 8);
    memset(guest, 0xee, sizeof guest);
    memcpy(guest + 8, &mem, 8);
    if (opc == IR_OP_cmpxchg)
        ir_cmpxchg(ctx, t, d, addr, ir_const(ctx, t, cmpv), ir_const(ctx, t, v),
                   mop);
    else {
        IrOp *op = ir_emit_op(ctx, opc, t);
        op->args[0].temp = d;
        op->args[1].temp = addr;
        op->args[2].temp = ir_const(ctx, t, v);
        op->args[3].imm = mop;
    }
    ir_exit_tb(ctx, 0);
    run(ctx, &env);
    ck_assert_int_eq(last.kind, IR_EXIT_TB);
    memcpy(after, guest + 8, 8);
    ck_assert_uint_eq(guest[7], 0xee);
    ck_assert_uint_eq(guest[16], 0xee);
    ir_ctx_free(ctx);
    return env.g[0];
}

START_TEST(test_atomics)
{
    uint64_t m;
    /* cmpxchg compares at the memop size: 0x1ff matches byte 0xff */
    ck_assert_uint_eq(atomic(IR_OP_cmpxchg, I64, IR_MO_SB, 0x77665544332211ffull,
                             0x1ff, 0x12, &m), ~0ull);
    ck_assert_uint_eq(m, 0x7766554433221112ull);
    ck_assert_uint_eq(atomic(IR_OP_cmpxchg, I32, IR_MO_32, 5, 6, 7, &m), 5);
    ck_assert_uint_eq(m, 5);
    ck_assert_uint_eq(atomic(IR_OP_xchg, I64, IR_MO_64, 5, 0, 9, &m), 5);
    ck_assert_uint_eq(m, 9);
    ck_assert_uint_eq(atomic(IR_OP_fetch_add, I32, IR_MO_16, 0x1fffe, 0, 3, &m),
                      0xfffe);
    ck_assert_uint_eq(m, 0x10001);
    ck_assert_uint_eq(atomic(IR_OP_fetch_and, I64, IR_MO_32, 0xff0f, 0, 0xf0ff, &m),
                      0xff0f);
    ck_assert_uint_eq(m, 0xf00f);
    ck_assert_uint_eq(atomic(IR_OP_fetch_or, I64, IR_MO_8, 0x10, 0, 0x301, &m), 0x10);
    ck_assert_uint_eq(m, 0x11);
    ck_assert_uint_eq(atomic(IR_OP_fetch_xor, I32, IR_MO_SL, M32, 0, 1, &m),
                      M32);
    ck_assert_uint_eq(m, M32 + 1);
    /* signed byte compare: 0x80 (-128) < 0x05 */
    ck_assert_uint_eq(atomic(IR_OP_fetch_smin, I64, IR_MO_SB, 0x05, 0, 0x80, &m), 5);
    ck_assert_uint_eq(m, 0x80);
    ck_assert_uint_eq(atomic(IR_OP_fetch_smax, I64, IR_MO_SB, 0x05, 0, 0x80, &m), 5);
    ck_assert_uint_eq(m, 0x05);
    ck_assert_uint_eq(atomic(IR_OP_fetch_umin, I64, IR_MO_UB, 0x05, 0, 0x80, &m), 5);
    ck_assert_uint_eq(m, 0x05);
    ck_assert_uint_eq(atomic(IR_OP_fetch_umax, I64, IR_MO_SB, 0x05, 0, 0x80, &m), 5);
    ck_assert_uint_eq(m, 0x80);
    ck_assert_uint_eq(atomic(IR_OP_fetch_umax, I32, IR_MO_SB, 0x85, 0, 0x1, &m),
                      0xffffff85);
    ck_assert_uint_eq(m, 0x85);
}
END_TEST

START_TEST(test_guest_access)
{
    IrCtx *ctx = ir_ctx_new();
    Env env = { .g = { 0 } };
    IrTemp g0 = ir_global(ctx, I64, 0, "g0");
    IrTemp g1 = ir_global(ctx, I32, 8, "g1");
    memset(guest, 0, sizeof guest);
    guest[3] = 0x80;
    ir_ld_guest(ctx, I64, g0, ir_const_i64(ctx, 0), IR_MO_SL);
    ir_st_guest(ctx, I32, ir_const_i32(ctx, 0x01020304), ir_const_i64(ctx, 9),
                IR_MO_UL | IR_MO_BE);
    ir_ld_guest(ctx, I32, g1, ir_const_i64(ctx, 10), IR_MO_UW);
    ir_ld_guest(ctx, I32, g1, ir_const_i64(ctx, 62), IR_MO_UL);   /* faults */
    ir_exit_tb(ctx, 0);
    run(ctx, &env);
    ck_assert_int_eq(last.kind, IR_EXIT_FAULT);
    ck_assert_uint_eq(last.value, 62);
    ck_assert_uint_eq(env.g[0], 0xffffffff80000000ull);
    ck_assert_uint_eq((uint32_t)env.g[1], 0x0302);
    ck_assert_mem_eq(guest + 9, "\x01\x02\x03\x04", 4);
    ir_ctx_free(ctx);

    ctx = ir_ctx_new();
    g0 = ir_global(ctx, I64, 0, "g0");
    ir_ld_guest(ctx, I64, g0, ir_const_i64(ctx, 2), IR_MO_UL | IR_MO_ALIGN);
    ir_exit_tb(ctx, 0);
    run(ctx, &env);
    ck_assert_int_eq(last.kind, IR_EXIT_FAULT);
    ir_ctx_free(ctx);
}
END_TEST

static uint64_t helper6(uint64_t a, uint64_t b, uint64_t c, uint64_t d,
                        uint64_t e, uint64_t f)
{
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f;
}

static const IrHelper h6 = { "helper6", (void (*)(void))helper6, 0 };

static uint64_t lookup(void *opaque, uint64_t pc)
{
    (void)opaque;
    return pc == 0x1000 ? 0xabc : 0;
}

START_TEST(test_call_and_exits)
{
    IrCtx *ctx = ir_ctx_new();
    Env env = { .g = { 0 } };
    IrTemp g0 = ir_global(ctx, I64, 0, "g0");
    IrTemp g1 = ir_global(ctx, I32, 8, "g1");
    IrTemp args[6] = {
        ir_const_i64(ctx, 1), ir_const_i32(ctx, -1), ir_const_i64(ctx, 0),
        ir_const_i64(ctx, 0), ir_const_i64(ctx, 0), ir_const_i64(ctx, 1),
    };
    ir_call(ctx, I64, 1, &g0, 6, args, &h6);      /* 1 + 2*0xffffffff + 6 */
    ir_call(ctx, I32, 1, &g1, 6, args, &h6);
    IrTemp p = ir_temp_new(ctx, I64);
    ir_lookup_tb(ctx, p, ir_const_i64(ctx, 0x1000));
    ir_goto_ptr(ctx, p);
    IrInterpConfig cfg = config(&env);
    cfg.lookup = lookup;
    ir_interp_run(ctx, &cfg, &last);
    ck_assert_int_eq(last.kind, IR_EXIT_GOTO_PTR);
    ck_assert_uint_eq(last.value, 0xabc);
    ck_assert(last.looked_up);
    ck_assert_uint_eq(last.lookup_pc, 0x1000);
    ck_assert_uint_eq(env.g[0], 0x200000005ull);
    ck_assert_uint_eq((uint32_t)env.g[1], 5);
    ir_ctx_free(ctx);
}
END_TEST

/* ---- floating point ----------------------------------------------------- */

static uint64_t d2b(double d)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    return b;
}

static uint64_t f2b(float f)
{
    uint32_t b;
    memcpy(&b, &f, 4);
    return b;
}

#define QNAN_D 0x7ff8000000000123ull
#define SNAN_D 0x7ff0000000000123ull
#define QNAN_F 0x7fc00123u
#define SNAN_F 0x7f800123u

static int flags;

static uint64_t fop(IrOpcode opc, IrType t, IrType ot, unsigned nin,
                    const IrType *it, const uint64_t *in, unsigned nc,
                    const int64_t *c)
{
    feclearexcept(FE_ALL_EXCEPT);
    uint64_t r = op_n(opc, t, ot, nin, it, in, nc, c);
    flags = fetestexcept(FE_ALL_EXCEPT);
    return r;
}

static uint64_t fbin(IrOpcode opc, IrType t, uint64_t a, uint64_t b)
{
    IrType ty[2] = { t, t };
    uint64_t in[2] = { a, b };
    return fop(opc, t, t, 2, ty, in, 0, NULL);
}

START_TEST(test_fp_minmax)
{
    uint64_t one = d2b(1.0), pz = d2b(0.0), nz = d2b(-0.0);
    ck_assert_uint_eq(fbin(IR_OP_fmin, IR_F64, QNAN_D, one), one);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(fbin(IR_OP_fmin, IR_F64, one, QNAN_D), QNAN_D);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(fbin(IR_OP_fmax, IR_F64, one, SNAN_D), SNAN_D);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(fbin(IR_OP_fmin, IR_F64, nz, pz), pz);
    ck_assert_uint_eq(fbin(IR_OP_fmin, IR_F64, pz, nz), nz);
    ck_assert_uint_eq(fbin(IR_OP_fmax, IR_F64, nz, pz), pz);
    ck_assert_uint_eq(fbin(IR_OP_fmax, IR_F64, pz, nz), nz);
    ck_assert_uint_eq(fbin(IR_OP_fmin, IR_F64, one, d2b(2.0)), one);
    ck_assert_int_eq(flags, 0);
    ck_assert_uint_eq(fbin(IR_OP_fmax, IR_F32, f2b(1.0f), f2b(2.0f)), f2b(2.0f));
    ck_assert_uint_eq(fbin(IR_OP_fmax, IR_F32, QNAN_F, f2b(2.0f)), f2b(2.0f));
    ck_assert_int_eq(flags, FE_INVALID);
}
END_TEST

static uint64_t fcmp(IrType t, IrCond c, uint64_t a, uint64_t b)
{
    IrType ty[2] = { t, t };
    uint64_t in[2] = { a, b };
    int64_t k = c;
    return fop(IR_OP_fcmp, t, IR_I32, 2, ty, in, 1, &k);
}

START_TEST(test_fp_compare)
{
    ck_assert_uint_eq(fcmp(IR_F64, IR_COND_EQ, QNAN_D, QNAN_D), 0);
    ck_assert_int_eq(flags, 0);
    ck_assert_uint_eq(fcmp(IR_F64, IR_COND_EQ, SNAN_D, d2b(1)), 0);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(fcmp(IR_F64, IR_COND_LT, QNAN_D, d2b(1)), 0);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(fcmp(IR_F32, IR_COND_LE, f2b(1), QNAN_F), 0);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(fcmp(IR_F64, IR_COND_EQ, d2b(0.0), d2b(-0.0)), 1);
    ck_assert_uint_eq(fcmp(IR_F64, IR_COND_LT, d2b(-0.0), d2b(0.0)), 0);
    ck_assert_uint_eq(fcmp(IR_F64, IR_COND_LE, d2b(-0.0), d2b(0.0)), 1);
    ck_assert_uint_eq(fcmp(IR_F32, IR_COND_LT, f2b(-INFINITY), f2b(1)), 1);
    ck_assert_int_eq(flags, 0);
}
END_TEST

static uint64_t ftoi(IrOpcode opc, IrType dt, IrType st, uint64_t a, IrRound rm)
{
    int64_t k = rm;
    return fop(opc, dt, dt, 1, &st, &a, 1, &k);
}

START_TEST(test_fp_to_int)
{
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I64, IR_F64, d2b(2.5), IR_RM_RNE), 2);
    ck_assert_int_eq(flags, FE_INEXACT);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I64, IR_F64, d2b(-2.5), IR_RM_RNE), -2ull);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I64, IR_F64, d2b(2.5), IR_RM_RUP), 3);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I64, IR_F64, d2b(-2.5), IR_RM_RDN), -3ull);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I64, IR_F64, d2b(-2.5), IR_RM_RTZ), -2ull);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I32, IR_F64, d2b(3.0), IR_RM_RNE), 3);
    ck_assert_int_eq(flags, 0);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I64, IR_F64, QNAN_D, IR_RM_RNE),
                      0x7fffffffffffffffull);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I32, IR_F32, QNAN_F, IR_RM_RNE),
                      0x7fffffff);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I64, IR_F64, d2b(-1e20), IR_RM_RNE), M64);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I32, IR_F64, d2b(2147483647.5), IR_RM_RTZ),
                      0x7fffffff);
    ck_assert_int_eq(flags, FE_INEXACT);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I32, IR_F64, d2b(2147483647.5), IR_RM_RNE),
                      0x7fffffff);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I32, IR_F64, d2b(-2147483648.9), IR_RM_RTZ),
                      M32);
    ck_assert_int_eq(flags, FE_INEXACT);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I64, IR_F64, d2b(INFINITY), IR_RM_RTZ),
                      0x7fffffffffffffffull);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(ftoi(IR_OP_ftou, I64, IR_F64, d2b(-1.0), IR_RM_RNE), 0);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(ftoi(IR_OP_ftou, I64, IR_F64, d2b(-0.5), IR_RM_RTZ), 0);
    ck_assert_int_eq(flags, FE_INEXACT);
    ck_assert_uint_eq(ftoi(IR_OP_ftou, I64, IR_F64, d2b(-0.5), IR_RM_RDN), 0);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(ftoi(IR_OP_ftou, I64, IR_F64, d2b(0x1p64), IR_RM_RNE), ~0ull);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(ftoi(IR_OP_ftou, I64, IR_F64, d2b(0x1.fffffffffffffp63),
                           IR_RM_RNE), 0xfffffffffffff800ull);
    ck_assert_int_eq(flags, 0);
    ck_assert_uint_eq(ftoi(IR_OP_ftou, I32, IR_F32, QNAN_F, IR_RM_RNE), 0xffffffff);
    ck_assert_uint_eq(ftoi(IR_OP_ftou, I32, IR_F32, f2b(-INFINITY), IR_RM_RNE), 0);
    ck_assert_int_eq(flags, FE_INVALID);
    ck_assert_uint_eq(ftoi(IR_OP_ftou, I32, IR_F64, d2b(4294967295.4), IR_RM_RNE),
                      0xffffffff);
    ck_assert_int_eq(flags, FE_INEXACT);

    /* IR_RM_DYN follows the host mode */
    fesetround(FE_UPWARD);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I64, IR_F64, d2b(1.25), IR_RM_DYN), 2);
    ck_assert_uint_eq(ftoi(IR_OP_ftoi, I64, IR_F64, d2b(1.25), IR_RM_RNE), 1);
    ck_assert_int_eq(fegetround(), FE_UPWARD);
    fesetround(FE_TONEAREST);
}
END_TEST

START_TEST(test_fp_convert)
{
    IrType t64 = I64, t32 = I32, f64 = IR_F64, f32 = IR_F32;
    uint64_t v = ~0ull;
    ck_assert_uint_eq(fop(IR_OP_utof, IR_F64, IR_F64, 1, &t64, &v, 0, NULL),
                      d2b(0x1p64));
    ck_assert_int_eq(flags, FE_INEXACT);
    fesetround(FE_TOWARDZERO);
    ck_assert_uint_eq(fop(IR_OP_utof, IR_F64, IR_F64, 1, &t64, &v, 0, NULL),
                      0x43efffffffffffffull);
    fesetround(FE_TONEAREST);
    ck_assert_uint_eq(fop(IR_OP_itof, IR_F64, IR_F64, 1, &t64, &v, 0, NULL),
                      d2b(-1.0));
    ck_assert_int_eq(flags, 0);
    v = 0xffffffff;
    ck_assert_uint_eq(fop(IR_OP_itof, IR_F32, IR_F32, 1, &t32, &v, 0, NULL),
                      f2b(-1.0f));
    ck_assert_uint_eq(fop(IR_OP_utof, IR_F32, IR_F32, 1, &t32, &v, 0, NULL),
                      f2b(4294967296.0f));
    ck_assert_int_eq(flags, FE_INEXACT);
    v = d2b(1e40);
    ck_assert_uint_eq(fop(IR_OP_fcvt, IR_F32, IR_F32, 1, &f64, &v, 0, NULL),
                      f2b(INFINITY));
    ck_assert_int_eq(flags, FE_OVERFLOW | FE_INEXACT);
    v = SNAN_F;
    uint64_t r = fop(IR_OP_fcvt, IR_F64, IR_F64, 1, &f32, &v, 0, NULL);
    ck_assert_uint_eq(r & 0x7ff8000000000000ull, 0x7ff8000000000000ull);
    ck_assert_int_eq(flags, FE_INVALID);
    v = SNAN_D;
    ck_assert_uint_eq(fop(IR_OP_bitcast_f2i, I64, I64, 1, &f64, &v, 0, NULL),
                      SNAN_D);
    ck_assert_int_eq(flags, 0);
}
END_TEST

START_TEST(test_fp_arith)
{
    IrType ty[3] = { IR_F64, IR_F64, IR_F64 };
    uint64_t in[3] = { d2b(2), d2b(3), d2b(1) };
    int64_t neg[4] = { IR_FMA_PLAIN, IR_FMA_NEG_MUL, IR_FMA_NEG_ADD,
                       IR_FMA_NEG_BOTH };
    double want[4] = { 7, -5, 5, -7 };
    for (int i = 0; i < 4; i++)
        ck_assert_uint_eq(fop(IR_OP_fma, IR_F64, IR_F64, 3, ty, in, 1, &neg[i]),
                          d2b(want[i]));
    /* single rounding: (1 + 2^-52)(1 - 2^-52) - 1 = -2^-104 exactly */
    uint64_t in2[3] = { d2b(1 + 0x1p-52), d2b(1 - 0x1p-52), d2b(1) };
    ck_assert_uint_eq(fop(IR_OP_fma, IR_F64, IR_F64, 3, ty, in2, 1, &neg[2]),
                      d2b(-0x1p-104));
    ck_assert_int_eq(flags, 0);
    ck_assert_uint_eq(fbin(IR_OP_fdiv, IR_F64, d2b(1), d2b(0)), d2b(INFINITY));
    ck_assert_int_eq(flags, FE_DIVBYZERO);
    ck_assert_uint_eq(fbin(IR_OP_fadd, IR_F32, f2b(1), f2b(0x1p-30f)), f2b(1));
    ck_assert_int_eq(flags, FE_INEXACT);
    fesetround(FE_UPWARD);
    ck_assert_uint_eq(fbin(IR_OP_fadd, IR_F32, f2b(1), f2b(0x1p-30f)),
                      f2b(1 + 0x1p-23f));
    fesetround(FE_TONEAREST);
    IrType f = IR_F64;
    uint64_t x = d2b(-4);
    uint64_t r = fop(IR_OP_fsqrt, IR_F64, IR_F64, 1, &f, &x, 0, NULL);
    ck_assert_uint_eq(r & 0x7ff0000000000000ull, 0x7ff0000000000000ull);
    ck_assert_int_eq(flags, FE_INVALID);
    x = SNAN_D;
    ck_assert_uint_eq(fop(IR_OP_fneg, IR_F64, IR_F64, 1, &f, &x, 0, NULL),
                      SNAN_D | M64);
    ck_assert_int_eq(flags, 0);
    x = d2b(-0.0);
    ck_assert_uint_eq(fop(IR_OP_fabs, IR_F64, IR_F64, 1, &f, &x, 0, NULL), 0);
}
END_TEST

/* ---- the interpreter's own checks --------------------------------------- */

START_TEST(test_errors)
{
    IrCtx *ctx = ir_ctx_new();
    Env env = { .g = { 0 } };
    IrTemp g0 = ir_global(ctx, I64, 0, "g0");
    IrTemp t = ir_temp_new(ctx, I64);
    ir_add(ctx, I64, g0, g0, t);                  /* t never written */
    ir_exit_tb(ctx, 0);
    run(ctx, &env);
    ck_assert_int_eq(last.kind, IR_EXIT_ERROR);
    ir_ctx_free(ctx);

    ctx = ir_ctx_new();
    g0 = ir_global(ctx, I64, 0, "g0");
    IrTemp b = ir_temp_new_bb(ctx, I64);
    IrLabel l = ir_label_new(ctx);
    ir_mov(ctx, I64, b, g0);
    ir_set_label(ctx, l);
    ir_mov(ctx, I64, g0, b);                      /* b died at the label */
    ir_exit_tb(ctx, 0);
    run(ctx, &env);
    ck_assert_int_eq(last.kind, IR_EXIT_ERROR);
    ir_ctx_free(ctx);

    ctx = ir_ctx_new();
    g0 = ir_global(ctx, I64, 0, "g0");
    IrTemp i32 = ir_temp_new(ctx, I32);
    ir_add(ctx, I64, g0, g0, i32);                /* wrong operand type */
    ir_exit_tb(ctx, 0);
    run(ctx, &env);
    ck_assert_int_eq(last.kind, IR_EXIT_ERROR);
    ir_ctx_free(ctx);

    ctx = ir_ctx_new();
    l = ir_label_new(ctx);
    ir_set_label(ctx, l);
    ir_br(ctx, l);                                /* forever */
    run(ctx, &env);
    ck_assert_int_eq(last.kind, IR_EXIT_STEP_LIMIT);
    ir_ctx_free(ctx);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ir_interp");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_arith);
    tcase_add_test(tc, test_shifts);
    tcase_add_test(tc, test_mul_high);
    tcase_add_test(tc, test_division);
    tcase_add_test(tc, test_bits);
    tcase_add_test(tc, test_widths);
    tcase_add_test(tc, test_conditions);
    tcase_add_test(tc, test_branches);
    tcase_add_test(tc, test_env_memops);
    tcase_add_test(tc, test_atomics);
    tcase_add_test(tc, test_guest_access);
    tcase_add_test(tc, test_call_and_exits);
    tcase_add_test(tc, test_fp_minmax);
    tcase_add_test(tc, test_fp_compare);
    tcase_add_test(tc, test_fp_to_int);
    tcase_add_test(tc, test_fp_convert);
    tcase_add_test(tc, test_fp_arith);
    tcase_add_test(tc, test_errors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
