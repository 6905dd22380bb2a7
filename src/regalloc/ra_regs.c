/*
 * Register and memory bookkeeping of the allocator: which temp owns which
 * host register, where a temp's value lives (register, memory home,
 * constant), frame slots for spills, and the primitive moves between
 * them (fill, load, sync, evict, alloc).  Every host instruction the
 * allocator itself needs goes out through the RaHost hooks here.
 *
 * A register is "owned" when it is some temp's home (ra->used); the op
 * being allocated may also hold unowned copies of its inputs in registers
 * it has locked (ra->locked).  The choice of a free register follows the
 * cost order of ra_table.c.
 */
#include <assert.h>

#include "ra_internal.h"

/* The first register of FREE in preference order, outside AVOID if any. */
static int pick(const Ra *ra, uint32_t free, uint32_t avoid)
{
    uint32_t best = (free & ~avoid) ? free & ~avoid : free;
    for (uint32_t i = 0; i < ra->pref_order_len; i++)
        if (ra_reg_in(best, ra->pref_order[i]))
            return ra->pref_order[i];
    return __builtin_ctz(best);  /* outside avail: an impossible request */
}

/* ---- memory homes ---- */

uint32_t ra_class_regs(const Ra *ra, IrType type)
{
    return (ir_type_class(type) == IR_TC_FP ? IR_X86_XMMS : IR_X86_GPRS) &
           ra->avail;
}

int ra_home_base(const Ra *ra, uint32_t t)
{
    return ra->ts[t].kind == RA_K_GLOBAL ? ra->host->env_reg
                                         : ra->host->frame_reg;
}

int32_t ra_home_slot(Ra *ra, uint32_t t)
{
    RaTempState *s = &ra->ts[t];
    if (s->slot != RA_NO_SLOT)
        return s->slot;
    int32_t k;
    if (ra->nb_free > 0) {
        k = ra->free_slots[--ra->nb_free];
    } else if (ra->next_slot < ra->nb_slots) {
        k = ra->next_slot++;
    } else {
        ra_fail(ra);          /* the caller translates a shorter block */
    }
    s->slot = ra->host->frame_offset + 8 * k;
    return s->slot;
}

void ra_store_home(Ra *ra, uint32_t t, int reg)
{
    const RaTempState *s = &ra->ts[t];
    const RaHost *h = ra->host;
    if (s->home_reg >= 0) {
        if (s->home_reg != reg)
            h->mov(h->be, (IrType)s->type, s->home_reg, reg);
        return;
    }
    h->store(h->be, (IrType)s->type, reg, ra_home_base(ra, t),
             ra_home_slot(ra, t));
}

void ra_load_home(Ra *ra, uint32_t t, int reg)
{
    const RaTempState *s = &ra->ts[t];
    const RaHost *h = ra->host;
    if (s->home_reg >= 0) {
        if (s->home_reg != reg)
            h->mov(h->be, (IrType)s->type, reg, s->home_reg);
        return;
    }
    h->load(h->be, (IrType)s->type, reg, ra_home_base(ra, t),
            ra_home_slot(ra, t));
}

static void pins_env(Ra *ra, bool store)
{
    const RaHost *h = ra->host;
    for (uint32_t m = ra->pinned; m; m &= m - 1) {
        int r = __builtin_ctz(m);
        uint32_t t = ra->pin_temp[r];
        const RaTempState *s = &ra->ts[t];
        if (store)
            h->store(h->be, (IrType)s->type, r, h->env_reg, s->slot);
        else
            h->load(h->be, (IrType)s->type, r, h->env_reg, s->slot);
    }
}

void ra_pins_to_env(Ra *ra)
{
    pins_env(ra, true);
}

void ra_pins_from_env(Ra *ra)
{
    pins_env(ra, false);
}

void ra_free_slot(Ra *ra, uint32_t t)
{
    RaTempState *s = &ra->ts[t];
    if (s->kind != RA_K_LOCAL || s->slot == RA_NO_SLOT)
        return;
    if (ra->nb_free < ra->nb_slots)
        ra->free_slots[ra->nb_free++] = (s->slot - ra->host->frame_offset) / 8;
    s->slot = RA_NO_SLOT;
}

/* ---- ownership ---- */

void ra_assign(Ra *ra, uint32_t t, int reg)
{
    assert(!ra_reg_in(ra->used, reg));
    ra->reg_temp[reg] = t;
    ra->used |= 1u << reg;
    ra->reg_use[reg] = ra->op_index;
    ra->ts[t].loc = RA_LOC_REG;
    ra->ts[t].reg = (int8_t)reg;
}

static void unown(Ra *ra, int reg)
{
    ra->reg_temp[reg] = 0;
    ra->used &= ~(1u << reg);
}

/* The state of T once it has no register: memory is canonical for
 * globals and TB temps, a lazy constant stays a constant. */
static void to_memory(Ra *ra, uint32_t t)
{
    RaTempState *s = &ra->ts[t];
    if (s->kind == RA_K_CONST) {
        s->loc = RA_LOC_CONST;
    } else if (s->coherent) {
        s->loc = RA_LOC_MEM;
        s->constval = 0;   /* memory state never carries a constant */
    } else if (s->constval) {
        s->loc = RA_LOC_CONST;
    } else if (s->kind == RA_K_LOCAL) {
        s->loc = RA_LOC_DEAD;
        ra_free_slot(ra, t);
    } else {
        s->loc = RA_LOC_MEM;   /* value not needed: memory is canonical */
        s->coherent = 1;
    }
}

