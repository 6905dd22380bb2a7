/*
 * The textual IR (src/ir/ir_dump.c, ir_parse.c): dump -> parse -> dump is
 * exact for a hand-written program that uses every opcode (checked against
 * the generated table, so a new opcode must be added to the corpus) and for
 * ops built from the table for every opcode, type and constant value; the
 * canonical spelling of constants; what the parser builds; globals that
 * the context already has.
 */
#include <check.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ir-build.h"
#include "ir_corpus.h"
#include "ir_text.h"
#include "ir_verify.h"
#include "check_run.h"

static char err[512];

static IrCtx *parse_ok(const char *text)
{
    IrCtx *ctx = ir_ctx_new();
    ck_assert_msg(ir_parse(ctx, text, "test", err, sizeof err), "%s", err);
    return ctx;
}

/* dump(parse(text)) */
static char *reparse(const char *text)
{
    IrCtx *ctx = parse_ok(text);
    char *s = ir_dump_str(ctx);
    ir_ctx_free(ctx);
    return s;
}

/* Texts equal; else fails naming the first line that differs (whole
 * texts can be too long for a Check message). */
static void assert_text_eq(const char *got, const char *want)
{
    unsigned line = 1;
    const char *g = got, *w = want;
    while (*g && *g == *w) {
        if (*g == '\n') {
            line++;
            got = g + 1;
            want = w + 1;
        }
        g++;
        w++;
    }
    if (*g == *w)
        return;
    ck_abort_msg("texts differ at line %u:\n got: %.120s\nwant: %.120s", line,
                 got, want);
}

static void check_roundtrip(IrCtx *ctx)
{
    char *a = ir_dump_str(ctx);
    char *b = reparse(a);
    assert_text_eq(b, a);
    free(a);
    free(b);
}

START_TEST(corpus_is_canonical)
{
    char *s = reparse(ir_corpus_text);
    assert_text_eq(s, ir_corpus_text);
    free(s);
}
END_TEST

START_TEST(corpus_verifies)
{
    IrCtx *ctx = parse_ok(ir_corpus_text);
    ck_assert_msg(ir_verify(ctx, err, sizeof err), "%s", err);
    ir_ctx_free(ctx);
}
END_TEST

/* Every opcode and every constant kind appear in the corpus: a new entry
 * in ops.def fails here until it is added (every type of every opcode is
 * covered by every_op_type_and_constant_roundtrips). */
START_TEST(corpus_covers_the_op_table)
{
    IrCtx *ctx = parse_ok(ir_corpus_text);
    uint8_t seen_types[IR_OP_COUNT] = { 0 };
    unsigned seen_kinds = 0, table_kinds = 0;
    for (int opc = 0; opc < IR_OP_COUNT; opc++)
        for (unsigned k = 0; k < ir_op_info[opc].nb_const; k++)
            table_kinds |= 1u << ir_op_info[opc].const_kinds[k];
    for (size_t i = 0; i < ctx->nb_ops; i++) {
        IrOp *op = &ctx->ops[i];
        seen_types[op->opc] |= (uint8_t)(1u << op->type);
        for (unsigned k = 0; k < op->nb_const; k++)
            seen_kinds |= 1u << ir_op_info[op->opc].const_kinds[k];
    }
    for (int opc = 0; opc < IR_OP_COUNT; opc++)
        ck_assert_msg(seen_types[opc], "opcode %s missing from the corpus",
                      ir_op_info[opc].name);
    for (int k = 0; k < IR_CK_COUNT; k++)
        if (table_kinds >> k & 1)
            ck_assert_msg(seen_kinds >> k & 1, "constant kind %s not in corpus",
                          ir_const_kind_names[k]);
    ir_ctx_free(ctx);
}
END_TEST

/* ---- Ops built from the table ------------------------------------------------ */

static const IrHelper *const helpers[] = { &ir_corpus_helper_a,
                                           &ir_corpus_helper_b };

