/*
 * Smoke test of the integer lowering, running real code (suite jit): every
 * integer opcode, i32 and i64, on edge values, against a C reference, with
 * all host features and with none (BMI1/2, LZCNT, POPCNT fallbacks),
 * constant inputs as immediates or registers, and rotated register
 * choices.  Also brcond for all 12 conditions and the a / a special case
 * of the division lowering.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "ir-build.h"
#include "jit_emit.h"
#include "jit_harness.h"
#include "op_runner.h"
#include "check_run.h"

static const uint64_t vals[] = {
    0, 1, 2, 3, 5, 31, 32, 63, 64, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000,
    0xffff, 0x12345678, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
    0xfffffffffffffffeull, 0x123456789abcdef0ull, 0xfedcba9876543210ull,
};
#define NV (sizeof vals / sizeof vals[0])

static Jit *jits[2];                /* all features, none */

static void setup(void)
{
    jits[0] = runner_jit(~0u, 0);
    jits[1] = runner_jit(0, 0);
}

static void teardown(void)
{
    jit_free(jits[0]);
    jit_free(jits[1]);
}

static bool cond_holds(IrCond c, bool w64, uint64_t a, uint64_t b)
{
    int64_t sa = w64 ? (int64_t)a : (int32_t)a, sb = w64 ? (int64_t)b : (int32_t)b;
    uint64_t ua = w64 ? a : (uint32_t)a, ub = w64 ? b : (uint32_t)b;
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
    default: return ua > ub;
    }
}

static uint64_t ref_bin(IrOpcode opc, bool w64, uint64_t a, uint64_t b)
{
    unsigned w = w64 ? 64 : 32;
    uint64_t m = w64 ? ~0ull : 0xffffffffull;
    a &= m;
    b &= m;
    int64_t sa = w64 ? (int64_t)a : (int32_t)a, sb = w64 ? (int64_t)b : (int32_t)b;
    int64_t smin = w64 ? INT64_MIN : INT32_MIN;
    unsigned n = (unsigned)(b & (w - 1));
    uint64_t r;
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
    case IR_OP_sar: r = (uint64_t)(sa >> n); break;
    case IR_OP_rotl: r = n ? (a << n) | (a >> (w - n)) : a; break;
    case IR_OP_rotr: r = n ? (a >> n) | (a << (w - n)) : a; break;
    case IR_OP_mulsh:
        r = w64 ? (uint64_t)(((__int128)sa * sb) >> 64)
                : (uint64_t)((sa * sb) >> 32);
        break;
    case IR_OP_muluh:
        r = w64 ? (uint64_t)(((unsigned __int128)a * b) >> 64) : (a * b) >> 32;
        break;
    case IR_OP_mulsuh:
        r = w64 ? (uint64_t)(((__int128)sa * (__int128)b) >> 64)
                : (uint64_t)((sa * (int64_t)b) >> 32);
        break;
    case IR_OP_div:
        r = b == 0 ? m : (sa == smin && sb == -1) ? a : (uint64_t)(sa / sb);
        break;
    case IR_OP_divu: r = b == 0 ? m : a / b; break;
    case IR_OP_rem:
        r = b == 0 ? a : (sa == smin && sb == -1) ? 0 : (uint64_t)(sa % sb);
        break;
    case IR_OP_remu: r = b == 0 ? a : a % b; break;
    default: abort();
    }
    return r & m;
}

static const IrOpcode binops[] = {
    IR_OP_add, IR_OP_sub, IR_OP_mul, IR_OP_and, IR_OP_or, IR_OP_xor,
    IR_OP_andc, IR_OP_orc, IR_OP_eqv, IR_OP_nand, IR_OP_nor, IR_OP_shl,
    IR_OP_shr, IR_OP_sar, IR_OP_rotl, IR_OP_rotr, IR_OP_mulsh, IR_OP_muluh,
    IR_OP_mulsuh, IR_OP_div, IR_OP_divu, IR_OP_rem, IR_OP_remu,
};
#define NBINOPS (sizeof binops / sizeof binops[0])

