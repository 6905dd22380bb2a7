/*
 * A randomized self-check of the optimizer's integer rules (fixed seed, so
 * a failure repeats).  Each trial makes one foldable op over random inputs
 * -- constants, temps with random known bits that agree with a hidden
 * concrete value, sometimes the same temp twice -- then checks that
 *   - opt_kb_output is sound: the op's value on the concrete inputs has
 *     every known-zero bit clear and every known-one bit set;
 *   - opt_sb_output is sound: the inputs get a random number of sign bits
 *     their values have, and the result has at least the number it says;
 *   - a condition decided by known bits or by opt_cond_decide is the one
 *     the concrete inputs give;
 *   - whatever the simplification and known-bits rules rewrite the op into
 *     computes the same value on the same inputs.
 * The end-to-end check (optimized vs unoptimized programs against the
 * reference interpreter) is the irdiff difftest's.
 */
#include "opt_test_util.h"

#include "opt_int.h"
#include "check_run.h"
#include "test_rng.h"

static uint64_t rng = 0x2545f4914f6cdd1dull;

static uint64_t rnd64(void)
{
    return test_xorshift64(&rng);
}

static unsigned rnd(unsigned n)
{
    return (unsigned)(rnd64() % n);
}

/* Random values biased toward the edges. */
static uint64_t rnd_value(void)
{
    static const uint64_t edges[] = {
        0, 1, 2, 0x7f, 0x80, 0xff, 0x7fffffff, 0x80000000, 0xffffffff,
        0x100000000, 0x7fffffffffffffff, 0x8000000000000000, ~0ull,
        ~0ull - 1, 31, 32, 63, 64,
    };
    switch (rnd(4)) {
    case 0: return edges[rnd(sizeof edges / sizeof edges[0])];
    case 1: return rnd64() & 0xff;
    case 2: return (uint64_t)-(int64_t)(rnd64() & 0xff);
    default: return rnd64();
    }
}

/* A mask of known bits: none, all, or a random mix. */
static uint64_t rnd_known(void)
{
    switch (rnd(5)) {
    case 0: return 0;
    case 1: return ~0ull;
    case 2: return rnd64() | rnd64();
    case 3: return ~0xffull;
    default: return rnd64();
    }
}

/* The number of top bits of V (W bits wide) equal to its sign bit. */
static unsigned sign_bits(uint64_t v, unsigned w)
{
    uint64_t x = (uint64_t)opt_sext(v, w);
    if ((int64_t)x < 0)
        x = ~x;
    unsigned n = x ? (unsigned)__builtin_clzll(x) : 64;   /* of 64 */
    return n - (64 - w);
}

typedef struct Trial {
    IrCtx *ctx;
    OptConfig cfg;
    OptState st;
    uint64_t *vals;       /* concrete value of each temp made here */
} Trial;

static uint64_t value_of(const Trial *t, IrTemp x)
{
    if (ir_temp_is_const(t->ctx, x))
        return t->ctx->temps[x.id].val;
    return t->vals[x.id];
}

/* The op's value on the trial's concrete inputs. */
static uint64_t eval(const Trial *t, const IrOp *op)
{
    if (op->opc == IR_OP_mov)
        return value_of(t, ((IrOp *)op)->args[1].temp);
    uint64_t in[IR_MAX_INS], r = 0;
    for (unsigned k = 0; k < op->nb_in; k++)
        in[k] = value_of(t, ((IrOp *)op)->args[op->nb_out + k].temp);
    ck_assert_msg(opt_fold_eval(t->ctx, op, in, &r), "cannot evaluate %s",
                  ir_op_info[op->opc].name);
    return r;
}

static IrOpcode fold_ops[IR_OP_COUNT];
static unsigned nb_fold_ops;

static void describe(const Trial *t, const IrOp *op, char *buf, size_t len)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    ir_dump_op(t->ctx, op, f);
    for (unsigned k = 0; k < op->nb_in; k++) {
        IrTemp x = ((IrOp *)op)->args[op->nb_out + k].temp;
        uint64_t z, o;
        opt_bits_of(&t->st, x, &z, &o);
        fprintf(f, " | in%u=0x%llx z=0x%llx o=0x%llx", k,
                (unsigned long long)value_of(t, x), (unsigned long long)z,
                (unsigned long long)o);
    }
    fclose(f);
    snprintf(buf, len, "%s", s);
    free(s);
}

