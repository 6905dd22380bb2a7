/*
 * The random IR program generator of the regalloc tests (ra_gen.h).
 * Ops come from the opcode table itself (ir_op_info: types, operand
 * types, constant kinds), so a new opcode is covered without a change
 * here.
 */
#include <stdlib.h>
#include <string.h>

#include "ir-build.h"
#include "ra_gen.h"
#include "test_rng.h"

static void dummy_helper(void)
{
}

const IrHelper ra_gen_helpers[4] = {
    { "h_plain", dummy_helper, 0 },
    { "h_nor", dummy_helper, IR_HELPER_NO_RGLOB },
    { "h_now", dummy_helper, IR_HELPER_NO_WGLOB },
    { "h_pure", dummy_helper,
      IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB | IR_HELPER_NO_SIDE },
};

#define MAXP 128

typedef struct Pool {
    IrTemp t[MAXP];
    unsigned n;
} Pool;

typedef struct Gen {
    IrCtx *ctx;
    const RaGenCfg *cfg;
    uint64_t rng;
    Pool glob[4], tb[4], bb[4];
    uint8_t bb_def[4][MAXP];    /* written in the current block */
    IrLabel labels[64];
    unsigned nb_labels, next_label;
} Gen;

static uint64_t rnd(Gen *g)
{
    return test_xorshift64(&g->rng);
}

static unsigned below(Gen *g, unsigned n)
{
    return n ? (unsigned)(rnd(g) % n) : 0;
}

static bool pct(Gen *g, unsigned p)
{
    return below(g, 100) < p;
}

static IrType type_in(Gen *g, unsigned mask)
{
    IrType c[4];
    unsigned n = 0;
    for (int t = 0; t < 4; t++)
        if (mask & (1u << t))
            c[n++] = (IrType)t;
    return n ? c[below(g, n)] : IR_VOID;
}

static uint64_t interesting(Gen *g, IrType t)
{
    static const uint64_t ints[] = {
        0, 1, 2, 5, 31, 63, 64, 127, 128, 255, 256, 0x7fffffff, 0x80000000,
        0xffffffff, 0x100000000ull, 0xffffffff80000000ull, ~0ull, ~1ull,
        0x123456789abcdefull, 0xfffffffffffff000ull,
    };
    if (ir_type_class(t) == IR_TC_FP || pct(g, 20))
        return rnd(g);
    return ints[below(g, sizeof(ints) / sizeof(ints[0]))];
}

static void bb_reset(Gen *g)
{
    memset(g->bb_def, 0, sizeof(g->bb_def));
}

/* A temp of type T to read. */
static IrTemp pick_in(Gen *g, IrType t)
{
    Pool *gl = &g->glob[t], *tb = &g->tb[t], *bb = &g->bb[t];
    unsigned nbb = 0;
    for (unsigned i = 0; i < bb->n; i++)
        nbb += g->bb_def[t][i];
    unsigned total = gl->n + tb->n + nbb;
    if (!total || pct(g, g->cfg->pct_const))
        return ir_const(g->ctx, t, interesting(g, t));
    unsigned k = below(g, total);
    if (k < gl->n)
        return gl->t[k];
    k -= gl->n;
    if (k < tb->n)
        return tb->t[k];
    k -= tb->n;
    for (unsigned i = 0; i < bb->n; i++)
        if (g->bb_def[t][i] && k-- == 0)
            return bb->t[i];
    return ir_const(g->ctx, t, 0);
}

/* A temp of type T to write. */
static IrTemp pick_out(Gen *g, IrType t)
{
    unsigned r = below(g, 100);
    if (r < 25 && g->glob[t].n)
        return g->glob[t].t[below(g, g->glob[t].n)];
    if (r < 45 && g->tb[t].n)
        return g->tb[t].t[below(g, g->tb[t].n)];
    if (g->bb[t].n) {
        unsigned i = below(g, g->bb[t].n);
        g->bb_def[t][i] = 1;
        return g->bb[t].t[i];
    }
    if (g->tb[t].n)
        return g->tb[t].t[below(g, g->tb[t].n)];
    return g->glob[t].n ? g->glob[t].t[0] : ir_temp_new(g->ctx, t);
}