/* _i: op index * 4 + type * 2 + feature set */
START_TEST(binary_ops)
{
    IrOpcode opc = binops[_i / 4];
    IrType t = (_i & 2) ? IR_I64 : IR_I32;
    Jit *jit = jits[_i & 1];
    OpSpec spec = { .opc = opc, .type = t, .out_type = t, .in_type = { t, t } };
    for (unsigned i = 0; i < NV; i++) {
        for (unsigned j = 0; j < NV; j++) {
            OpRun run = { .in = { vals[i], vals[j] },
                          .const_mask = (i + j) & 3, .rot = i * 3 + j,
                          .mxcsr = 0x1f80 };
            OpResult r = runner_run(jit, &spec, &run);
            uint64_t want = ref_bin(opc, t == IR_I64, vals[i], vals[j]);
            ck_assert_msg(r.out == want,
                          "%s.%s %#llx, %#llx (consts %u): got %#llx, want %#llx",
                          ir_op_info[opc].name, ir_type_names[t],
                          (unsigned long long)vals[i], (unsigned long long)vals[j],
                          run.const_mask, (unsigned long long)r.out,
                          (unsigned long long)want);
        }
    }
}
END_TEST

static uint64_t ref_unary(IrOpcode opc, bool w64, uint64_t a)
{
    unsigned w = w64 ? 64 : 32;
    uint64_t m = w64 ? ~0ull : 0xffffffffull;
    a &= m;
    switch (opc) {
    case IR_OP_neg: return -a & m;
    case IR_OP_not: return ~a & m;
    case IR_OP_clz: return a ? (unsigned)__builtin_clzll(a) - (64 - w) : w;
    case IR_OP_ctz: return a ? (unsigned)__builtin_ctzll(a) : w;
    case IR_OP_ctpop: return (unsigned)__builtin_popcountll(a);
    case IR_OP_bswap:
        return w64 ? __builtin_bswap64(a) : __builtin_bswap32((uint32_t)a);
    default: abort();
    }
}

static const IrOpcode unops[] = {
    IR_OP_neg, IR_OP_not, IR_OP_clz, IR_OP_ctz, IR_OP_ctpop, IR_OP_bswap,
};
#define NUNOPS (sizeof unops / sizeof unops[0])

START_TEST(unary_ops)
{
    IrOpcode opc = unops[_i / 4];
    IrType t = (_i & 2) ? IR_I64 : IR_I32;
    Jit *jit = jits[_i & 1];
    OpSpec spec = { .opc = opc, .type = t, .out_type = t, .in_type = { t } };
    for (unsigned i = 0; i < NV; i++) {
        for (unsigned rot = 0; rot < 16; rot += 5) {
            OpRun run = { .in = { vals[i] }, .rot = rot + i, .mxcsr = 0x1f80 };
            OpResult r = runner_run(jit, &spec, &run);
            uint64_t want = ref_unary(opc, t == IR_I64, vals[i]);
            ck_assert_msg(r.out == want, "%s.%s %#llx: got %#llx, want %#llx",
                          ir_op_info[opc].name, ir_type_names[t],
                          (unsigned long long)vals[i], (unsigned long long)r.out,
                          (unsigned long long)want);
        }
    }
}
END_TEST