static void one_trial(void)
{
    Trial t = { .ctx = ir_ctx_new(), .cfg = opt_config_default() };
    IrOpcode opc = fold_ops[rnd(nb_fold_ops)];
    const IrOpInfo *info = &ir_op_info[opc];
    IrType type = rnd(2) ? IR_I32 : IR_I64;
    if (!(info->types >> type & 1))
        type = type == IR_I32 ? IR_I64 : IR_I32;

    /* inputs: temps of the right types (made before the facts array) */
    IrTemp in[IR_MAX_INS];
    uint64_t v[IR_MAX_INS], known[IR_MAX_INS];
    bool is_const[IR_MAX_INS];
    for (unsigned k = 0; k < info->nb_in; k++) {
        uint8_t mask = info->arg_types[info->nb_out + k];
        IrType it = mask == IR_TM_OP ? type
                                     : (IrType)__builtin_ctz(mask & IR_TM_ANY);
        v[k] = rnd_value() & opt_mask(opt_type_bits(it));
        known[k] = rnd_known();
        is_const[k] = rnd(4) == 0 ||
                      (k == 1 && rnd(2) && (opc == IR_OP_shl || opc == IR_OP_shr ||
                                            opc == IR_OP_sar || opc == IR_OP_rotl ||
                                            opc == IR_OP_rotr));
        if (k > 0 && rnd(6) == 0 && mask == IR_TM_OP &&
            info->arg_types[info->nb_out] == IR_TM_OP) {
            in[k] = in[0];      /* the same temp twice */
            v[k] = v[0];
            is_const[k] = is_const[0];
            known[k] = known[0];
            continue;
        }
        in[k] = is_const[k] ? ir_const(t.ctx, it, v[k]) : ir_temp_new(t.ctx, it);
    }
    IrTemp d = ir_temp_new(t.ctx, type);
    IrOp *op = ir_emit_op(t.ctx, opc, type);
    op->args[0].temp = d;
    for (unsigned k = 0; k < info->nb_in; k++)
        op->args[1 + k].temp = in[k];
    IrArg *c = &op->args[1 + info->nb_in];
    unsigned w = opt_type_bits(type);
    if (opc == IR_OP_extract || opc == IR_OP_sextract || opc == IR_OP_deposit) {
        unsigned len = 1 + rnd(w);
        c[0].uimm = rnd(w - len + 1);
        c[1].uimm = len;
        if (rnd(3) == 0)
            c[0].uimm = 0;
    } else if (opc == IR_OP_setcond || opc == IR_OP_movcond) {
        c[0].imm = rnd(IR_COND_COUNT);
    }

    t.st = (OptState){ .ctx = t.ctx, .cfg = &t.cfg, .ep_glob = 1, .ep_tb = 1,
                       .ep_bb = 1, .nb_facts = t.ctx->nb_temps };
    t.st.facts = calloc(t.ctx->nb_temps, sizeof(OptFact));
    t.vals = calloc(t.ctx->nb_temps, sizeof(uint64_t));
    for (unsigned k = 0; k < info->nb_in; k++) {
        if (is_const[k])
            continue;
        uint64_t m = opt_mask(opt_type_bits(ir_temp_type(t.ctx, in[k])));
        OptFact *f = &t.st.facts[in[k].id];
        f->epoch = 1;
        f->z = ~v[k] & known[k] & m;
        f->o = v[k] & known[k] & m;
        /* sign bits: any count the value has (0 = none known) */
        f->sb = (uint8_t)rnd(sign_bits(v[k], opt_type_bits(
                    ir_temp_type(t.ctx, in[k]))) + 1);
        t.vals[in[k].id] = v[k];
    }

    char what[512];
    describe(&t, op, what, sizeof what);
    uint64_t r = eval(&t, op);

    uint64_t z, o;
    opt_kb_output(&t.st, op, &z, &o);
    ck_assert_msg(!(r & z) && (r & o) == o,
                  "known bits wrong: %s -> 0x%llx, z=0x%llx o=0x%llx", what,
                  (unsigned long long)r, (unsigned long long)z,
                  (unsigned long long)o);

    unsigned wo = opt_type_bits(ir_temp_type(t.ctx, d));
    unsigned sb = opt_sb_output(&t.st, op);
    ck_assert_msg(sign_bits(r, wo) >= sb,
                  "sign bits wrong: %s -> 0x%llx has %u, said %u", what,
                  (unsigned long long)r, sign_bits(r, wo), sb);
    for (unsigned k = 0; k < info->nb_in; k++)
        ck_assert_uint_le(opt_sign_bits(&t.st, in[k]),
                          sign_bits(v[k], opt_type_bits(ir_temp_type(t.ctx, in[k]))));

    if (opc == IR_OP_setcond || opc == IR_OP_movcond) {
        IrCond cond = (IrCond)c[0].imm;
        bool truth = opt_cond_eval(cond, v[0], v[1], w);
        int d1 = opt_kb_cond_decide(&t.st, cond, in[0], in[1]);
        int d2 = opt_cond_decide(&t.st, cond, in[0], in[1]);
        ck_assert_msg(d1 < 0 || d1 == truth, "kb cond wrong: %s", what);
        ck_assert_msg(d2 < 0 || d2 == truth, "cond wrong: %s", what);
    }

    /* the rules: whatever they make computes the same value */
    for (int round = 0; round < 4 && op->opc != IR_OP_mov; round++) {
        bool changed = opt_simplify(&t.st, op);
        if (op->opc != IR_OP_mov)
            changed |= opt_knownbits(&t.st, op);
        op = &t.ctx->ops[0];
        uint64_t r2 = eval(&t, op);
        ck_assert_msg(r2 == r, "rewrite changed the value: %s -> 0x%llx, "
                      "now 0x%llx", what, (unsigned long long)r,
                      (unsigned long long)r2);
        if (!changed)
            break;
    }
    free(t.st.facts);
    free(t.vals);
    ir_ctx_free(t.ctx);
}

START_TEST(rules_are_sound)
{
    for (int opc = 0; opc < IR_OP_COUNT; opc++)
        if (ir_op_info[opc].flags & IR_OPF_FOLD)
            fold_ops[nb_fold_ops++] = (IrOpcode)opc;
    ck_assert_uint_gt(nb_fold_ops, 30);
    for (unsigned i = 0; i < 100000; i++)
        one_trial();
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("opt_random");
    TCase *tc = tcase_create("random");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, rules_are_sound);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
