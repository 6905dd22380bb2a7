/*
 * Backend checks that only compile, never run generated code, so they also
 * run in the ASan+UBSan build: every opcode, type and operand-type variant
 * that the verifier accepts is lowered under all host features and none,
 * with constants as immediates and as registers, at many register choices
 * (emitter range/class assertions, label and literal fixups); goto_tb's
 * rel32 lands 4-byte aligned whatever precedes it; a full cache returns -1
 * without committing anything; jit_new's errors.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir-build.h"
#include "ir_verify.h"
#include "jit.h"
#include "jit_emit.h"
#include "jit_harness.h"
#include "check_run.h"

static void dummy_helper(void)
{
}

static const IrHelper h_dummy = { "dummy", dummy_helper, 0 };

static Jit *make_jit(uint32_t features, uintptr_t gb, size_t size)
{
    JitConfig cfg = { .host_features = features, .guest_base = gb,
                      .code_size = size };
    char err[256];
    Jit *jit = jit_new(&cfg, err, sizeof err);
    ck_assert_msg(jit != NULL, "%s", err);
    return jit;
}

/* The k-th type of mask M (wrapping), for operands with their own type. */
static IrType nth_type(uint8_t m, unsigned k)
{
    unsigned n = (unsigned)__builtin_popcount(m & IR_TM_ANY);
    k %= n;
    for (IrType t = 0; t < IR_VOID; t++)
        if ((m >> t) & 1 && k-- == 0)
            return t;
    return IR_I64;
}

static uint64_t const_arg(IrConstKind kind, unsigned k, unsigned idx, IrType t)
{
    switch (kind) {
    case IR_CK_U32:                     /* extract/sextract/deposit fields */
        if (idx == 0)
            return (uint64_t[]){ 0, 3, 8, 0, 16 }[k % 5];
        return (uint64_t[]){ 8, 5, 8, 16, 16 }[k % 5];
    case IR_CK_COND: return k % IR_COND_COUNT;
    case IR_CK_MEMOP: {
        unsigned sz = t == IR_F32 ? 2 : t == IR_F64 ? 3 : k % (t == IR_I64 ? 4 : 3);
        unsigned sign = (t == IR_F32 || t == IR_F64) ? 0 : (k / 4) & 1;
        return sz | (sign ? IR_MO_SIGN : 0) | ((k / 8) & 1 ? IR_MO_BE : 0) |
               ((k / 16) & 1 ? IR_MO_ALIGN : 0);
    }
    case IR_CK_OFFSET: return 24;
    case IR_CK_ROUND: return (uint64_t[]){ 0, 1, 2, 3, 7 }[k % 5];
    case IR_CK_FMANEG: return k % 4;
    case IR_CK_BARRIER: return 1 + k % 15;
    default: return 0;
    }
}

static bool skip_op(IrOpcode opc)
{
    const IrOpInfo *info = &ir_op_info[opc];
    return (info->flags & IR_OPF_META) || opc == IR_OP_goto_tb ||
           opc == IR_OP_exit_tb || opc == IR_OP_br;
}

static unsigned long compiled;