/* Sample values of each constant kind: every name and the extremes. */
static unsigned nb_samples(IrConstKind k)
{
    switch (k) {
    case IR_CK_COND: return IR_COND_COUNT;
    case IR_CK_MEMOP: return 32;
    case IR_CK_BARRIER: return 15;
    case IR_CK_ROUND: return 5;
    case IR_CK_FMANEG: return 4;
    case IR_CK_LABEL: return 3;
    case IR_CK_HELPER: return 2;
    default: return 4;
    }
}

static IrArg sample(IrCtx *ctx, IrConstKind k, unsigned s, const IrLabel *labels)
{
    IrArg a = { 0 };
    static const uint64_t u32s[] = { 0, 5, 0x7fffffff, UINT32_MAX };
    static const uint64_t u64s[] = { 0, 0x10078, 1ull << 63, UINT64_MAX };
    static const int64_t i64s[] = { INT64_MIN, -1, 0, INT64_MAX };
    static const int64_t offs[] = { INT32_MIN, -8, 0, INT32_MAX };
    static const int64_t rounds[] = { 0, 1, 2, 3, 7 };
    (void)ctx;
    switch (k) {
    case IR_CK_U32: a.uimm = u32s[s % 4]; break;
    case IR_CK_U64: a.uimm = u64s[s % 4]; break;
    case IR_CK_I64: a.imm = i64s[s % 4]; break;
    case IR_CK_OFFSET: a.imm = offs[s % 4]; break;
    case IR_CK_COND: a.imm = s % IR_COND_COUNT; break;
    case IR_CK_MEMOP: a.imm = s % 32; break;
    case IR_CK_BARRIER: a.imm = 1 + s % 15; break;
    case IR_CK_ROUND: a.imm = rounds[s % 5]; break;
    case IR_CK_FMANEG: a.imm = s % 4; break;
    case IR_CK_LABEL: a.label = labels[s % 3]; break;
    case IR_CK_HELPER: a.helper = helpers[s % 2]; break;
    default: break;
    }
    return a;
}

/* A type the table position allows (IR_TM_OP = the op's); VARIANT picks
 * between several. */
static IrType pick_type(uint8_t mask, IrType op_type, unsigned variant)
{
    if (mask == IR_TM_OP)
        return op_type;
    IrType all[4];
    unsigned n = 0;
    for (int t = 0; t < IR_VOID; t++)
        if (mask >> t & 1)
            all[n++] = (IrType)t;
    return all[variant % n];
}

static const uint64_t const_bits[] = {
    0, 1, 4096, 4097, (uint64_t)-4096, (uint64_t)-4097, 0x7fffffff,
    0x80000000, 0xffffffff, 0x100000000, 1ull << 63, UINT64_MAX,
    0x7ff8000000000001, 0x7fc00001,
};

/* Appends op OPC of type TYPE with operands from the table: VARIANT
 * chooses temps or constants for the inputs, group sizes, operand types. */
static void build_op(IrCtx *ctx, IrOpcode opc, IrType type, unsigned variant,
                     unsigned s, const IrLabel *labels)
{
    const IrOpInfo *info = &ir_op_info[opc];
    IrOp *op = ir_emit_op(ctx, opc, type);
    unsigned nb_out = info->nb_out, nb_in = info->nb_in;
    if (info->var_out)
        nb_out = type == IR_VOID ? 0 : (variant % 2 ? info->nb_out : 0);
    if (info->var_in)
        nb_in = variant % 3 == 0 ? info->nb_in : variant % 3 == 1 ? 1 : 0;
    op->nb_out = (uint8_t)nb_out;
    op->nb_in = (uint8_t)nb_in;
    IrArg args[IR_MAX_ARGS];
    unsigned n = 0;
    for (unsigned k = 0; k < nb_out; k++) {
        IrType t = pick_type(info->arg_types[k], type, variant);
        args[n++].temp = variant % 2 ? ir_temp_new_bb(ctx, t)
                                     : ir_temp_new(ctx, t);
    }
    for (unsigned k = 0; k < nb_in; k++) {
        IrType t = pick_type(info->arg_types[info->nb_out + k], type,
                             variant + k);
        if ((variant + k) % 2)
            args[n++].temp = ir_const(ctx, t,
                                      const_bits[(s + variant * 3 + k) %
                                                 (sizeof const_bits /
                                                  sizeof const_bits[0])]);
        else if (k == 1 && ctx->nb_globals >= 1 &&
                 ctx->temps[1].type == t)
            args[n++].temp = (IrTemp){ 1 };
        else
            args[n++].temp = ir_temp_new(ctx, t);
    }
    for (unsigned k = 0; k < info->nb_const; k++)
        args[n++] = sample(ctx, (IrConstKind)info->const_kinds[k], s, labels);
    op = &ctx->ops[ctx->nb_ops - 1];
    for (unsigned k = 0; k < n; k++)
        op->args[k] = args[k];
}

