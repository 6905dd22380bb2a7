/*
 * Rule "fold" evaluates every foldable op exactly as docs/ir.md defines
 * it: each case is one op on constants, optimized with only "fold" on, and
 * must become a mov of the expected value.  The edge cases are the
 * interesting ones: wrap-around, shift counts modulo the width, RISC-V
 * division by zero and overflow, clz/ctz of 0, i32 results as 32-bit
 * values.  A further test checks that every op with the `fold` flag has a
 * case, so a new foldable opcode needs one.
 */
#include "opt_test_util.h"
#include "check_run.h"

typedef struct FoldCase {
    const char *op;      /* x1/w1 = ... (an i64 or i32 destination) */
    uint64_t want;       /* zero-extended from the width */
} FoldCase;

#define M64 0xffffffffffffffffull

static const FoldCase cases[] = {
    { "add.i64 x1, $-1, $1", 0 },
    { "add.i32 w1, $0x7fffffff, $1", 0x80000000 },
    { "sub.i64 x1, $0, $1", M64 },
    { "sub.i32 w1, $0, $1", 0xffffffff },
    { "neg.i64 x1, $0x8000000000000000", 0x8000000000000000 },
    { "neg.i32 w1, $5", 0xfffffffb },
    { "not.i32 w1, $0", 0xffffffff },
    { "not.i64 x1, $0x00ff", 0xffffffffffffff00 },
    { "and.i64 x1, $0xf0f0, $0xff00", 0xf000 },
    { "and.i32 w1, $-1, $0x8000ff00", 0x8000ff00 },
    { "or.i32 w1, $0xf0f0, $0xff00", 0xfff0 },
    { "xor.i64 x1, $0xff, $0x0f", 0xf0 },
    { "andc.i64 x1, $0xff, $0x0f", 0xf0 },
    { "orc.i32 w1, $0, $0xffff0000", 0x0000ffff },
    { "eqv.i64 x1, $0xff, $0x0f", 0xffffffffffffff0f },
    { "nand.i32 w1, $-1, $0xff", 0xffffff00 },
    { "nor.i64 x1, $0, $1", 0xfffffffffffffffe },
    { "or.i64 x1, $0x8000000000000000, $1", 0x8000000000000001 },
    { "xor.i32 w1, $-1, $0x0f0f0f0f", 0xf0f0f0f0 },
    { "andc.i32 w1, $-1, $0xff", 0xffffff00 },
    { "orc.i64 x1, $1, $-2", 1 },
    { "eqv.i32 w1, $0, $0", 0xffffffff },
    { "nand.i64 x1, $0xff, $0xf0f", 0xfffffffffffffff0 },
    { "nor.i32 w1, $0x0f, $0xf0", 0xffffff00 },
    { "shl.i64 x1, $1, $63", 0x8000000000000000 },
    { "shl.i64 x1, $1, $64", 1 },
    { "shl.i32 w1, $1, $33", 2 },
    { "shl.i32 w1, $0x80000001, $1", 2 },
    { "shr.i64 x1, $0x8000000000000000, $63", 1 },
    { "shr.i32 w1, $0x80000000, $31", 1 },
    { "shr.i32 w1, $-1, $36", 0x0fffffff },
    { "sar.i64 x1, $0x8000000000000000, $63", M64 },
    { "sar.i32 w1, $0x80000000, $4", 0xf8000000 },
    { "sar.i32 w1, $0x40000000, $30", 1 },
    { "sar.i64 x1, $-8, $65", 0xfffffffffffffffc },
    { "rotl.i64 x1, $0x8000000000000001, $1", 3 },
    { "rotl.i32 w1, $0x80000001, $1", 3 },
    { "rotl.i32 w1, $0x12345678, $32", 0x12345678 },
    { "rotr.i32 w1, $1, $1", 0x80000000 },
    { "rotr.i64 x1, $1, $65", 0x8000000000000000 },
    { "mul.i64 x1, $0x100000000, $0x100000000", 0 },
    { "mul.i32 w1, $0x10000, $0x10000", 0 },
    { "mul.i32 w1, $-3, $5", 0xfffffff1 },
    { "mulsh.i64 x1, $-1, $-1", 0 },
    { "mulsh.i64 x1, $-2, $0x7fffffffffffffff", M64 },
    { "mulsh.i32 w1, $0x80000000, $0x80000000", 0x40000000 },
    { "mulsh.i32 w1, $-1, $1", 0xffffffff },
    { "muluh.i64 x1, $-1, $-1", 0xfffffffffffffffe },
    { "muluh.i32 w1, $-1, $-1", 0xfffffffe },
    { "mulsuh.i64 x1, $-1, $-1", M64 },
    { "mulsuh.i64 x1, $2, $-1", 1 },
    { "mulsuh.i32 w1, $-1, $2", 0xffffffff },
    { "mulsuh.i32 w1, $2, $-1", 1 },
    { "div.i64 x1, $-7, $2", 0xfffffffffffffffd },
    { "div.i64 x1, $7, $0", M64 },
    { "div.i64 x1, $0x8000000000000000, $-1", 0x8000000000000000 },
    { "div.i32 w1, $0x80000000, $-1", 0x80000000 },
    { "div.i32 w1, $-7, $0", 0xffffffff },
    { "div.i32 w1, $-8, $2", 0xfffffffc },
    { "divu.i64 x1, $-1, $2", 0x7fffffffffffffff },
    { "divu.i32 w1, $-1, $2", 0x7fffffff },
    { "divu.i32 w1, $5, $0", 0xffffffff },
    { "rem.i64 x1, $-7, $2", M64 },
    { "rem.i64 x1, $7, $-2", 1 },
    { "rem.i64 x1, $0x8000000000000000, $-1", 0 },
    { "rem.i64 x1, $-7, $0", 0xfffffffffffffff9 },
    { "rem.i32 w1, $-7, $0", 0xfffffff9 },
    { "rem.i32 w1, $0x80000000, $-1", 0 },
    { "rem.i32 w1, $-7, $3", 0xffffffff },
    { "remu.i64 x1, $-1, $10", 5 },
    { "remu.i32 w1, $-1, $10", 5 },
    { "remu.i64 x1, $7, $0", 7 },
    { "clz.i64 x1, $0", 64 },
    { "clz.i64 x1, $1", 63 },
    { "clz.i32 w1, $0", 32 },
    { "clz.i32 w1, $1", 31 },
    { "clz.i32 w1, $-1", 0 },
    { "ctz.i64 x1, $0", 64 },
    { "ctz.i32 w1, $0", 32 },
    { "ctz.i64 x1, $0x8000000000000000", 63 },
    { "ctz.i32 w1, $0x80000000", 31 },
    { "ctpop.i64 x1, $-1", 64 },
    { "ctpop.i32 w1, $-1", 32 },
    { "ctpop.i32 w1, $0xf0f0", 8 },
    /* carry-less: (x + 1)^2 = x^2 + 1; (sum x^i)^2 = sum x^2i; x^63 * x */
    { "clmul x1, $3, $3", 5 },
    { "clmul x1, $-1, $-1", 0x5555555555555555 },
    { "clmul x1, $0x8000000000000000, $2", 0 },
    { "clmulh x1, $0x8000000000000000, $2", 1 },
    { "clmulh x1, $-1, $-1", 0x5555555555555555 },
    { "clmulh x1, $0x8000000000000000, $0x8000000000000000",
      0x4000000000000000 },
    { "bswap.i32 w1, $0x12345678", 0x78563412 },
    { "bswap.i64 x1, $0x0102030405060708", 0x0807060504030201 },
    { "extract.i64 x1, $0x12345678, 8, 16", 0x3456 },
    { "extract.i32 w1, $-1, 31, 1", 1 },
    { "extract.i64 x1, $-1, 0, 64", M64 },
    { "sextract.i64 x1, $0x80, 0, 8", 0xffffffffffffff80 },
    { "sextract.i32 w1, $0x00ff0000, 16, 8", 0xffffffff },
    { "sextract.i64 x1, $0x7f00, 8, 8", 0x7f },
    { "sextract.i64 x1, $0x8000000000000000, 32, 32", 0xffffffff80000000 },
    { "deposit.i64 x1, $-1, $0, 8, 8", 0xffffffffffff00ff },
    { "deposit.i32 w1, $0, $0xff, 28, 4", 0xf0000000 },
    { "deposit.i64 x1, $0, $-1, 63, 1", 0x8000000000000000 },
    { "ext_i32_i64 x1, $0x80000000", 0xffffffff80000000 },
    { "ext_i32_i64 x1, $5", 5 },
    { "extu_i32_i64 x1, $-1", 0xffffffff },
    { "extrl_i64_i32 w1, $0x1234567887654321", 0x87654321 },
    { "extrh_i64_i32 w1, $0x1234567887654321", 0x12345678 },
    { "setcond.i64 x1, $-1, $1, lt", 1 },
    { "setcond.i64 x1, $-1, $1, ltu", 0 },
    { "setcond.i32 w1, $0x80000000, $0, lt", 1 },
    { "setcond.i32 w1, $0x80000000, $0, gtu", 1 },
    { "setcond.i32 w1, $-1, $0xffffffff, eq", 1 },
    { "setcond.i64 x1, $5, $5, ge", 1 },
    { "setcond.i64 x1, $5, $6, ne", 1 },
    { "setcond.i64 x1, $6, $5, le", 0 },
    { "setcond.i64 x1, $-6, $-5, gt", 0 },
    { "setcond.i64 x1, $-1, $0, geu", 1 },
    { "setcond.i64 x1, $0, $-1, leu", 1 },
    { "setcond.i64 x1, $0, $0, never", 0 },
    { "setcond.i64 x1, $0, $1, always", 1 },
    { "movcond.i64 x1, $1, $2, $10, $20, gt", 20 },
    { "movcond.i32 w1, $0x80000000, $1, $10, $20, lt", 10 },
    { "movcond.i64 x1, $-1, $1, $10, $20, gtu", 10 },
};

