/*
 * ir_parse() errors: each bad text gives exactly "NAME:LINE:COL: message"
 * at the offending token.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ir_corpus.h"
#include "ir_text.h"
#include "check_run.h"

typedef struct ErrCase {
    const char *text;
    const char *want;
} ErrCase;

static const ErrCase cases[] = {
    { "bogus t0\n", "e:1:1: unknown opcode or statement 'bogus'" },
    { "exit_tb 0x0\n  add t0, t1, t2\n",
      "e:2:3: add needs a type suffix (add.TYPE)" },
    { "add.f64 t0, t1, t2\n", "e:1:5: add cannot have type f64" },
    { "add.i65 t0, t1, t2\n",
      "e:1:5: expected a type (i32, i64, f32, f64, void), found 'i65'" },
    { "add.i64 t0, t1\n", "e:1:15: add: missing operand b" },
    { "add.i64 t0, t1, t2, t3\n", "e:1:19: add: too many operands" },
    { "add.i64 t0 t1, t2\n", "e:1:12: expected ',', found 't1'" },
    { "add.i64 t0, x9, t2\n", "e:1:13: unknown name 'x9'" },
    { "add.i64 t0, @x9, t2\n", "e:1:14: unknown global 'x9'" },
    { "add.i64 t0, t1, $\n",
      "e:1:18: expected a number after '$', found end of line" },
    { "add.i64 t0, t1, $0x\n", "e:1:18: bad hexadecimal number" },
    { "add.i64 t0, t1, $12ab\n", "e:1:20: bad character 'a' in number" },
    { "add.i64 t0, t1, $99999999999999999999\n",
      "e:1:18: number out of range" },
    { "add.i32 t0, t1, $0x100000000\n", "e:1:18: value out of range" },
    { "add.i32 t0, t1, $-0x80000001\n", "e:1:18: value out of range" },
    { "mov.f32 t0, $-1\n", "e:1:14: value out of range" },
    { "call.i64 {t0}, {$5}, helper_a\n",
      "e:1:18: the type of this constant is not known here: write "
      "$VALUE:TYPE" },
    { "ftoi.i64 t0, t1, rtz\n",
      "e:1:14: cannot infer the type of t1 here: declare it "
      "(temp TYPE t1)" },
    { "global i64 x1 env+8\ncall.i64 {t0}, {x1, x1, x1, x1, x1, x1, x1}, "
      "helper_a\n", "e:2:41: call: more than 6 operands in the args group" },
    { "global i64 x1 env+8\ncall.i64 {t0}, {x1 x1}, helper_a\n",
      "e:2:20: expected ',' or '}', found 'x1'" },
    { "call.i64 {t0}, t1, helper_a\n", "e:1:16: expected '{', found 't1'" },
    { "global i64 x1 env+8\ncall.i64 {t0}, {x1}, helper_zz\n",
      "e:2:22: unknown helper 'helper_zz'" },
    { "brcond.i64 t0, t1, lte, L0\n",
      "e:1:20: expected a condition (eq ne lt ge le gt ltu geu leu gtu never "
      "always), found 'lte'" },
    { "brcond.i64 t0, t1, lt, l0\n",
      "e:1:24: expected a label (L0, L1, ...), found 'l0'" },
    { "br L99999999\n", "e:1:4: label number too large" },
    { "L1\n", "e:1:3: expected ':' after label, found end of line" },
    { "ld_guest.i64 t0, t1, uq|aligned\n",
      "e:1:25: expected be or align, found 'aligned'" },
    { "ld_guest.i64 t0, t1, q\n",
      "e:1:22: expected a memop (ub uw ul uq sb sw sl sq), found 'q'" },
    { "mb ld_ld|foo\n",
      "e:1:10: expected a barrier (ld_ld ld_st st_ld st_st all), found 'foo'" },
    { "ftoi.i64 t0, $0:f64, rmm\n",
      "e:1:22: expected a rounding mode (rne rtz rdn rup dyn), found 'rmm'" },
    { "fma.f64 t0, t1, t2, t3, neg\n",
      "e:1:25: expected an fma negation (plain neg_mul neg_add neg_both), "
      "found 'neg'" },
    { "extract.i64 t0, t1, 1, 0x100000000\n", "e:1:24: value out of range" },
    { "ld_env.i64 t0, 0x80000000, uq\n", "e:1:16: value out of range" },
    { "exit_tb -1\n", "e:1:9: value out of range" },
    { "global i64 x1 env+8\nglobal i64 x1 env+16\n",
      "e:2:12: global x1 declared twice" },
    { "global i64 t3 env+8\n",
      "e:1:12: 't3' is reserved: write a global so named as @t3" },
    { "global i64 x1 env 8\n",
      "e:1:19: expected +OFFSET or -OFFSET after env" },
    { "global i64 x1 env+0x80000000\n", "e:1:18: offset out of range" },
    { "global i64 x1 env+8 fixed=rzz\n",
      "e:1:27: expected a host register, found 'rzz'" },
    { "global void x1 env+8\n",
      "e:1:8: expected a type (i32, i64, f32, f64), found 'void'" },
    { "exit_tb 0x0\nglobal i64 x1 env+8\n",
      "e:2:1: globals must be declared before the ops" },
    { "temp i64 t0\ntemp i32 t0\n",
      "e:2:10: t0 declared twice or after its first use" },
    { "mov.i64 t0, $1\ntemp i64 t0\n",
      "e:2:10: t0 declared twice or after its first use" },
    { "temp i64 b0\n",
      "e:1:10: expected a temp name (t0), found 'b0'" },
    { "temp i64 t01\n",
      "e:1:10: expected a temp name (t0), found 't01'" },
    { "temp i64 t99999999\n", "e:1:10: temp number too large" },
    { "mov.i64 t0, $1 ; x\n", "e:1:16: unexpected character ';'" },
    { "mov.i64 t0, \x01\n", "e:1:13: unexpected byte 0x01" },
    { "mov.i64 t0, $1 $2\n", "e:1:16: expected end of line, found '$'" },
    { "exit_tb 0x0\n\n   , x\n", "e:3:4: expected a statement, found ','" },
    { "exit_tb\n", "e:1:8: exit_tb: missing operand val" },
};

START_TEST(parse_error)
{
    const ErrCase *c = &cases[_i];
    IrCtx *ctx = ir_ctx_new();
    char err[256];
    ck_assert_msg(!ir_parse(ctx, c->text, "e", err, sizeof err),
                  "accepted: %s", c->text);
    ck_assert_str_eq(err, c->want);
    ck_assert_uint_eq(ctx->nb_ops, 0);
    ir_ctx_free(ctx);
}
END_TEST

/* A short buffer truncates the message, a zero-length one is allowed. */
START_TEST(short_error_buffer)
{
    IrCtx *ctx = ir_ctx_new();
    char err[8];
    ck_assert(!ir_parse(ctx, "bogus\n", "name", err, sizeof err));
    ck_assert_str_eq(err, "name:1:");
    ck_assert(!ir_parse(ctx, "bogus\n", "name", NULL, 0));
    ir_ctx_free(ctx);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ir_parse_errors");
    TCase *tc = tcase_create("errors");
    tcase_add_loop_test(tc, parse_error, 0, sizeof cases / sizeof cases[0]);
    tcase_add_test(tc, short_error_buffer);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    ir_corpus_register_helpers();
    return ck_run(suite());
}