static IrLabel pick_label(Gen *g)
{
    return g->labels[below(g, g->nb_labels)];
}

static void fill_const(Gen *g, IrOp *op, unsigned k, IrConstKind kind)
{
    IrArg *a = ir_op_const(op, k);
    unsigned w = op->type == IR_I32 ? 32 : 64;
    switch (kind) {
    case IR_CK_U32:
        if (k == 0) {
            a->uimm = below(g, w);
        } else {
            uint64_t ofs = ir_op_const(op, 0)->uimm;
            a->uimm = 1 + below(g, w - (unsigned)ofs);
        }
        break;
    case IR_CK_U64:
    case IR_CK_I64:
        a->uimm = rnd(g);
        break;
    case IR_CK_OFFSET:
        a->imm = 4096 + 8 * below(g, 16);
        break;
    case IR_CK_COND:
        a->imm = IR_COND_EQ + below(g, IR_COND_COUNT - IR_COND_EQ);
        break;
    case IR_CK_MEMOP:
        a->imm = below(g, 4) | (pct(g, 50) ? IR_MO_SIGN : 0);
        break;
    case IR_CK_LABEL:
        a->label = pick_label(g);
        break;
    case IR_CK_HELPER:
        a->helper = &ra_gen_helpers[below(g, 4)];
        break;
    case IR_CK_BARRIER:
        a->imm = 1 + below(g, 15);
        break;
    case IR_CK_ROUND:
        a->imm = pct(g, 20) ? IR_RM_DYN : below(g, 4);
        break;
    default:
        a->imm = below(g, 4);
        break;
    }
}

/* Any table op but meta, control and call, with random operands. */
static void gen_table_op(Gen *g)
{
    IrOpcode opc;
    for (;;) {
        opc = (IrOpcode)below(g, IR_OP_COUNT);
        uint32_t f = ir_op_info[opc].flags;
        if (!(f & (IR_OPF_META | IR_OPF_BB_END | IR_OPF_CALL)) &&
            opc != IR_OP_mov)
            break;
    }
    const IrOpInfo *info = &ir_op_info[opc];
    IrType t = type_in(g, info->types);
    IrTemp tmp[IR_MAX_TEMP_ARGS];
    unsigned nt = (unsigned)info->nb_out + info->nb_in;
    /* inputs first: they are read before the outputs are defined */
    for (unsigned k = info->nb_out; k < nt; k++) {
        uint8_t at = info->arg_types[k];
        tmp[k] = pick_in(g, at == IR_TM_OP ? t : type_in(g, at));
    }
    for (unsigned k = 0; k < info->nb_out; k++) {
        uint8_t at = info->arg_types[k];
        tmp[k] = pick_out(g, at == IR_TM_OP ? t : type_in(g, at));
    }
    IrOp *op = ir_emit_op(g->ctx, opc, t);
    for (unsigned k = 0; k < nt; k++)
        op->args[k].temp = tmp[k];
    for (unsigned k = 0; k < info->nb_const; k++)
        fill_const(g, op, k, (IrConstKind)info->const_kinds[k]);
}

static void gen_call(Gen *g)
{
    IrTemp args[6], ret = IR_NO_TEMP;
    unsigned na = below(g, 7);
    for (unsigned k = 0; k < na; k++)
        args[k] = pick_in(g, pct(g, 70) ? IR_I64 : IR_I32);
    IrType t = (IrType)below(g, 3);    /* i32, i64 or (2 ->) void */
    if (t == IR_F32)
        t = IR_VOID;
    unsigned nr = t != IR_VOID;
    if (nr)
        ret = pick_out(g, t);
    ir_call(g->ctx, t, nr, &ret, na, args, &ra_gen_helpers[below(g, 4)]);
}

static void gen_mov(Gen *g)
{
    IrType t = (IrType)below(g, 4);
    IrTemp s = pick_in(g, t);
    IrTemp d = pick_out(g, t);
    ir_mov(g->ctx, t, d, s);
}

static void place_label(Gen *g)
{
    ir_set_label(g->ctx, g->labels[g->next_label++]);
    bb_reset(g);
}

