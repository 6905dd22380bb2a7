/*
 * Direct conditional chaining (JitConfig.direct_jcc, docs/backend.md
 * "Chaining and exits"), running real generated code (suite jit): the
 * frontend's conditional branch
 *     brcond x, v, NE, L; goto_tb 1; exit_tb 1; L: goto_tb 0; exit_tb 10
 * compiled by jit_compile gets a jcc whose rel32 is 4-byte aligned
 * (JitTb.jcc_rel[0]); jit_tb_link(slot 0) points that jcc straight at the
 * target, jit_tb_unlink points it back at the slot's jmp.  Every
 * combination of taken / not taken and linked / unlinked slots runs, in
 * the RWX and the W^X code cache, with blocks whose jcc needs 0..3 bytes
 * of padding, and once with direct_jcc off (no jcc_rel, same results).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ir-build.h"
#include "jit.h"
#include "jit_harness.h"
#include "check_run.h"

static Jit *new_jit(bool wx, bool direct_jcc)
{
    JitConfig cfg = {
        .host_features = x86_host_features(),
        .wx = wx,
        .direct_jcc = direct_jcc,
    };
    char err[256];
    Jit *jit = jit_new(&cfg, err, sizeof err);
    ck_assert_msg(jit != NULL, "%s", err);
    return jit;
}

static JitTb compile(Jit *jit, IrCtx *ctx)
{
    JitTb tb;
    ck_assert_int_eq(jit_compile(jit, ctx, &tb), 0);
    ir_ctx_free(ctx);
    return tb;
}

static JitTb exit_block(Jit *jit, uint64_t val)
{
    IrCtx *ctx = ir_ctx_new();
    ir_exit_tb(ctx, val);
    return compile(jit, ctx);
}

/*
 * NPAD 7-byte stores first (they move the cmp by 0, 3, 2, 1 bytes mod 4),
 * then x = env[0] compared with v: an immediate (RHS 0: 0, 1: 7, 2: a
 * 32-bit one) or env[1] (RHS 3).
 */
static JitTb branch_block(Jit *jit, IrType t, unsigned npad, unsigned rhs)
{
    static const int64_t imm[] = { 0, 7, 0x12345 };
    IrCtx *ctx = ir_ctx_new();
    IrLabel l = ir_label_new(ctx);
    for (unsigned i = 0; i < npad; i++)
        ir_st_env(ctx, IR_I32, ir_const_i32(ctx, 0x1000 + (int32_t)i),
                  H_IN(4 + i), IR_MO_UL);
    IrTemp x = ir_temp_new(ctx, t), v;
    ir_ld_env(ctx, t, x, H_IN(0), t == IR_I64 ? IR_MO_UQ : IR_MO_UL);
    if (rhs < 3) {
        v = ir_const(ctx, t, (uint64_t)imm[rhs]);
    } else {
        v = ir_temp_new(ctx, t);
        ir_ld_env(ctx, t, v, H_IN(1), t == IR_I64 ? IR_MO_UQ : IR_MO_UL);
    }
    ir_brcond(ctx, t, x, v, IR_COND_NE, l);
    ir_goto_tb(ctx, 1);
    ir_exit_tb(ctx, 1);
    ir_set_label(ctx, l);
    ir_goto_tb(ctx, 0);
    ir_exit_tb(ctx, 10);
    return compile(jit, ctx);
}

/* Where the rel32 at offset AT of TB jumps to. */
static const uint8_t *rel_target(const JitTb *tb, uint32_t at)
{
    int32_t rel;
    memcpy(&rel, tb->code + at, 4);
    return tb->code + at + 4 + rel;
}

/* Runs A with x taken (x != v) or not, expecting WANT. */
static void run(Jit *jit, const JitTb *a, uint64_t *env, uint64_t v,
                bool taken, uint64_t want)
{
    env[0] = taken ? v + 1 : v;
    env[1] = v;
    uint64_t got = jit_enter(jit, env, a->code);
    ck_assert_msg(got == want, "taken %d: exit %llu, want %llu", taken,
                  (unsigned long long)got, (unsigned long long)want);
}

