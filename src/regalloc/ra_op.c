/*
 * The generic op allocator: everything an op needs comes from its
 * constraint set (ir_cons_select), never from its opcode.
 *
 * For one op, in order:
 *   1. inputs, those with fixed registers first: an immediate when the
 *      value is a known constant of an allowed kind; else the value's
 *      register if allowed; else a register of the constraint, filled
 *      by a move, load or constant.  A tied input whose value is still
 *      needed after the op (or whose register another operand must not
 *      share) is copied into a register the op may destroy;
 *   2. clobbers: values still needed are moved out of clobbered
 *      registers or spilled; after a wglob op, globals in registers are
 *      dropped (stale);
 *   3. dead inputs release their registers;
 *   4. outputs: a tied output takes its input's register; a fixed one
 *      evicts the owner; a `&` one avoids every input register;
 *   5. scratch registers, distinct from every input and output;
 *   6. the backend emits the op; outputs marked SYNC are stored to their
 *      memory home, dead outputs release their registers.
 * Every move, load or store goes out before the op, in the order made.
 */
#include <assert.h>

#include "ra_internal.h"

typedef struct OpAlloc {
    RaArg args[IR_CONS_MAX_ARGS];
    int8_t tied_reg[IR_MAX_OUTS];
    uint32_t in_regs;     /* registers holding inputs (homes or copies) */
    uint32_t out_regs;
    uint32_t hard_excl;   /* fixed regs of outputs and of scratches */
    uint32_t scr_fixed;   /* fixed regs of scratches */
    unsigned nout, nin, nsc;
} OpAlloc;

static const IrArgCons *in_cons(const IrConsSet *cs, unsigned k)
{
    return &cs->args[cs->nb_out + k];
}

/* Can constant V of TYPE be passed as an immediate of kinds KINDS?  For
 * i32 the value is taken modulo 2^32 (docs/ir.md, constraint rule 1). */
static bool imm_fits(unsigned kinds, IrType type, uint64_t v)
{
    if (kinds & IR_IMM_ANY)
        return true;
    if (type == IR_I32) {
        v = (uint32_t)v;
        if (kinds & (IR_IMM_S32 | IR_IMM_U32))
            return true;
        return (kinds & IR_IMM_U8) && v <= 255;
    }
    if ((kinds & IR_IMM_U8) && v <= 255)
        return true;
    if ((kinds & IR_IMM_S32) && (int64_t)v == (int32_t)v)
        return true;
    return (kinds & IR_IMM_U32) && v <= UINT32_MAX;
}

/* Is input K a pinned global whose value is in its home register, and may
 * the op take it there (the constraint allows that register, does not
 * fix one, and neither clobbers it nor gives it to an output)? */
static bool pin_in_place(const Ra *ra, const OpAlloc *oa, unsigned k,
                         const RaTempState *s)
{
    const IrArgCons *ac = in_cons(ra->cs, k);
    int p = s->home_reg;
    return p >= 0 &&
           (s->loc == RA_LOC_MEM || (s->loc == RA_LOC_REG && s->reg == p)) &&
           ra_reg_in(ac->regs, p) && !ac->fixed &&
           !ra_reg_in(ra->cs->clobber | oa->hard_excl, p);
}

/* The tied input's register: it becomes the output's. */
static int place_tied(Ra *ra, OpAlloc *oa, unsigned k, uint32_t allowed,
                      bool dead)
{
    const IrConsSet *cs = ra->cs;
    const IrOp *op = ra->op;
    uint32_t t = op->args[oa->nout + k].temp.id;
    RaTempState *s = &ra->ts[t];
    const IrArgCons *out = &cs->args[in_cons(cs, k)->tie];

    /* the value may be destroyed in place only if it dies here and no
     * other operand must keep it in that same register */
    bool copy = !dead;
    for (unsigned j = 0; j < oa->nin && !copy; j++) {
        if (j == k || op->args[oa->nout + j].temp.id != t)
            continue;
        int tie = in_cons(cs, j)->tie;
        if (out->newreg || (tie >= 0 && (unsigned)tie < oa->nout))
            copy = true;
    }

    /* x = x op y on a pinned x: in place, in x's home register */
    if (!copy && pin_in_place(ra, oa, k, s) &&
        op->args[in_cons(cs, k)->tie].temp.id == t)
        return s->home_reg;
    if (s->loc == RA_LOC_REG && ra_reg_in(allowed, s->reg)) {
        int reg = s->reg;
        if (!copy)
            return reg;      /* reused; the dead input releases it */
        if (!ra_reg_in(ra->locked, reg)) {
            /* the copy belongs where the value is: move the home away */
            ra_evict(ra, reg, 0);
            return reg;
        }
    }
    if (s->loc != RA_LOC_REG && !dead) {
        /* used again later: load it once into a register of its own */
        uint32_t cls = ra_class_regs(ra, (IrType)s->type);
        if (in_cons(ra->cs, k)->fixed && (cls & ~allowed))
            cls &= ~allowed;     /* leave the fixed register to the copy */
        ra_load(ra, t, ra_alloc(ra, cls, ra->avoid));
    }
    uint32_t excl = s->loc == RA_LOC_REG ? 1u << s->reg : 0;
    ra->locked |= excl;
    int reg = ra_alloc(ra, allowed & ~excl, ra->avoid);
    ra->locked &= ~excl | oa->in_regs;
    ra_fill(ra, t, reg);
    return reg;
}

