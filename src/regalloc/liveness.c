/*
 * Liveness with lazy write-back of globals: sets IrOp.life on every op.
 *
 * One forward pass classifies the temps (ra_internal.h: a TB temp used in
 * a single basic block and written there before it is read is treated as
 * block-local), then one backward pass keeps two bits per temp, as
 * bitsets over temp ids:
 *   live  the current value is read later by some op (from where the
 *         allocator keeps it);
 *   mem   the current value must reach its memory home later: a later op
 *         reads globals from memory (rglob, fault, tb_exit), or a block
 *         boundary comes (globals and cross-block TB temps live in memory
 *         there), before the temp is written again.
 * For each op, going backwards: outputs get DEAD when not live and SYNC
 * when mem (the allocator stores the new value right after the op, so a
 * global written twice with no sync point between is stored once), then
 * the temp has no value before the op; inputs get DEAD when not live
 * after the op, then become live.  Block structure and op flags adjust
 * the bits (see the comments below and docs/regalloc.md).
 *
 * Cost: linear in the ops, plus O(temps/64) per block boundary.
 */
#include <stdlib.h>
#include <string.h>

#include "ra_internal.h"

#define BB_NONE UINT32_MAX
#define BB_MULTI (UINT32_MAX - 1)

static inline void bit_set(uint64_t *b, uint32_t i)
{
    b[i >> 6] |= 1ull << (i & 63);
}

static inline void bit_clr(uint64_t *b, uint32_t i)
{
    b[i >> 6] &= ~(1ull << (i & 63));
}

static inline bool bit_test(const uint64_t *b, uint32_t i)
{
    return (b[i >> 6] >> (i & 63)) & 1;
}

/* Sets (SET) or clears bits 1..n: the globals. */
static void bit_globals(uint64_t *b, uint32_t n, bool set)
{
    uint32_t hi = n + 1;  /* exclusive */
    for (uint32_t w = 0; w * 64 < hi; w++) {
        uint64_t m = ~0ull;
        if (w == 0)
            m &= ~1ull;
        if ((w + 1) * 64 > hi)
            m &= (1ull << (hi - w * 64)) - 1;
        if (set)
            b[w] |= m;
        else
            b[w] &= ~m;
    }
}

uint32_t ra_op_flags(const IrOp *op)
{
    uint32_t f = ir_op_info[op->opc].flags;
    if (f & IR_OPF_CALL) {
        const IrHelper *h =
            op->args[op->nb_out + op->nb_in].helper;
        if (h && (h->flags & IR_HELPER_NO_RGLOB))
            f &= ~IR_OPF_RGLOB;
        if (h && (h->flags & IR_HELPER_NO_WGLOB))
            f &= ~IR_OPF_WGLOB;
    }
    return f;
}

/* Layout: four bitsets, then first_bb, then kind (alignment holds). */
size_t ra_live_scratch_size(uint32_t nb_temps)
{
    size_t words = (nb_temps + 63) / 64;
    return 4 * words * 8 + 4 * (size_t)nb_temps + nb_temps;
}

void ra_live_scratch_init(RaLiveScratch *ls, void *mem, uint32_t nb_temps)
{
    uint32_t words = (nb_temps + 63) / 64;
    uint8_t *p = mem;
    ls->words = words;
    ls->live = (uint64_t *)p;
    p += (size_t)words * 8;
    ls->mem = (uint64_t *)p;
    p += (size_t)words * 8;
    ls->tbmask = (uint64_t *)p;
    p += (size_t)words * 8;
    ls->localmask = (uint64_t *)p;
    p += (size_t)words * 8;
    ls->first_bb = (uint32_t *)p;
    p += 4 * (size_t)nb_temps;
    ls->kind = p;
}

/* Kinds of temps, and which TB temps never carry a value across blocks. */
static void classify(const IrCtx *ctx, RaLiveScratch *ls)
{
    uint32_t n = ctx->nb_temps;
    memset(ls->tbmask, 0, (size_t)ls->words * 8);
    memset(ls->localmask, 0, (size_t)ls->words * 8);
    for (uint32_t t = 0; t < n; t++) {
        switch (ctx->temps[t].kind) {
        case IR_TEMP_GLOBAL: ls->kind[t] = RA_K_GLOBAL; break;
        case IR_TEMP_TB:     ls->kind[t] = RA_K_TB; break;
        case IR_TEMP_BB:     ls->kind[t] = RA_K_LOCAL; break;
        default:             ls->kind[t] = RA_K_CONST; break;
        }
        ls->first_bb[t] = BB_NONE;
    }
    if (n)
        ls->kind[0] = RA_K_CONST;   /* "no temp": never an operand */

    uint32_t bb = 0;
    for (size_t i = 0; i < ctx->nb_ops; i++) {
        const IrOp *op = &ctx->ops[i];
        uint32_t f = ir_op_info[op->opc].flags;
        if (f & IR_OPF_BB_START)
            bb++;
        /* inputs are read before outputs are written */
        for (unsigned k = 0; k < op->nb_in; k++) {
            uint32_t t = op->args[op->nb_out + k].temp.id;
            if (ls->kind[t] != RA_K_TB)
                continue;
            if (ls->first_bb[t] != bb)
                ls->first_bb[t] = BB_MULTI;  /* read first, or elsewhere */
        }
        for (unsigned k = 0; k < op->nb_out; k++) {
            uint32_t t = op->args[k].temp.id;
            if (ls->kind[t] != RA_K_TB)
                continue;
            if (ls->first_bb[t] == BB_NONE)
                ls->first_bb[t] = bb;
            else if (ls->first_bb[t] != bb)
                ls->first_bb[t] = BB_MULTI;
        }
        if (f & IR_OPF_BB_END)
            bb++;
    }
    for (uint32_t t = 1; t < n; t++) {
        if (ls->kind[t] == RA_K_TB && ls->first_bb[t] != BB_MULTI)
            ls->kind[t] = RA_K_LOCAL;
        if (ls->kind[t] == RA_K_TB)
            bit_set(ls->tbmask, t);
        else if (ls->kind[t] == RA_K_LOCAL)
            bit_set(ls->localmask, t);
    }
}

