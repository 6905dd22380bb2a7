/*
 * Rule "dce": dead-code elimination.  An op goes when it has outputs, none
 * of them is live, and it has no effect besides them: not `side` (a call
 * whose helper says IR_HELPER_NO_SIDE counts as free of effects) and not
 * `fpenv` (float ops raise flags the guest may read later).
 *
 * Liveness is a backward dataflow over the basic blocks on globals and TB
 * temps (basic-block temps die at every block end):
 *   - every global is live at the end of the TB (falling off the end) and
 *     before every op that reads globals from memory: `rglob` (calls,
 *     unless the helper says IR_HELPER_NO_RGLOB), `fault` (guest accesses:
 *     a fault must see the globals) and `tb_exit`;
 *   - an op's outputs are dead just before it, its inputs live;
 *   - a TB temp is live across blocks by the CFG (fall-through and labels).
 * Removing an op can make its inputs dead, so the analysis and a removing
 * sweep repeat until a sweep removes nothing.
 */
#include "opt_int.h"

#include <stdlib.h>
#include <string.h>

typedef uint64_t Word;
#define WBITS 64

typedef struct DceBlock {
    size_t start, end;
    int succ[2];
} DceBlock;

typedef struct Dce {
    IrCtx *ctx;
    DceBlock *blocks;
    size_t nb_blocks;
    size_t words;
    Word *live_in;      /* per block */
    Word *globals;      /* mask of the globals */
    Word *tracked;      /* mask of globals and TB temps */
} Dce;

static void bit_set(Word *s, uint32_t i)
{
    s[i / WBITS] |= (Word)1 << (i % WBITS);
}

static void bit_clear(Word *s, uint32_t i)
{
    s[i / WBITS] &= ~((Word)1 << (i % WBITS));
}

static bool bit_get(const Word *s, uint32_t i)
{
    return s[i / WBITS] >> (i % WBITS) & 1;
}

static void make_blocks(Dce *d)
{
    IrCtx *ctx = d->ctx;
    size_t n = ctx->nb_ops;
    int *block_at = malloc((n + 1) * sizeof(*block_at));
    d->blocks = calloc(n + 1, sizeof(*d->blocks));
    if (!block_at || !d->blocks)
        abort();
    size_t nb = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || ctx->ops[i].opc == IR_OP_set_label ||
            (ir_op_info[ctx->ops[i - 1].opc].flags & IR_OPF_BB_END)) {
            if (nb)
                d->blocks[nb - 1].end = i;
            d->blocks[nb++].start = i;
        }
        block_at[i] = (int)nb - 1;
    }
    if (nb)
        d->blocks[nb - 1].end = n;
    for (size_t b = 0; b < nb; b++) {
        const IrOp *last = &ctx->ops[d->blocks[b].end - 1];
        const IrOpInfo *info = &ir_op_info[last->opc];
        int k = 0;
        d->blocks[b].succ[0] = d->blocks[b].succ[1] = -1;
        if (!(info->flags & IR_OPF_NORETURN) && b + 1 < nb)
            d->blocks[b].succ[k++] = (int)b + 1;
        if (info->flags & IR_OPF_BRANCH)
            for (unsigned c = 0; c < last->nb_const; c++)
                if (info->const_kinds[c] == IR_CK_LABEL) {
                    IrLabel l = ir_op_const((IrOp *)last, c)->label;
                    int32_t at = ctx->labels[l.id].set_at;
                    if (at >= 0)
                        d->blocks[b].succ[k++] = block_at[at];
                }
    }
    d->nb_blocks = nb;
    free(block_at);
}

static bool removable(const IrOp *op)
{
    uint32_t flags = ir_op_info[op->opc].flags;
    if (op->nb_out == 0)
        return false;
    if (op->opc == IR_OP_call) {
        const IrHelper *h = ir_op_const((IrOp *)op, 0)->helper;
        return h && (h->flags & IR_HELPER_NO_SIDE);
    }
    return !(flags & (IR_OPF_SIDE | IR_OPF_FPENV | IR_OPF_META));
}

static bool reads_globals(const IrOp *op)
{
    uint32_t flags = ir_op_info[op->opc].flags;
    if (op->opc == IR_OP_call) {
        const IrHelper *h = ir_op_const((IrOp *)op, 0)->helper;
        if (h && (h->flags & IR_HELPER_NO_RGLOB))
            flags &= ~IR_OPF_RGLOB;
    }
    return flags & (IR_OPF_RGLOB | IR_OPF_FAULT | IR_OPF_TB_EXIT);
}