#define NB_CASES (sizeof cases / sizeof cases[0])

static IrOpcode case_opcode(const char *op)
{
    size_t n = strcspn(op, ". ");
    for (int opc = 0; opc < IR_OP_COUNT; opc++)
        if (strlen(ir_op_info[opc].name) == n &&
            !strncmp(ir_op_info[opc].name, op, n))
            return (IrOpcode)opc;
    ck_abort_msg("unknown op in %s", op);
    return IR_OP_nop;
}

START_TEST(folds)
{
    const FoldCase *c = &cases[_i];
    char body[128];
    snprintf(body, sizeof body, "    %s\n    exit_tb 0x0\n", c->op);
    IrCtx *ctx = opt_test_parse(body);
    OptConfig cfg = opt_config_default();
    ck_assert(opt_disable_rules(&cfg, "all", NULL));
    cfg.disabled &= ~((uint64_t)1 << OPT_RULE_FOLD);
    opt_run(ctx, &cfg);
    IrOp *op = &ctx->ops[0];
    ck_assert_msg(op->opc == IR_OP_mov, "%s: not folded", c->op);
    IrTemp v = op->args[1].temp;
    ck_assert(ir_temp_is_const(ctx, v));
    ck_assert_msg(ctx->temps[v.id].val == c->want,
                  "%s: got 0x%llx, want 0x%llx", c->op,
                  (unsigned long long)ctx->temps[v.id].val,
                  (unsigned long long)c->want);
    ck_assert_int_eq(ir_temp_type(ctx, v), op->type);
    ir_ctx_free(ctx);
}
END_TEST