/* An untied input's register. */
static int place_plain(Ra *ra, OpAlloc *oa, unsigned k, uint32_t allowed,
                       bool dead)
{
    uint32_t t = ra->op->args[oa->nout + k].temp.id;
    RaTempState *s = &ra->ts[t];

    if (s->loc == RA_LOC_REG && ra_reg_in(allowed, s->reg))
        return s->reg;
    /* a pinned global is read in its register (not the allocator's to
     * hand out, but an untied input is only read) */
    if (pin_in_place(ra, oa, k, s))
        return s->home_reg;
    if (s->loc != RA_LOC_REG) {
        int reg = ra_alloc(ra, allowed, ra->avoid);
        ra_load(ra, t, reg);
        return reg;
    }
    int from = s->reg;
    int reg = ra_alloc(ra, allowed & ~(1u << from), ra->avoid);
    ra->host->mov(ra->host->be, (IrType)s->type, reg, from);
    /* move the home unless another operand reads it there, or the new
     * register dies in the op while the value lives on */
    bool keep = ra_reg_in(ra->locked, from) ||
                (ra_reg_in(ra->cs->clobber, reg) && !dead);
    if (!keep) {
        ra->reg_temp[from] = 0;
        ra->used &= ~(1u << from);
        uint8_t coherent = s->coherent, constval = s->constval;
        ra_assign(ra, t, reg);
        s->coherent = coherent;
        s->constval = constval;
    }
    return reg;
}

static void place_input(Ra *ra, OpAlloc *oa, unsigned k)
{
    const IrConsSet *cs = ra->cs;
    const IrArgCons *ac = in_cons(cs, k);
    unsigned idx = oa->nout + k;
    uint32_t t = ra->op->args[idx].temp.id;
    bool dead = ra->op->life & IR_LIFE_DEAD(idx);
    bool tied = ac->tie >= 0 && (unsigned)ac->tie < oa->nout;
    uint64_t v;

    if (!tied && ac->imm && ra_known_const(ra, t, &v) &&
        imm_fits(ac->imm, (IrType)ra->ts[t].type, v)) {
        int64_t val = ra->ts[t].type == IR_I32 ? (int64_t)(int32_t)v
                                               : (int64_t)v;
        oa->args[idx] = (RaArg){ .reg = -1, .is_const = true, .val = val };
        ra->placed |= 1u << k;
        return;
    }

    uint32_t allowed = ac->regs & ra->avail;
    if (!ac->fixed)
        allowed &= ~cs->clobber & ~oa->hard_excl;
    int reg = tied ? place_tied(ra, oa, k, allowed, dead)
                   : place_plain(ra, oa, k, allowed, dead);
    if (tied)
        oa->tied_reg[ac->tie] = (int8_t)reg;
    ra->locked |= 1u << reg;
    oa->in_regs |= 1u << reg;
    ra->reg_use[reg] = ra->op_index;
    oa->args[idx] = (RaArg){ .reg = (int8_t)reg };
    ra->placed |= 1u << k;
}

static void place_output(Ra *ra, OpAlloc *oa, unsigned o)
{
    const IrArgCons *oc = &ra->cs->args[o];
    uint32_t t = ra->op->args[o].temp.id;
    RaTempState *s = &ra->ts[t];
    int reg;

    if (oc->tie >= 0 && (unsigned)oc->tie < oa->nin) {
        reg = oa->tied_reg[o];
    } else {
        uint32_t allowed = (oc->regs & ra->avail) & ~oa->out_regs;
        uint32_t reuse = oc->newreg ? 0 : oa->in_regs;
        if (allowed & ~oa->scr_fixed)
            allowed &= ~oa->scr_fixed;
        reg = ra_alloc_reuse(ra, allowed, 0, reuse);
    }
    /* the temp's previous value dies here */
    if (s->loc == RA_LOC_REG && s->reg != reg) {
        ra->reg_temp[s->reg] = 0;
        ra->used &= ~(1u << s->reg);
        s->loc = RA_LOC_DEAD;
    }
    if (ra_reg_in(ra->used, reg) && ra->reg_temp[reg] != t)
        ra_evict(ra, reg, 0);
    if (ra_reg_in(ra->used, reg))   /* t's old home: reuse it */
        ra->used &= ~(1u << reg);
    ra_assign(ra, t, reg);
    s->coherent = 0;
    s->constval = 0;
    ra->locked |= 1u << reg;
    oa->out_regs |= 1u << reg;
    ra->reg_use[reg] = ra->op_index;
    oa->args[o] = (RaArg){ .reg = (int8_t)reg };
}

