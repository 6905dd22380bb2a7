/*
 * The JIT's execution protocol, running real generated code (suite jit):
 * prologue/exit_tb round trip, goto_tb linking and unlinking (aligned,
 * patchable rel32), lookup_tb + goto_ptr, helper calls and the stack
 * alignment they see, the host-pc -> guest-pc map, a full code cache
 * (-1, nothing committed, earlier blocks intact, flush) -- each in the
 * normal and in the W^X code cache.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir-build.h"
#include "jit.h"
#include "jit_emit.h"
#include "jit_harness.h"
#include "check_run.h"

static Jit *new_jit(bool wx, size_t size, const void *(*lookup)(void *, uint64_t))
{
    JitConfig cfg = {
        .host_features = x86_host_features(),
        .code_size = size,
        .wx = wx,
        .lookup = lookup,
    };
    char err[256];
    Jit *jit = jit_new(&cfg, err, sizeof err);
    ck_assert_msg(jit != NULL, "%s", err);
    return jit;
}

/* A block made of operand-less ops: ctx's ops from FIRST on. */
static JitTb plain_block(Jit *jit, IrCtx *ctx, size_t first)
{
    JitEmit *em = jit_emit_begin(jit, ctx, false);
    for (size_t i = first; i < ir_op_count(ctx); i++)
        harness_emit_plain(em, ctx, i);
    JitTb tb;
    ck_assert_int_eq(jit_emit_finish(em, &tb, NULL, NULL, NULL), 0);
    return tb;
}

static JitTb exit_block(Jit *jit, IrCtx *ctx, uint64_t val)
{
    size_t first = ir_op_count(ctx);
    ir_exit_tb(ctx, val);
    return plain_block(jit, ctx, first);
}

START_TEST(exit_roundtrip)
{
    static const uint64_t vals[] = { 0, 1, 0x1234, 0x7fffffff, 0x80000000,
                                     0xdeadbeefcafebabeull, UINT64_MAX };
    Jit *jit = new_jit(_i, 0, NULL);
    IrCtx *ctx = ir_ctx_new();
    uint64_t env[4] = { 0 };
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        JitTb tb = exit_block(jit, ctx, vals[i]);
        ck_assert_uint_eq(jit_enter(jit, env, tb.code), vals[i]);
        jit_tb_free(&tb);
    }
    ir_ctx_free(ctx);
    jit_free(jit);
}
END_TEST

START_TEST(goto_tb_link)
{
    Jit *jit = new_jit(_i, 0, NULL);
    IrCtx *ctx = ir_ctx_new();
    uint64_t env[4] = { 0 };

    size_t first = ir_op_count(ctx);
    ir_goto_tb(ctx, 0);
    ir_exit_tb(ctx, 1);
    ir_goto_tb(ctx, 1);
    ir_exit_tb(ctx, 11);
    JitTb a = plain_block(jit, ctx, first);
    JitTb b = exit_block(jit, ctx, 2);
    first = ir_op_count(ctx);
    ir_goto_tb(ctx, 0);
    ir_exit_tb(ctx, 3);
    JitTb c = plain_block(jit, ctx, first);

    for (int s = 0; s < 2; s++) {
        ck_assert_uint_ne(a.jmp_insn[s], JIT_NO_JMP);
        ck_assert_uint_eq(((uintptr_t)a.code + a.jmp_insn[s] + 1) & 3, 0);
        ck_assert_uint_eq(a.code[a.jmp_insn[s]], 0xe9);
        ck_assert_uint_eq(a.jmp_reset[s], a.jmp_insn[s] + 5);
    }
    ck_assert_uint_eq(b.jmp_insn[0], JIT_NO_JMP);
    ck_assert_uint_eq(c.jmp_insn[1], JIT_NO_JMP);

    ck_assert_uint_eq(jit_enter(jit, env, a.code), 1);   /* falls through */
    jit_tb_link(jit, &a, 0, b.code);
    ck_assert_uint_eq(jit_enter(jit, env, a.code), 2);
    jit_tb_link(jit, &a, 0, c.code);                    /* c -> exit 3 */
    ck_assert_uint_eq(jit_enter(jit, env, a.code), 3);
    jit_tb_link(jit, &c, 0, b.code);                    /* a -> c -> b */
    ck_assert_uint_eq(jit_enter(jit, env, a.code), 2);
    jit_tb_unlink(jit, &c, 0);
    ck_assert_uint_eq(jit_enter(jit, env, a.code), 3);
    jit_tb_unlink(jit, &a, 0);
    ck_assert_uint_eq(jit_enter(jit, env, a.code), 1);

    /* slot 1: reached when slot 0 jumps to it */
    jit_tb_link(jit, &a, 0, a.code + a.jmp_insn[1]);
    ck_assert_uint_eq(jit_enter(jit, env, a.code), 11);
    jit_tb_link(jit, &a, 1, b.code);
    ck_assert_uint_eq(jit_enter(jit, env, a.code), 2);
    jit_tb_unlink(jit, &a, 1);
    ck_assert_uint_eq(jit_enter(jit, env, a.code), 11);

    jit_tb_free(&a);
    jit_tb_free(&b);
    jit_tb_free(&c);
    ir_ctx_free(ctx);
    jit_free(jit);
}
END_TEST

