/*
 * The per-op test for control flow, calls and the meta ops: brcond with
 * every condition, type and operand kind on edge values (and TB temps
 * that must survive both paths), br forward and backward, goto_tb on both
 * slots, exit_tb values, lookup_tb and ras_lookup_tb + goto_ptr hitting
 * and missing with values live across the lookup, ras_push, every test helper with register and
 * constant arguments and values live across the call, every barrier,
 * fsetrm (every static mode from every initial mode, seen by fadd, fsqrt
 * and a DYN ftoi), and programs made of nop, insn_start, set_label and
 * discard.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_helpers.h"
#include "gen_prog.h"
#include "ir-build.h"
#include "ops_test.h"

static void run1(const OpsEnv *env, Tally *t, IrCtx *ctx, const DiffState *st,
                 unsigned n, const char *what)
{
    ops_check(env, t, ctx, st, n, ops_rne_only, 1, (Exact){ 0, 0 }, what);
    ir_ctx_free(ctx);
}

static DiffState *states_pairs(IrType t, unsigned *n)
{
    uint64_t v[64];
    unsigned nv = ops_values(t, v, 0);
    DiffState *st = calloc((size_t)nv * nv, sizeof *st);
    for (unsigned i = 0; i < nv; i++) {
        for (unsigned j = 0; j < nv; j++) {
            DiffState *s = &st[i * nv + j];
            ops_base_state(s);
            ops_set_slot(s, t, 1, v[i]);
            ops_set_slot(s, t, 2, v[j]);
            s->env.g64[5] = 0x5555;
        }
    }
    *n = nv * nv;
    return st;
}

/* brcond in kinds: 0 globals, 1 const a, 2 const b, 3 same temp, 4 temps
   live on both paths. */
static void brcond(const OpsEnv *env, IrType t)
{
    Tally *tl = ops_tally(IR_OP_brcond, t);
    unsigned n;
    DiffState *st = states_pairs(t, &n);
    uint64_t cv[64];
    unsigned nc = ops_values(t, cv, 0);
    char what[160];
    static const char *const kinds[] = { "globals", "constant a", "constant b",
                                         "same temp", "temps live on both paths" };
    for (int c = 0; c < IR_COND_COUNT; c++) {
        for (int k = 0; k < 5; k++) {
            unsigned nprog = k == 1 || k == 2 ? nc : 1;
            for (unsigned p = 0; p < nprog; p++) {
                IrCtx *ctx = ir_ctx_new();
                DiffGlobals g;
                diff_globals_create(ctx, &g);
                IrLabel l = ir_label_new(ctx);
                IrTemp a = ops_slot(&g, t, 1), b = ops_slot(&g, t, 2);
                IrTemp keep = IR_NO_TEMP;
                if (k == 1)
                    a = ir_const(ctx, t, cv[p]);
                if (k == 2)
                    b = ir_const(ctx, t, cv[p]);
                if (k == 3)
                    b = a;
                if (k == 4) {
                    IrTemp ta = ir_temp_new(ctx, t), tb = ir_temp_new(ctx, t);
                    keep = ir_temp_new(ctx, IR_I64);
                    ir_mov(ctx, t, ta, a);
                    ir_mov(ctx, t, tb, b);
                    ir_add(ctx, IR_I64, keep, g.g64[5], ir_const_i64(ctx, 7));
                    a = ta;
                    b = tb;
                }
                ir_brcond(ctx, t, a, b, (IrCond)c, l);
                if (k == 4)
                    ir_mov(ctx, IR_I64, g.g64[6], keep);
                ir_exit_tb(ctx, 0x111);
                ir_set_label(ctx, l);
                if (k == 4) {
                    ir_mov(ctx, t, ops_slot(&g, t, 0), a);
                    ir_mov(ctx, IR_I64, g.g64[7], keep);
                }
                ir_exit_tb(ctx, 0x222);
                snprintf(what, sizeof what, "brcond.%s cond %d, %s%s",
                         ir_type_names[t], c, kinds[k],
                         nprog > 1 ? " (each value)" : "");
                run1(env, tl, ctx, st, n, what);
            }
        }
    }
    free(st);
}