START_TEST(every_op_type_and_constant_roundtrips)
{
    ir_corpus_register_helpers();
    unsigned checked = 0;
    for (int opc = 0; opc < IR_OP_COUNT; opc++) {
        const IrOpInfo *info = &ir_op_info[opc];
        unsigned samples = 1;
        for (unsigned k = 0; k < info->nb_const; k++)
            if (nb_samples((IrConstKind)info->const_kinds[k]) > samples)
                samples = nb_samples((IrConstKind)info->const_kinds[k]);
        for (int t = 0; t < IR_TYPE_COUNT; t++) {
            if (!(info->types >> t & 1))
                continue;
            for (unsigned variant = 0; variant < 6; variant++) {
                IrCtx *ctx = ir_ctx_new();
                ir_global(ctx, IR_I64, 8, "x1");
                IrLabel labels[3] = { ir_label_new(ctx), ir_label_new(ctx),
                                      ir_label_new(ctx) };
                for (unsigned s = 0; s < samples; s++)
                    build_op(ctx, (IrOpcode)opc, (IrType)t, variant, s,
                             labels);
                check_roundtrip(ctx);
                ir_ctx_free(ctx);
                checked++;
            }
        }
    }
    ck_assert_uint_ge(checked, IR_OP_COUNT * 6);
}
END_TEST

/* ---- Canonical spellings ------------------------------------------------------- */

static void check_const_text(IrType opt, uint64_t bits, const char *want)
{
    IrCtx *ctx = ir_ctx_new();
    IrTemp d = ir_temp_new(ctx, opt);
    ir_mov(ctx, opt, d, ir_const(ctx, opt, bits));
    char buf[128];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    ir_dump_op(ctx, &ctx->ops[0], f);
    fputc(0, f);
    fclose(f);
    ck_assert_str_eq(buf, want);
    check_roundtrip(ctx);
    ir_ctx_free(ctx);
}

START_TEST(constant_spellings)
{
    check_const_text(IR_I64, 0, "    mov.i64 t0, $0");
    check_const_text(IR_I64, 4096, "    mov.i64 t0, $4096");
    check_const_text(IR_I64, 4097, "    mov.i64 t0, $0x1001");
    check_const_text(IR_I64, (uint64_t)-4096, "    mov.i64 t0, $-4096");
    check_const_text(IR_I64, (uint64_t)-4097, "    mov.i64 t0, $-0x1001");
    check_const_text(IR_I64, (uint64_t)-0xffffffffll,
                     "    mov.i64 t0, $-0xffffffff");
    check_const_text(IR_I64, (uint64_t)-0x100000000ll,
                     "    mov.i64 t0, $0xffffffff00000000");
    check_const_text(IR_I64, 1ull << 63, "    mov.i64 t0, $0x8000000000000000");
    check_const_text(IR_I32, 0xffffffff, "    mov.i32 t0, $-1");
    check_const_text(IR_I32, 0x80000000, "    mov.i32 t0, $-0x80000000");
    check_const_text(IR_I32, 0x7fffffff, "    mov.i32 t0, $0x7fffffff");
    check_const_text(IR_F32, 0x3f800000, "    mov.f32 t0, $0x3f800000");
    check_const_text(IR_F32, 1, "    mov.f32 t0, $0x00000001");
    check_const_text(IR_F64, 0x7ff8000000000001,
                     "    mov.f64 t0, $0x7ff8000000000001");
    check_const_text(IR_F64, 0, "    mov.f64 t0, $0x0000000000000000");
}
END_TEST

