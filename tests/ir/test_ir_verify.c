/*
 * ir_verify(): one failing program per class of error (each must be
 * rejected with its message), and valid programs that must pass.  Most
 * programs are text; errors the parser cannot express (bad opcodes, counts,
 * temp ids) are made by editing built ops.
 */
#include <check.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "ir-build.h"
#include "ir_corpus.h"
#include "ir_text.h"
#include "ir_verify.h"
#include "check_run.h"

static const char decls[] =
    "global i64 x1 env+8\n"
    "global i64 x2 env+16\n"
    "temp i64 t0, t1\n"
    "temp i32 t2\n"
    "temp f64 t3\n"
    "temp f32 t4\n"
    "bbtemp i64 b0\n";

static IrCtx *parse_prog(const char *body)
{
    size_t n = strlen(decls) + strlen(body) + 1;
    char *text = malloc(n);
    snprintf(text, n, "%s%s", decls, body);
    IrCtx *ctx = ir_ctx_new();
    char err[512];
    ck_assert_msg(ir_parse(ctx, text, "v", err, sizeof err), "%s", err);
    free(text);
    return ctx;
}

static void expect_error(IrCtx *ctx, const char *want)
{
    char err[512];
    ck_assert_msg(!ir_verify(ctx, err, sizeof err), "accepted, wanted: %s",
                  want);
    ck_assert_str_eq(err, want);
    ir_ctx_free(ctx);
}

static void expect_ok(IrCtx *ctx)
{
    char err[512];
    ck_assert_msg(ir_verify(ctx, err, sizeof err), "%s", err);
    ir_ctx_free(ctx);
}

typedef struct TextCase {
    const char *body;
    const char *want;
} TextCase;

