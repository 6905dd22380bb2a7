/*
 * A randomized check of the optimizer's rules on chains of width changes,
 * shifts and bit fields (ext-field, shift-field, w-widen, kb-sext and the
 * known bits they build on): short straight-line programs of extrl/ext/extu,
 * shl/shr/sar by constants, extract/sextract, xor and sign-extending
 * loads over the globals x1 x2 x3 w1 and a few temps -- biased toward the
 * RISC-V frontend's W-op patterns (addw, addiw ... with the i32 result in
 * a basic-block temp, sometimes still read later), slliw+sraiw/srliw and
 * slli+srli/srai pairs, in place or not -- are evaluated op by op (opt_fold_eval, exactly docs/ir.md's
 * semantics) before and after opt_run; the globals must come out equal.
 * Fixed seed, so a failure repeats; it prints the program.
 */
#include "opt_test_util.h"

#include <stdarg.h>
#include <stdio.h>

#include "opt_int.h"
#include "check_run.h"
#include "test_rng.h"

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t rnd64(void)
{
    return test_xorshift64(&rng);
}

static unsigned rnd(unsigned n)
{
    return (unsigned)(rnd64() % n);
}

static uint64_t rnd_value(void)
{
    switch (rnd(5)) {
    case 0: return (uint64_t)(int64_t)(int32_t)rnd64();    /* sign-extended */
    case 1: return (uint32_t)rnd64();                       /* zero-extended */
    case 2: return rnd64() & 0xff;
    case 3: return (uint64_t)-(int64_t)(rnd64() & 0xff);
    default: return rnd64();
    }
}

/* Variables: i64 x1 x2 x3 t0 t1 t2; i32 w1 t3 t4 t5. */
static const char *const v64[] = { "x1", "x2", "x3", "t0", "t1", "t2" };
static const char *const v32[] = { "w1", "t3", "t4", "t5" };

typedef struct Gen {
    char text[4096];
    size_t len;
    bool def64[6], def32[4];
} Gen;