/* Every opcode with the fold flag, in both widths, has a case. */
START_TEST(every_fold_op_has_a_case)
{
    for (int opc = 0; opc < IR_OP_COUNT; opc++) {
        if (!(ir_op_info[opc].flags & IR_OPF_FOLD))
            continue;
        unsigned types = 0;
        for (size_t k = 0; k < NB_CASES; k++) {
            if ((int)case_opcode(cases[k].op) != opc)
                continue;
            const char *dot = strchr(cases[k].op, '.');
            if (dot)
                types |= !strncmp(dot, ".i32", 4) ? 1 : 2;
            else   /* an op of one type has no suffix */
                types |= ir_op_info[opc].types & IR_TM_I32 ? 1 : 2;
        }
        unsigned need = (ir_op_info[opc].types & IR_TM_I32 ? 1u : 0u) |
                        (ir_op_info[opc].types & IR_TM_I64 ? 2u : 0u);
        ck_assert_msg((types & need) == need, "fold op %s lacks a case per type",
                      ir_op_info[opc].name);
    }
}
END_TEST

/* Inputs that are not all constants are left to the other rules. */
START_TEST(no_fold_without_constants)
{
    IrCtx *ctx = opt_test_parse("    add.i64 x1, x2, $1\n    exit_tb 0x0\n");
    OptConfig cfg = opt_config_default();
    ck_assert(opt_disable_rules(&cfg, "all", NULL));
    cfg.disabled &= ~((uint64_t)1 << OPT_RULE_FOLD);
    opt_run(ctx, &cfg);
    ck_assert_int_eq(ctx->ops[0].opc, IR_OP_add);
    ir_ctx_free(ctx);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("opt_fold");
    TCase *tc = tcase_create("fold");
    tcase_add_loop_test(tc, folds, 0, NB_CASES);
    tcase_add_test(tc, every_fold_op_has_a_case);
    tcase_add_test(tc, no_fold_without_constants);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    opt_test_register_helpers();
    return ck_run(suite());
}
