/*
 * Hand-written register-allocator tests: the liveness bits of small
 * blocks, lazy write-back of globals (how many stores reach the CPU
 * state), fixed registers, aliasing and the same temp twice, immediates,
 * calls and their clobbers, TB temps across blocks, register pressure of
 * both classes, spill-area exhaustion, and that the checker itself
 * catches broken allocations.  Every allocation is proven by ra_check
 * (ra_check.h) along several paths.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir-build.h"
#include "ra_check.h"
#include "ra_gen.h"
#include "check_run.h"

static IrCtx *ctx;
static RaMock m;
static IrTemp x[8];     /* i64 globals x0..x7 at env + 8*i */
static IrTemp f[4];     /* f64 globals f0..f3 at env + 64 + 8*i */

static const IrHelper h_plain = { "h_plain", NULL, 0 };
static const IrHelper h_pure = { "h_pure", NULL,
                                 IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB };

static void setup(void)
{
    ctx = ir_ctx_new();
    char name[8];
    for (int i = 0; i < 8; i++) {
        snprintf(name, sizeof(name), "x%d", i);
        x[i] = ir_global(ctx, IR_I64, 8 * i, name);
    }
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof(name), "f%d", i);
        f[i] = ir_global(ctx, IR_F64, 64 + 8 * i, name);
    }
    memset(&m, 0, sizeof(m));
}

static void teardown(void)
{
    ra_mock_free(&m);
    ir_ctx_free(ctx);
}

static IrTemp c64(int64_t v)
{
    return ir_const_i64(ctx, v);
}

/* Allocates ctx with FEATURES and proves the result along 8 paths. */
static void alloc_ok(uint32_t features)
{
    ra_mock_free(&m);
    ra_mock_init(&m, ctx, features);
    int rc = ra_codegen(ctx, &m.host);
    char err[512] = "";
    bool ok = rc == 0 && ra_check(&m, 8, 42, err, sizeof(err));
    if (!ok)
        ra_gen_dump(ctx, stderr);
    ck_assert_msg(rc == 0, "ra_codegen returned %d", rc);
    ck_assert_msg(ok, "%s", err);
}

static size_t frame_stores(void)
{
    size_t n = 0;
    for (size_t i = 0; i < m.nb_ev; i++)
        n += m.ev[i].kind == RA_EV_STORE && m.ev[i].reg2 == m.host.frame_reg;
    return n;
}

static size_t env_loads(int32_t off)
{
    size_t n = 0;
    for (size_t i = 0; i < m.nb_ev; i++)
        n += m.ev[i].kind == RA_EV_LOAD &&
             m.ev[i].reg2 == m.host.env_reg && m.ev[i].off == off;
    return n;
}

/* The event of op INDEX. */
static const RaEvent *op_event(uint32_t index)
{
    for (size_t i = 0; i < m.nb_ev; i++)
        if (m.ev[i].kind == RA_EV_OP && m.ev[i].op_index == index)
            return &m.ev[i];
    ck_abort_msg("op %u not emitted", index);
    return NULL;
}

/* ---- liveness ------------------------------------------------------------ */

START_TEST(test_live_bits)
{
    IrTemp b = ir_temp_new_bb(ctx, IR_I64);
    ir_add(ctx, IR_I64, b, x[0], x[1]);          /* 0 */
    ir_mov(ctx, IR_I64, x[0], b);                /* 1 */
    ir_exit_tb(ctx, 0);                          /* 2 */
    ra_liveness(ctx);
    /* x0, x1 are not read again; b is read by the mov */
    ck_assert_uint_eq(ctx->ops[0].life, IR_LIFE_DEAD(1) | IR_LIFE_DEAD(2));
    /* x0's new value must reach memory before the exit */
    ck_assert_uint_eq(ctx->ops[1].life,
                      IR_LIFE_DEAD(0) | IR_LIFE_SYNC(0) | IR_LIFE_DEAD(1));
    ck_assert_uint_eq(ctx->ops[2].life, 0);
}
END_TEST