static void check_block(Jit *jit, bool direct, const JitTb *a,
                        const JitTb *b, const JitTb *c, uint64_t v)
{
    uint64_t env[H_ENV_WORDS] = { 0 };
    uint32_t at = a->jcc_rel[0];
    ck_assert_uint_eq(a->jcc_rel[1], 0);            /* slot 1 falls through */
    if (direct) {
        ck_assert_uint_ne(at, 0);
        ck_assert_uint_eq(((uintptr_t)a->code + at) & 3, 0);
        ck_assert_uint_eq(a->code[at - 2], 0x0f);   /* jcc rel32 */
        ck_assert_uint_eq(a->code[at - 1] & 0xf0, 0x80);
        /* the label: the slot's padding, then its jmp */
        ck_assert(rel_target(a, at) <= a->code + a->jmp_insn[0]);
        ck_assert(rel_target(a, at) >= a->code + a->jmp_insn[0] - 3);
    } else {
        ck_assert_uint_eq(at, 0);
    }

    run(jit, a, env, v, false, 1);                  /* nothing linked */
    run(jit, a, env, v, true, 10);
    jit_tb_link(jit, a, 0, b->code);
    if (direct)                                     /* one jump to b */
        ck_assert_ptr_eq(rel_target(a, at), b->code);
    run(jit, a, env, v, true, 2);
    run(jit, a, env, v, false, 1);
    jit_tb_link(jit, a, 1, c->code);
    run(jit, a, env, v, false, 3);
    run(jit, a, env, v, true, 2);
    jit_tb_unlink(jit, a, 0);
    if (direct)
        ck_assert_ptr_eq(rel_target(a, at), a->code + a->jmp_insn[0]);
    run(jit, a, env, v, true, 10);
    run(jit, a, env, v, false, 3);
    jit_tb_link(jit, a, 0, c->code);                /* relinked elsewhere */
    run(jit, a, env, v, true, 3);
    jit_tb_unlink(jit, a, 1);
    run(jit, a, env, v, false, 1);
    jit_tb_unlink(jit, a, 0);
    run(jit, a, env, v, true, 10);
    run(jit, a, env, v, false, 1);
}

/* _i: bit 0 W^X, bit 1 direct_jcc off */
START_TEST(link_unlink)
{
    static const uint64_t vals[] = { 0, 7, 0x12345 };
    bool direct = !(_i & 2);
    Jit *jit = new_jit(_i & 1, direct);
    JitTb b = exit_block(jit, 2), c = exit_block(jit, 3);
    for (unsigned ti = 0; ti < 2; ti++) {
        IrType t = ti ? IR_I64 : IR_I32;
        for (unsigned npad = 0; npad < 4; npad++) {
            for (unsigned rhs = 0; rhs < 4; rhs++) {
                JitTb a = branch_block(jit, t, npad, rhs);
                check_block(jit, direct, &a, &b, &c, vals[rhs % 3]);
                jit_tb_free(&a);
            }
        }
    }
    jit_tb_free(&b);
    jit_tb_free(&c);
    jit_free(jit);
}
END_TEST

/* Not the frontend's pattern: code between the label and goto_tb, or a
 * label that leads to an exit: no direct jcc, the branch still works. */
START_TEST(other_labels)
{
    Jit *jit = new_jit(_i, true);
    uint64_t env[H_ENV_WORDS] = { 0 };
    for (int k = 0; k < 2; k++) {
        IrCtx *ctx = ir_ctx_new();
        IrLabel l = ir_label_new(ctx);
        IrTemp x = ir_temp_new(ctx, IR_I64);
        ir_ld_env(ctx, IR_I64, x, H_IN(0), IR_MO_UQ);
        ir_brcond(ctx, IR_I64, x, ir_const_i64(ctx, 0), IR_COND_NE, l);
        ir_goto_tb(ctx, 1);
        ir_exit_tb(ctx, 1);
        ir_set_label(ctx, l);
        if (k == 0) {
            ir_st_env(ctx, IR_I64, ir_const_i64(ctx, 42), H_IN(2), IR_MO_UQ);
            ir_goto_tb(ctx, 0);
        }
        ir_exit_tb(ctx, 10);
        JitTb a = compile(jit, ctx);
        ck_assert_uint_eq(a.jcc_rel[0], 0);
        ck_assert_uint_eq(a.jcc_rel[1], 0);
        env[0] = 5;
        env[2] = 0;
        ck_assert_uint_eq(jit_enter(jit, env, a.code), 10);
        ck_assert_uint_eq(env[2], (k == 0 ? 42u : 0u));
        env[0] = 0;
        ck_assert_uint_eq(jit_enter(jit, env, a.code), 1);
        jit_tb_free(&a);
    }
    jit_free(jit);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("jit_djcc");
    TCase *tc = tcase_create("djcc");
    tcase_add_loop_test(tc, link_unlink, 0, 4);
    tcase_add_loop_test(tc, other_labels, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
