/*
 * ra_codegen(): the driver of the register allocator.  Runs the liveness
 * pass, sets up the per-temp state (one allocation per translation
 * block, nothing per op), then walks the ops once: the meta ops and `mov`
 * are handled here and in ra_move.c, every other op by the generic,
 * table-driven ra_gen_op (ra_op.c).  Block structure comes from the op
 * flags: after set_label and after a noreturn op nothing is in a
 * register; a block end that falls through keeps the (synced) globals
 * and TB temps in their registers for the next block.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ra_internal.h"

_Noreturn void ra_fail(Ra *ra)
{
    ra->failed = true;
    longjmp(ra->bail, 1);
}

void ra_sync_all(Ra *ra)
{
    for (uint32_t m = ra->used; m; m &= m - 1) {
        int r = __builtin_ctz(m);
        uint8_t kind = ra->ts[ra->reg_temp[r]].kind;
        if (kind == RA_K_GLOBAL || kind == RA_K_TB)
            ra_sync_reg(ra, r);
    }
}

void ra_drop_all(Ra *ra)
{
    for (uint32_t m = ra->used; m; m &= m - 1)
        ra_kill(ra, ra->reg_temp[__builtin_ctz(m)]);
}

/* A global pinned to REG: REG must be a register of its type's class
 * the allocator could use, and no other global's. */
static void pin_global(Ra *ra, uint32_t t, const IrTempInfo *ti)
{
    int reg = ti->fixed_reg;
    uint32_t cls = ir_type_class(ti->type) == IR_TC_FP ? IR_X86_XMMS
                                                        : IR_X86_GPRS;
    if (reg >= IR_X86_NB_REGS || !ra_reg_in(ra->avail & cls, reg)) {
        fprintf(stderr, "rvtcg: regalloc: global %s is pinned to a host "
                "register the allocator cannot give it\n",
                ti->name ? ti->name : "?");
        abort();
    }
    ra->avail &= ~(1u << reg);
    ra->pinned |= 1u << reg;
    ra->pin_temp[reg] = t;
    ra->ts[t].home_reg = (int8_t)reg;
}

/*
 * Globals start in their homes: the CPU state at env + offset, or for a
 * global pinned to a host register (IrTempInfo.fixed_reg, docs/regalloc.md
 * "Pinned globals") that register.
 */
static void init_temps(Ra *ra)
{
    const IrCtx *ctx = ra->ctx;
    for (uint32_t t = 0; t < ctx->nb_temps; t++) {
        const IrTempInfo *ti = &ctx->temps[t];
        RaTempState *s = &ra->ts[t];
        memset(s, 0, sizeof(*s));
        s->kind = ra->kind[t];
        s->type = ti->type;
        s->slot = RA_NO_SLOT;
        s->home_reg = -1;
        switch (s->kind) {
        case RA_K_GLOBAL:
            s->loc = RA_LOC_MEM;
            s->coherent = 1;
            s->slot = ti->offset;
            if (ti->fixed_reg >= 0)
                pin_global(ra, t, ti);
            break;
        case RA_K_CONST:
            s->loc = RA_LOC_CONST;
            s->constval = 1;
            s->cval = ti->val;
            break;
        default:
            s->loc = RA_LOC_DEAD;
            break;
        }
    }
}

int ra_codegen(IrCtx *ctx, const RaHost *host)
{
    uint32_t n = ctx->nb_temps ? ctx->nb_temps : 1;
    int32_t nb_slots = host->frame_size > 0 ? host->frame_size / 8 : 0;
    size_t live_sz = ra_live_scratch_size(n);
    size_t ts_off = (live_sz + 7) & ~(size_t)7;
    size_t slots_off = ts_off + (size_t)n * sizeof(RaTempState);
    uint8_t *mem = malloc(slots_off + (size_t)nb_slots * sizeof(int32_t) + 1);
    if (!mem)
        return -1;

    RaLiveScratch ls;
    ra_live_scratch_init(&ls, mem, n);
    ra_liveness_run(ctx, &ls);

    Ra ra_s, *ra = &ra_s;
    memset(ra, 0, sizeof(*ra));
    ra->ctx = ctx;
    ra->host = host;
    ra->kind = ls.kind;
    ra->ts = (RaTempState *)(mem + ts_off);
    ra->free_slots = (int32_t *)(mem + slots_off);
    ra->nb_slots = nb_slots;
    ra->avail = host->allocatable & ~host->reserved &
                ~(1u << host->env_reg) & ~(1u << host->frame_reg) &
                ~(1u << IR_X86_RSP);
    init_temps(ra);           /* takes pinned registers out of avail */
    ra_init_order(ra);

    if (setjmp(ra->bail)) {    /* ra_fail: mem is not changed after setjmp */
        free(mem);
        return -1;
    }
    for (size_t i = 0; i < ctx->nb_ops; i++) {
        IrOp *op = &ctx->ops[i];
        uint32_t flags = ra_op_flags(op);
        ra->op_index = (uint32_t)i;
        switch (op->opc) {
        case IR_OP_nop:
            break;
        case IR_OP_mov:
            ra_gen_mov(ra, op);
            break;
        case IR_OP_discard:
            ra_gen_discard(ra, op);
            break;
        case IR_OP_insn_start:
            host->op(host->be, op, NULL, NULL);
            break;
        case IR_OP_set_label:
            /* reached by branches: everything is in memory */
            ra_sync_all(ra);
            ra_drop_all(ra);
            host->op(host->be, op, NULL, NULL);
            break;
        default:
            assert(!(flags & IR_OPF_META));
            ra_gen_op(ra, op, flags);
            break;
        }
    }

    free(mem);
    return 0;
}