START_TEST(test_live_lazy_sync)
{
    /* written twice with no sync point between: only the second syncs */
    ir_add(ctx, IR_I64, x[0], x[0], c64(1));     /* 0 */
    ir_add(ctx, IR_I64, x[0], x[0], c64(2));     /* 1 */
    ir_ld_guest(ctx, IR_I64, x[1], x[2], IR_MO_UQ);  /* 2: may fault */
    ir_add(ctx, IR_I64, x[0], x[0], c64(3));     /* 3 */
    ir_add(ctx, IR_I64, x[0], x[0], c64(4));     /* 4 */
    ir_exit_tb(ctx, 0);
    ra_liveness(ctx);
    ck_assert(!(ctx->ops[0].life & IR_LIFE_SYNC(0)));
    ck_assert(ctx->ops[1].life & IR_LIFE_SYNC(0));
    ck_assert(!(ctx->ops[1].life & IR_LIFE_DEAD(0)));   /* read by op 3 */
    ck_assert(!(ctx->ops[3].life & IR_LIFE_SYNC(0)));
    ck_assert(ctx->ops[4].life & IR_LIFE_SYNC(0));
    ck_assert(ctx->ops[4].life & IR_LIFE_DEAD(0));
    /* the loaded x1 reaches memory before the exit */
    ck_assert(ctx->ops[2].life & IR_LIFE_SYNC(0));
}
END_TEST

START_TEST(test_live_call_flags)
{
    /* a helper that reads no globals is no sync point; a plain one is */
    ir_add(ctx, IR_I64, x[0], x[0], c64(1));     /* 0 */
    ir_call(ctx, IR_VOID, 0, NULL, 0, NULL, &h_pure);
    ir_add(ctx, IR_I64, x[1], x[1], c64(1));     /* 2 */
    ir_call(ctx, IR_VOID, 0, NULL, 0, NULL, &h_plain);
    ir_add(ctx, IR_I64, x[0], x[0], c64(1));     /* 4 */
    ir_add(ctx, IR_I64, x[1], x[1], c64(1));     /* 5 */
    ir_exit_tb(ctx, 0);
    ra_liveness(ctx);
    ck_assert(ctx->ops[0].life & IR_LIFE_SYNC(0));   /* before h_plain */
    ck_assert(ctx->ops[2].life & IR_LIFE_SYNC(0));
    /* after the wglob call the old registers are stale: x0 is dead
     * after op 0 although op 4 reads x0 (from memory) */
    ck_assert(ctx->ops[0].life & IR_LIFE_DEAD(0));
    alloc_ok(0);
    ck_assert_uint_eq(ra_mock_env_stores(&m, 0), 2);
    ck_assert_uint_eq(env_loads(0), 2);     /* before and after the call */
}
END_TEST

START_TEST(test_live_tb_local)
{
    /* a TB temp used in one block only is never stored to the frame */
    IrTemp t = ir_temp_new(ctx, IR_I64), u = ir_temp_new(ctx, IR_I64);
    IrLabel l = ir_label_new(ctx);
    ir_add(ctx, IR_I64, t, x[0], x[1]);
    ir_add(ctx, IR_I64, x[2], t, t);
    ir_add(ctx, IR_I64, u, x[0], c64(5));        /* crosses the label */
    ir_brcond(ctx, IR_I64, x[3], c64(0), IR_COND_EQ, l);
    ir_set_label(ctx, l);
    ir_mov(ctx, IR_I64, x[4], u);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ck_assert_uint_eq(frame_stores(), 1);       /* u only */
}
END_TEST

/* ---- lazy write-back ------------------------------------------------------- */

START_TEST(test_lazy_one_store)
{
    for (int i = 0; i < 5; i++)
        ir_add(ctx, IR_I64, x[0], x[0], c64(i + 1));
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ck_assert_uint_eq(ra_mock_env_stores(&m, 0), 1);
    ck_assert_uint_eq(env_loads(0), 1);
}
END_TEST

START_TEST(test_lazy_fault_between)
{
    ir_add(ctx, IR_I64, x[0], x[0], c64(1));
    ir_st_guest(ctx, IR_I64, x[1], x[2], IR_MO_UQ);
    ir_add(ctx, IR_I64, x[0], x[0], c64(2));
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ck_assert_uint_eq(ra_mock_env_stores(&m, 0), 2);
}
END_TEST