/* The linked target sees the same env and frame: add env[1] += 5 there. */
START_TEST(chained_block_state)
{
    Jit *jit = new_jit(_i, 0, NULL);
    IrCtx *ctx = ir_ctx_new();
    uint64_t env[H_ENV_WORDS] = { 0 };
    IrTemp t = ir_temp_new(ctx, IR_I64);

    size_t first = ir_op_count(ctx);
    ir_goto_tb(ctx, 0);
    ir_exit_tb(ctx, 1);
    JitTb a = plain_block(jit, ctx, first);

    size_t ld = ir_op_count(ctx);
    ir_ld_env(ctx, IR_I64, t, H_IN(1), IR_MO_UQ);
    size_t add = ir_op_count(ctx);
    ir_add(ctx, IR_I64, t, t, ir_const_i64(ctx, 5));
    size_t st = ir_op_count(ctx);
    ir_st_env(ctx, IR_I64, t, H_IN(1), IR_MO_UQ);
    size_t ex = ir_op_count(ctx);
    ir_exit_tb(ctx, 9);

    JitEmit *em = jit_emit_begin(jit, ctx, false);
    const RaHost *h = jit_emit_host(em);
    RaArg r = { .reg = 3 /* rbx */ }, args[2] = { r, r };
    args[1] = (RaArg){ .reg = -1, .is_const = true, .val = 5 };
    h->op(h->be, ir_op_at(ctx, ld), ir_cons_select(IR_OP_ld_env, IR_I64, h->features), &r);
    RaArg add_args[3] = { r, r, args[1] };
    h->op(h->be, ir_op_at(ctx, add), ir_cons_select(IR_OP_add, IR_I64, h->features), add_args);
    h->op(h->be, ir_op_at(ctx, st), ir_cons_select(IR_OP_st_env, IR_I64, h->features), &r);
    harness_emit_plain(em, ctx, ex);
    JitTb b;
    ck_assert_int_eq(jit_emit_finish(em, &b, NULL, NULL, NULL), 0);

    env[1] = 100;
    jit_tb_link(jit, &a, 0, b.code);
    ck_assert_uint_eq(jit_enter(jit, env, a.code), 9);
    ck_assert_uint_eq(env[1], 105);
    ck_assert_uint_eq(jit_enter(jit, env, a.code), 9);
    ck_assert_uint_eq(env[1], 110);
    jit_tb_free(&a);
    jit_tb_free(&b);
    ir_ctx_free(ctx);
    jit_free(jit);
}
END_TEST

static const uint8_t *lookup_target;
static void *lookup_env_seen;

static const void *test_lookup(void *env, uint64_t pc)
{
    lookup_env_seen = env;
    return pc == 0x42 ? lookup_target : NULL;
}

/* ld_env t0 = env[0]; lookup_tb t1 = t0; goto_ptr t1 */
static JitTb lookup_block(Jit *jit, IrCtx *ctx)
{
    IrTemp pc = ir_temp_new(ctx, IR_I64), p = ir_temp_new(ctx, IR_I64);
    size_t lk = ir_op_count(ctx);
    ir_lookup_tb(ctx, p, pc);
    size_t gp = ir_op_count(ctx);
    ir_goto_ptr(ctx, p);

    JitEmit *em = jit_emit_begin(jit, ctx, false);
    const RaHost *h = jit_emit_host(em);
    const IrConsSet *cs = ir_cons_select(IR_OP_lookup_tb, IR_I64, h->features);
    ck_assert(cs->clobber & (1u << 7));          /* rdi: a call */
    /* pc in rbx (callee-saved: survives the call), result in r12 */
    h->load(h->be, IR_I64, 3, h->env_reg, 0);
    RaArg a[2] = { { .reg = 12 }, { .reg = 3 } };
    h->op(h->be, ir_op_at(ctx, lk), cs, a);
    h->op(h->be, ir_op_at(ctx, gp),
          ir_cons_select(IR_OP_goto_ptr, IR_VOID, h->features), &a[0]);
    JitTb tb;
    ck_assert_int_eq(jit_emit_finish(em, &tb, NULL, NULL, NULL), 0);
    return tb;
}

