/*
 * The per-op test for value ops (see ops_test.h, ops_generic): variants
 * are enumerated from ir_op_info (op types, operand types, constant
 * arguments) and kept when ir_verify accepts them; each variant is run in
 * every operand kind on edge values of its operand types (all pairs for
 * two inputs, a fixed sample of at most COMBO_CAP combinations for more),
 * in all four rounding modes when the op is fpenv.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir-build.h"
#include "ir_verify.h"
#include "ops_test.h"

#define COMBO_CAP 1024

typedef struct Variant {
    IrOpcode opc;
    IrType t;
    unsigned nin;
    IrType out_t;            /* output type */
    IrType in_t[IR_MAX_INS];
    IrArg consts[IR_MAX_CONSTS];
    unsigned nconst;
    char desc[80];
} Variant;

typedef enum Kind {
    K_REG,          /* inputs in globals, output in a global */
    K_CONST,        /* input `a` a constant */
    K_ALIAS_TEMP,   /* output temp = input a's temp */
    K_ALIAS_GLOBAL, /* output = input a's global */
    K_SAME,         /* input b is input a's temp */
    K_LIVE,         /* inputs in TB temps, read again after the op */
    K_LIVE_BB,      /* the same with BB temps */
    K_DIRTY,        /* i32 inputs: extrl_i64_i32 of an i64 global whose
                       upper half is garbage */
    K_FILL,         /* `b` integer and FP temps live across the op, so
                       that its operands get other registers */
} Kind;

static const char *const kind_names[] = {
    "globals", "constant", "out=in temp", "out=in global", "same temp",
    "inputs live after (tb)", "inputs live after (bb)",
    "i32 inputs from i64 with a dirty upper half",
    "values live across",
};

/* K_FILL: how many integer and FP temps are live across the op. */
static const unsigned fill_counts[] = { 1, 3, 5, 7, 9, 11, 13 };

/* K_DIRTY: the i64 global an i32 input J is extracted from. */
#define DIRTY_SLOT(j) (8 + (j))

/* Ops whose FP output must keep its bits exactly, NaNs included. */
static bool exact_op(IrOpcode opc)
{
    return opc == IR_OP_mov || opc == IR_OP_fneg || opc == IR_OP_fabs ||
           opc == IR_OP_fmin || opc == IR_OP_fmax || opc == IR_OP_bitcast_i2f ||
           opc == IR_OP_fminnum || opc == IR_OP_fmaxnum ||
           opc == IR_OP_fcanon || opc == IR_OP_fcanon_fma ||
           opc == IR_OP_fbox || opc == IR_OP_funbox;
}

static bool handled(IrOpcode opc)
{
    const IrOpInfo *info = &ir_op_info[opc];
    if (info->nb_out != 1 || info->var_out || info->var_in ||
        (info->flags & (IR_OPF_META | IR_OPF_SIDE)) || opc == IR_OP_lookup_tb ||
        opc == IR_OP_ras_lookup_tb)
        return false;
    for (unsigned i = 0; i < info->nb_const; i++) {
        IrConstKind k = (IrConstKind)info->const_kinds[i];
        if (k != IR_CK_COND && k != IR_CK_ROUND && k != IR_CK_FMANEG &&
            k != IR_CK_U32)
            return false;
    }
    return info->nb_in > 0;
}

/* ---- building programs -------------------------------------------------- */

static void scratch_store(IrCtx *ctx, IrType t, IrTemp x, unsigned j)
{
    switch (t) {
    case IR_I32:
        ir_st_env(ctx, t, x, (int32_t)(offsetof(DiffEnv, sint) + 8 * j), IR_MO_32);
        break;
    case IR_I64:
        ir_st_env(ctx, t, x, (int32_t)(offsetof(DiffEnv, sint) + 8 * j), IR_MO_64);
        break;
    case IR_F32:
        ir_st_env(ctx, t, x, (int32_t)(offsetof(DiffEnv, sf32) + 4 * j), IR_MO_32);
        break;
    default:
        ir_st_env(ctx, t, x, (int32_t)(offsetof(DiffEnv, sf64) + 8 * j), IR_MO_64);
        break;
    }
}