static void place_scratch(Ra *ra, OpAlloc *oa, unsigned i)
{
    const IrConsSet *cs = ra->cs;
    const IrArgCons *sc = &cs->args[cs->nb_out + cs->nb_in + i];
    uint32_t allowed = sc->regs & ra->avail;
    if (!sc->fixed)
        allowed &= ~cs->clobber;
    int reg = ra_alloc(ra, allowed, 0);
    ra->locked |= 1u << reg;
    oa->args[oa->nout + oa->nin + i] = (RaArg){ .reg = (int8_t)reg };
}

void ra_gen_op(Ra *ra, IrOp *op, uint32_t flags)
{
    const RaHost *h = ra->host;
    const IrConsSet *cs = ir_cons_select((IrOpcode)op->opc,
                                         (IrType)op->type, h->features);
    if (!cs)
        ra_fail(ra);         /* no constraint set: not a host op */
    OpAlloc oa = { .nout = op->nb_out, .nin = op->nb_in,
                   .nsc = cs->nb_scratch };
    assert(oa.nout <= cs->nb_out && oa.nin <= cs->nb_in);
    ra->op = op;
    ra->cs = cs;
    ra->locked = 0;
    ra->placed = 0;

    /* registers this op fixes: keep them free where there is a choice;
     * untied inputs stay out of fixed output and scratch registers
     * (required for `&` outputs and scratches; for other outputs it only
     * spares the backend an input overwritten early) */
    const RaSetInfo *si = ra_set_info(cs);
    oa.hard_excl = si->out_scr_fixed;
    oa.scr_fixed = si->scr_fixed;
    ra->avoid = si->fixed | cs->clobber;

    /* 1. inputs, fixed ones first */
    for (int pass = 0; pass < 2; pass++)
        for (unsigned k = 0; k < oa.nin; k++)
            if ((in_cons(cs, k)->fixed != 0) == (pass == 0))
                place_input(ra, &oa, k);

    /* 2. clobbers; stale globals after a wglob op */
    for (uint32_t m = cs->clobber & ra->used; m; m &= m - 1)
        ra_evict(ra, __builtin_ctz(m), cs->clobber);
    if (flags & IR_OPF_WGLOB)
        for (uint32_t m = ra->used; m; m &= m - 1) {
            int r = __builtin_ctz(m);
            if (ra->ts[ra->reg_temp[r]].kind == RA_K_GLOBAL)
                ra_kill(ra, ra->reg_temp[r]);
        }
    if (flags & IR_OPF_BB_END)
        ra_sync_all(ra);

    /* 3. dead inputs */
    for (unsigned k = 0; k < oa.nin; k++)
        if (op->life & IR_LIFE_DEAD(oa.nout + k))
            ra_kill(ra, op->args[oa.nout + k].temp.id);

    /* 4. outputs; 5. scratch */
    for (unsigned o = 0; o < oa.nout; o++)
        place_output(ra, &oa, o);
    ra->locked |= oa.in_regs;
    for (unsigned i = 0; i < oa.nsc; i++)
        place_scratch(ra, &oa, i);

    /* 6. emit, then write back and release; pinned globals go through
     * env around an op that reads or writes the CPU state's globals */
    if (flags & IR_OPF_RGLOB)
        ra_pins_to_env(ra);
    h->op(h->be, op, cs, oa.args);
    if (flags & IR_OPF_WGLOB)
        ra_pins_from_env(ra);
    ra->op = NULL;
    ra->locked = 0;
    for (unsigned o = 0; o < oa.nout; o++) {
        uint32_t t = op->args[o].temp.id;
        if (op->life & IR_LIFE_SYNC(o))
            ra_sync_reg(ra, ra->ts[t].reg);
        if (op->life & IR_LIFE_DEAD(o))
            ra_kill(ra, t);
    }
    if (flags & IR_OPF_NORETURN)
        ra_drop_all(ra);
    else if (flags & IR_OPF_BB_END)
        for (uint32_t m = ra->used; m; m &= m - 1) {
            int r = __builtin_ctz(m);
            if (ra->ts[ra->reg_temp[r]].kind == RA_K_LOCAL)
                ra_kill(ra, ra->reg_temp[r]);
        }
}