START_TEST(test_lazy_const_global)
{
    /* a global set to a constant and overwritten: no code for the first */
    ir_mov(ctx, IR_I64, x[0], c64(0x123456789));
    ir_add(ctx, IR_I64, x[1], x[0], c64(1));
    ir_mov(ctx, IR_I64, x[0], c64(7));
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ck_assert_uint_eq(ra_mock_env_stores(&m, 0), 1);
    /* x0 + 1 with x0 = 0x123456789 needs the constant in a register */
    ck_assert_uint_ge(ra_mock_count(&m, RA_EV_MOVI), 2);
}
END_TEST

START_TEST(test_fallthrough_keeps_globals)
{
    IrLabel l = ir_label_new(ctx);
    IrTemp b = ir_temp_new_bb(ctx, IR_I64);
    ir_add(ctx, IR_I64, b, x[0], c64(1));
    ir_brcond(ctx, IR_I64, b, c64(0), IR_COND_NE, l);
    ir_add(ctx, IR_I64, x[1], x[0], c64(2));   /* x0 still in a register */
    ir_set_label(ctx, l);
    ir_add(ctx, IR_I64, x[2], x[0], c64(3));   /* reloaded after the label */
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ck_assert_uint_eq(env_loads(0), 2);
}
END_TEST

/* ---- constraints ------------------------------------------------------------ */

START_TEST(test_div_rem_live_inputs)
{
    IrTemp q = ir_temp_new_bb(ctx, IR_I64), r = ir_temp_new_bb(ctx, IR_I64);
    IrTemp s = ir_temp_new_bb(ctx, IR_I64);
    ir_div(ctx, IR_I64, q, x[0], x[1]);      /* x0 lives on: copied */
    ir_rem(ctx, IR_I64, r, x[0], x[1]);
    ir_add(ctx, IR_I64, s, x[0], x[1]);
    ir_add(ctx, IR_I64, s, s, q);
    ir_add(ctx, IR_I64, x[2], s, r);
    ir_divu(ctx, IR_I32, ir_temp_new_bb(ctx, IR_I32), ir_const_i32(ctx, 7),
            ir_const_i32(ctx, -1));
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    const RaEvent *e = op_event(0);
    ck_assert_int_eq(e->args[0].reg, IR_X86_RAX);
    ck_assert_int_eq(e->args[1].reg, IR_X86_RAX);
    ck_assert_int_ne(e->args[2].reg, IR_X86_RDX);
    e = op_event(1);
    ck_assert_int_eq(e->args[0].reg, IR_X86_RDX);
    ck_assert_int_eq(e->args[1].reg, IR_X86_RAX);
}
END_TEST

START_TEST(test_divisor_in_rdx)
{
    /* the divisor's home is rdx (a mulsh result), and it lives on */
    IrTemp h = ir_temp_new_bb(ctx, IR_I64), q = ir_temp_new_bb(ctx, IR_I64);
    ir_mulsh(ctx, IR_I64, h, x[0], x[1]);    /* h in rdx */
    ir_div(ctx, IR_I64, q, x[2], h);
    ir_rem(ctx, IR_I64, x[3], q, h);
    ir_add(ctx, IR_I64, x[4], h, q);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
}
END_TEST

START_TEST(test_same_temp_twice)
{
    IrTemp a = ir_temp_new_bb(ctx, IR_I64), d = ir_temp_new_bb(ctx, IR_I64);
    IrTemp args[6] = { a, a, a, a, a, a };
    ir_add(ctx, IR_I64, a, x[0], c64(3));
    ir_add(ctx, IR_I64, d, a, a);                  /* a lives on */
    ir_sub(ctx, IR_I64, d, d, d);                  /* d dies, redefined */
    ir_deposit(ctx, IR_I64, d, a, a, 8, 8);        /* & output, a == b */
    ir_orc(ctx, IR_I64, d, d, d);
    ir_cmpxchg(ctx, IR_I64, d, a, a, a, IR_MO_UQ);
    ir_xchg(ctx, IR_I64, d, d, d, IR_MO_UQ);
    ir_movcond(ctx, IR_I64, d, a, d, a, d, IR_COND_LT);
    ir_div(ctx, IR_I64, d, d, d);
    ir_rem(ctx, IR_I64, d, a, a);
    ir_call(ctx, IR_I64, 1, &a, 6, args, &h_plain);
    ir_shl(ctx, IR_I64, a, a, a);
    ir_mov(ctx, IR_I64, x[1], a);
    ir_mov(ctx, IR_I64, x[2], d);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ra_mock_free(&m);
    alloc_ok(0x7f);
}
END_TEST