static void gen_control(Gen *g)
{
    unsigned r = below(g, 100);
    if (r < 55) {
        IrType t = pct(g, 50) ? IR_I64 : IR_I32;
        IrTemp a = pick_in(g, t), b = pick_in(g, t);
        ir_brcond(g->ctx, t, a, b,
                  (IrCond)(IR_COND_EQ + below(g, IR_COND_COUNT - 2)),
                  pick_label(g));
        bb_reset(g);
    } else if (r < 75 && g->next_label < g->nb_labels) {
        place_label(g);
    } else if (r < 85) {
        ir_br(g->ctx, pick_label(g));
        bb_reset(g);
        if (g->next_label < g->nb_labels && pct(g, 80))
            place_label(g);
    } else if (r < 93) {
        ir_goto_tb(g->ctx, below(g, 2));
        ir_exit_tb(g->ctx, rnd(g));
        bb_reset(g);
        if (g->next_label < g->nb_labels)
            place_label(g);
    } else {
        ir_goto_ptr(g->ctx, pick_in(g, IR_I64));
        bb_reset(g);
        if (g->next_label < g->nb_labels)
            place_label(g);
    }
}

static void gen_misc(Gen *g)
{
    unsigned r = below(g, 3);
    if (r == 0) {
        ir_insn_start(g->ctx, rnd(g));
    } else if (r == 1) {
        IrType t = (IrType)below(g, 4);
        for (unsigned i = 0; i < g->bb[t].n; i++) {
            if (g->bb_def[t][i]) {
                ir_discard(g->ctx, t, g->bb[t].t[i]);
                g->bb_def[t][i] = 0;
                break;
            }
        }
    } else {
        ir_emit_op(g->ctx, IR_OP_nop, IR_VOID);
    }
}

void ra_gen_program(IrCtx *ctx, uint64_t seed, const RaGenCfg *cfg)
{
    Gen g_s, *g = &g_s;
    memset(g, 0, sizeof(*g));
    g->ctx = ctx;
    g->cfg = cfg;
    g->rng = seed * 0x9E3779B97F4A7C15ull + 0x1234567ull;
    if (!g->rng)
        g->rng = 1;

    int32_t off = 0;
    unsigned ng = cfg->int_globals + cfg->fp_globals;
    for (unsigned i = 0; i < ng && i < 2 * MAXP; i++) {
        bool fp = i >= cfg->int_globals;
        IrType t = fp ? (pct(g, 50) ? IR_F64 : IR_F32)
                      : (pct(g, 75) ? IR_I64 : IR_I32);
        char name[16];
        snprintf(name, sizeof(name), "%c%u", fp ? 'f' : 'x', i);
        if (g->glob[t].n < MAXP)
            g->glob[t].t[g->glob[t].n++] = ir_global(ctx, t, off, name);
        off += 8;
    }
    for (unsigned i = 0; i < cfg->tb_int + cfg->tb_fp; i++) {
        bool fp = i >= cfg->tb_int;
        IrType t = fp ? (pct(g, 50) ? IR_F64 : IR_F32)
                      : (pct(g, 70) ? IR_I64 : IR_I32);
        if (g->tb[t].n < MAXP)
            g->tb[t].t[g->tb[t].n++] = ir_temp_new(ctx, t);
    }
    for (unsigned i = 0; i < cfg->bb_int + cfg->bb_fp; i++) {
        bool fp = i >= cfg->bb_int;
        IrType t = fp ? (pct(g, 50) ? IR_F64 : IR_F32)
                      : (pct(g, 70) ? IR_I64 : IR_I32);
        if (g->bb[t].n < MAXP)
            g->bb[t].t[g->bb[t].n++] = ir_temp_new_bb(ctx, t);
    }
    g->nb_labels = cfg->labels < 64 ? cfg->labels : 64;
    for (unsigned i = 0; i < g->nb_labels; i++)
        g->labels[i] = ir_label_new(ctx);

    /* every TB temp is defined on every path: before the first label */
    for (int t = 0; t < 4; t++) {
        Pool saved = g->tb[t];
        g->tb[t].n = 0;   /* not readable until defined */
        for (unsigned i = 0; i < saved.n; i++) {
            ir_mov(ctx, (IrType)t, saved.t[i], pick_in(g, (IrType)t));
            g->tb[t].t[g->tb[t].n++] = saved.t[i];
        }
    }

    for (unsigned i = 0; i < cfg->nb_ops; i++) {
        unsigned r = below(g, 100);
        unsigned a = cfg->pct_mov, b = a + cfg->pct_branch,
                 c = b + cfg->pct_call;
        if (r < a)
            gen_mov(g);
        else if (r < b && g->nb_labels)
            gen_control(g);
        else if (r < c)
            gen_call(g);
        else if (r < c + 3)
            gen_misc(g);
        else
            gen_table_op(g);
    }
    while (g->next_label < g->nb_labels)
        place_label(g);
    /* some globals written at the end, then leave */
    for (int k = 0; k < 3; k++) {
        IrType t = (IrType)below(g, 4);
        if (g->glob[t].n)
            ir_mov(ctx, t, g->glob[t].t[below(g, g->glob[t].n)],
                   pick_in(g, t));
    }
    ir_exit_tb(ctx, 0);
}