/* The parser's alternative spellings all give the canonical text. */
START_TEST(parser_accepts_alternatives)
{
    char *s = reparse(
        "# a comment line\n"
        "global i64 x1 env+8   # trailing comment\n"
        "\n"
        "\tadd.i64 t5, x1, $0x10\n"          /* t5: typed at first use */
        "  set_label L3\n"
        "  mov.i32 b7, $4294967295\n"
        "  mov.i32 b8, $-2147483648\n"
        "  ld_guest.i32 b9, t5, 22\n"          /* memop as a number: sl|align */
        "  mb ld_st|ld_ld|st_ld|st_st\n"
        "  st_guest.i32 b9, t5, ul|align|be\n"
        "  brcond.i64 t5, $0:i64, 3, L3\n"     /* 3 = ne */
        "  exit_tb 16\n");
    ck_assert_str_eq(s,
        "global i64 x1 env+8\n"
        "temp i64 t0\n"
        "bbtemp i32 b0, b1, b2\n"
        "    add.i64 t0, x1, $16\n"
        "L3:\n"
        "    mov.i32 b0, $-1\n"
        "    mov.i32 b1, $-0x80000000\n"
        "    ld_guest.i32 b2, t0, sl|align\n"
        "    mb all\n"
        "    st_guest.i32 b2, t0, ul|be|align\n"
        "    brcond.i64 t0, $0, ne, L3\n"
        "    exit_tb 0x10\n");
    free(s);
}
END_TEST

/* What the parser builds: opcodes, types, temps, constants, labels. */
START_TEST(parser_builds_the_ops)
{
    ir_corpus_register_helpers();
    IrCtx *ctx = parse_ok(
        "global i64 x1 env+8\n"
        "global f64 @L0 env+16 fixed=xmm3\n"
        "temp i32 t0\n"
        "bbtemp i64 b0\n"
        "    add.i32 t0, t0, $-7\n"
        "L1:\n"
        "    ld_env.i64 b0, -24, sw|align\n"
        "    call.i64 {x1}, {b0, $2:i32}, helper_a\n"
        "    brcond.i64 b0, x1, geu, L1\n");
    ck_assert_uint_eq(ctx->nb_globals, 2);
    ck_assert_str_eq(ctx->temps[2].name, "L0");
    ck_assert_int_eq(ctx->temps[2].type, IR_F64);
    ck_assert_int_eq(ctx->temps[2].offset, 16);
    ck_assert_int_eq(ctx->temps[2].fixed_reg, IR_X86_XMM3);
    ck_assert_int_eq(ctx->temps[1].fixed_reg, -1);
    ck_assert_uint_eq(ctx->nb_ops, 5);

    IrOp *op = &ctx->ops[0];
    ck_assert_int_eq(op->opc, IR_OP_add);
    ck_assert_int_eq(op->type, IR_I32);
    IrTemp t0 = op->args[0].temp;
    ck_assert_int_eq(ctx->temps[t0.id].kind, IR_TEMP_TB);
    ck_assert_uint_eq(op->args[1].temp.id, t0.id);
    ck_assert(ir_temp_is_const(ctx, op->args[2].temp));
    ck_assert_int_eq(ir_const_value(ctx, op->args[2].temp), -7);
    ck_assert_uint_eq(ctx->temps[op->args[2].temp.id].val, 0xfffffff9u);

    op = &ctx->ops[1];
    ck_assert_int_eq(op->opc, IR_OP_set_label);
    ck_assert_uint_eq(op->args[0].label.id, 2);
    ck_assert_uint_eq(ctx->nb_labels, 3);
    ck_assert_int_eq(ctx->labels[2].set_at, 1);
    ck_assert_uint_eq(ctx->labels[2].refs, 1);

    op = &ctx->ops[2];
    IrTemp b0 = op->args[0].temp;
    ck_assert_int_eq(ctx->temps[b0.id].kind, IR_TEMP_BB);
    ck_assert_int_eq(op->args[1].imm, -24);
    ck_assert_int_eq(op->args[2].imm, IR_MO_SW | IR_MO_ALIGN);

    op = &ctx->ops[3];
    ck_assert_int_eq(op->opc, IR_OP_call);
    ck_assert_uint_eq(op->nb_out, 1);
    ck_assert_uint_eq(op->nb_in, 2);
    ck_assert_uint_eq(op->args[0].temp.id, 1);
    ck_assert_uint_eq(op->args[1].temp.id, b0.id);
    ck_assert_int_eq(ir_temp_type(ctx, op->args[2].temp), IR_I32);
    ck_assert_ptr_eq(ir_op_const(op, 0)->helper, &ir_corpus_helper_a);

    op = &ctx->ops[4];
    ck_assert_int_eq(ir_op_const(op, 0)->imm, IR_COND_GEU);
    ck_assert_uint_eq(ir_op_const(op, 1)->label.id, 2);
    ir_ctx_free(ctx);
}
END_TEST