START_TEST(test_fixed_inputs_swapped)
{
    /* call(b, a) where a is in rdi and b in rsi from an earlier call */
    IrTemp a = ir_temp_new_bb(ctx, IR_I64), b = ir_temp_new_bb(ctx, IR_I64);
    IrTemp args[2];
    ir_add(ctx, IR_I64, a, x[0], c64(1));
    ir_add(ctx, IR_I64, b, x[1], c64(2));
    args[0] = a; args[1] = b;
    ir_call(ctx, IR_VOID, 0, NULL, 2, args, &h_pure);
    args[0] = b; args[1] = a;
    ir_call(ctx, IR_VOID, 0, NULL, 2, args, &h_pure);
    ir_add(ctx, IR_I64, x[2], a, b);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
}
END_TEST

START_TEST(test_immediates)
{
    IrTemp d = ir_temp_new_bb(ctx, IR_I64), w = ir_temp_new_bb(ctx, IR_I32);
    ir_add(ctx, IR_I64, d, x[0], c64(0x7fffffff));         /* 0: s32 */
    ir_add(ctx, IR_I64, d, d, c64(0x80000000));             /* 1: register */
    ir_extrl_i64_i32(ctx, w, d);                           /* 2 */
    ir_add(ctx, IR_I32, w, w, ir_const_i32(ctx, -1));       /* 3: s32 */
    ir_shl(ctx, IR_I64, d, d, c64(3));                      /* 4: u8 */
    ir_shl(ctx, IR_I64, d, d, c64(300));                    /* 5: register */
    ir_st_env(ctx, IR_I32, ir_const_i32(ctx, (int32_t)0xdeadbeef), 200,
              IR_MO_UL);                                    /* 6: s32 */
    ir_ext_i32_i64(ctx, x[1], w);
    ir_mov(ctx, IR_I64, x[2], d);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ck_assert_int_eq(op_event(0)->args[2].reg, -1);
    ck_assert_int_eq(op_event(0)->args[2].val, 0x7fffffff);
    ck_assert_int_ge(op_event(1)->args[2].reg, 0);
    ck_assert_int_eq(op_event(3)->args[2].reg, -1);
    ck_assert_int_eq(op_event(3)->args[2].val, -1);
    ck_assert_int_eq(op_event(4)->args[2].reg, -1);
    ck_assert_int_eq(op_event(5)->args[2].reg, IR_X86_RCX);
    ck_assert_int_eq(op_event(6)->args[0].reg, -1);
    ck_assert_int_eq(op_event(6)->args[0].val, (int32_t)0xdeadbeef);
}
END_TEST

START_TEST(test_call_clobbers)
{
    /* values live across a call survive it; the result is in rax */
    IrTemp v[10], r = ir_temp_new_bb(ctx, IR_I64);
    for (int i = 0; i < 10; i++) {
        v[i] = ir_temp_new_bb(ctx, IR_I64);
        ir_add(ctx, IR_I64, v[i], x[i % 8], c64(i));
    }
    IrTemp fv = ir_temp_new_bb(ctx, IR_F64);
    ir_fadd(ctx, IR_F64, fv, f[0], f[1]);
    ir_call(ctx, IR_I64, 1, &r, 3, v, &h_plain);
    for (int i = 0; i < 10; i++)
        ir_add(ctx, IR_I64, r, r, v[i]);
    ir_mov(ctx, IR_I64, x[0], r);
    ir_mov(ctx, IR_F64, f[2], fv);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
}
END_TEST

START_TEST(test_fallback_alternatives)
{
    /* without popcnt/fma the ops are constrained like calls */
    IrTemp p = ir_temp_new_bb(ctx, IR_I64), q = ir_temp_new_bb(ctx, IR_F64);
    ir_ctpop(ctx, IR_I64, p, x[0]);
    ir_fma(ctx, IR_F64, q, f[0], f[1], f[0], IR_FMA_PLAIN);
    ir_fma(ctx, IR_F64, q, q, q, q, IR_FMA_NEG_MUL);
    ir_add(ctx, IR_I64, x[1], p, x[0]);
    ir_fadd(ctx, IR_F64, f[2], q, f[0]);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ck_assert_int_eq(op_event(0)->args[0].reg, IR_X86_RAX);
    ck_assert_int_eq(op_event(0)->args[1].reg, IR_X86_RDI);
    ra_mock_free(&m);
    alloc_ok(IR_X86F_POPCNT | IR_X86F_FMA);
}
END_TEST