void ra_detach(Ra *ra, int reg)
{
    uint32_t t = ra->reg_temp[reg];
    unown(ra, reg);
    to_memory(ra, t);
}

void ra_kill(Ra *ra, uint32_t t)
{
    RaTempState *s = &ra->ts[t];
    if (s->loc == RA_LOC_REG)
        unown(ra, s->reg);
    if (s->kind == RA_K_CONST) {
        s->loc = RA_LOC_CONST;
        return;
    }
    s->constval = 0;
    if (s->kind == RA_K_LOCAL) {
        s->loc = RA_LOC_DEAD;
        s->coherent = 0;
        ra_free_slot(ra, t);
    } else {
        s->loc = RA_LOC_MEM;
        s->coherent = 1;
    }
}

/* ---- moving values ---- */

void ra_sync_reg(Ra *ra, int reg)
{
    uint32_t t = ra->reg_temp[reg];
    RaTempState *s = &ra->ts[t];
    if (s->coherent || s->kind == RA_K_CONST)
        return;
    ra_store_home(ra, t, reg);
    s->coherent = 1;
}

void ra_fill(Ra *ra, uint32_t t, int reg)
{
    RaTempState *s = &ra->ts[t];
    const RaHost *h = ra->host;
    switch (s->loc) {
    case RA_LOC_REG:
        if (s->reg != reg)
            h->mov(h->be, (IrType)s->type, reg, s->reg);
        break;
    case RA_LOC_MEM:
        ra_load_home(ra, t, reg);
        break;
    case RA_LOC_CONST:
        h->movi(h->be, (IrType)s->type, reg, s->cval);
        break;
    default:
        break;   /* no value (an undefined read): nothing to copy */
    }
}

void ra_load(Ra *ra, uint32_t t, int reg)
{
    RaTempState *s = &ra->ts[t];
    assert(s->loc != RA_LOC_REG);
    ra_fill(ra, t, reg);
    if (s->loc == RA_LOC_MEM) {
        s->coherent = 1;
        s->constval = 0;
    } else if (s->loc == RA_LOC_CONST) {
        s->constval = 1;
    } else {
        s->coherent = 0;
        s->constval = 0;
    }
    ra_assign(ra, t, reg);
}

bool ra_known_const(const Ra *ra, uint32_t t, uint64_t *val)
{
    const RaTempState *s = &ra->ts[t];
    if (s->loc == RA_LOC_CONST || (s->loc == RA_LOC_REG && s->constval)) {
        *val = s->cval;
        return true;
    }
    return false;
}

bool ra_needed(const Ra *ra, uint32_t t)
{
    const IrOp *op = ra->op;
    if (!op)
        return true;
    bool input = false;
    for (unsigned k = 0; k < op->nb_in; k++) {
        if (op->args[op->nb_out + k].temp.id != t)
            continue;
        input = true;
        if (!(op->life & IR_LIFE_DEAD(op->nb_out + k)) ||
            !ra_reg_in(ra->placed, (int)k))
            return true;
    }
    if (input)
        return false;            /* its last use is this op, placed */
    for (unsigned k = 0; k < op->nb_out; k++)
        if (op->args[k].temp.id == t)
            return false;        /* overwritten by this op */
    return true;
}

void ra_evict(Ra *ra, int reg, uint32_t excl)
{
    uint32_t t = ra->reg_temp[reg];
    RaTempState *s = &ra->ts[t];
    if (!ra_needed(ra, t)) {
        ra_kill(ra, t);
        return;
    }
    if (s->coherent || s->constval || s->kind == RA_K_CONST) {
        ra_detach(ra, reg);      /* clean: reload or rematerialize later */
        return;
    }
    uint32_t free = ra_class_regs(ra, (IrType)s->type) & ~ra->used &
                    ~ra->locked & ~excl & ~(1u << reg);
    if (free) {
        int to = pick(ra, free, ra->avoid);
        ra->host->mov(ra->host->be, (IrType)s->type, to, reg);
        unown(ra, reg);
        ra_assign(ra, t, to);
        return;
    }
    ra_sync_reg(ra, reg);
    ra_detach(ra, reg);
}

int ra_alloc_reuse(Ra *ra, uint32_t allowed, uint32_t avoid, uint32_t reuse)
{
    uint32_t blocked = ra->locked & ~reuse;
    uint32_t free = allowed & ~ra->used & ~blocked;
    if (free)
        return pick(ra, free, avoid);

    uint32_t cand = allowed & ~blocked;
    if (!cand)
        ra_fail(ra);             /* no register can satisfy the request */
    /* victim: a value no longer needed, else a clean one, else the least
     * recently used dirty one */
    int best = -1;
    uint64_t best_cost = UINT64_MAX;
    for (uint32_t m = cand; m; m &= m - 1) {
        int r = __builtin_ctz(m);
        uint32_t t = ra->reg_temp[r];
        const RaTempState *s = &ra->ts[t];
        uint64_t c;
        if (!ra_needed(ra, t))
            c = 0;
        else if (s->coherent || s->constval || s->kind == RA_K_CONST)
            c = 1;
        else
            c = 2;
        c = (c << 32) | ra->reg_use[r];
        if (ra_reg_in(avoid, r))
            c += 1ull << 31;
        if (c < best_cost) {
            best_cost = c;
            best = r;
        }
    }
    ra_evict(ra, best, allowed);
    return best;
}

int ra_alloc(Ra *ra, uint32_t allowed, uint32_t avoid)
{
    return ra_alloc_reuse(ra, allowed, avoid, 0);
}
