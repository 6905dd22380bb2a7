/*
 * The random IR generator, program structure: the kind of program a seed
 * gives (straight-line, branching, small; with or without register
 * pressure), nested if / if-else arms and bounded loops with their scopes
 * of defined temps, early and final exits, and the sink that makes every
 * live temp observable in the final state.  Single ops come from
 * gen_ops.c.
 */
#include <fenv.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "gen_internal.h"

static unsigned push_scope(Gen *g)
{
    unsigned old = g->scope;
    g->scope = g->nb_tb;
    return old;
}

static void pop_scope(Gen *g, unsigned old)
{
    g->nb_tb = g->scope;
    g->scope = old;
}

static uint64_t next_exit_value(Gen *g)
{
    g->exit_val += 1 + rng_below(&g->r, 1000);
    return g->exit_val;
}

/* Leaves the TB: exit_tb, goto_tb + exit_tb, or lookup_tb (or ras_lookup_tb,
   maybe with a ras_push) + goto_ptr. */
static void gen_exit(Gen *g)
{
    unsigned k = rng_below(&g->r, 10);
    if (k < 5) {
        ir_exit_tb(g->ctx, next_exit_value(g));
    } else if (k < 7 && g->slots_used != 3) {
        /* a TB has two patchable exits; each is used by one goto_tb */
        unsigned slot = rng_below(&g->r, 2);
        if (g->slots_used & (1u << slot))
            slot ^= 1;
        g->slots_used |= 1u << slot;
        ir_goto_tb(g->ctx, slot);
        ir_exit_tb(g->ctx, next_exit_value(g));
    } else if (k < 7) {
        ir_exit_tb(g->ctx, next_exit_value(g));
    } else {
        IrTemp pc;
        unsigned c = rng_below(&g->r, 4);
        if (c < 2)
            pc = ir_const_i64(g->ctx, GEN_HIT_PC);
        else if (c == 2)
            pc = ir_const_i64(g->ctx, 0x1000 + 4 * rng_below(&g->r, 64));
        else
            pc = gen_in(g, IR_I64);
        /* the host pointer is never put in a pool: it differs per run */
        IrTemp d = gen_new_temp(g, IR_I64, rng_pct(&g->r, 50));
        /* a return (ras_lookup_tb: the same result), and return-address
           stack pushes: hints without effect on the state */
        if (rng_below(&g->r, 3) == 0)
            ir_ras_lookup_tb(g->ctx, d, pc, gen_in(g, IR_I64));
        else
            ir_lookup_tb(g->ctx, d, pc);
        IrLabel stub = { 0 };
        if (rng_below(&g->r, 3) == 0) {
            stub = ir_label_new(g->ctx);
            ir_ras_push(g->ctx, gen_in(g, IR_I64),
                        0x1000 + 4 * rng_below(&g->r, 64), stub);
        }
        /* lookup_tb calls out of generated code: values live across it */
        for (unsigned n = rng_below(&g->r, 4); n > 0; n--)
            gen_one_op(g);
        ir_goto_ptr(g->ctx, d);
        if (stub.id) {          /* the pushed address: reached only from
                                   a return-address stack */
            ir_set_label(g->ctx, stub);
            ir_exit_tb(g->ctx, next_exit_value(g));
        }
    }
    gen_bb_end(g);
}

static bool gen_seq(Gen *g, bool branches, bool exit_ok);

/* Runs gen_seq with a budget of at most MAX ops taken from the current. */
static bool gen_sub_seq(Gen *g, unsigned max, bool exit_ok)
{
    int total = g->budget;
    int sub = 1 + (int)rng_below(&g->r, max);
    if (sub > total)
        sub = total > 0 ? total : 0;
    g->budget = sub;
    g->depth++;
    bool exited = gen_seq(g, true, exit_ok);
    g->depth--;
    g->budget = total - sub;
    return exited;
}

static void random_compare(Gen *g, IrType *t, IrTemp *a, IrTemp *b, IrCond *c)
{
    *t = gen_int_type(g);
    *a = gen_in(g, *t);
    *b = rng_pct(&g->r, 40) ? gen_const(g, *t) : gen_in(g, *t);
    *c = rng_pct(&g->r, 4) ? (IrCond)rng_below(&g->r, 2)
                           : (IrCond)(2 + rng_below(&g->r, IR_COND_COUNT - 2));
}

/* if (!cond) { arm }: brcond over the arm; sometimes a second brcond to
   the same label in the middle of the arm. */