/* Programs the verifier rejects, one per kind of error. */
static const TextCase bad[] = {
    /* operand types */
    { "    mov.i64 t0, $1\n    add.i64 t1, t0, t2\n",
      "op 1: type mismatch: b (t2) is i32, the op is i64 "
      "[add.i64 t1, t0, t2]" },
    { "    mov.i32 t2, $1\n    ld_guest.i64 t0, t2, uq\n",
      "op 1: type mismatch: addr (t2) cannot be i32 [ld_guest.i64 t0, t2, uq]" },
    { "    mov.i64 t0, $1:i32\n",
      "op 0: type mismatch: s ($1:i32) is i32, the op is i64 "
      "[mov.i64 t0, $1:i32]" },
    { "    call.void {t0}, {}, helper_a\n",
      "op 0: a void call has no ret [call.void {t0}, {}, helper_a]" },
    { "    mov.i64 $1, x1\n",
      "op 0: output d is a constant [mov.i64 $1, x1]" },
    /* constants */
    { "    brcond.i64 x1, x2, 12, L0\nL0:\n",
      "op 0: bad condition 12 [brcond.i64 x1, x2, 12, L0]" },
    { "    fcmp.f64 t0, t3, t3, ne\n",
      "op 0: fcmp takes eq, lt or le [fcmp.f64 t0, t3, t3, ne]" },
    { "    ld_guest.i64 t0, x1, 32\n",
      "op 0: bad memop 32 [ld_guest.i64 t0, x1, 32]" },
    { "    ld_guest.i32 t2, x1, uq\n",
      "op 0: memop is wider than i32 [ld_guest.i32 t2, x1, uq]" },
    { "    ld_guest.f64 t3, x1, ul\n",
      "op 0: memop does not fit a f64 access [ld_guest.f64 t3, x1, ul]" },
    { "    ld_env.f32 t4, 8, sl\n",
      "op 0: memop does not fit a f32 access [ld_env.f32 t4, 8, sl]" },
    { "    mb 0\n", "op 0: bad barrier 0 [mb 0]" },
    { "    mb 16\n", "op 0: bad barrier 16 [mb 16]" },
    { "    ftoi.i64 t0, x1, 4\n",
      "op 0: type mismatch: a (x1) cannot be i64 [ftoi.i64 t0, x1, 4]" },
    { "    ftoi.i64 t0, t3, 4\n",
      "op 0: bad rounding mode 4 [ftoi.i64 t0, t3, 4]" },
    { "    fma.f64 t3, t3, t3, t3, 4\n",
      "op 0: bad fma negation 4 [fma.f64 t3, t3, t3, t3, 4]" },
    /* per-op rules */
    { "    extract.i32 t2, t2, 16, 17\n",
      "op 0: bit field [16, 17] outside i32 [extract.i32 t2, t2, 16, 17]" },
    { "    sextract.i64 t0, x1, 3, 0\n",
      "op 0: bit field [3, 0] outside i64 [sextract.i64 t0, x1, 3, 0]" },
    { "    deposit.i64 t0, x1, x2, 60, 5\n",
      "op 0: bit field [60, 5] outside i64 [deposit.i64 t0, x1, x2, 60, 5]" },
    { "    goto_tb 2\n", "op 0: goto_tb slot must be 0 or 1 [goto_tb 2]" },
    { "    brcond.i64 x1, $0, eq, L0\n    goto_tb 0\n    exit_tb 0x1\n"
      "L0:\n    goto_tb 0\n    exit_tb 0x2\n",
      "op 4: goto_tb slot 0 used twice (first at op 1) [goto_tb 0]" },
    { "    fsetrm dyn\n",
      "op 0: fsetrm needs a static rounding mode [fsetrm dyn]" },
    { "    mov.f64 t3, $0x0\n    fcvt.f64 t3, t3\n",
      "op 1: fcvt between equal types [fcvt.f64 t3, t3]" },
    { "    bitcast_f2i.i32 t2, $0x0:f64\n",
      "op 0: bitcast between types of different widths "
      "[bitcast_f2i.i32 t2, $0x0000000000000000:f64]" },
    /* labels */
    { "L0:\n    mov.i64 x1, $1\nL0:\n",
      "op 2: label L0 set twice (first at op 0) [L0:]" },
    { "    brcond.i64 x1, $0, eq, L1\nL0:\n",
      "op 0: label L1 is never set [brcond.i64 x1, $0, eq, L1]" },
    { "    br L0\n", "op 0: label L0 is never set [br L0]" },
    /* definitions before uses */
    { "    add.i64 t1, t0, $1\n",
      "op 0: t0 is read before it is defined on every path "
      "[add.i64 t1, t0, $1]" },
    { "    brcond.i64 x1, $0, eq, L0\n    mov.i64 t0, $1\nL0:\n"
      "    mov.i64 x2, t0\n",
      "op 3: t0 is read before it is defined on every path [mov.i64 x2, t0]" },
    { "L0:\n    mov.i64 x2, t0\n    mov.i64 t0, $1\n"
      "    brcond.i64 x1, $0, eq, L0\n",
      "op 1: t0 is read before it is defined on every path [mov.i64 x2, t0]" },
    { "    mov.i64 t0, $1\n    discard.i64 t0\n    mov.i64 x1, t0\n",
      "op 2: t0 is read before it is defined on every path [mov.i64 x1, t0]" },
    { "    mov.i64 x1, b0\n",
      "op 0: b0 is read before it is defined [mov.i64 x1, b0]" },
    { "    mov.i64 b0, $1\n    brcond.i64 x1, $0, eq, L0\n"
      "    mov.i64 x1, b0\nL0:\n",
      "op 2: basic-block temp b0 is read in another basic block than its "
      "definition [mov.i64 x1, b0]" },
    { "    mov.i64 b0, $1\nL0:\n    mov.i64 x1, b0\n",
      "op 2: basic-block temp b0 is read in another basic block than its "
      "definition [mov.i64 x1, b0]" },
    { "    mov.i64 b0, $1\n    goto_tb 0\n    mov.i64 x1, b0\n",
      "op 2: basic-block temp b0 is read in another basic block than its "
      "definition [mov.i64 x1, b0]" },
};