START_TEST(test_types_and_consts)
{
    /* i32 / f32 globals move at their own width; fp constants go through
     * movi into an xmm register; discard releases a value */
    IrCtx *c2 = ir_ctx_new();
    IrTemp w = ir_global(c2, IR_I32, 0, "w");
    IrTemp s = ir_global(c2, IR_F32, 8, "s");
    IrTemp d = ir_global(c2, IR_F64, 16, "d");
    IrTemp b = ir_temp_new_bb(c2, IR_I32), e = ir_temp_new_bb(c2, IR_F64);
    ir_add(c2, IR_I32, b, w, ir_const_i32(c2, 0x12345));
    ir_mul(c2, IR_I32, w, b, b);
    ir_fadd(c2, IR_F32, s, s, ir_const_f32(c2, 1.5f));
    ir_fmul(c2, IR_F64, e, d, ir_const_f64(c2, -2.25));
    ir_discard(c2, IR_I32, b);
    ir_mov(c2, IR_F64, d, e);
    ir_mov(c2, IR_F32, s, ir_const_f32(c2, 3.0f));
    ir_exit_tb(c2, 0);
    IrCtx *saved = ctx;
    ctx = c2;
    alloc_ok(0);
    size_t xmm_movi = 0;
    for (size_t i = 0; i < m.nb_ev; i++)
        xmm_movi += m.ev[i].kind == RA_EV_MOVI && m.ev[i].reg >= IR_X86_XMM0;
    ck_assert_uint_ge(xmm_movi, 3);
    ra_mock_free(&m);
    ctx = saved;
    ir_ctx_free(c2);
}
END_TEST

/* ---- blocks ------------------------------------------------------------------ */

START_TEST(test_tb_temp_across_blocks)
{
    IrTemp t = ir_temp_new(ctx, IR_I64);
    IrLabel l1 = ir_label_new(ctx), l2 = ir_label_new(ctx);
    ir_add(ctx, IR_I64, t, x[0], x[1]);
    ir_brcond(ctx, IR_I64, x[2], c64(0), IR_COND_EQ, l1);
    ir_add(ctx, IR_I64, t, t, c64(1));
    ir_br(ctx, l2);
    ir_set_label(ctx, l1);
    ir_add(ctx, IR_I64, t, t, c64(2));
    ir_set_label(ctx, l2);
    ir_mov(ctx, IR_I64, x[3], t);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
}
END_TEST

START_TEST(test_loop)
{
    /* a counted loop over a TB temp: values flow around the back edge */
    IrTemp i = ir_temp_new(ctx, IR_I64), s = ir_temp_new(ctx, IR_F64);
    IrLabel top = ir_label_new(ctx);
    ir_mov(ctx, IR_I64, i, c64(0));
    ir_mov(ctx, IR_F64, s, f[0]);
    ir_set_label(ctx, top);
    ir_fadd(ctx, IR_F64, s, s, f[1]);
    ir_add(ctx, IR_I64, x[0], x[0], i);
    ir_add(ctx, IR_I64, i, i, c64(1));
    ir_brcond(ctx, IR_I64, i, c64(10), IR_COND_LT, top);
    ir_mov(ctx, IR_F64, f[2], s);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
}
END_TEST

/* ---- pressure ------------------------------------------------------------------ */