/* extract, sextract, deposit on a range of fields; ext/extr */
START_TEST(fields)
{
    Jit *jit = jits[_i & 1];
    IrType t = (_i & 2) ? IR_I64 : IR_I32;
    unsigned w = t == IR_I64 ? 64 : 32;
    uint64_t m = t == IR_I64 ? ~0ull : 0xffffffffull;
    static const unsigned ofs_len[][2] = {
        { 0, 8 }, { 0, 16 }, { 0, 32 }, { 8, 8 }, { 3, 5 }, { 16, 16 },
        { 0, 1 }, { 31, 1 }, { 1, 31 }, { 0, 31 }, { 4, 28 }, { 10, 40 },
        { 32, 32 }, { 0, 64 }, { 63, 1 }, { 1, 63 }, { 20, 44 }, { 0, 63 },
    };
    for (size_t f = 0; f < sizeof ofs_len / sizeof ofs_len[0]; f++) {
        unsigned ofs = ofs_len[f][0], len = ofs_len[f][1];
        if (ofs + len > w)
            continue;
        uint64_t fm = len == 64 ? ~0ull : (1ull << len) - 1;
        for (unsigned i = 0; i < NV; i++) {
            uint64_t a = vals[i] & m, b = vals[(i * 7 + 3) % NV] & m;
            uint64_t field = (a >> ofs) & fm;
            uint64_t sfield = field;
            if (len < 64 && (field >> (len - 1)) & 1)
                sfield |= ~fm;
            OpRun run = { .in = { a, b }, .rot = i + f, .mxcsr = 0x1f80 };
            OpSpec spec = { .opc = IR_OP_extract, .type = t, .out_type = t,
                            .in_type = { t, t }, .k = { ofs, len } };
            ck_assert_uint_eq(runner_run(jit, &spec, &run).out, field);
            spec.opc = IR_OP_sextract;
            ck_assert_uint_eq(runner_run(jit, &spec, &run).out, sfield & m);
            spec.opc = IR_OP_deposit;
            uint64_t dep = (a & ~(fm << ofs)) | ((b & fm) << ofs);
            ck_assert_msg(runner_run(jit, &spec, &run).out == (dep & m),
                          "deposit %#llx %#llx [%u,%u]", (unsigned long long)a,
                          (unsigned long long)b, ofs, len);
        }
    }
    for (unsigned i = 0; i < NV; i++) {
        uint64_t a = vals[i];
        OpRun run = { .in = { a }, .rot = i, .mxcsr = 0x1f80 };
        OpSpec s1 = { .opc = IR_OP_ext_i32_i64, .type = IR_I64, .out_type = IR_I64,
                      .in_type = { IR_I32 } };
        ck_assert_uint_eq(runner_run(jit, &s1, &run).out, (uint64_t)(int64_t)(int32_t)a);
        s1.opc = IR_OP_extu_i32_i64;
        ck_assert_uint_eq(runner_run(jit, &s1, &run).out, (uint32_t)a);
        OpSpec s2 = { .opc = IR_OP_extrl_i64_i32, .type = IR_I32, .out_type = IR_I32,
                      .in_type = { IR_I64 } };
        ck_assert_uint_eq(runner_run(jit, &s2, &run).out, (uint32_t)a);
        s2.opc = IR_OP_extrh_i64_i32;
        ck_assert_uint_eq(runner_run(jit, &s2, &run).out, a >> 32);
    }
}
END_TEST

/* setcond and movcond, all 12 conditions */
START_TEST(conditions)
{
    Jit *jit = jits[_i & 1];
    IrType t = (_i & 2) ? IR_I64 : IR_I32;
    uint64_t m = t == IR_I64 ? ~0ull : 0xffffffffull;
    for (IrCond c = 0; c < IR_COND_COUNT; c++) {
        for (unsigned i = 0; i < NV; i += 2) {
            for (unsigned j = 0; j < NV; j++) {
                uint64_t a = vals[i], b = vals[j];
                bool want = cond_holds(c, t == IR_I64, a, b);
                OpSpec sc = { .opc = IR_OP_setcond, .type = t, .out_type = t,
                              .in_type = { t, t }, .k = { c } };
                OpRun run = { .in = { a, b }, .const_mask = (i + j) & 2,
                              .rot = i + 3 * j, .mxcsr = 0x1f80 };
                ck_assert_msg(runner_run(jit, &sc, &run).out == want,
                              "setcond %d %#llx %#llx", c,
                              (unsigned long long)a, (unsigned long long)b);
                OpSpec mc = { .opc = IR_OP_movcond, .type = t, .out_type = t,
                              .in_type = { t, t, t, t }, .k = { c } };
                OpRun mrun = { .in = { a, b, 0x1111111122222222ull,
                                       0x3333333344444444ull },
                               .const_mask = (i + j) & 2, .rot = j,
                               .mxcsr = 0x1f80 };
                uint64_t mwant = (want ? mrun.in[2] : mrun.in[3]) & m;
                ck_assert_msg(runner_run(jit, &mc, &mrun).out == mwant,
                              "movcond %d %#llx %#llx", c,
                              (unsigned long long)a, (unsigned long long)b);
            }
        }
    }
}
END_TEST