START_TEST(rejects)
{
    expect_error(parse_prog(bad[_i].body), bad[_i].want);
}
END_TEST

/* Programs the verifier accepts. */
static const char *const good[] = {
    "",
    "    mov.i64 x1, x2\n    exit_tb 0x0\n",
    /* defined on both paths */
    "    brcond.i64 x1, $0, eq, L0\n    mov.i64 t0, $1\n    br L1\n"
    "L0:\n    mov.i64 t0, $2\nL1:\n    mov.i64 x1, t0\n    exit_tb 0x0\n",
    /* a loop: defined before the loop, redefined inside */
    "    mov.i64 t0, $0\nL0:\n    add.i64 t0, t0, $1\n"
    "    brcond.i64 t0, $10, lt, L0\n    mov.i64 x1, t0\n    exit_tb 0x0\n",
    /* unreachable code is not checked for definitions of TB temps */
    "    exit_tb 0x0\n    mov.i64 x1, t0\n",
    /* goto_tb falls through; TB temps survive block ends, labels unused */
    "    mov.i64 t0, $1\n    goto_tb 1\n    mov.i64 x1, t0\nL3:\n"
    "    exit_tb 0x0\n",
    /* a basic-block temp inside its block, redefined after a label */
    "    mov.i64 b0, x1\n    mov.i64 x2, b0\nL0:\n    mov.i64 b0, x2\n"
    "    mov.i64 x1, b0\n    brcond.i64 b0, x1, ne, L0\n",
    /* a temp defined on entry into a loop body via both edges */
    "    mov.i64 t1, $3\n    br L1\nL0:\n    sub.i64 t1, t1, $1\nL1:\n"
    "    brcond.i64 t1, $0, ne, L0\n    exit_tb 0x0\n",
    /* fcmp's int output, ftoi from f32, call.void with arguments */
    "    mov.f32 t4, $0x3f800000\n    fcmp.f32 t0, t4, t4, lt\n"
    "    ftoi.i32 t2, t4, rtz\n    call.void {}, {t0, t2}, helper_b\n"
    "    call.i64 {x1}, {}, helper_a\n",
};

START_TEST(accepts)
{
    expect_ok(parse_prog(good[_i]));
}
END_TEST

START_TEST(accepts_corpus)
{
    IrCtx *ctx = ir_ctx_new();
    char err[512];
    ck_assert_msg(ir_parse(ctx, ir_corpus_text, "c", err, sizeof err), "%s",
                  err);
    expect_ok(ctx);
}
END_TEST

/* ---- Errors the text cannot express -------------------------------------------- */

static IrCtx *small_ctx(void)
{
    return parse_prog("    add.i64 x1, x1, $1\n    brcond.i64 x1, x2, lt, L0\n"
                      "    call.i64 {x2}, {x1}, helper_a\nL0:\n"
                      "    ld_env.i64 t0, 8, uq\n    extract.i64 x1, t0, 0, 8\n");
}

START_TEST(rejects_bad_opcode)
{
    IrCtx *ctx = small_ctx();
    ctx->ops[0].opc = 5000;
    expect_error(ctx, "op 0: bad opcode 5000 [?op5000]");
}
END_TEST

START_TEST(rejects_bad_op_type)
{
    IrCtx *ctx = small_ctx();
    ctx->ops[0].type = IR_F64;
    expect_error(ctx, "op 0: add cannot have type 3 [add.f64 x1, x1, $1:i64]");
}
END_TEST