RaGenCfg ra_gen_random_cfg(uint64_t seed)
{
    Gen g = { .rng = seed * 0xD1B54A32D192ED03ull + 77 };
    RaGenCfg c;
    unsigned scale = below(&g, 4);    /* 0: tiny ... 3: huge */
    c.nb_ops = 10 + below(&g, 40 + 80 * scale);
    c.int_globals = below(&g, 4 + 8 * scale);
    c.fp_globals = below(&g, 2 + 4 * scale);
    c.tb_int = below(&g, 3 + 6 * scale);
    c.tb_fp = below(&g, 2 + 4 * scale);
    c.bb_int = 1 + below(&g, 4 + 12 * scale);
    c.bb_fp = below(&g, 3 + 8 * scale);
    c.labels = below(&g, 2 + 3 * scale);
    c.pct_mov = 5 + below(&g, 25);
    c.pct_branch = 2 + below(&g, 8);
    c.pct_call = below(&g, 6);
    c.pct_const = 5 + below(&g, 25);
    return c;
}

uint32_t ra_gen_features(uint64_t seed)
{
    uint64_t x = seed * 0xA24BAED4963EE407ull + 5;
    x ^= x >> 29;
    switch (x % 3) {
    case 0:
        return 0;
    case 1:
        return 0x7f;
    default:
        return (uint32_t)(x >> 8) & 0x7f;
    }
}

static void dump_temp(const IrCtx *ctx, IrTemp t, FILE *f)
{
    const IrTempInfo *ti = &ctx->temps[t.id];
    switch (ti->kind) {
    case IR_TEMP_GLOBAL:
        fprintf(f, "%s", ti->name);
        break;
    case IR_TEMP_CONST:
        fprintf(f, "$0x%llx", (unsigned long long)ti->val);
        break;
    default:
        fprintf(f, "%c%u", ti->kind == IR_TEMP_TB ? 't' : 'b', t.id);
        break;
    }
    fprintf(f, ":%s", ir_type_names[ti->type]);
}

void ra_gen_dump(const IrCtx *ctx, FILE *f)
{
    for (size_t i = 0; i < ctx->nb_ops; i++) {
        const IrOp *op = &ctx->ops[i];
        const IrOpInfo *info = &ir_op_info[op->opc];
        fprintf(f, "%4zu  %s.%s", i, info->name, ir_type_names[op->type]);
        for (unsigned k = 0; k < op->nb_out + op->nb_in; k++) {
            fprintf(f, k == op->nb_out ? " = " : " ");
            dump_temp(ctx, op->args[k].temp, f);
        }
        for (unsigned k = 0; k < op->nb_const; k++) {
            const IrArg *a = &op->args[op->nb_out + op->nb_in + k];
            if (info->const_kinds[k] == IR_CK_LABEL)
                fprintf(f, " L%u", a->label.id);
            else if (info->const_kinds[k] == IR_CK_HELPER)
                fprintf(f, " %s", a->helper->name);
            else
                fprintf(f, " #%lld", (long long)a->imm);
        }
        fprintf(f, "   life=%04x\n", op->life);
    }
}