/* brcond a, b, L; exit_tb 1; set_label L; exit_tb 2 */
START_TEST(branches)
{
    Jit *jit = jits[0];
    IrType t = (_i & 1) ? IR_I64 : IR_I32;
    for (IrCond c = 0; c < IR_COND_COUNT; c++) {
        for (unsigned i = 0; i < NV; i += 3) {
            for (unsigned j = 0; j < NV; j += 2) {
                IrCtx *ctx = ir_ctx_new();
                IrLabel l = ir_label_new(ctx);
                IrTemp a = ir_temp_new(ctx, t);
                IrTemp b = (j & 2) ? ir_const(ctx, t, vals[j]) : ir_temp_new(ctx, t);
                ir_brcond(ctx, t, a, b, c, l);
                ir_exit_tb(ctx, 1);
                ir_set_label(ctx, l);
                ir_exit_tb(ctx, 2);
                JitEmit *em = jit_emit_begin(jit, ctx, false);
                HarnessCfg hc = { .rot = i + j, .use_imm = true };
                harness_emit_op(em, ctx, 0, &hc);
                for (size_t k = 1; k < 4; k++)
                    harness_emit_plain(em, ctx, k);
                JitTb tb;
                if (jit_emit_finish(em, &tb, NULL, NULL, NULL)) {
                    jit_flush(jit);
                    ir_ctx_free(ctx);
                    j -= 2;
                    continue;
                }
                uint64_t env[H_ENV_WORDS] = { vals[i], vals[j] };
                uint64_t want = cond_holds(c, t == IR_I64, vals[i], vals[j]) ? 2 : 1;
                ck_assert_msg(jit_enter(jit, env, tb.code) == want,
                              "brcond %d %#llx %#llx", c,
                              (unsigned long long)vals[i], (unsigned long long)vals[j]);
                jit_tb_free(&tb);
                ir_ctx_free(ctx);
            }
        }
    }
}
END_TEST

/* Backward branches: a counted loop (label before its brcond). */
START_TEST(loop)
{
    Jit *jit = jits[0];
    IrCtx *ctx = ir_ctx_new();
    IrLabel l = ir_label_new(ctx);
    IrTemp n = ir_temp_new(ctx, IR_I64);
    ir_set_label(ctx, l);
    ir_add(ctx, IR_I64, n, n, ir_const_i64(ctx, 1));
    ir_brcond(ctx, IR_I64, n, ir_const_i64(ctx, 1000), IR_COND_LTU, l);
    ir_exit_tb(ctx, 7);
    JitEmit *em = jit_emit_begin(jit, ctx, false);
    const RaHost *h = jit_emit_host(em);
    h->load(h->be, IR_I64, 13, h->env_reg, 0);      /* n in r13 */
    harness_emit_plain(em, ctx, 0);
    RaArg add[3] = { { .reg = 13 }, { .reg = 13 },
                     { .reg = -1, .is_const = true, .val = 1 } };
    h->op(h->be, ir_op_at(ctx, 1), ir_cons_select(IR_OP_add, IR_I64, h->features), add);
    RaArg br[2] = { { .reg = 13 }, { .reg = -1, .is_const = true, .val = 1000 } };
    h->op(h->be, ir_op_at(ctx, 2), ir_cons_select(IR_OP_brcond, IR_I64, h->features), br);
    h->store(h->be, IR_I64, 13, h->env_reg, 8);
    harness_emit_plain(em, ctx, 3);
    JitTb tb;
    ck_assert_int_eq(jit_emit_finish(em, &tb, NULL, NULL, NULL), 0);
    uint64_t env[4] = { 0 };
    ck_assert_uint_eq(jit_enter(jit, env, tb.code), 7);
    ck_assert_uint_eq(env[1], 1000);
    jit_tb_free(&tb);
    ir_ctx_free(ctx);
}
END_TEST