START_TEST(rejects_wrong_counts)
{
    IrCtx *ctx = small_ctx();
    ctx->ops[0].nb_in = 1;
    expect_error(ctx, "op 0: add: wrong number of inputs (1) "
                      "[add.i64 x1, x1]");
    ctx = small_ctx();
    ctx->ops[0].nb_out = 0;
    expect_error(ctx, "op 0: add: wrong number of outputs (0) "
                      "[add.i64 x1, x1]");
    ctx = small_ctx();
    ctx->ops[2].nb_in = 7;
    expect_error(ctx, "op 2: call: wrong number of inputs (7) "
                      "[call.i64 ?args(1,7,1)]");
    ctx = small_ctx();
    ctx->ops[1].nb_const = 1;
    expect_error(ctx, "op 1: brcond: wrong number of constants (1) "
                      "[brcond.i64 x1, x2, lt]");
}
END_TEST

START_TEST(rejects_bad_temp_ids)
{
    IrCtx *ctx = small_ctx();
    ctx->ops[0].args[1].temp.id = 0;
    expect_error(ctx, "op 0: input a is not a temp (id 0) [add.i64 x1, ?0, $1]");
    ctx = small_ctx();
    ctx->ops[0].args[0].temp.id = 12345;
    expect_error(ctx, "op 0: output d is not a temp (id 12345) "
                      "[add.i64 ?12345, x1, $1]");
}
END_TEST

START_TEST(rejects_bad_constants)
{
    IrCtx *ctx = small_ctx();
    ir_op_const(&ctx->ops[4], 0)->imm = (int64_t)INT32_MAX + 1;
    expect_error(ctx, "op 4: offset ofs out of range "
                      "[ld_env.i64 t0, 2147483648, uq]");
    ctx = small_ctx();
    ir_op_const(&ctx->ops[5], 1)->uimm = 1ull << 32;
    expect_error(ctx, "op 5: len out of range for u32 "
                      "[extract.i64 x1, t0, 0, 4294967296]");
    ctx = small_ctx();
    ir_op_const(&ctx->ops[2], 0)->helper = NULL;
    expect_error(ctx, "op 2: call without a helper "
                      "[call.i64 {x2}, {x1}, ?helper]");
    ctx = small_ctx();
    ir_op_const(&ctx->ops[1], 1)->label.id = 99;
    expect_error(ctx, "op 1: bad label id 99 [brcond.i64 x1, x2, lt, ?label99]");
}
END_TEST

/* Messages fit any buffer; a zero-length buffer is allowed. */
START_TEST(short_buffers)
{
    IrCtx *ctx = parse_prog("    mov.i64 x1, t0\n");
    char err[6];
    ck_assert(!ir_verify(ctx, err, sizeof err));
    ck_assert_str_eq(err, "op 0:");
    ck_assert(!ir_verify(ctx, NULL, 0));
    ir_ctx_free(ctx);
}
END_TEST

START_TEST(verify_or_die_aborts)
{
    IrCtx *ctx = parse_prog("    mov.i64 x1, t0\n");
    ir_verify_or_die(ctx, "test");
}
END_TEST

START_TEST(verify_or_die_passes)
{
    IrCtx *ctx = parse_prog("    mov.i64 x1, x2\n");
    ir_verify_or_die(ctx, "test");
    IR_VERIFY_DEBUG(ctx, "test");
    ir_ctx_free(ctx);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ir_verify");
    TCase *tc = tcase_create("verify");
    tcase_add_loop_test(tc, rejects, 0, sizeof bad / sizeof bad[0]);
    tcase_add_loop_test(tc, accepts, 0, sizeof good / sizeof good[0]);
    tcase_add_test(tc, accepts_corpus);
    tcase_add_test(tc, rejects_bad_opcode);
    tcase_add_test(tc, rejects_bad_op_type);
    tcase_add_test(tc, rejects_wrong_counts);
    tcase_add_test(tc, rejects_bad_temp_ids);
    tcase_add_test(tc, rejects_bad_constants);
    tcase_add_test(tc, short_buffers);
    tcase_add_test_raise_signal(tc, verify_or_die_aborts, SIGABRT);
    tcase_add_test(tc, verify_or_die_passes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    ir_corpus_register_helpers();
    return ck_run(suite());
}