/*
 * The program for variant V in kind K (A, B: the inputs concerned; C: the
 * constant).  *out_slot: where the output lands (type, slot number).
 */
static IrCtx *build(const Variant *v, Kind k, unsigned a, unsigned b,
                    uint64_t c, unsigned *out_slot)
{
    IrCtx *ctx = ir_ctx_new();
    DiffGlobals g;
    IrTemp in[IR_MAX_INS], d;
    diff_globals_create(ctx, &g);
    for (unsigned j = 0; j < v->nin; j++)
        in[j] = ops_slot(&g, v->in_t[j], j + 1);
    d = ops_slot(&g, v->out_t, 0);
    *out_slot = 0;
    switch (k) {
    case K_CONST:
        in[a] = ir_const(ctx, v->in_t[a], c);
        break;
    case K_SAME:
        in[b] = in[a];
        break;
    case K_ALIAS_TEMP:
        d = ir_temp_new(ctx, v->out_t);
        ir_mov(ctx, v->out_t, d, in[a]);
        in[a] = d;
        break;
    case K_ALIAS_GLOBAL:
        d = in[a];
        *out_slot = a + 1;
        break;
    case K_LIVE:
    case K_LIVE_BB:
        for (unsigned j = 0; j < v->nin; j++) {
            IrTemp x = k == K_LIVE ? ir_temp_new(ctx, v->in_t[j])
                                   : ir_temp_new_bb(ctx, v->in_t[j]);
            ir_mov(ctx, v->in_t[j], x, in[j]);
            in[j] = x;
        }
        d = k == K_LIVE ? ir_temp_new(ctx, v->out_t) : ir_temp_new_bb(ctx, v->out_t);
        break;
    case K_DIRTY:
        for (unsigned j = 0; j < v->nin; j++) {
            if (v->in_t[j] != IR_I32)
                continue;
            IrTemp x = ir_temp_new(ctx, IR_I32);
            ir_extrl_i64_i32(ctx, x, g.g64[DIRTY_SLOT(j)]);
            in[j] = x;
        }
        break;
    default:
        break;
    }
    IrTemp fill[2 * 16];
    if (k == K_FILL) {
        for (unsigned j = 0; j < 2 * b; j++) {
            fill[j] = ir_temp_new(ctx, j < b ? IR_I64 : IR_F64);
            if (j < b)
                ir_add(ctx, IR_I64, fill[j], g.g64[12], ir_const_i64(ctx, j));
            else
                ir_mov(ctx, IR_F64, fill[j], g.f64[4 + j % 4]);
        }
    }
    IrOp *op = ir_emit_op(ctx, v->opc, v->t);
    op->args[0].temp = d;
    for (unsigned j = 0; j < v->nin; j++)
        op->args[1 + j].temp = in[j];
    for (unsigned j = 0; j < v->nconst; j++)
        op->args[1 + v->nin + j] = v->consts[j];
    if (k == K_ALIAS_TEMP || k == K_LIVE || k == K_LIVE_BB)
        ir_mov(ctx, v->out_t, ops_slot(&g, v->out_t, 0), d);
    if (k == K_LIVE || k == K_LIVE_BB)
        for (unsigned j = 0; j < v->nin; j++)
            scratch_store(ctx, v->in_t[j], in[j], j);
    for (unsigned j = 0; k == K_FILL && j < 2 * b; j++) {
        if (j < b)
            ir_xor(ctx, IR_I64, g.g64[13], g.g64[13], fill[j]);
        else
            ir_st_env(ctx, IR_F64, fill[j],
                      (int32_t)(offsetof(DiffEnv, sf64) + 8 * (j % 8)), IR_MO_64);
    }
    ir_exit_tb(ctx, 1);
    return ctx;
}

/* ---- running a kind on value combinations ------------------------------- */