/* div/rem with the divisor in the dividend's register (the same temp). */
START_TEST(div_same_reg)
{
    static const IrOpcode ops[] = { IR_OP_div, IR_OP_divu, IR_OP_rem, IR_OP_remu };
    Jit *jit = jits[0];
    for (size_t o = 0; o < 4; o++) {
        for (int w = 0; w < 2; w++) {
            IrType t = w ? IR_I64 : IR_I32;
            for (unsigned i = 0; i < NV; i++) {
                IrCtx *ctx = ir_ctx_new();
                IrTemp a = ir_temp_new(ctx, t), d = ir_temp_new(ctx, t);
                IrOp *op = ir_emit_op(ctx, ops[o], t);
                op->args[0].temp = d;
                op->args[1].temp = a;
                op->args[2].temp = a;
                ir_exit_tb(ctx, 0);
                JitEmit *em = jit_emit_begin(jit, ctx, false);
                const RaHost *h = jit_emit_host(em);
                bool rem = ops[o] == IR_OP_rem || ops[o] == IR_OP_remu;
                h->load(h->be, t, 0, h->env_reg, 0);
                RaArg args[3] = { { .reg = rem ? 2 : 0 }, { .reg = 0 }, { .reg = 0 } };
                h->op(h->be, ir_op_at(ctx, 0), ir_cons_select(ops[o], t, h->features), args);
                h->store(h->be, t, args[0].reg, h->env_reg, 8);
                harness_emit_plain(em, ctx, 1);
                JitTb tb;
                ck_assert_int_eq(jit_emit_finish(em, &tb, NULL, NULL, NULL), 0);
                uint64_t env[4] = { vals[i], 0 };
                jit_enter(jit, env, tb.code);
                uint64_t m = w ? ~0ull : 0xffffffffull;
                ck_assert_uint_eq(env[1] & m, ref_bin(ops[o], w, vals[i], vals[i]));
                jit_tb_free(&tb);
                ir_ctx_free(ctx);
            }
        }
    }
}
END_TEST

/*
 * Outputs that share a register with an input, which the constraints allow
 * (no '&') but the harness never picks: the allocator does.  REGS gives the
 * register of each temp argument (outputs first); inputs sharing one must
 * hold the same value; scratch registers follow the temps.
 */
static uint64_t run_regs(Jit *jit, IrOpcode opc, IrType t, IrType in_t,
                         const int *regs, const uint64_t *in, unsigned nin,
                         uint64_t k0, uint64_t k1)
{
    IrCtx *ctx = ir_ctx_new();
    IrOp *op = ir_emit_op(ctx, opc, t);
    IrTemp d = ir_temp_new(ctx, t);
    op = ir_op_at(ctx, 0);
    ir_op_out(op, 0)->temp = d;
    for (unsigned i = 0; i < nin; i++) {
        IrTemp x = ir_temp_new(ctx, in_t);
        op = ir_op_at(ctx, 0);
        ir_op_in(op, i)->temp = x;
    }
    if (op->nb_const > 0)
        ir_op_const(op, 0)->uimm = k0;
    if (op->nb_const > 1)
        ir_op_const(op, 1)->uimm = k1;
    ir_exit_tb(ctx, 0);
    JitEmit *em = jit_emit_begin(jit, ctx, false);
    const RaHost *h = jit_emit_host(em);
    RaArg args[8];
    args[0] = (RaArg){ .reg = (int8_t)regs[0] };
    for (unsigned i = 0; i < nin; i++) {
        args[1 + i] = (RaArg){ .reg = (int8_t)regs[1 + i] };
        h->load(h->be, in_t, regs[1 + i], h->env_reg, 8 * (int)i);
    }
    const IrConsSet *cs = ir_cons_select(opc, t, h->features);
    for (unsigned i = 0; i < cs->nb_scratch; i++)     /* after the temps */
        args[1 + nin + i] = (RaArg){ .reg = (int8_t)regs[1 + nin + i] };
    h->op(h->be, ir_op_at(ctx, 0), cs, args);
    h->store(h->be, t, regs[0], h->env_reg, 64);
    harness_emit_plain(em, ctx, 1);
    JitTb tb;
    ck_assert_int_eq(jit_emit_finish(em, &tb, NULL, NULL, NULL), 0);
    uint64_t env[H_ENV_WORDS] = { 0 };
    for (unsigned i = 0; i < nin; i++)
        env[i] = in[i];
    jit_enter(jit, env, tb.code);
    jit_tb_free(&tb);
    ir_ctx_free(ctx);
    return t == IR_I32 ? (uint32_t)env[8] : env[8];
}