START_TEST(lookup_goto_ptr)
{
    Jit *jit = new_jit(_i, 0, test_lookup);
    IrCtx *ctx = ir_ctx_new();
    uint64_t env[4] = { 0 };
    JitTb b = exit_block(jit, ctx, 77);
    JitTb l = lookup_block(jit, ctx);
    lookup_target = b.code;

    env[0] = 0x42;
    ck_assert_uint_eq(jit_enter(jit, env, l.code), 77);
    ck_assert_ptr_eq(lookup_env_seen, env);
    env[0] = 0x43;                               /* miss: the return-0 stub */
    ck_assert_uint_eq(jit_enter(jit, env, l.code), 0);
    ck_assert_uint_eq(jit_enter(jit, env, jit_ret0_stub(jit)), 0);
    jit_tb_free(&b);
    jit_tb_free(&l);
    ir_ctx_free(ctx);
    jit_free(jit);

    /* no lookup hook: always a miss */
    jit = new_jit(_i, 0, NULL);
    ctx = ir_ctx_new();
    l = lookup_block(jit, ctx);
    env[0] = 0x42;
    ck_assert_uint_eq(jit_enter(jit, env, l.code), 0);
    jit_tb_free(&l);
    ir_ctx_free(ctx);
    jit_free(jit);
}
END_TEST

static uint64_t helper_mix6(uint64_t a, uint64_t b, uint64_t c, uint64_t d,
                            uint64_t e, uint64_t f)
{
    return a + 3 * b + 5 * c + 7 * d + 11 * e + 13 * f;
}

static uint64_t seen_sp_mod16 = 99;

static uint64_t helper_sp(void)
{
    /* with a frame pointer, rbp = entry rsp - 8: 16-aligned iff the
     * caller's rsp was (SysV ABI 3.2.2) */
    seen_sp_mod16 = (uintptr_t)__builtin_frame_address(0) % 16;
    return 5;
}

static const IrHelper h_mix6 = { "mix6", (void (*)(void))helper_mix6, 0 };
static const IrHelper h_sp = { "sp", (void (*)(void))helper_sp, 0 };

START_TEST(helper_calls)
{
    Jit *jit = new_jit(_i, 0, NULL);
    IrCtx *ctx = ir_ctx_new();
    uint64_t env[H_ENV_WORDS] = { 0 };
    IrTemp ret = ir_temp_new(ctx, IR_I64), args[6];
    for (int i = 0; i < 6; i++)
        args[i] = ir_temp_new(ctx, IR_I64);
    size_t c6 = ir_op_count(ctx);
    ir_call(ctx, IR_I64, 1, &ret, 6, args, &h_mix6);
    size_t c0 = ir_op_count(ctx);
    ir_call(ctx, IR_I64, 1, &ret, 0, NULL, &h_sp);

    for (int i = 0; i < 6; i++)
        env[i] = 1000u * (i + 1) + 1;
    HarnessCfg hc = { 0 };
    ck_assert_int_eq(harness_run_op(jit, ctx, c6, &hc, env), 0);
    ck_assert_uint_eq(env[8], helper_mix6(env[0], env[1], env[2], env[3],
                                          env[4], env[5]));
    ck_assert_int_eq(harness_run_op(jit, ctx, c0, &hc, env), 0);
    ck_assert_uint_eq(env[8], 5);
    ck_assert_uint_eq(seen_sp_mod16, 0);
    ir_ctx_free(ctx);
    jit_free(jit);
}
END_TEST

START_TEST(pc_map)
{
    Jit *jit = new_jit(_i, 0, NULL);
    IrCtx *ctx = ir_ctx_new();
    uint64_t env[H_ENV_WORDS] = { 0 };
    ir_insn_start(ctx, 0x10000);
    ir_exit_tb(ctx, 1);             /* code between the two starts */
    ir_insn_start(ctx, 0x10004);
    ir_exit_tb(ctx, 2);
    JitTb tb = plain_block(jit, ctx, 0);
    ck_assert_uint_eq(tb.nb_insns, 2);
    ck_assert_uint_eq(tb.pc_map[0].guest_pc, 0x10000);
    ck_assert_uint_eq(tb.pc_map[1].guest_pc, 0x10004);
    ck_assert_uint_eq(tb.pc_map[0].host_off, 0);
    ck_assert_uint_gt(tb.pc_map[1].host_off, 0);
    ck_assert_uint_lt(tb.pc_map[1].host_off, tb.size);
    ck_assert_uint_eq(jit_enter(jit, env, tb.code), 1);
    ck_assert_uint_eq(jit_enter(jit, env, tb.code + tb.pc_map[1].host_off), 2);
    jit_tb_free(&tb);
    ir_ctx_free(ctx);
    jit_free(jit);
}
END_TEST