START_TEST(test_pressure_gpr_xmm)
{
    enum { NI = 40, NF = 30 };
    IrTemp v[NI], w[NF];
    for (int i = 0; i < NI; i++) {
        v[i] = ir_temp_new_bb(ctx, i % 3 ? IR_I64 : IR_I32);
        if (i % 3)
            ir_add(ctx, IR_I64, v[i], x[i % 8], c64(i));
        else
            ir_extrl_i64_i32(ctx, v[i], x[i % 8]);
    }
    for (int i = 0; i < NF; i++) {
        w[i] = ir_temp_new_bb(ctx, IR_F64);
        ir_fmul(ctx, IR_F64, w[i], f[i % 4], f[(i + 1) % 4]);
    }
    IrTemp s = ir_temp_new_bb(ctx, IR_I64), fs = ir_temp_new_bb(ctx, IR_F64);
    IrTemp e = ir_temp_new_bb(ctx, IR_I64);
    ir_mov(ctx, IR_I64, s, c64(0));
    for (int i = NI - 1; i >= 0; i--) {
        if (i % 3) {
            ir_add(ctx, IR_I64, s, s, v[i]);
        } else {
            ir_ext_i32_i64(ctx, e, v[i]);
            ir_xor(ctx, IR_I64, s, s, e);
        }
    }
    ir_mov(ctx, IR_F64, fs, w[0]);
    for (int i = 1; i < NF; i++)
        ir_fadd(ctx, IR_F64, fs, fs, w[i]);
    ir_mov(ctx, IR_I64, x[0], s);
    ir_mov(ctx, IR_F64, f[0], fs);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ck_assert_uint_gt(frame_stores(), 20);
    /* the same program with a one-slot spill area does not fit */
    ra_mock_free(&m);
    ra_mock_init(&m, ctx, 0);
    m.host.frame_size = 8;
    ck_assert_int_eq(ra_codegen(ctx, &m.host), -1);
}
END_TEST

START_TEST(test_no_frame_needed)
{
    ir_add(ctx, IR_I64, x[0], x[1], x[2]);
    ir_exit_tb(ctx, 0);
    ra_mock_init(&m, ctx, 0);
    m.host.frame_size = 0;
    ck_assert_int_eq(ra_codegen(ctx, &m.host), 0);
}
END_TEST

START_TEST(test_few_registers)
{
    /* a host that leaves only the registers some constraint fixes */
    enum { N = 12 };
    IrTemp v[N];
    for (int i = 0; i < N; i++) {
        v[i] = ir_temp_new_bb(ctx, IR_I64);
        ir_mul(ctx, IR_I64, v[i], x[i % 8], c64(i + 3));
    }
    IrTemp q = ir_temp_new_bb(ctx, IR_I64);
    ir_div(ctx, IR_I64, q, v[0], v[1]);
    for (int i = 0; i < N; i++)
        ir_add(ctx, IR_I64, q, q, v[i]);
    ir_mov(ctx, IR_I64, x[0], q);
    ir_exit_tb(ctx, 0);
    ra_mock_init(&m, ctx, 0);
    m.host.allocatable = (1u << IR_X86_RAX) | (1u << IR_X86_RCX) |
                         (1u << IR_X86_RDX) | (1u << IR_X86_RSI) |
                         (1u << IR_X86_RDI) | (1u << IR_X86_R8) |
                         (1u << IR_X86_R9) | IR_X86_XMMS;
    ck_assert_int_eq(ra_codegen(ctx, &m.host), 0);
    char err[512];
    ck_assert_msg(ra_check(&m, 4, 1, err, sizeof(err)), "%s", err);
}
END_TEST

/* A pinned global lives in its register: read in place, updated in
 * place, never loaded from or stored to env. */
START_TEST(test_pinned_global)
{
    ir_global_set_fixed_reg(ctx, x[0], IR_X86_RBX);
    ir_add(ctx, IR_I64, x[0], x[0], c64(1));
    ir_add(ctx, IR_I64, x[1], x[0], x[2]);
    ir_st_guest(ctx, IR_I64, x[0], x[1], IR_MO_64);
    ir_add(ctx, IR_I64, x[0], x[0], x[1]);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ck_assert_uint_eq(ra_mock_env_stores(&m, 0), 0);
    for (size_t i = 0; i < m.nb_ev; i++)
        ck_assert(!(m.ev[i].kind == RA_EV_LOAD && m.ev[i].off == 0));
    ck_assert_uint_eq(ra_mock_count(&m, RA_EV_MOV), 1);   /* x1 = x0 + x2: x0 copied */
}
END_TEST

/* An op that reads or writes the CPU state sees a pinned global in env:
 * stored before it, reloaded after it. */
START_TEST(test_pinned_global_rglob)
{
    ir_global_set_fixed_reg(ctx, x[0], IR_X86_R12);
    ir_add(ctx, IR_I64, x[0], x[0], c64(5));
    ir_call(ctx, IR_VOID, 0, NULL, 0, NULL, &h_plain);
    ir_add(ctx, IR_I64, x[1], x[0], c64(1));
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ck_assert_uint_eq(ra_mock_env_stores(&m, 0), 1);
}
END_TEST