/* State at a point every global and cross-block TB temp is in memory and
 * nothing is in a register (block entry by label, after a noreturn op). */
static void reset_to_memory(const IrCtx *ctx, RaLiveScratch *ls)
{
    memset(ls->live, 0, (size_t)ls->words * 8);
    memcpy(ls->mem, ls->tbmask, (size_t)ls->words * 8);
    bit_globals(ls->mem, ctx->nb_globals, true);
}

void ra_liveness_run(IrCtx *ctx, RaLiveScratch *ls)
{
    classify(ctx, ls);
    reset_to_memory(ctx, ls);   /* after the last op: as after a TB exit */

    uint64_t *live = ls->live, *mem = ls->mem;
    for (size_t i = ctx->nb_ops; i-- > 0;) {
        IrOp *op = &ctx->ops[i];
        uint32_t f = ra_op_flags(op);
        uint16_t life = 0;

        if (op->opc == IR_OP_nop || op->opc == IR_OP_insn_start) {
            op->life = 0;
            continue;
        }
        if (f & IR_OPF_BB_START) {
            /* reached by branches: everything comes from memory */
            reset_to_memory(ctx, ls);
            op->life = 0;
            continue;
        }
        if (op->opc == IR_OP_discard) {
            uint32_t t = op->args[0].temp.id;
            if (ls->kind[t] == RA_K_TB || ls->kind[t] == RA_K_LOCAL) {
                bit_clr(live, t);
                bit_clr(mem, t);
            }
            op->life = IR_LIFE_DEAD(0);
            continue;
        }

        /* outputs: a new value from here on */
        for (unsigned k = 0; k < op->nb_out; k++) {
            uint32_t t = op->args[k].temp.id;
            if (!bit_test(live, t))
                life |= IR_LIFE_DEAD(k);
            if (bit_test(mem, t))
                life |= IR_LIFE_SYNC(k);
            bit_clr(live, t);
            bit_clr(mem, t);
        }

        /* what the op does to values it does not define */
        if (f & IR_OPF_NORETURN) {
            reset_to_memory(ctx, ls);
        } else if (f & IR_OPF_BB_END) {
            /* falls through: block-local temps die, the others may stay
             * in registers for the next block (they are synced below) */
            for (uint32_t w = 0; w < ls->words; w++) {
                live[w] &= ~ls->localmask[w];
                mem[w] &= ~ls->localmask[w];
            }
        }
        if (f & IR_OPF_WGLOB) {
            /* globals in registers are stale after the op */
            bit_globals(live, ctx->nb_globals, false);
        }

        /* inputs: DEAD when no later op reads the value; every
         * occurrence of a temp gets the same bit */
        for (unsigned k = 0; k < op->nb_in; k++) {
            uint32_t t = op->args[op->nb_out + k].temp.id;
            if (!bit_test(live, t))
                life |= IR_LIFE_DEAD(op->nb_out + k);
        }
        for (unsigned k = 0; k < op->nb_in; k++)
            bit_set(live, op->args[op->nb_out + k].temp.id);

        /* values that must be in memory before the op runs */
        if (f & RA_OPF_SYNC_GLOBALS)
            bit_globals(mem, ctx->nb_globals, true);
        if (f & IR_OPF_BB_END)
            for (uint32_t w = 0; w < ls->words; w++)
                mem[w] |= ls->tbmask[w];

        op->life = life;
    }
}

void ra_liveness(IrCtx *ctx)
{
    uint32_t n = ctx->nb_temps ? ctx->nb_temps : 1;
    void *mem = malloc(ra_live_scratch_size(n));
    if (!mem)
        abort();
    RaLiveScratch ls;
    ra_live_scratch_init(&ls, mem, n);
    ra_liveness_run(ctx, &ls);
    free(mem);
}