/* Blocks of ~N bytes: exit_tb with 64-bit values (10+5 bytes each). */
static int big_block(Jit *jit, IrCtx *ctx, unsigned n, JitTb *tb)
{
    ir_ctx_reset(ctx);
    for (unsigned i = 0; i < n; i++)
        ir_exit_tb(ctx, 0x1122334455667700ull + i);
    JitEmit *em = jit_emit_begin(jit, ctx, false);
    for (size_t i = 0; i < ir_op_count(ctx); i++)
        harness_emit_plain(em, ctx, i);
    return jit_emit_finish(em, tb, NULL, NULL, NULL);
}

START_TEST(cache_full)
{
    Jit *jit = new_jit(_i, 8192, NULL);
    IrCtx *ctx = ir_ctx_new();
    uint64_t env[4] = { 0 };
    JitTb tbs[64];
    int n = 0;
    while (n < 64 && big_block(jit, ctx, 20, &tbs[n]) == 0)
        n++;
    ck_assert_int_gt(n, 3);
    ck_assert_int_lt(n, 64);
    /* the failed block committed nothing and wrote nothing into earlier
     * ones: they all still run, and the last one ends inside the cache */
    const uint8_t *last_end = tbs[n - 1].code + tbs[n - 1].size;
    for (int i = 0; i < n; i++) {
        ck_assert_uint_eq(jit_enter(jit, env, tbs[i].code), 0x1122334455667700ull);
        ck_assert(tbs[i].code + tbs[i].size <= last_end);
    }
    JitTb again;
    ck_assert_int_eq(big_block(jit, ctx, 20, &again), -1);
    /* a small block may still fit */
    ir_ctx_reset(ctx);
    JitTb small = exit_block(jit, ctx, 5);
    ck_assert_uint_eq(jit_enter(jit, env, small.code), 5);
    jit_tb_free(&small);
    for (int i = 0; i < n; i++)
        jit_tb_free(&tbs[i]);

    jit_flush(jit);
    ck_assert_int_eq(big_block(jit, ctx, 20, &again), 0);
    ck_assert_ptr_eq(again.code, tbs[0].code);   /* the space is reused */
    ck_assert_uint_eq(jit_enter(jit, env, again.code), 0x1122334455667700ull);
    jit_tb_free(&again);
    ir_ctx_free(ctx);
    jit_free(jit);
}
END_TEST

/* In W^X mode the code runs from a mapping that is not writable. */
START_TEST(wx_mappings)
{
    Jit *jit = new_jit(true, 0, NULL);
    IrCtx *ctx = ir_ctx_new();
    JitTb tb = exit_block(jit, ctx, 1);
    FILE *f = fopen("/proc/self/maps", "r");
    ck_assert_ptr_nonnull(f);
    char line[512];
    bool found = false;
    uintptr_t code = (uintptr_t)tb.code;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3)
            continue;
        if (code >= lo && code < hi) {
            found = true;
            ck_assert_msg(perms[1] == '-' && perms[2] == 'x', "%s", line);
        }
        ck_assert_msg(!(perms[1] == 'w' && perms[2] == 'x') ||
                      !strstr(line, "rvtcg-code"), "W+X: %s", line);
    }
    fclose(f);
    ck_assert(found);
    jit_tb_free(&tb);
    ir_ctx_free(ctx);
    jit_free(jit);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("jit_exec");
    TCase *tc = tcase_create("exec");
    /* _i: 0 = one RWX mapping, 1 = W^X */
    tcase_add_loop_test(tc, exit_roundtrip, 0, 2);
    tcase_add_loop_test(tc, goto_tb_link, 0, 2);
    tcase_add_loop_test(tc, chained_block_state, 0, 2);
    tcase_add_loop_test(tc, lookup_goto_ptr, 0, 2);
    tcase_add_loop_test(tc, helper_calls, 0, 2);
    tcase_add_loop_test(tc, pc_map, 0, 2);
    tcase_add_loop_test(tc, cache_full, 0, 2);
    tcase_add_test(tc, wx_mappings);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