/* Pinning to a register the allocator may not use stops loudly. */
START_TEST(test_pinned_global_bad_reg)
{
    ir_global_set_fixed_reg(ctx, x[0], IR_X86_RBP);
    ir_add(ctx, IR_I64, x[1], x[0], c64(1));
    ir_exit_tb(ctx, 0);
    ra_mock_init(&m, ctx, 0);
    ra_codegen(ctx, &m.host);
}
END_TEST

/* ---- the checker can fail ---------------------------------------------------- */

static bool check_now(void)
{
    char err[512];
    return ra_check(&m, 4, 3, err, sizeof(err));
}

START_TEST(test_checker_catches_bugs)
{
    IrTemp b = ir_temp_new_bb(ctx, IR_I64);
    ir_add(ctx, IR_I64, b, x[0], x[1]);
    ir_div(ctx, IR_I64, x[2], x[3], b);
    ir_ld_guest(ctx, IR_I64, x[4], b, IR_MO_UQ);
    ir_add(ctx, IR_I64, x[5], b, x[2]);
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    ck_assert(check_now());

    /* dropping the write-back of x2 before the guest load */
    size_t i;
    for (i = 0; i < m.nb_ev; i++)
        if (m.ev[i].kind == RA_EV_STORE && m.ev[i].off == 16)
            break;
    ck_assert_uint_lt(i, m.nb_ev);
    RaEvent saved = m.ev[i];
    m.ev[i].off = 40;       /* to x5 instead */
    ck_assert(!check_now());
    m.ev[i] = saved;

    /* an input in the wrong register */
    RaEvent *e = (RaEvent *)op_event(3);
    int8_t r = e->args[2].reg;
    e->args[2].reg = (int8_t)(r == IR_X86_RBX ? IR_X86_R12 : IR_X86_RBX);
    ck_assert(!check_now());
    e->args[2].reg = r;

    /* the div's dividend not in rax */
    e = (RaEvent *)op_event(1);
    e->args[1].reg = IR_X86_RSI;
    ck_assert(!check_now());
    e->args[1].reg = IR_X86_RAX;
    ck_assert(check_now());
}
END_TEST

/* Hand-built records for: b = add x0, x1; x2 = div x3, b; x4 = add b, x2 */
static void ev_mem(RaEvKind k, int reg, int base, int32_t off)
{
    RaEvent *e = &m.ev[m.nb_ev++];
    memset(e, 0, sizeof(*e));
    e->kind = (uint8_t)k;
    e->type = IR_I64;
    e->reg = (int8_t)reg;
    e->reg2 = (int8_t)base;
    e->off = off;
}

static void ev_op(uint32_t index, int a0, int a1, int a2)
{
    RaEvent *e = &m.ev[m.nb_ev++];
    const IrOp *op = &ctx->ops[index];
    memset(e, 0, sizeof(*e));
    e->kind = RA_EV_OP;
    e->op_index = index;
    e->cs = ir_cons_select((IrOpcode)op->opc, (IrType)op->type, 0);
    e->nargs = (uint8_t)(op->nb_out + op->nb_in);
    int regs[3] = { a0, a1, a2 };
    for (unsigned i = 0; i < e->nargs; i++)
        e->args[i].reg = (int8_t)regs[i];
}

static void build_div_log(int breg, int copy)
{
    m.nb_ev = 0;
    ev_mem(RA_EV_LOAD, breg, IR_X86_RBP, 0);
    ev_mem(RA_EV_LOAD, IR_X86_R12, IR_X86_RBP, 8);
    ev_op(0, breg, breg, IR_X86_R12);
    ev_mem(RA_EV_LOAD, IR_X86_RAX, IR_X86_RBP, 24);
    int divisor = breg;
    if (copy >= 0) {
        RaEvent *e = &m.ev[m.nb_ev++];
        memset(e, 0, sizeof(*e));
        e->kind = RA_EV_MOV;
        e->type = IR_I64;
        e->reg = (int8_t)copy;
        e->reg2 = (int8_t)breg;
        divisor = copy;
    }
    ev_op(1, IR_X86_RAX, IR_X86_RAX, divisor);
    ev_mem(RA_EV_STORE, IR_X86_RAX, IR_X86_RBP, 16);
    ev_op(2, breg, breg, IR_X86_RAX);
    ev_mem(RA_EV_STORE, breg, IR_X86_RBP, 32);
    ev_op(3, 0, 0, 0);
    m.ev[m.nb_ev - 1].nargs = 0;
}