static void br_and_labels(const OpsEnv *env)
{
    Tally *tl = ops_tally(IR_OP_br, IR_VOID);
    DiffState st[3];
    for (int i = 0; i < 3; i++) {
        ops_base_state(&st[i]);
        st[i].env.g64[1] = (uint64_t)i * 5;
    }
    /* forward: skip a store */
    IrCtx *ctx = ir_ctx_new();
    DiffGlobals g;
    diff_globals_create(ctx, &g);
    IrLabel l = ir_label_new(ctx);
    ir_add(ctx, IR_I64, g.g64[0], g.g64[1], ir_const_i64(ctx, 1));
    ir_br(ctx, l);
    ir_mov(ctx, IR_I64, g.g64[0], ir_const_i64(ctx, 99));
    ir_set_label(ctx, l);
    ir_exit_tb(ctx, 1);
    run1(env, tl, ctx, st, 3, "br forward over a mov");

    /* backward: a loop of 4, br to the head, brcond out */
    ctx = ir_ctx_new();
    diff_globals_create(ctx, &g);
    IrLabel top = ir_label_new(ctx), out = ir_label_new(ctx);
    IrTemp n = ir_temp_new(ctx, IR_I32), acc = ir_temp_new(ctx, IR_I64);
    ir_mov(ctx, IR_I32, n, ir_const_i32(ctx, 4));
    ir_mov(ctx, IR_I64, acc, g.g64[1]);
    ir_set_label(ctx, top);
    ir_brcond(ctx, IR_I32, n, ir_const_i32(ctx, 0), IR_COND_EQ, out);
    ir_mul(ctx, IR_I64, acc, acc, ir_const_i64(ctx, 3));
    ir_sub(ctx, IR_I32, n, n, ir_const_i32(ctx, 1));
    ir_br(ctx, top);
    ir_set_label(ctx, out);
    ir_mov(ctx, IR_I64, g.g64[0], acc);
    ir_exit_tb(ctx, 2);
    run1(env, tl, ctx, st, 3, "br backward (loop)");

    /* br to the very next op */
    ctx = ir_ctx_new();
    diff_globals_create(ctx, &g);
    l = ir_label_new(ctx);
    ir_br(ctx, l);
    ir_set_label(ctx, l);
    ir_mov(ctx, IR_I64, g.g64[0], g.g64[1]);
    ir_exit_tb(ctx, 3);
    run1(env, tl, ctx, st, 3, "br to the next op");
}

/* Labels: one no branch names, one two branches name. */
static void labels(const OpsEnv *env)
{
    Tally *tl = ops_tally(IR_OP_set_label, IR_VOID);
    DiffState st[4];
    for (int i = 0; i < 4; i++) {
        ops_base_state(&st[i]);
        st[i].env.g64[1] = (uint64_t)i;
    }
    IrCtx *ctx = ir_ctx_new();
    DiffGlobals g;
    diff_globals_create(ctx, &g);
    IrLabel unused = ir_label_new(ctx), two = ir_label_new(ctx);
    IrTemp t = ir_temp_new(ctx, IR_I64);
    ir_mov(ctx, IR_I64, t, g.g64[1]);
    ir_set_label(ctx, unused);
    ir_brcond(ctx, IR_I64, t, ir_const_i64(ctx, 1), IR_COND_EQ, two);
    ir_add(ctx, IR_I64, t, t, ir_const_i64(ctx, 10));
    ir_brcond(ctx, IR_I64, t, ir_const_i64(ctx, 12), IR_COND_EQ, two);
    ir_add(ctx, IR_I64, t, t, ir_const_i64(ctx, 100));
    ir_set_label(ctx, two);
    ir_mov(ctx, IR_I64, g.g64[0], t);
    ir_exit_tb(ctx, 1);
    run1(env, tl, ctx, st, 4, "an unreferenced label, a label two branches name");
}