static uint64_t gcd(uint64_t x, uint64_t y)
{
    while (y) {
        uint64_t r = x % y;
        x = y;
        y = r;
    }
    return x;
}

/* Runs CTX on combinations of the inputs' values; FIXED[j] (if set) is
   the only value of input j. */
static void run_combos(const OpsEnv *env, Tally *t, const Variant *v,
                       const IrCtx *ctx, const bool *fixed, const uint64_t *fixed_v,
                       const char *what, unsigned out_slot, Kind k)
{
    uint64_t vals[IR_MAX_INS][64];
    unsigned nv[IR_MAX_INS];
    unsigned limit = k == K_FILL ? 6 : v->nin > 2 ? 10 : 0;
    uint64_t total = 1;
    for (unsigned j = 0; j < v->nin; j++) {
        if (fixed[j]) {
            vals[j][0] = fixed_v[j];
            nv[j] = 1;
        } else {
            nv[j] = ops_values(v->in_t[j], vals[j], limit);
        }
        total *= nv[j];
    }
    uint64_t n = total < COMBO_CAP ? total : COMBO_CAP;
    uint64_t stride = 1;
    if (total > COMBO_CAP) {
        stride = 1000003;
        while (gcd(stride, total) != 1)
            stride += 2;
    }
    DiffState *states = malloc(n * sizeof *states);
    DiffState base;
    ops_base_state(&base);
    for (uint64_t i = 0; i < n; i++) {
        uint64_t idx = (i * stride) % total;
        states[i] = base;
        for (unsigned j = 0; j < v->nin; j++) {
            uint64_t x = vals[j][idx % nv[j]];
            idx /= nv[j];
            ops_set_slot(&states[i], v->in_t[j], j + 1, x);
            if (k == K_DIRTY && v->in_t[j] == IR_I32)
                states[i].env.g64[DIRTY_SLOT(j)] =
                    ((0xdeadbeefull + j + i) << 32) | (x & 0xffffffffu);
        }
    }
    bool fpenv = ir_op_info[v->opc].flags & IR_OPF_FPENV;
    Exact ex = { 0, 0 };
    if (exact_op(v->opc) && ir_type_class(v->out_t) == IR_TC_FP) {
        ex.offset = ops_slot_offset(v->out_t, out_slot);
        ex.size = v->out_t == IR_F32 ? 4 : 8;
    }
    ops_check(env, t, ctx, states, (unsigned)n, fpenv ? ops_all_rounds : ops_rne_only,
              fpenv ? 4 : 1, ex, what);
    free(states);
}

static void run_kind(const OpsEnv *env, const Variant *v, Kind k, unsigned a,
                     unsigned b, bool *fixed)
{
    uint64_t fixed_v[IR_MAX_INS] = { 0 };
    char what[200];
    unsigned slot;
    Tally *t = ops_tally(v->opc, v->t);

    if (k == K_CONST) {
        uint64_t cv[64];
        unsigned nc = ops_values(v->in_t[a], cv, v->nin > 2 ? 10 : 0);
        fixed[a] = true;
        for (unsigned i = 0; i < nc; i++) {
            IrCtx *ctx = build(v, k, a, 0, cv[i], &slot);
            snprintf(what, sizeof what, "%s, input %u = constant %#llx", v->desc,
                     a, (unsigned long long)cv[i]);
            run_combos(env, t, v, ctx, fixed, fixed_v, what, slot, k);
            ir_ctx_free(ctx);
        }
        fixed[a] = false;
        return;
    }
    IrCtx *ctx = build(v, k, a, b, 0, &slot);
    if (k == K_SAME)
        fixed[b] = true;
    if (k == K_SAME)
        snprintf(what, sizeof what, "%s, %s (inputs %u and %u)", v->desc,
                 kind_names[k], a, b);
    else if (k == K_FILL)
        snprintf(what, sizeof what, "%s, %u int and %u fp %s", v->desc, b, b,
                 kind_names[k]);
    else if (k == K_ALIAS_TEMP || k == K_ALIAS_GLOBAL)
        snprintf(what, sizeof what, "%s, %s (input %u)", v->desc, kind_names[k], a);
    else
        snprintf(what, sizeof what, "%s, %s", v->desc, kind_names[k]);
    run_combos(env, t, v, ctx, fixed, fixed_v, what, slot, k);
    if (k == K_SAME)
        fixed[b] = false;
    ir_ctx_free(ctx);
}