START_TEST(aliased_registers)
{
    Jit *jit = jits[_i & 1];
    IrType t = (_i & 2) ? IR_I64 : IR_I32;
    bool w64 = t == IR_I64;
    uint64_t m = w64 ? ~0ull : 0xffffffffull;
    for (unsigned i = 0; i < NV; i++) {
        uint64_t a = vals[i], b = vals[(i * 5 + 1) % NV];
        for (IrCond c = IR_COND_EQ; c < IR_COND_COUNT; c++) {
            uint64_t in[2] = { a, b };
            bool want = cond_holds(c, w64, a, b);
            ck_assert_uint_eq(run_regs(jit, IR_OP_setcond, t, t, (int[]){ 3, 3, 12 },
                                       in, 2, c, 0), want);
            ck_assert_uint_eq(run_regs(jit, IR_OP_setcond, t, t, (int[]){ 9, 2, 9 },
                                       in, 2, c, 0), want);
        }
        for (size_t u = 0; u < NUNOPS; u++) {
            if (unops[u] == IR_OP_ctpop && (_i & 1))
                continue;                   /* the helper: fixed registers */
            uint64_t in[1] = { a };
            ck_assert_uint_eq(run_regs(jit, unops[u], t, t, (int[]){ 13, 13 },
                                       in, 1, 0, 0), ref_unary(unops[u], w64, a));
        }
        uint64_t in[2] = { a, a };
        ck_assert_uint_eq(run_regs(jit, IR_OP_extract, t, t, (int[]){ 8, 8 }, in, 1, 3, 9),
                          ((a & m) >> 3) & 0x1ff);
        ck_assert_uint_eq(run_regs(jit, IR_OP_sextract, t, t, (int[]){ 1, 1 }, in, 1, 4, 20),
                          (uint64_t)((int64_t)((a & m) << 40) >> 44) & m);
        if (!(_i & 1)) {
            /* muluh with BMI2: d may be rdx (a) and b may be rdx too */
            ck_assert_uint_eq(run_regs(jit, IR_OP_muluh, t, t, (int[]){ 2, 2, 6 },
                                       (uint64_t[]){ a, b }, 2, 0, 0),
                              ref_bin(IR_OP_muluh, w64, a, b));
            ck_assert_uint_eq(run_regs(jit, IR_OP_muluh, t, t, (int[]){ 11, 2, 2 },
                                       in, 2, 0, 0),
                              ref_bin(IR_OP_muluh, w64, a, a));
        }
        /* mulsuh with b in rdx (the output's register) */
        ck_assert_uint_eq(run_regs(jit, IR_OP_mulsuh, t, t, (int[]){ 2, 0, 2, 12 },
                                   (uint64_t[]){ a, b }, 2, 0, 0),
                          ref_bin(IR_OP_mulsuh, w64, a, b));
        if (w64) {
            ck_assert_uint_eq(run_regs(jit, IR_OP_extrh_i64_i32, IR_I32, IR_I64,
                                       (int[]){ 14, 14 }, in, 1, 0, 0), a >> 32);
        } else {
            ck_assert_uint_eq(run_regs(jit, IR_OP_ext_i32_i64, IR_I64, IR_I32,
                                       (int[]){ 6, 6 }, in, 1, 0, 0),
                              (uint64_t)(int64_t)(int32_t)a);
        }
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("jit_int");
    TCase *tc = tcase_create("int");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, binary_ops, 0, (int)NBINOPS * 4);
    tcase_add_loop_test(tc, unary_ops, 0, (int)NUNOPS * 4);
    tcase_add_loop_test(tc, fields, 0, 4);
    tcase_add_loop_test(tc, conditions, 0, 4);
    tcase_add_loop_test(tc, branches, 0, 2);
    tcase_add_test(tc, loop);
    tcase_add_test(tc, div_same_reg);
    tcase_add_loop_test(tc, aliased_registers, 0, 4);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