static void exits(const OpsEnv *env, IrOpcode opc)
{
    static const uint64_t vals[] = { 0, 1, ~0ull, 0x8000000000000000ull,
                                     0x7f0000001000ull, 0x123456789ull, 0xffffffffull };
    Tally *tl = ops_tally(opc, IR_VOID);
    DiffState st;
    char what[120];
    ops_base_state(&st);
    st.env.g64[1] = 42;
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        for (unsigned slot = 0; slot < (opc == IR_OP_goto_tb ? 2u : 1u); slot++) {
            IrCtx *ctx = ir_ctx_new();
            DiffGlobals g;
            diff_globals_create(ctx, &g);
            IrTemp t = ir_temp_new(ctx, IR_I64);
            ir_add(ctx, IR_I64, t, g.g64[1], ir_const_i64(ctx, 1));
            ir_mov(ctx, IR_I64, g.g64[0], t);     /* written back before the exit */
            if (opc == IR_OP_goto_tb)
                ir_goto_tb(ctx, slot);
            ir_exit_tb(ctx, vals[i]);
            snprintf(what, sizeof what, "%s%s exit_tb %#llx",
                     opc == IR_OP_goto_tb ? "goto_tb " : "",
                     opc == IR_OP_goto_tb ? (slot ? "1," : "0,") : "",
                     (unsigned long long)vals[i]);
            run1(env, tl, ctx, &st, 1, what);
        }
    }
    if (opc == IR_OP_goto_tb) {       /* both slots in one block */
        DiffState s2[2] = { st, st };
        s2[1].env.g64[1] = 0;
        IrCtx *ctx = ir_ctx_new();
        DiffGlobals g;
        diff_globals_create(ctx, &g);
        IrLabel l = ir_label_new(ctx);
        ir_brcond(ctx, IR_I64, g.g64[1], ir_const_i64(ctx, 0), IR_COND_EQ, l);
        ir_goto_tb(ctx, 0);
        ir_exit_tb(ctx, 10);
        ir_set_label(ctx, l);
        ir_goto_tb(ctx, 1);
        ir_exit_tb(ctx, 11);
        run1(env, tl, ctx, s2, 2, "goto_tb 0 and 1 in one block");
    }
}

/* lookup_tb + goto_ptr: pc constant or in a global, hit or miss, values
   live across the lookup (which calls out of generated code). */
static void lookups(const OpsEnv *env, IrOpcode opc)
{
    Tally *tl = ops_tally(opc, opc == IR_OP_goto_ptr ? IR_VOID : IR_I64);
    static const uint64_t pcs[] = { GEN_HIT_PC, 0x1000, 0, ~0ull };
    char what[120];
    for (unsigned k = 0; k < 3; k++) {
        for (unsigned i = 0; i < 4; i++) {
            IrCtx *ctx = ir_ctx_new();
            DiffGlobals g;
            diff_globals_create(ctx, &g);
            IrTemp pc = k == 0 ? ir_const_i64(ctx, (int64_t)pcs[i]) : g.g64[1];
            IrTemp d = ir_temp_new(ctx, IR_I64);
            IrTemp live[6];
            if (k == 2)
                for (int j = 0; j < 6; j++) {
                    live[j] = ir_temp_new(ctx, j < 3 ? IR_I64 : IR_F64);
                    if (j < 3)
                        ir_add(ctx, IR_I64, live[j], g.g64[2 + j],
                               ir_const_i64(ctx, j));
                    else
                        ir_fadd(ctx, IR_F64, live[j], g.f64[j - 2], g.f64[j - 2]);
                }
            if (opc == IR_OP_ras_lookup_tb)
                ir_ras_lookup_tb(ctx, d, pc, k == 1 ? pc : g.g64[5]);
            else
                ir_lookup_tb(ctx, d, pc);
            if (k == 2)
                for (int j = 0; j < 6; j++) {
                    if (j < 3)
                        ir_mov(ctx, IR_I64, g.g64[8 + j], live[j]);
                    else
                        ir_mov(ctx, IR_F64, g.f64[j], live[j]);
                }
            ir_goto_ptr(ctx, d);
            DiffState st;
            ops_base_state(&st);
            st.env.g64[1] = pcs[i];
            for (int j = 0; j < 6; j++)
                st.env.g64[2 + j] = 0x1111111111111111ull * (uint64_t)(j + 1);
            st.env.f64[1] = st.env.f64[2] = st.env.f64[3] = 0x3ff8000000000000ull;
            snprintf(what, sizeof what, "%s + goto_ptr, pc %#llx %s%s",
                     opc == IR_OP_ras_lookup_tb ? "ras_lookup_tb" : "lookup_tb",
                     (unsigned long long)pcs[i], k ? "in a global" : "constant",
                     k == 2 ? ", values live across" : "");
            run1(env, tl, ctx, &st, 1, what);
        }
    }
}

