/*
 * Helpers for the optimizer tests: run opt_run on IR text and compare the
 * ops of the result with the expected text.  Every program is prefixed with
 * the same globals (x1, x2, x3: i64; w1: i32; f1: f64) and the helpers
 * below are registered.  Only the op lines of the dump are compared (the
 * optimizer never adds temps; the declarations are checked to be the
 * input's), so expected texts stay short.
 */
#ifndef OPT_TEST_UTIL_H
#define OPT_TEST_UTIL_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ir_text.h"
#include "ir_verify.h"
#include "opt.h"

static const char opt_test_globals[] =
    "global i64 x1 env+8\n"
    "global i64 x2 env+16\n"
    "global i64 x3 env+24\n"
    "global i32 w1 env+32\n"
    "global f64 f1 env+40\n";

static void opt_test_helper_fn(void)
{
}

/* helper_a: may do anything; helper_pure: reads and writes no globals,
 * no side effects; helper_noglob: reads and writes no globals. */
static const IrHelper opt_test_helper_a = { "helper_a", opt_test_helper_fn, 0 };
static const IrHelper opt_test_helper_pure = {
    "helper_pure", opt_test_helper_fn,
    IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB | IR_HELPER_NO_SIDE
};
static const IrHelper opt_test_helper_noglob = {
    "helper_noglob", opt_test_helper_fn, IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB
};

static inline void opt_test_register_helpers(void)
{
    ir_helper_register(&opt_test_helper_a);
    ir_helper_register(&opt_test_helper_pure);
    ir_helper_register(&opt_test_helper_noglob);
}

/* Parses the globals + BODY; the result verifies. */
static inline IrCtx *opt_test_parse(const char *body)
{
    size_t n = strlen(opt_test_globals) + strlen(body) + 1;
    char *text = malloc(n);
    snprintf(text, n, "%s%s", opt_test_globals, body);
    IrCtx *ctx = ir_ctx_new();
    char err[512];
    ck_assert_msg(ir_parse(ctx, text, "test", err, sizeof err), "%s\n%s", err,
                  text);
    ck_assert_msg(ir_verify(ctx, err, sizeof err), "input: %s", err);
    free(text);
    return ctx;
}

/* The lines of TEXT that are ops (indented) or labels ("L3:"), or
 * (DECLS) the other lines. */
static inline char *opt_test_lines(const char *text, bool decls)
{
    size_t n = strlen(text);
    char *out = malloc(n + 1), *o = out;
    for (const char *p = text; *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p + 1) : strlen(p);
        bool is_op = p[0] == ' ' || p[0] == 'L';
        if (is_op != decls) {
            memcpy(o, p, len);
            o += len;
        }
        p += len;
    }
    *o = 0;
    return out;
}

/* Runs the optimizer with CFG on globals + BEFORE; the ops must be AFTER
 * and the result must verify. */
static inline void opt_test_check(const char *before, const char *after,
                                  const OptConfig *cfg, const char *what)
{
    IrCtx *ctx = opt_test_parse(before);
    char *in = ir_dump_str(ctx);
    opt_run(ctx, cfg);
    char err[512];
    ck_assert_msg(ir_verify(ctx, err, sizeof err), "%s: output: %s", what, err);
    char *out = ir_dump_str(ctx);
    char *ops = opt_test_lines(out, false);
    char *in_decls = opt_test_lines(in, true);
    char *out_decls = opt_test_lines(out, true);
    ck_assert_msg(!strcmp(ops, after), "%s:\n--- before\n%s--- got\n%s"
                  "--- want\n%s", what, before, ops, after);
    ck_assert_str_eq(in_decls, out_decls);
    free(in);
    free(out);
    free(ops);
    free(in_decls);
    free(out_decls);
    ir_ctx_free(ctx);
}

#endif