/* LIVE = live-out of block B (all temps; BB temps start dead). */
static void live_out(const Dce *d, size_t b, Word *live)
{
    const DceBlock *bl = &d->blocks[b];
    const IrOp *last = &d->ctx->ops[bl->end - 1];
    memset(live, 0, d->words * sizeof(Word));
    if (bl->succ[0] < 0 && !(ir_op_info[last->opc].flags & IR_OPF_NORETURN))
        memcpy(live, d->globals, d->words * sizeof(Word));   /* TB end */
    for (int k = 0; k < 2; k++) {
        if (bl->succ[k] < 0)
            continue;
        const Word *in = d->live_in + (size_t)bl->succ[k] * d->words;
        for (size_t w = 0; w < d->words; w++)
            live[w] |= in[w];
    }
}

/* Walks block B backwards from LIVE (its live-out) to its live-in; with
 * REMOVE, deletes dead ops (returns how many). */
static size_t walk_block(Dce *d, size_t b, Word *live, bool remove)
{
    IrCtx *ctx = d->ctx;
    size_t removed = 0;
    for (size_t i = d->blocks[b].end; i-- > d->blocks[b].start;) {
        IrOp *op = &ctx->ops[i];
        if (op->opc == IR_OP_nop)
            continue;
        if (removable(op)) {
            bool any_live = false;
            for (unsigned k = 0; k < op->nb_out; k++)
                any_live |= bit_get(live, op->args[k].temp.id);
            if (!any_live) {
                if (remove) {
                    ir_op_remove(ctx, i);
                    removed++;
                }
                continue;   /* a dead op reads nothing */
            }
        }
        for (unsigned k = 0; k < op->nb_out; k++)
            bit_clear(live, op->args[k].temp.id);
        if (reads_globals(op))
            for (size_t w = 0; w < d->words; w++)
                live[w] |= d->globals[w];
        for (unsigned k = 0; k < op->nb_in; k++) {
            IrTemp t = ir_op_in(op, k)->temp;
            if (!ir_temp_is_const(ctx, t))
                bit_set(live, t.id);
        }
    }
    return removed;
}

/* The live-in sets of every block, to a fixpoint. */
static void solve(Dce *d, Word *tmp)
{
    memset(d->live_in, 0, d->nb_blocks * d->words * sizeof(Word));
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t b = d->nb_blocks; b-- > 0;) {
            live_out(d, b, tmp);
            walk_block(d, b, tmp, false);
            for (size_t w = 0; w < d->words; w++)
                tmp[w] &= d->tracked[w];
            Word *in = d->live_in + b * d->words;
            if (memcmp(in, tmp, d->words * sizeof(Word))) {
                memcpy(in, tmp, d->words * sizeof(Word));
                changed = true;
            }
        }
    }
}

void opt_dce(IrCtx *ctx, const OptConfig *cfg)
{
    if (cfg->disabled >> OPT_RULE_DCE & 1)
        return;
    ir_compact(ctx);
    ir_note_labels(ctx);
    if (!ctx->nb_ops)
        return;
    Dce d = { .ctx = ctx };
    make_blocks(&d);
    d.words = (ctx->nb_temps + WBITS - 1) / WBITS + 1;
    d.live_in = malloc(d.nb_blocks * d.words * sizeof(Word));
    d.globals = calloc(d.words, sizeof(Word));
    d.tracked = calloc(d.words, sizeof(Word));
    Word *tmp = malloc(d.words * sizeof(Word));
    if (!d.live_in || !d.globals || !d.tracked || !tmp)
        abort();
    for (uint32_t t = 1; t < ctx->nb_temps; t++) {
        if (ctx->temps[t].kind == IR_TEMP_GLOBAL)
            bit_set(d.globals, t);
        if (ctx->temps[t].kind == IR_TEMP_GLOBAL ||
            ctx->temps[t].kind == IR_TEMP_TB)
            bit_set(d.tracked, t);
    }
    for (size_t removed = 1; removed;) {
        solve(&d, tmp);
        removed = 0;
        for (size_t b = 0; b < d.nb_blocks; b++) {
            live_out(&d, b, tmp);
            removed += walk_block(&d, b, tmp, true);
        }
    }
    free(d.blocks);
    free(d.live_in);
    free(d.globals);
    free(d.tracked);
    free(tmp);
}