START_TEST(test_checker_clobber)
{
    IrTemp b = ir_temp_new_bb(ctx, IR_I64);
    ir_add(ctx, IR_I64, b, x[0], x[1]);
    ir_div(ctx, IR_I64, x[2], x[3], b);
    ir_add(ctx, IR_I64, x[4], b, x[2]);
    ir_exit_tb(ctx, 0);
    ra_mock_init(&m, ctx, 0);
    m.cap_ev = 16;
    m.ev = calloc(m.cap_ev, sizeof(*m.ev));
    ck_assert_ptr_nonnull(m.ev);

    build_div_log(IR_X86_RBX, -1);
    ck_assert(check_now());                    /* the correct record */
    build_div_log(IR_X86_RDX, -1);
    ck_assert(!check_now());                   /* divisor in clobbered rdx */
    build_div_log(IR_X86_RDX, IR_X86_RCX);
    ck_assert(!check_now());                   /* b lives in rdx across */
    build_div_log(IR_X86_RBX, IR_X86_RCX);
    ck_assert(check_now());                    /* a harmless copy */
}
END_TEST

START_TEST(test_checker_catches_width)
{
    IrTemp b = ir_temp_new_bb(ctx, IR_I64), c = ir_temp_new_bb(ctx, IR_I64);
    ir_add(ctx, IR_I64, b, x[0], x[1]);
    ir_mov(ctx, IR_I64, c, b);                  /* a copy: b lives on */
    ir_add(ctx, IR_I64, x[2], c, c64(1));
    ir_add(ctx, IR_I64, x[3], b, c64(2));
    ir_exit_tb(ctx, 0);
    alloc_ok(0);
    size_t i;
    for (i = 0; i < m.nb_ev; i++)
        if (m.ev[i].kind == RA_EV_MOV)
            break;
    ck_assert_uint_lt(i, m.nb_ev);
    m.ev[i].type = IR_I32;                      /* a 32-bit copy */
    ck_assert(!check_now());
}
END_TEST

static Suite *regalloc_suite(void)
{
    Suite *s = suite_create("regalloc");
    TCase *tc = tcase_create("live");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_live_bits);
    tcase_add_test(tc, test_live_lazy_sync);
    tcase_add_test(tc, test_live_call_flags);
    tcase_add_test(tc, test_live_tb_local);
    suite_add_tcase(s, tc);

    tc = tcase_create("lazy");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_lazy_one_store);
    tcase_add_test(tc, test_lazy_fault_between);
    tcase_add_test(tc, test_lazy_const_global);
    tcase_add_test(tc, test_fallthrough_keeps_globals);
    suite_add_tcase(s, tc);

    tc = tcase_create("constraints");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_div_rem_live_inputs);
    tcase_add_test(tc, test_divisor_in_rdx);
    tcase_add_test(tc, test_same_temp_twice);
    tcase_add_test(tc, test_fixed_inputs_swapped);
    tcase_add_test(tc, test_immediates);
    tcase_add_test(tc, test_call_clobbers);
    tcase_add_test(tc, test_fallback_alternatives);
    tcase_add_test(tc, test_types_and_consts);
    suite_add_tcase(s, tc);

    tc = tcase_create("blocks");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_tb_temp_across_blocks);
    tcase_add_test(tc, test_loop);
    suite_add_tcase(s, tc);

    tc = tcase_create("pressure");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_pressure_gpr_xmm);
    tcase_add_test(tc, test_no_frame_needed);
    tcase_add_test(tc, test_few_registers);
    tcase_add_test(tc, test_pinned_global);
    tcase_add_test(tc, test_pinned_global_rglob);
    tcase_add_test_raise_signal(tc, test_pinned_global_bad_reg, SIGABRT);
    suite_add_tcase(s, tc);

    tc = tcase_create("checker");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_checker_catches_bugs);
    tcase_add_test(tc, test_checker_catches_width);
    tcase_add_test(tc, test_checker_clobber);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(regalloc_suite());
}