/* ras_push (docs/ir.md): a hint with no effect a program can see, with
   values live across it (it uses scratch registers), every kind of return
   address.  (ras_lookup_tb is tested with lookup_tb, in lookups.) */
static void ras_push(const OpsEnv *env)
{
    Tally *tl = ops_tally(IR_OP_ras_push, IR_VOID);
    static const uint64_t rets[] = { GEN_HIT_PC, 0x1000, 0, ~0ull,
                                     0x7fffffff, 0x80000000ull,
                                     0x123456789abcull };
    char what[120];
    for (unsigned i = 0; i < sizeof rets / sizeof rets[0]; i++) {
        IrCtx *ctx = ir_ctx_new();
        DiffGlobals g;
        diff_globals_create(ctx, &g);
        IrTemp live[3];
        for (int j = 0; j < 3; j++) {
            live[j] = ir_temp_new(ctx, IR_I64);
            ir_add(ctx, IR_I64, live[j], g.g64[2 + j], ir_const_i64(ctx, j));
        }
        IrLabel stub = ir_label_new(ctx);
        ir_ras_push(ctx, g.g64[1], rets[i], stub);
        if (i & 1)
            ir_ras_push(ctx, live[0], rets[i] + 4, stub);
        for (int j = 0; j < 3; j++)
            ir_mov(ctx, IR_I64, g.g64[8 + j], live[j]);
        ir_exit_tb(ctx, 5);
        ir_set_label(ctx, stub);    /* reached only from a ring */
        ir_exit_tb(ctx, 6);
        DiffState st;
        ops_base_state(&st);
        for (int j = 0; j < 3; j++)
            st.env.g64[2 + j] = 0x1111111111111111ull * (uint64_t)(j + 1);
        snprintf(what, sizeof what, "ras_push %#llx%s",
                 (unsigned long long)rets[i], i & 1 ? " twice" : "");
        run1(env, tl, ctx, &st, 1, what);
    }
}

/* Every helper: arguments all in globals, all constants, mixed; every
   result type; int and FP values live across the call. */