static void run_variant(const OpsEnv *env, const Variant *v)
{
    bool fixed[IR_MAX_INS] = { false };
    char err[300];
    unsigned slot;
    IrCtx *ctx = build(v, K_REG, 0, 0, 0, &slot);
    bool valid = ir_verify(ctx, err, sizeof err);
    ir_ctx_free(ctx);
    if (!valid) {           /* e.g. fcvt f64 <- f64, bitcast i32 <- f64 */
        ops_tally(v->opc, v->t)->skipped++;
        return;
    }
    run_kind(env, v, K_REG, 0, 0, fixed);
    for (unsigned a = 0; a < v->nin; a++) {
        run_kind(env, v, K_CONST, a, 0, fixed);
        if (v->in_t[a] == v->out_t) {
            run_kind(env, v, K_ALIAS_TEMP, a, 0, fixed);
            run_kind(env, v, K_ALIAS_GLOBAL, a, 0, fixed);
        }
        for (unsigned b = a + 1; b < v->nin; b++)
            if (v->in_t[a] == v->in_t[b])
                run_kind(env, v, K_SAME, a, b, fixed);
    }
    run_kind(env, v, K_LIVE, 0, 0, fixed);
    run_kind(env, v, K_LIVE_BB, 0, 0, fixed);
    for (unsigned j = 0; j < v->nin; j++) {
        if (v->in_t[j] == IR_I32) {
            run_kind(env, v, K_DIRTY, 0, 0, fixed);
            break;
        }
    }
    for (unsigned i = 0; i < sizeof fill_counts / sizeof fill_counts[0]; i++)
        run_kind(env, v, K_FILL, 0, fill_counts[i], fixed);
}

/* ---- enumerating variants ----------------------------------------------- */

/* (ofs, len) fields: the edges for both widths (invalid ones are
   rejected by the verifier). */
static const unsigned fields[][2] = {
    { 0, 1 }, { 0, 8 }, { 0, 16 }, { 0, 32 }, { 0, 64 }, { 1, 31 }, { 1, 63 },
    { 31, 1 }, { 63, 1 }, { 4, 4 }, { 8, 16 }, { 16, 16 }, { 31, 2 },
    { 32, 32 }, { 30, 4 }, { 0, 31 }, { 33, 31 }, { 7, 50 },
};

static unsigned const_choices(IrOpcode opc, IrConstKind k, unsigned which,
                              int64_t *out)
{
    unsigned n = 0;
    switch (k) {
    case IR_CK_COND:
        if (opc == IR_OP_fcmp) {
            out[n++] = IR_COND_EQ;
            out[n++] = IR_COND_LT;
            out[n++] = IR_COND_LE;
        } else {
            for (int c = 0; c < IR_COND_COUNT; c++)
                out[n++] = c;
        }
        break;
    case IR_CK_ROUND:
        for (int r = 0; r < 4; r++)
            out[n++] = r;
        out[n++] = IR_RM_DYN;
        break;
    case IR_CK_FMANEG:
        for (int r = 0; r < 4; r++)
            out[n++] = r;
        break;
    default:        /* u32: field ofs (which 0) and len (which 1), paired */
        for (unsigned i = 0; i < sizeof fields / sizeof fields[0]; i++)
            out[n++] = fields[i][which];
        break;
    }
    return n;
}

static void type_list(uint8_t mask, IrType op_t, IrType *out, unsigned *n)
{
    *n = 0;
    if (mask == IR_TM_OP) {
        out[(*n)++] = op_t;
        return;
    }
    for (int t = 0; t < 4; t++)
        if ((mask >> t) & 1)
            out[(*n)++] = (IrType)t;
}