static void emit(Gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void emit(Gen *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g->len += (size_t)vsnprintf(g->text + g->len, sizeof g->text - g->len, fmt, ap);
    va_end(ap);
}

/* A defined variable of each width (globals are always defined). */
static const char *use64(Gen *g)
{
    unsigned i;
    do
        i = rnd(6);
    while (!g->def64[i]);
    return v64[i];
}

static const char *use32(Gen *g)
{
    unsigned i;
    do
        i = rnd(4);
    while (!g->def32[i]);
    return v32[i];
}

static const char *def64(Gen *g)
{
    unsigned i = rnd(6);
    g->def64[i] = true;
    return v64[i];
}

static const char *def32(Gen *g)
{
    unsigned i = rnd(4);
    g->def32[i] = true;
    return v32[i];
}

static const char *const shifts[] = { "shl", "shr", "sar" };

static void gen_op(Gen *g)
{
    switch (rnd(15)) {
    case 13:
    case 14: {                                  /* addw, addiw, mulw ... */
        static const char *const wops[] = { "add", "sub", "mul", "and", "or",
                                            "xor", "shl" };
        const char *opn = wops[rnd(7)];
        emit(g, "    extrl_i64_i32 b0, %s\n", use64(g));
        if (!strcmp(opn, "shl") || rnd(3) == 0) {
            emit(g, "    %s.i32 b2, b0, $%d\n", opn,
                 !strcmp(opn, "shl") ? (int)rnd(40) : (int)rnd64());
        } else {
            emit(g, "    extrl_i64_i32 b1, %s\n", use64(g));
            emit(g, "    %s.i32 b2, %s, %s\n", opn, rnd(2) ? "b0" : "b1",
                 rnd(2) ? "b1" : "b0");
        }
        if (rnd(2))
            emit(g, "    insn_start 0x%x\n", 0x1000 + rnd(64) * 4);
        emit(g, "    %s %s, b2\n", rnd(2) ? "ext_i32_i64" : "extu_i32_i64",
             def64(g));
        if (rnd(4) == 0)                        /* b2 still needed */
            emit(g, "    add.i32 %s, %s, b2\n", def32(g), use32(g));
        break;
    }
    case 12: {                                  /* slliw; sraiw/srliw */
        const char *a = use64(g), *t = def32(g), *u = def32(g), *y = def64(g);
        unsigned c = rnd(32), c2 = rnd(3) ? c + rnd(32 - c) : rnd(32);
        emit(g, "    extrl_i64_i32 %s, %s\n", t, a);
        emit(g, "    shl.i32 %s, %s, $%u\n", u, t, c);
        emit(g, "    ext_i32_i64 %s, %s\n", y, u);
        t = def32(g);
        emit(g, "    extrl_i64_i32 %s, %s\n", t, y);
        u = def32(g);
        emit(g, "    %s.i32 %s, %s, $%u\n", rnd(2) ? "sar" : "shr", u, t, c2);
        emit(g, "    %s %s, %s\n", rnd(2) ? "ext_i32_i64" : "extu_i32_i64",
             def64(g), u);
        break;
    }
    case 0: {                                   /* W op: extrl; op.i32; ext */
        const char *a = use64(g), *t = def32(g);
        emit(g, "    extrl_i64_i32 %s, %s\n", t, a);
        if (rnd(3)) {
            const char *u = def32(g);
            emit(g, "    %s.i32 %s, %s, $%u\n", shifts[rnd(3)], u, t, rnd(40));
            t = u;
        }
        if (rnd(2))
            emit(g, "    insn_start 0x%x\n", 0x1000 + rnd(64) * 4);
        emit(g, "    %s %s, %s\n", rnd(2) ? "ext_i32_i64" : "extu_i32_i64",
             def64(g), t);
        break;
    }
    case 1: {                                   /* slli; srli/srai */
        bool in_place = rnd(2);
        const char *a = use64(g), *t = in_place ? a : def64(g);
        unsigned c = rnd(64), c2 = rnd(3) ? c + rnd(64 - c) : rnd(64);
        emit(g, "    shl.i64 %s, %s, $%u\n", t, a, c);
        if (rnd(2))
            emit(g, "    insn_start 0x%x\n", 0x1000 + rnd(64) * 4);
        if (rnd(5) == 0)
            emit(g, "    add.i64 %s, %s, $1\n", def64(g), t);
        const char *d = in_place && rnd(3) ? t : def64(g);
        emit(g, "    %s.i64 %s, %s, $%u\n", rnd(2) ? "shr" : "sar", d, t, c2);
        break;
    }
    case 2: {
        const char *a = use32(g), *t = def32(g);
        unsigned c = rnd(32), c2 = c + rnd(32 - c);
        emit(g, "    shl.i32 %s, %s, $%u\n", t, a, c);
        emit(g, "    %s.i32 %s, %s, $%u\n", rnd(2) ? "shr" : "sar",
             rnd(2) ? t : def32(g), t, c2);
        break;
    }
    case 3:
        emit(g, "    extrl_i64_i32 %s, %s\n", def32(g), use64(g));
        break;
    case 4:
        emit(g, "    %s %s, %s\n", rnd(2) ? "ext_i32_i64" : "extu_i32_i64",
             def64(g), use32(g));
        break;
    case 5: {
        bool w64 = rnd(2);
        unsigned w = w64 ? 64 : 32, len = 1 + rnd(w), ofs = rnd(w - len + 1);
        if (rnd(2))
            ofs = 0;
        const char *a = w64 ? use64(g) : use32(g);
        emit(g, "    %s.i%u %s, %s, %u, %u\n", rnd(2) ? "extract" : "sextract",
             w, w64 ? def64(g) : def32(g), a, ofs, len);
        break;
    }
    case 6: {
        bool w64 = rnd(2);
        const char *a = w64 ? use64(g) : use32(g);
        emit(g, "    %s.i%u %s, %s, $%u\n", shifts[rnd(3)], w64 ? 64 : 32,
             w64 ? def64(g) : def32(g), a, rnd(70));
        break;
    }
    case 7: {
        const char *a = use64(g), *b = use64(g);
        emit(g, "    %s.i64 %s, %s, %s\n", rnd(2) ? "xor" : "add", def64(g), a, b);
        break;
    }
    case 8: {                                   /* loads from the buffer */
        static const char *const mo[] = { "sl", "ul", "sw", "uw", "sb", "ub", "uq" };
        emit(g, "    ld_guest.i64 %s, $%u, %s\n", def64(g), 8 * rnd(8), mo[rnd(7)]);
        break;
    }
    case 9:
        emit(g, "    mov.i64 %s, %s\n", def64(g), use64(g));
        break;
    case 10:
        emit(g, "    mov.i32 %s, %s\n", def32(g), use32(g));
        break;
    default:
        emit(g, "    insn_start 0x%x\n", 0x1000 + rnd(64) * 4);
        break;
    }
}

static uint8_t memory[64 + 8];

/* Runs CTX from the start with the globals set from INIT (by temp id);
 * VALS (nb_temps) receives every temp's value. */
static void run(IrCtx *ctx, const uint64_t *init, uint64_t *vals)
{
    for (uint32_t i = 0; i < ctx->nb_temps; i++)
        vals[i] = (ctx->temps[i].kind == IR_TEMP_CONST ? ctx->temps[i].val
                                                       : init[i]) &
                  opt_mask(opt_type_bits((IrType)ctx->temps[i].type));
    for (size_t i = 0; i < ctx->nb_ops; i++) {
        IrOp *op = &ctx->ops[i];
        if (op->opc == IR_OP_nop || op->opc == IR_OP_insn_start)
            continue;
        if (op->opc == IR_OP_exit_tb)
            break;
        IrTemp d = op->args[0].temp;
        unsigned w = opt_type_bits(ir_temp_type(ctx, d));
        uint64_t in[IR_MAX_INS], r = 0;
        for (unsigned k = 0; k < op->nb_in; k++) {
            IrTemp s = op->args[op->nb_out + k].temp;
            in[k] = vals[s.id] &
                    opt_mask(opt_type_bits(ir_temp_type(ctx, s)));
        }
        if (op->opc == IR_OP_mov) {
            r = in[0];
        } else if (op->opc == IR_OP_ld_guest) {
            IrMemOp mo = (IrMemOp)ir_op_const(op, 0)->imm;
            unsigned size = 1u << (mo & IR_MO_SIZE);
            uint64_t v = 0;
            memcpy(&v, memory + in[0], size);
            r = mo & IR_MO_SIGN ? (uint64_t)opt_sext(v, 8 * size) : v;
        } else {
            ck_assert_msg(opt_fold_eval(ctx, op, in, &r), "cannot evaluate %s",
                          ir_op_info[op->opc].name);
        }
        vals[d.id] = r & opt_mask(w);
    }
}

START_TEST(fields_are_sound)
{
    opt_test_register_helpers();
    OptConfig cfg = opt_config_default(), off = opt_config_default();
    ck_assert(opt_disable_rules(&off, "ext-field,shift-field,kb-sext,w-widen",
                                NULL));
    unsigned changed = 0;
    for (unsigned trial = 0; trial < 20000; trial++) {
        Gen g = { .len = 0 };
        for (unsigned i = 0; i < 3; i++)
            g.def64[i] = true;
        g.def32[0] = true;
        emit(&g, "temp i64 t0, t1, t2\ntemp i32 t3, t4, t5\n"
                 "bbtemp i32 b0, b1, b2\n");
        unsigned n = 1 + rnd(6);
        for (unsigned i = 0; i < n; i++)
            gen_op(&g);
        emit(&g, "    exit_tb 0x0\n");
        for (size_t i = 0; i < sizeof memory; i++)
            memory[i] = (uint8_t)rnd64();

        IrCtx *a = opt_test_parse(g.text), *b = opt_test_parse(g.text);
        IrCtx *c = opt_test_parse(g.text);
        opt_run(b, &cfg);
        opt_run(c, &off);
        char *db = ir_dump_str(b), *dc = ir_dump_str(c);
        changed += strcmp(db, dc) != 0;     /* one of the rules fired */
        free(db);
        free(dc);
        ir_ctx_free(c);
        uint64_t *init = calloc(a->nb_temps, sizeof(uint64_t));
        uint64_t *va = calloc(a->nb_temps, sizeof(uint64_t));
        uint64_t *vb = calloc(b->nb_temps, sizeof(uint64_t));
        for (uint32_t i = 0; i < a->nb_temps; i++)
            init[i] = rnd_value();
        run(a, init, va);
        run(b, init, vb);
        for (uint32_t i = 0; i < a->nb_temps; i++) {
            if (a->temps[i].kind != IR_TEMP_GLOBAL)
                continue;
            if (va[i] != vb[i]) {
                char *out = ir_dump_str(b), name[32];
                ir_temp_name(a, (IrTemp){ i }, name, sizeof name);
                ck_abort_msg("trial %u: %s: 0x%llx, optimized 0x%llx\n"
                             "--- program\n%s--- optimized\n%s", trial, name,
                             (unsigned long long)va[i],
                             (unsigned long long)vb[i], g.text, out);
            }
        }
        free(init);
        free(va);
        free(vb);
        ir_ctx_free(a);
        ir_ctx_free(b);
    }
    printf("# the rules changed %u of 20000 programs\n", changed);
    ck_assert_uint_gt(changed, 4000);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("opt_field");
    TCase *tc = tcase_create("field");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, fields_are_sound);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