static void calls(const OpsEnv *env)
{
    char what[160];
    uint64_t vals[64];
    unsigned nv = ops_values(IR_I64, vals, 0);
    for (unsigned h = 0; h < diff_helper_count; h++) {
        const DiffHelper *dh = &diff_helpers[h];
        for (int rt = 0; rt < 5; rt++) {
            if (rt == IR_F32 || rt == IR_F64 || !((dh->ret_types >> rt) & 1))
                continue;
            Tally *tl = ops_tally(IR_OP_call, (IrType)rt);
            for (unsigned kind = 0; kind < 4; kind++) {
                IrCtx *ctx = ir_ctx_new();
                DiffGlobals g;
                diff_globals_create(ctx, &g);
                IrTemp args[6], live[4];
                for (unsigned a = 0; a < dh->nb_args; a++) {
                    IrType at = (dh->arg_types[a] & IR_TM_I64) ? IR_I64 : IR_I32;
                    if (kind == 1 || (kind == 2 && a % 2))
                        args[a] = ir_const(ctx, at, vals[(a * 5 + h) % nv]);
                    else
                        args[a] = ops_slot(&g, at, 1 + a % (at == IR_I64 ? 6 : 3));
                }
                if (kind == 3) {
                    for (int j = 0; j < 4; j++) {
                        live[j] = ir_temp_new(ctx, j < 2 ? IR_I64 : IR_F64);
                        if (j < 2)
                            ir_add(ctx, IR_I64, live[j], g.g64[7 + j], g.g64[1]);
                        else
                            ir_fmul(ctx, IR_F64, live[j], g.f64[j], g.f64[j]);
                    }
                }
                if (rt == IR_VOID) {
                    ir_call(ctx, IR_VOID, 0, NULL, dh->nb_args, args, &dh->h);
                } else {
                    IrTemp d = ops_slot(&g, (IrType)rt, 0);
                    ir_call(ctx, (IrType)rt, 1, &d, dh->nb_args, args, &dh->h);
                }
                if (kind == 3)
                    for (int j = 0; j < 4; j++) {
                        if (j < 2)
                            ir_mov(ctx, IR_I64, g.g64[12 + j], live[j]);
                        else
                            ir_mov(ctx, IR_F64, g.f64[4 + j], live[j]);
                    }
                ir_exit_tb(ctx, 1);
                DiffState st[8];
                for (int i = 0; i < 8; i++) {
                    ops_base_state(&st[i]);
                    for (int j = 0; j < DIFF_NB_G64; j++)
                        st[i].env.g64[j] = vals[(unsigned)(i * 3 + j) % nv];
                    for (int j = 0; j < DIFF_NB_G32; j++)
                        st[i].env.g32[j] = (uint32_t)vals[(unsigned)(i * 7 + j) % nv];
                    for (int j = 0; j < DIFF_NB_F64; j++)
                        st[i].env.f64[j] = 0x4000000000000000ull + (uint64_t)(i + j);
                }
                static const char *const kinds[] = { "globals", "constants",
                                                     "mixed", "values live across" };
                snprintf(what, sizeof what, "call.%s %s, arguments: %s",
                         ir_type_names[rt], dh->h.name, kinds[kind]);
                ops_check(env, tl, ctx, st, 8, ops_all_rounds, 4, (Exact){ 0, 0 },
                          what);
                ir_ctx_free(ctx);
            }
        }
    }
}

static void barriers(const OpsEnv *env)
{
    Tally *tl = ops_tally(IR_OP_mb, IR_VOID);
    DiffState st;
    ops_base_state(&st);
    st.env.g64[1] = 5;
    for (IrBarrier b = 1; b <= IR_BAR_ALL; b++) {
        IrCtx *ctx = ir_ctx_new();
        DiffGlobals g;
        diff_globals_create(ctx, &g);
        ir_st_guest(ctx, IR_I64, g.g64[1], ir_const_i64(ctx, 8), IR_MO_64);
        ir_mb(ctx, b);
        ir_ld_guest(ctx, IR_I64, g.g64[0], ir_const_i64(ctx, 8), IR_MO_64);
        ir_exit_tb(ctx, 1);
        char what[40];
        snprintf(what, sizeof what, "mb %u", b);
        run1(env, tl, ctx, &st, 1, what);
    }
}

/* fsetrm RM, then ops that round by the host mode: the result shows the
   mode took effect; values stay live across the mode switch. */