static void gen_if(Gen *g)
{
    IrType t;
    IrTemp a, b;
    IrCond c;
    IrLabel skip = ir_label_new(g->ctx);
    random_compare(g, &t, &a, &b, &c);
    ir_brcond(g->ctx, t, a, b, c, skip);
    gen_bb_end(g);
    unsigned mark = push_scope(g);
    if (!rng_pct(&g->r, 5)) {
        bool exited = gen_sub_seq(g, 12, true);
        if (!exited && rng_pct(&g->r, 20)) {
            random_compare(g, &t, &a, &b, &c);
            ir_brcond(g->ctx, t, a, b, c, skip);
            gen_bb_end(g);
            gen_sub_seq(g, 8, true);
        }
    }
    pop_scope(g, mark);
    ir_set_label(g->ctx, skip);
    gen_bb_end(g);
}

/* if (cond) { then } else { else }; temps assigned in both arms are
   defined after the join. */
static void gen_if_else(Gen *g)
{
    IrType t;
    IrTemp a, b;
    IrCond c;
    IrLabel lelse = ir_label_new(g->ctx), lend = ir_label_new(g->ctx);
    IrTemp merge[4];
    IrType mtype[4];
    unsigned nm = rng_below(&g->r, 5);
    for (unsigned i = 0; i < nm; i++) {
        mtype[i] = rng_pct(&g->r, 60) ? gen_int_type(g) : gen_fp_type(g);
        merge[i] = gen_new_temp(g, mtype[i], false);
    }
    random_compare(g, &t, &a, &b, &c);
    ir_brcond(g->ctx, t, a, b, c, lelse);
    gen_bb_end(g);

    unsigned mark = push_scope(g);
    bool exit1 = gen_sub_seq(g, 14, true);
    if (!exit1) {
        for (unsigned i = 0; i < nm; i++)
            gen_def(g, merge[i], mtype[i]);
        ir_br(g->ctx, lend);
    }
    pop_scope(g, mark);
    ir_set_label(g->ctx, lelse);
    gen_bb_end(g);

    mark = push_scope(g);
    bool exit2 = gen_sub_seq(g, 14, !exit1);
    if (!exit2)
        for (unsigned i = 0; i < nm; i++)
            gen_def(g, merge[i], mtype[i]);
    pop_scope(g, mark);
    ir_set_label(g->ctx, lend);
    gen_bb_end(g);
    for (unsigned i = 0; i < nm; i++)
        gen_defined(g, merge[i]);
}

/* A loop that runs 1..4 times (1..2 when nested), on a counter no other
   op writes. */
static void gen_loop(Gen *g)
{
    IrType t = gen_int_type(g);
    IrTemp n = gen_new_temp(g, t, false);
    unsigned trips = 1 + rng_below(&g->r, g->loop_depth ? 2 : 4);
    bool up = rng_pct(&g->r, 50);
    IrLabel top = ir_label_new(g->ctx);

    g->nowrite[n.id] = 1;
    ir_mov(g->ctx, t, n, ir_const(g->ctx, t, up ? 0 : trips));
    gen_defined(g, n);
    ir_set_label(g->ctx, top);
    gen_bb_end(g);
    unsigned mark = push_scope(g);
    g->loop_depth++;
    gen_sub_seq(g, 12, false);
    g->loop_depth--;
    pop_scope(g, mark);
    if (up) {
        ir_add(g->ctx, t, n, n, ir_const(g->ctx, t, 1));
        ir_brcond(g->ctx, t, n, ir_const(g->ctx, t, trips), IR_COND_LTU, top);
    } else {
        ir_sub(g->ctx, t, n, n, ir_const(g->ctx, t, 1));
        ir_brcond(g->ctx, t, n, ir_const(g->ctx, t, 0), IR_COND_NE, top);
    }
    gen_bb_end(g);
    g->p->has_loop = true;
}

/* Ops until the budget is spent; returns true if it ended with an exit
   (only when EXIT_OK, inside an arm). */
static bool gen_seq(Gen *g, bool branches, bool exit_ok)
{
    while (g->budget > 0) {
        if (g->depth == 0 && g->budget <= g->fault_at) {
            gen_fault(g);
            g->fault_at = -1;
        }
        unsigned r = rng_below(&g->r, 100);
        if (branches && g->depth < 4) {
            if (r < 5) {
                gen_if(g);
                continue;
            }
            if (r < 9) {
                gen_if_else(g);
                continue;
            }
            if (r < 11 && g->loop_depth < 2) {
                gen_loop(g);
                continue;
            }
            if (r < 13 && exit_ok && g->depth > 0) {
                gen_exit(g);
                return true;
            }
        }
        gen_one_op(g);
        g->budget--;
    }
    return false;
}

/* Long-lived temps defined up front, read again by the sink. */
static void gen_pressure(Gen *g)
{
    unsigned ni = 16 + rng_below(&g->r, 16), nf = 17 + rng_below(&g->r, 12);
    for (unsigned i = 0; i < ni + nf; i++) {
        IrType t = i < ni ? gen_int_type(g) : gen_fp_type(g);
        IrTemp x = gen_new_temp(g, t, false);
        gen_def(g, x, t);
    }
}