/* Temps keep their names when every temp is declared, and gaps in the
 * numbering close up. */
START_TEST(temp_numbering)
{
    char *s = reparse("temp i64 t0, t1, t2\n"
                      "bbtemp i32 b0\n"
                      "    mov.i64 t2, $1\n"
                      "    exit_tb 0x0\n");
    ck_assert_str_eq(s, "temp i64 t0, t1, t2\n"
                        "bbtemp i32 b0\n"
                        "    mov.i64 t2, $1\n"
                        "    exit_tb 0x0\n");
    free(s);
    s = reparse("temp i32 t9\n"
                "temp i64 t4\n"
                "    mov.i64 t4, $1\n"
                "    mov.i32 t9, $1\n");
    ck_assert_str_eq(s, "temp i64 t0\n"
                        "temp i32 t1\n"
                        "    mov.i64 t0, $1\n"
                        "    mov.i32 t1, $1\n");
    free(s);
}
END_TEST

START_TEST(context_with_globals)
{
    IrCtx *ctx = ir_ctx_new();
    IrTemp x1 = ir_global(ctx, IR_I64, 8, "x1");
    ir_global(ctx, IR_I64, 16, "x2");
    ck_assert_msg(ir_parse(ctx, "    add.i64 x1, x2, $1\n", "t", err,
                           sizeof err), "%s", err);
    ck_assert_uint_eq(ctx->ops[0].args[0].temp.id, x1.id);
    ir_ctx_reset(ctx);
    ck_assert_msg(ir_parse(ctx, "global i64 x1 env+8\nglobal i64 x2 env+16\n"
                           "    mov.i64 x1, x2\n", "t", err, sizeof err),
                  "%s", err);
    ck_assert_uint_eq(ctx->nb_globals, 2);
    ir_ctx_reset(ctx);
    ck_assert(!ir_parse(ctx, "global i64 x1 env+8\nglobal i64 x2 env+24\n",
                        "t", err, sizeof err));
    ck_assert_str_eq(err, "t:2:1: global x2 does not match global 1 of the "
                          "context");
    ck_assert(!ir_parse(ctx, "global i64 x1 env+8\n", "t", err, sizeof err));
    ck_assert_str_eq(err, "t:1:1: the text declares 1 globals, the context "
                          "has 2");
    ir_ctx_free(ctx);
}
END_TEST