static void set_rounding(const OpsEnv *env)
{
    Tally *tl = ops_tally(IR_OP_fsetrm, IR_VOID);
    static const uint64_t pairs[][2] = {
        { 0x3ff0000000000000ull, 0x3c30000000000000ull },   /* 1 + 2^-60 */
        { 0xbff0000000000000ull, 0xbc30000000000000ull },   /* -1 - 2^-60 */
        { 0x4004000000000000ull, 0x0000000000000000ull },   /* 2.5 + 0 */
        { 0xc004000000000000ull, 0x8000000000000000ull },   /* -2.5 - 0 */
        { 0x7fefffffffffffffull, 0x7fefffffffffffffull },   /* overflow */
    };
    DiffState st[5];
    for (unsigned i = 0; i < 5; i++) {
        ops_base_state(&st[i]);
        st[i].env.f64[1] = pairs[i][0];
        st[i].env.f64[2] = pairs[i][1];
    }
    for (int rm = IR_RM_RNE; rm <= IR_RM_RUP; rm++) {
        IrCtx *ctx = ir_ctx_new();
        DiffGlobals g;
        diff_globals_create(ctx, &g);
        IrTemp live = ir_temp_new(ctx, IR_F64);
        ir_fadd(ctx, IR_F64, live, g.f64[1], g.f64[2]);
        ir_fsetrm(ctx, (IrRound)rm);
        ir_fadd(ctx, IR_F64, g.f64[0], g.f64[1], g.f64[2]);
        ir_fsqrt(ctx, IR_F64, g.f64[3], g.f64[2]);
        ir_ftoi(ctx, IR_I64, g.g64[0], g.f64[1], IR_RM_DYN);
        ir_mov(ctx, IR_F64, g.f64[4], live);
        ir_exit_tb(ctx, 1);
        char what[40];
        snprintf(what, sizeof what, "fsetrm %d", rm);
        ops_check(env, tl, ctx, st, 5, ops_all_rounds, 4, (Exact){ 0, 0 },
                  what);
        ir_ctx_free(ctx);
    }
}

/* nop, insn_start, discard: in a small program. */
static void meta(const OpsEnv *env, IrOpcode opc)
{
    Tally *tl = ops_tally(opc, opc == IR_OP_discard ? IR_I64 : IR_VOID);
    DiffState st[2];
    ops_base_state(&st[0]);
    ops_base_state(&st[1]);
    st[0].env.g64[1] = 3;
    st[1].env.g64[1] = ~0ull;
    for (int k = 0; k < 2; k++) {
        IrCtx *ctx = ir_ctx_new();
        DiffGlobals g;
        diff_globals_create(ctx, &g);
        IrTemp t = k ? ir_temp_new_bb(ctx, IR_I64) : ir_temp_new(ctx, IR_I64);
        ir_insn_start(ctx, 0x1000);
        ir_add(ctx, IR_I64, t, g.g64[1], g.g64[1]);
        ir_nop(ctx);
        ir_mov(ctx, IR_I64, g.g64[0], t);
        ir_insn_start(ctx, 0x1004);
        ir_discard(ctx, IR_I64, t);
        ir_nop(ctx);
        ir_mul(ctx, IR_I64, t, g.g64[1], ir_const_i64(ctx, 3));
        ir_mov(ctx, IR_I64, g.g64[2], t);
        ir_insn_start(ctx, 0x1008);
        ir_exit_tb(ctx, 1);
        run1(env, tl, ctx, st, 2, k ? "nop, insn_start, discard (bb temp)"
                                    : "nop, insn_start, discard (tb temp)");
    }
}

bool ops_control(const OpsEnv *env, IrOpcode opc)
{
    switch (opc) {
    case IR_OP_brcond:
        brcond(env, IR_I32);
        brcond(env, IR_I64);
        return true;
    case IR_OP_br:
        br_and_labels(env);
        return true;
    case IR_OP_set_label:
        labels(env);
        return true;
    case IR_OP_goto_tb:
    case IR_OP_exit_tb:
        exits(env, opc);
        return true;
    case IR_OP_goto_ptr:
    case IR_OP_lookup_tb:
    case IR_OP_ras_lookup_tb:
        lookups(env, opc);
        return true;
    case IR_OP_call:
        calls(env);
        return true;
    case IR_OP_ras_push:
        ras_push(env);
        return true;
    case IR_OP_mb:
        barriers(env);
        return true;
    case IR_OP_fsetrm:
        set_rounding(env);
        return true;
    case IR_OP_nop:
    case IR_OP_insn_start:
    case IR_OP_discard:
        meta(env, opc);
        return true;
    default:
        return false;
    }
}