/* Folds every temp that holds a value into the globals and scratch. */
static void gen_sink(Gen *g)
{
    const DiffGlobals *gl = &g->p->g;
    IrCtx *ctx = g->ctx;
    int32_t bias = g->p->init.env_bias;
    unsigned k64 = 0, k32 = 0, kf64 = 0, kf32 = 0, nint = 0, nfp = 0;
    for (unsigned i = 0; i < g->nb_tb + g->nb_bb; i++) {
        IrTemp x = i < g->nb_tb ? g->tb[i] : g->bb[i - g->nb_tb];
        switch (ir_temp_type(ctx, x)) {
        case IR_I64:
            nint++;
            ir_xor(ctx, IR_I64, gl->g64[k64 % DIFF_NB_G64],
                   gl->g64[k64 % DIFF_NB_G64], x);
            k64++;
            break;
        case IR_I32:
            nint++;
            ir_add(ctx, IR_I32, gl->g32[k32 % DIFF_NB_G32],
                   gl->g32[k32 % DIFF_NB_G32], x);
            k32++;
            break;
        case IR_F64:
            nfp++;
            if (kf64 < DIFF_NB_SF64) {
                ir_st_env(ctx, IR_F64, x,
                          diff_env_ofs(bias, offsetof(DiffEnv, sf64) + 8 * kf64),
                          IR_MO_64);
            } else if (kf64 < DIFF_NB_SF64 + DIFF_NB_F64) {
                ir_mov(ctx, IR_F64, gl->f64[kf64 - DIFF_NB_SF64], x);
            } else {
                IrTemp y = gen_new_temp(g, IR_I64, true);
                ir_ftoi(ctx, IR_I64, y, x, IR_RM_RTZ);
                ir_xor(ctx, IR_I64, gl->g64[k64 % DIFF_NB_G64],
                       gl->g64[k64 % DIFF_NB_G64], y);
                k64++;
            }
            kf64++;
            break;
        default:
            nfp++;
            if (kf32 < DIFF_NB_SF32) {
                ir_st_env(ctx, IR_F32, x,
                          diff_env_ofs(bias, offsetof(DiffEnv, sf32) + 4 * kf32),
                          IR_MO_32);
            } else if (kf32 < DIFF_NB_SF32 + DIFF_NB_F32) {
                ir_mov(ctx, IR_F32, gl->f32[kf32 - DIFF_NB_SF32], x);
            } else {
                IrTemp y = gen_new_temp(g, IR_I32, true);
                ir_ftou(ctx, IR_I32, y, x, IR_RM_RNE);
                ir_add(ctx, IR_I32, gl->g32[k32 % DIFF_NB_G32],
                       gl->g32[k32 % DIFF_NB_G32], y);
                k32++;
            }
            kf32++;
            break;
        }
    }
    g->p->max_live_int = nint;
    g->p->max_live_fp = nfp;
}

void gen_program(uint64_t seed, GenProgram *p)
{
    static const int modes[4] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD,
                                  FE_UPWARD };
    Gen g = { .r = rng_new(seed), .p = p };
    memset(p, 0, sizeof *p);
    p->ctx = g.ctx = ir_ctx_new();
    diff_state_random(&p->init, &g.r);
    /* the env register points into or past the CPU state: negative
       offsets, short and long displacements */
    static const int32_t biases[] = { 8, 128, 200, 4096 };
    p->init.env_bias = rng_pct(&g.r, 70) ? 0 : biases[rng_below(&g.r, 4)];
    diff_globals_create_biased(g.ctx, &p->g, p->init.env_bias);
    p->round = rng_pct(&g.r, 70) ? FE_TONEAREST : modes[rng_below(&g.r, 4)];
    g.exit_val = 1 + rng_below(&g.r, 1u << 20);
    g.pc = 0x1000;

    unsigned kind = rng_below(&g.r, 20);
    bool branches = kind >= 6;
    if (kind < 6)
        g.budget = 30 + (int)rng_below(&g.r, 170);     /* straight-line */
    else if (kind < 16)
        g.budget = 40 + (int)rng_below(&g.r, 260);     /* branching */
    else if (kind < 19)
        g.budget = 3 + (int)rng_below(&g.r, 18);       /* small */
    else
        g.budget = 400 + (int)rng_below(&g.r, 800);    /* big */
    p->straight_line = !branches;
    g.fault_at = rng_pct(&g.r, 8) ? (int)rng_below(&g.r, (unsigned)g.budget) : -1;

    ir_insn_start(g.ctx, g.pc);
    if (rng_pct(&g.r, 40))
        gen_pressure(&g);
    gen_seq(&g, branches, false);
    gen_sink(&g);
    gen_exit(&g);
    free(g.nowrite);

    for (size_t i = 0; i < g.ctx->nb_ops; i++)
        p->op_counts[g.ctx->ops[i].opc]++;
}

void gen_program_free(GenProgram *p)
{
    ir_ctx_free(p->ctx);
    p->ctx = NULL;
}