static const char *cond_name(int64_t c)
{
    static const char *const n[] = { "never", "always", "eq", "ne", "lt", "ge",
                                     "le", "gt", "ltu", "geu", "leu", "gtu" };
    return c >= 0 && c < 12 ? n[c] : "?";
}

static void describe(Variant *v)
{
    const IrOpInfo *info = &ir_op_info[v->opc];
    int n = snprintf(v->desc, sizeof v->desc, "%s.%s", info->name,
                     ir_type_names[v->t]);
    for (unsigned j = 0; j < v->nin && n < (int)sizeof v->desc; j++)
        if (info->arg_types[1 + j] != IR_TM_OP)
            n += snprintf(v->desc + n, sizeof v->desc - (size_t)n, " %s<-%s",
                          info->arg_names[1 + j], ir_type_names[v->in_t[j]]);
    if (info->arg_types[0] != IR_TM_OP && n < (int)sizeof v->desc)
        n += snprintf(v->desc + n, sizeof v->desc - (size_t)n, " ->%s",
                      ir_type_names[v->out_t]);
    for (unsigned i = 0; i < v->nconst && n < (int)sizeof v->desc; i++) {
        IrConstKind k = (IrConstKind)info->const_kinds[i];
        if (k == IR_CK_COND)
            n += snprintf(v->desc + n, sizeof v->desc - (size_t)n, " %s",
                          cond_name(v->consts[i].imm));
        else
            n += snprintf(v->desc + n, sizeof v->desc - (size_t)n, " %s=%lld",
                          info->arg_names[1 + info->nb_in + i],
                          (long long)v->consts[i].imm);
    }
}

/* Every combination of operand types for op type T, then of constants. */
static void each_operand_types(const OpsEnv *env, Variant *v, unsigned j)
{
    const IrOpInfo *info = &ir_op_info[v->opc];
    if (j < info->nb_in) {
        IrType ts[4];
        unsigned n;
        type_list(info->arg_types[1 + j], v->t, ts, &n);
        for (unsigned i = 0; i < n; i++) {
            v->in_t[j] = ts[i];
            each_operand_types(env, v, j + 1);
        }
        return;
    }
    IrType outs[4];
    unsigned nout;
    type_list(info->arg_types[0], v->t, outs, &nout);
    for (unsigned o = 0; o < nout; o++) {
        v->out_t = outs[o];
        if (info->nb_const == 0) {
            describe(v);
            run_variant(env, v);
            continue;
        }
        int64_t c0[32], c1[32];
        unsigned n0 = const_choices(v->opc, (IrConstKind)info->const_kinds[0], 0, c0);
        unsigned n1 = info->nb_const > 1
            ? const_choices(v->opc, (IrConstKind)info->const_kinds[1], 1, c1) : 1;
        bool paired = info->nb_const > 1 &&
                      info->const_kinds[0] == IR_CK_U32 &&
                      info->const_kinds[1] == IR_CK_U32;
        for (unsigned a = 0; a < n0; a++) {
            for (unsigned b = 0; b < n1; b++) {
                if (paired && a != b)
                    continue;
                v->consts[0].imm = c0[a];
                if (info->nb_const > 1)
                    v->consts[1].imm = c1[b];
                describe(v);
                run_variant(env, v);
            }
        }
    }
}

bool ops_generic(const OpsEnv *env, IrOpcode opc)
{
    if (!handled(opc))
        return false;
    const IrOpInfo *info = &ir_op_info[opc];
    for (int t = 0; t < 4; t++) {
        if (!((info->types >> t) & 1))
            continue;
        Variant v;
        memset(&v, 0, sizeof v);
        v.opc = opc;
        v.t = (IrType)t;
        v.nin = info->nb_in;
        v.nconst = info->nb_const;
        each_operand_types(env, &v, 0);
    }
    return true;
}