START_TEST(non_empty_context_and_failed_parse)
{
    IrCtx *ctx = ir_ctx_new();
    IrTemp t = ir_temp_new(ctx, IR_I64);
    ck_assert(!ir_parse(ctx, "exit_tb 0x0\n", "t", err, sizeof err));
    ck_assert_str_eq(err, "t:1:1: the context is not empty (use ir_ctx_reset)");
    (void)t;
    ir_ctx_reset(ctx);
    /* a failed parse leaves the context as it was */
    ck_assert(!ir_parse(ctx, "global i64 x1 env+8\nmov.i64 x1, $1\nbogus\n",
                        "t", err, sizeof err));
    ck_assert_uint_eq(ctx->nb_globals, 0);
    ck_assert_uint_eq(ctx->nb_temps, 1);
    ck_assert_uint_eq(ctx->nb_ops, 0);
    ir_ctx_free(ctx);
}
END_TEST

START_TEST(temp_names)
{
    IrCtx *ctx = ir_ctx_new();
    IrTemp g = ir_global(ctx, IR_I64, 0, "t7");
    IrTemp x = ir_global(ctx, IR_I32, 4, "pc");
    IrTemp a = ir_temp_new(ctx, IR_I64);
    IrTemp c = ir_const(ctx, IR_I64, 5);
    IrTemp b = ir_temp_new_bb(ctx, IR_F32);
    IrTemp a2 = ir_temp_new(ctx, IR_I32);
    char buf[32];
    ir_temp_name(ctx, g, buf, sizeof buf);
    ck_assert_str_eq(buf, "@t7");
    ir_temp_name(ctx, x, buf, sizeof buf);
    ck_assert_str_eq(buf, "pc");
    ir_temp_name(ctx, a, buf, sizeof buf);
    ck_assert_str_eq(buf, "t0");
    ir_temp_name(ctx, a2, buf, sizeof buf);
    ck_assert_str_eq(buf, "t1");
    ir_temp_name(ctx, b, buf, sizeof buf);
    ck_assert_str_eq(buf, "b0");
    ir_temp_name(ctx, c, buf, sizeof buf);
    ck_assert_str_eq(buf, "$5:i64");
    ir_temp_name(ctx, c, buf, 3);
    ck_assert_str_eq(buf, "$5");
    ir_ctx_free(ctx);
}
END_TEST

/* A context the verifier rejects still dumps without crashing. */
START_TEST(dump_of_invalid_ir)
{
    IrCtx *ctx = ir_ctx_new();
    IrOp *op = ir_emit_op(ctx, IR_OP_add, IR_I64);
    op->args[0].temp.id = 999;
    op = ir_emit_op(ctx, IR_OP_brcond, IR_I64);
    op->args[2].imm = 77;
    op->args[3].label.id = 42;
    op = ir_emit_op(ctx, IR_OP_mov, IR_I64);
    op->opc = 5000;
    op = ir_emit_op(ctx, IR_OP_ld_env, IR_I64);
    op->args[2].imm = 1000;
    char *s = ir_dump_str(ctx);
    ck_assert_str_eq(s, "    add.i64 ?999, ?0, ?0\n"
                        "    brcond.i64 ?0, ?0, 77, ?label42\n"
                        "    ?op5000\n"
                        "    ld_env.i64 ?0, 0, 1000\n");
    free(s);
    ir_ctx_free(ctx);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ir_text");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, corpus_is_canonical);
    tcase_add_test(tc, corpus_verifies);
    tcase_add_test(tc, corpus_covers_the_op_table);
    tcase_add_test(tc, every_op_type_and_constant_roundtrips);
    tcase_add_test(tc, constant_spellings);
    tcase_add_test(tc, parser_accepts_alternatives);
    tcase_add_test(tc, parser_builds_the_ops);
    tcase_add_test(tc, temp_numbering);
    tcase_add_test(tc, context_with_globals);
    tcase_add_test(tc, non_empty_context_and_failed_parse);
    tcase_add_test(tc, temp_names);
    tcase_add_test(tc, dump_of_invalid_ir);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    ir_corpus_register_helpers();
    return ck_run(suite());
}