/* Builds op OPC.T (variant v, constants k) on globals; compiles it. */
static void compile_one(Jit *jit, IrOpcode opc, IrType t, unsigned v,
                        unsigned k, bool consts, unsigned rot)
{
    const IrOpInfo *info = &ir_op_info[opc];
    IrCtx *ctx = ir_ctx_new();
    IrTemp g[4][6];
    for (int ty = 0; ty < 4; ty++)
        for (int i = 0; i < 6; i++) {
            char name[16];
            snprintf(name, sizeof name, "g%d_%d", ty, i);
            g[ty][i] = ir_global(ctx, (IrType)ty, 8 * (4 * i + ty), name);
        }
    IrLabel l = ir_label_new(ctx);
    IrTemp out = { 0 }, ins[6];
    IrType out_t = t;
    if (info->nb_out && t != IR_VOID) {
        uint8_t m = info->arg_types[0];
        out_t = m == IR_TM_OP ? t : nth_type(m, v);
        out = ir_temp_new(ctx, out_t);
    }
    unsigned nin = opc == IR_OP_call ? k % 7 : info->nb_in;
    for (unsigned i = 0; i < nin; i++) {
        uint8_t m = info->arg_types[info->nb_out + (opc == IR_OP_call ? 0 : i)];
        IrType it = m == IR_TM_OP ? t : nth_type(m, v + i);
        ins[i] = consts && (i & 1) == (k & 1) ? ir_const(ctx, it, 0x80 + 77ull * k)
                                              : g[it][i];
    }
    if (opc == IR_OP_call) {
        ir_call(ctx, t, t == IR_VOID ? 0 : 1, &out, nin, ins, &h_dummy);
    } else {
        IrOp *op = ir_emit_op(ctx, opc, t);
        if (info->nb_out && t != IR_VOID)
            ir_op_out(op, 0)->temp = out;
        for (unsigned i = 0; i < nin; i++)
            ir_op_in(op, i)->temp = ins[i];
        for (unsigned i = 0; i < info->nb_const; i++) {
            IrConstKind kind = (IrConstKind)info->const_kinds[i];
            if (kind == IR_CK_LABEL)
                ir_op_const(op, i)->label = l;
            else
                ir_op_const(op, i)->uimm = const_arg(kind, k, i, t);
        }
    }
    ir_set_label(ctx, l);
    ir_exit_tb(ctx, 0);
    char err[256];
    if (!ir_verify(ctx, err, sizeof err)) {
        ir_ctx_free(ctx);
        return;
    }
    for (int tries = 0; tries < 2; tries++) {
        JitEmit *em = jit_emit_begin(jit, ctx, false);
        HarnessCfg hc = { .rot = rot, .use_imm = true };
        harness_emit_op(em, ctx, 0, &hc);
        harness_emit_plain(em, ctx, 1);
        harness_emit_plain(em, ctx, 2);
        JitTb tb;
        if (jit_emit_finish(em, &tb, NULL, NULL, NULL) == 0) {
            ck_assert_uint_gt(tb.size, 0);
            jit_tb_free(&tb);
            compiled++;
            break;
        }
        ck_assert_int_eq(tries, 0);
        jit_flush(jit);
    }
    ir_ctx_free(ctx);
}

/* _i: 0 = every host feature, 1 = none, 2 = guest base in r15 */
START_TEST(every_op_compiles)
{
    Jit *jit = make_jit(_i == 1 ? 0 : x86_host_features(),
                        _i == 2 ? 0x7f0000000000ull : 0, 1 << 20);
    unsigned long before = compiled;
    for (IrOpcode opc = 0; opc < IR_OP_COUNT; opc++) {
        if (skip_op(opc) || (_i == 2 && !(ir_op_info[opc].flags & IR_OPF_FAULT)))
            continue;
        unsigned long op_before = compiled;
        for (IrType t = 0; t <= IR_VOID; t++) {
            if (!((ir_op_info[opc].types >> t) & 1))
                continue;
            for (unsigned v = 0; v < 2; v++)
                for (unsigned k = 0; k < 32; k++)
                    compile_one(jit, opc, t, v, k, k & 1, k * 3 + v);
        }
        ck_assert_msg(compiled > op_before, "%s: no variant passed the verifier",
                      ir_op_info[opc].name);
    }
    ck_assert_uint_gt(compiled - before, 1000);
    jit_free(jit);
}
END_TEST

