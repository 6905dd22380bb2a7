/*
 * The ops the allocator handles itself instead of the backend: `mov`
 * (a rename when the source dies, a lazy constant when the source is a
 * known constant, a store straight from the source's register when the
 * destination only has to reach memory, else a register copy) and
 * `discard` (the value is dead from here on).
 */
#include "ra_internal.h"

/* Forget T's register without touching its state (it gets a new value). */
static void drop_reg(Ra *ra, uint32_t t)
{
    RaTempState *s = &ra->ts[t];
    if (s->loc == RA_LOC_REG) {
        ra->reg_temp[s->reg] = 0;
        ra->used &= ~(1u << s->reg);
        s->loc = RA_LOC_DEAD;
    }
}

/* Writes T (a global or TB temp) to its memory home if it is not there. */
static void sync_temp(Ra *ra, uint32_t t)
{
    RaTempState *s = &ra->ts[t];
    if (s->kind != RA_K_GLOBAL && s->kind != RA_K_TB)
        return;
    if (s->loc == RA_LOC_CONST) {
        int reg = ra_alloc(ra, ra_class_regs(ra, (IrType)s->type), 0);
        ra_load(ra, t, reg);
        s->coherent = 0;
    }
    if (s->loc == RA_LOC_REG)
        ra_sync_reg(ra, s->reg);
}

void ra_gen_mov(Ra *ra, IrOp *op)
{
    uint32_t d = op->args[0].temp.id, src = op->args[1].temp.id;
    RaTempState *sd = &ra->ts[d], *ss = &ra->ts[src];
    IrType type = (IrType)ss->type;
    bool dd = op->life & IR_LIFE_DEAD(0), ds = op->life & IR_LIFE_DEAD(1);
    bool sync = op->life & IR_LIFE_SYNC(0);
    uint64_t v;

    ra->op = NULL;       /* evictions keep every value */
    ra->locked = 0;
    ra->avoid = 0;
    if (d == src) {
        /* nothing to move */
    } else if (ra_known_const(ra, src, &v)) {
        if (ds)
            ra_kill(ra, src);
        drop_reg(ra, d);
        sd->loc = RA_LOC_CONST;
        sd->cval = v;
        sd->constval = 1;
        sd->coherent = 0;
    } else if (ss->loc == RA_LOC_REG && ds &&
               !ra_reg_in(ra->pinned, ss->reg)) {
        int r = ss->reg;            /* rename: d takes over the register */
        drop_reg(ra, d);
        ra->reg_temp[r] = 0;
        ra->used &= ~(1u << r);
        ss->loc = RA_LOC_DEAD;
        ra_kill(ra, src);
        ra_assign(ra, d, r);
        sd->coherent = 0;
        sd->constval = 0;
    } else if (ss->loc == RA_LOC_REG && dd && sync) {
        drop_reg(ra, d);            /* d only has to reach memory */
        ra_store_home(ra, d, ss->reg);
        sd->loc = RA_LOC_MEM;
        sd->coherent = 1;
        sd->constval = 0;
        return;
    } else {
        drop_reg(ra, d);
        if (ss->loc == RA_LOC_REG)
            ra->locked = 1u << ss->reg;
        int reg = ra_alloc(ra, ra_class_regs(ra, type), 0);
        ra_fill(ra, src, reg);
        ra->locked = 0;
        if (ds)
            ra_kill(ra, src);
        ra_assign(ra, d, reg);
        sd->coherent = 0;
        sd->constval = 0;
    }
    if (sync)
        sync_temp(ra, d);
    if (dd)
        ra_kill(ra, d);
}

void ra_gen_discard(Ra *ra, IrOp *op)
{
    uint32_t t = op->args[0].temp.id;
    uint8_t kind = ra->ts[t].kind;
    if (kind == RA_K_TB || kind == RA_K_LOCAL)
        ra_kill(ra, t);
}