/* Whatever precedes it, goto_tb's rel32 field is 4-byte aligned. */
START_TEST(goto_tb_alignment)
{
    Jit *jit = make_jit(x86_host_features(), 0, 1 << 16);
    for (unsigned pad = 0; pad < 8; pad++) {
        IrCtx *ctx = ir_ctx_new();
        for (unsigned i = 0; i < pad; i++)
            ir_mb(ctx, IR_BAR_ST_LD);               /* 3 bytes each */
        ir_exit_tb(ctx, 1);                         /* not executed */
        ir_goto_tb(ctx, 1);
        ir_exit_tb(ctx, 2);
        JitEmit *em = jit_emit_begin(jit, ctx, false);
        for (size_t i = 0; i < ir_op_count(ctx); i++)
            harness_emit_plain(em, ctx, i);
        JitTb tb;
        ck_assert_int_eq(jit_emit_finish(em, &tb, NULL, NULL, NULL), 0);
        ck_assert_uint_eq(tb.jmp_insn[0], JIT_NO_JMP);
        ck_assert_uint_eq(((uintptr_t)tb.code + tb.jmp_insn[1] + 1) % 4, 0);
        ck_assert_uint_eq(tb.code[tb.jmp_insn[1]], 0xe9);
        int32_t rel;
        memcpy(&rel, tb.code + tb.jmp_insn[1] + 1, 4);
        ck_assert_int_eq(rel, 0);                   /* to the next insn */
        ck_assert_uint_eq(tb.jmp_reset[1], tb.jmp_insn[1] + 5);
        jit_tb_free(&tb);
        ir_ctx_free(ctx);
    }
    jit_free(jit);
}
END_TEST

/* A block that does not fit: -1, the cache unchanged, earlier code intact. */
START_TEST(cache_full_compile)
{
    Jit *jit = make_jit(x86_host_features(), 0, 8192);
    IrCtx *ctx = ir_ctx_new();
    IrTemp f = ir_temp_new(ctx, IR_F64);
    for (int i = 0; i < 40; i++) {
        ir_mov(ctx, IR_F64, f, ir_const_f64(ctx, 1.5 + i));  /* literals */
        ir_exit_tb(ctx, 0x1122334455667788ull + (uint64_t)i);
    }
    JitTb tbs[64];
    uint8_t *copy[64];
    int n = 0;
    for (; n < 64; n++) {
        JitEmit *em = jit_emit_begin(jit, ctx, false);
        const RaHost *h = jit_emit_host(em);
        for (size_t i = 0; i < ir_op_count(ctx); i++) {
            IrOp *op = ir_op_at(ctx, i);
            if (op->opc == IR_OP_mov)
                h->movi(h->be, IR_F64, 16 + (int)(i % 16),
                        ctx->temps[ir_op_in(op, 0)->temp.id].val);
            else
                harness_emit_plain(em, ctx, i);
        }
        if (jit_emit_finish(em, &tbs[n], NULL, NULL, NULL) != 0)
            break;
        copy[n] = malloc(tbs[n].size);
        memcpy(copy[n], tbs[n].code, tbs[n].size);
    }
    ck_assert_int_gt(n, 2);
    ck_assert_int_lt(n, 64);
    for (int i = 0; i < n; i++) {
        ck_assert(memcmp(copy[i], tbs[i].code, tbs[i].size) == 0);
        free(copy[i]);
        jit_tb_free(&tbs[i]);
    }
    ir_ctx_free(ctx);
    jit_free(jit);
}
END_TEST

START_TEST(jit_new_errors)
{
    char err[256] = "";
    JitConfig cfg = { .code_size = (size_t)4 << 30 };
    ck_assert_ptr_null(jit_new(&cfg, err, sizeof err));
    ck_assert(strstr(err, "code cache") != NULL);
    cfg.code_size = 64;                     /* rounded up to a page: fits */
    Jit *jit = jit_new(&cfg, err, sizeof err);
    ck_assert_ptr_nonnull(jit);
    jit_free(jit);
    cfg.wx = true;
    cfg.code_size = 1 << 16;
    jit = jit_new(&cfg, err, sizeof err);
    ck_assert_msg(jit != NULL, "%s", err);
    jit_free(jit);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("jit_emit");
    TCase *tc = tcase_create("emit");
    tcase_set_timeout(tc, 300);
    tcase_add_loop_test(tc, every_op_compiles, 0, 3);
    tcase_add_test(tc, goto_tb_alignment);
    tcase_add_test(tc, cache_full_compile);
    tcase_add_test(tc, jit_new_errors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
