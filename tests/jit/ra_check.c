/*
 * ra_check(): proves a recorded allocation correct by simulating it on
 * abstract values along execution paths (see ra_check.h for the list of
 * what it catches).  It restates the allocator's contract from docs/ir.md
 * ("Constraint sets") and regalloc.h independently of src/regalloc.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ra_check.h"

enum { V_POISON, V_SYM, V_CONST };

typedef struct Val {
    uint8_t kind;
    uint8_t bits;      /* how many low bits are the value */
    uint64_t x;        /* symbol number or constant bits */
} Val;

typedef struct Chk {
    const RaMock *m;
    const IrCtx *ctx;
    const RaHost *h;
    uint32_t avail;
    Val regs[IR_X86_NB_REGS];
    Val *env;          /* [nb_temps]: by global temp id */
    Val *frame;        /* [frame_size / 8] */
    Val *exp;          /* [nb_temps]: what the IR says each temp holds */
    size_t *label_ev;  /* [nb_labels]: event of the label's set_label */
    uint64_t next_sym;
    uint64_t rng;
    size_t cur_ev;
    char *err;
    size_t errlen;
    bool failed;
} Chk;

typedef enum Flow { FLOW_NEXT, FLOW_JUMP, FLOW_END } Flow;

static bool fail(Chk *c, const char *fmt, ...)
{
    if (c->failed)
        return false;
    c->failed = true;
    int n = snprintf(c->err, c->errlen, "event %zu: ", c->cur_ev);
    if (n < 0 || (size_t)n >= c->errlen)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}

static unsigned width(IrType t)
{
    return (t == IR_I32 || t == IR_F32) ? 32 : 64;
}

static uint64_t mask(unsigned bits)
{
    return bits >= 64 ? ~0ull : (1ull << bits) - 1;
}

static Val narrow(Val v, unsigned w)
{
    if (v.kind == V_POISON)
        return v;
    if (v.bits > w)
        v.bits = (uint8_t)w;
    if (v.kind == V_CONST)
        v.x &= mask(v.bits);
    return v;
}

static Val fresh(Chk *c, unsigned bits)
{
    return (Val){ .kind = V_SYM, .bits = (uint8_t)bits, .x = c->next_sym++ };
}

static void show(char *buf, size_t n, Val v)
{
    if (v.kind == V_POISON)
        snprintf(buf, n, "poison");
    else if (v.kind == V_SYM)
        snprintf(buf, n, "s%llu/%u", (unsigned long long)v.x, v.bits);
    else
        snprintf(buf, n, "0x%llx/%u", (unsigned long long)v.x, v.bits);
}

/* Does HAVE hold EXP, a value of W bits?  An undefined EXP always does. */
static bool holds(Val have, Val exp, unsigned w)
{
    if (exp.kind == V_POISON)
        return true;
    if (have.kind != exp.kind || have.bits < w)
        return false;
    if (have.kind == V_SYM)
        return have.x == exp.x;
    return ((have.x ^ exp.x) & mask(w)) == 0;
}

static const char *opname(const IrOp *op)
{
    return ir_op_info[op->opc].name;
}

/* The flags the contract applies: a call's helper may relax rglob/wglob. */
static uint32_t op_flags(const IrOp *op)
{
    uint32_t f = ir_op_info[op->opc].flags;
    if (f & IR_OPF_CALL) {
        const IrHelper *hp = op->args[op->nb_out + op->nb_in].helper;
        if (hp && (hp->flags & IR_HELPER_NO_RGLOB))
            f &= ~IR_OPF_RGLOB;
        if (hp && (hp->flags & IR_HELPER_NO_WGLOB))
            f &= ~IR_OPF_WGLOB;
    }
    return f;
}

static bool reg_ok(Chk *c, int reg, IrType t, const char *what)
{
    if (reg < 0 || reg >= IR_X86_NB_REGS)
        return fail(c, "%s: register %d out of range", what, reg);
    if (!((c->avail >> reg) & 1))
        return fail(c, "%s: register %s is not allocatable", what,
                    ir_x86_reg_names[reg]);
    bool fp = ir_type_class(t) == IR_TC_FP;
    if (fp != (reg >= IR_X86_XMM0))
        return fail(c, "%s: register %s for a %s value", what,
                    ir_x86_reg_names[reg], ir_type_names[t]);
    return true;
}

/* The memory cell at [base + off], which must be a global of type T or a
 * spill slot. */
static Val *cell(Chk *c, int base, int32_t off, IrType t)
{
    const RaHost *h = c->h;
    if (base == h->env_reg) {
        for (uint32_t g = 1; g <= c->ctx->nb_globals; g++) {
            if (c->ctx->temps[g].offset != off)
                continue;
            if (c->ctx->temps[g].type != t) {
                fail(c, "env+%d accessed as %s, global %s is %s", off,
                     ir_type_names[t], c->ctx->temps[g].name,
                     ir_type_names[c->ctx->temps[g].type]);
                return NULL;
            }
            return &c->env[g];
        }
        fail(c, "env+%d is not a global", off);
        return NULL;
    }
    if (base == h->frame_reg) {
        int32_t rel = off - h->frame_offset;
        if (rel < 0 || rel >= h->frame_size || rel % 8) {
            fail(c, "frame slot %d outside the spill area", off);
            return NULL;
        }
        return &c->frame[rel / 8];
    }
    fail(c, "memory access based on %s", base >= 0 && base < 32
         ? ir_x86_reg_names[base] : "?");
    return NULL;
}

/* A global's home: its register when pinned (IrTempInfo.fixed_reg),
 * else its field in env; IN_ENV: the env field regardless. */
static Val *home(Chk *c, uint32_t g, bool in_env)
{
    int p = c->ctx->temps[g].fixed_reg;
    return (p >= 0 && !in_env) ? &c->regs[p] : &c->env[g];
}

/* Every global's home holds its value; IN_ENV: every global's env field
 * (before an op that reads the CPU state: pinned ones too). */
static bool check_globals_in(Chk *c, const char *where, bool in_env)
{
    for (uint32_t g = 1; g <= c->ctx->nb_globals; g++) {
        IrType t = (IrType)c->ctx->temps[g].type;
        Val *v = home(c, g, in_env);
        if (!holds(*v, c->exp[g], width(t))) {
            char a[40], b[40];
            show(a, sizeof(a), *v);
            show(b, sizeof(b), c->exp[g]);
            return fail(c, "%s: global %s in %s is %s, must be %s",
                        where, c->ctx->temps[g].name,
                        v == &c->env[g] ? "memory" : "its pinned register",
                        a, b);
        }
    }
    return true;
}

static bool check_globals_mem(Chk *c, const char *where)
{
    return check_globals_in(c, where, false);
}

/* Poisons every register but the pinned globals' homes. */
static void poison_regs(Chk *c)
{
    for (int r = 0; r < IR_X86_NB_REGS; r++)
        c->regs[r] = (Val){ .kind = V_POISON };
    for (uint32_t g = 1; g <= c->ctx->nb_globals; g++)
        if (c->ctx->temps[g].fixed_reg >= 0)
            c->regs[c->ctx->temps[g].fixed_reg] = c->exp[g];
}

/* IR ops the allocator handles without the backend. */
static bool apply_silent(Chk *c, size_t j)
{
    const IrOp *op = &c->ctx->ops[j];
    if (op->opc == IR_OP_nop)
        return true;
    if (op->opc == IR_OP_mov) {
        c->exp[op->args[0].temp.id] = c->exp[op->args[1].temp.id];
        return true;
    }
    if (op->opc == IR_OP_discard) {
        uint32_t t = op->args[0].temp.id;
        uint8_t k = c->ctx->temps[t].kind;
        if (k == IR_TEMP_TB || k == IR_TEMP_BB)
            c->exp[t] = (Val){ .kind = V_POISON };
        return true;
    }
    return fail(c, "op %zu (%s) was not emitted", j, opname(op));
}

static bool imm_ok(unsigned kinds, IrType t, uint64_t v)
{
    if (kinds & IR_IMM_ANY)
        return true;
    if (t == IR_I32) {
        if (kinds & (IR_IMM_S32 | IR_IMM_U32))
            return true;
        return (kinds & IR_IMM_U8) && (uint32_t)v <= 255;
    }
    return ((kinds & IR_IMM_U8) && v <= 255) ||
           ((kinds & IR_IMM_S32) && (int64_t)v >= INT32_MIN &&
            (int64_t)v <= INT32_MAX) ||
           ((kinds & IR_IMM_U32) && v <= UINT32_MAX);
}

static bool check_inputs(Chk *c, const IrOp *op, const RaEvent *e)
{
    const IrConsSet *cs = e->cs;
    unsigned nout = op->nb_out, nin = op->nb_in;
    for (unsigned k = 0; k < nin; k++) {
        const IrArgCons *ac = &cs->args[cs->nb_out + k];
        const RaArg *a = &e->args[nout + k];
        uint32_t t = op->args[nout + k].temp.id;
        IrType ty = ir_temp_type(c->ctx, op->args[nout + k].temp);
        Val want = c->exp[t];
        char a1[40], b1[40];
        if (a->reg < 0) {
            if (!a->is_const || !ac->imm || ac->tie >= 0)
                return fail(c, "op %u (%s) input %u: immediate not allowed",
                            e->op_index, opname(op), k);
            uint64_t bits = (uint64_t)a->val & mask(width(ty));
            if (want.kind != V_CONST || !holds((Val){ V_CONST, 64, bits },
                                               want, width(ty)))
                return fail(c, "op %u (%s) input %u: immediate 0x%llx is "
                            "not the value", e->op_index, opname(op), k,
                            (unsigned long long)a->val);
            if (ty == IR_I32 && a->val != (int64_t)(int32_t)a->val)
                return fail(c, "op %u (%s) input %u: i32 immediate not "
                            "sign-extended", e->op_index, opname(op), k);
            if (!imm_ok(ac->imm, ty, (uint64_t)a->val))
                return fail(c, "op %u (%s) input %u: immediate 0x%llx of a "
                            "kind the constraint does not allow",
                            e->op_index, opname(op), k,
                            (unsigned long long)a->val);
            continue;
        }
        if (!reg_ok(c, a->reg, ty, "op input"))
            return false;
        if (!((ac->regs >> a->reg) & 1))
            return fail(c, "op %u (%s) input %u in %s, not allowed",
                        e->op_index, opname(op), k,
                        ir_x86_reg_names[a->reg]);
        if (((cs->clobber >> a->reg) & 1) && !ac->fixed)
            return fail(c, "op %u (%s) input %u in clobbered %s",
                        e->op_index, opname(op), k,
                        ir_x86_reg_names[a->reg]);
        if (!holds(c->regs[a->reg], want, width(ty))) {
            show(a1, sizeof(a1), c->regs[a->reg]);
            show(b1, sizeof(b1), want);
            return fail(c, "op %u (%s) input %u: %s holds %s, must be %s",
                        e->op_index, opname(op), k,
                        ir_x86_reg_names[a->reg], a1, b1);
        }
        if (ac->tie >= 0 && (unsigned)ac->tie < nout &&
            e->args[ac->tie].reg != a->reg)
            return fail(c, "op %u (%s) input %u tied to output %d: %s vs %s",
                        e->op_index, opname(op), k, ac->tie,
                        ir_x86_reg_names[a->reg],
                        e->args[ac->tie].reg >= 0
                        ? ir_x86_reg_names[e->args[ac->tie].reg] : "-");
    }
    return true;
}

static bool check_outputs(Chk *c, const IrOp *op, const RaEvent *e)
{
    const IrConsSet *cs = e->cs;
    unsigned nout = op->nb_out, nin = op->nb_in;
    for (unsigned o = 0; o < nout; o++) {
        const IrArgCons *oc = &cs->args[o];
        int r = e->args[o].reg;
        IrType ty = ir_temp_type(c->ctx, op->args[o].temp);
        if (!reg_ok(c, r, ty, "op output"))
            return false;
        if (!((oc->regs >> r) & 1))
            return fail(c, "op %u (%s) output %u in %s, not allowed",
                        e->op_index, opname(op), o, ir_x86_reg_names[r]);
        for (unsigned o2 = 0; o2 < o; o2++)
            if (e->args[o2].reg == r)
                return fail(c, "op %u (%s): two outputs in %s", e->op_index,
                            opname(op), ir_x86_reg_names[r]);
        if (!oc->newreg)
            continue;
        for (unsigned k = 0; k < nin; k++)
            if ((int)k != oc->tie && e->args[nout + k].reg == r)
                return fail(c, "op %u (%s): new-register output in %s, "
                            "the register of input %u", e->op_index,
                            opname(op), ir_x86_reg_names[r], k);
    }
    for (unsigned s = 0; s < cs->nb_scratch; s++) {
        const IrArgCons *sc = &cs->args[cs->nb_out + cs->nb_in + s];
        int r = e->args[nout + nin + s].reg;
        IrType ty = sc->cls == IR_RC_XMM ? IR_F64 : IR_I64;
        if (!reg_ok(c, r, ty, "op scratch"))
            return false;
        if (!((sc->regs >> r) & 1))
            return fail(c, "op %u (%s) scratch in %s, not allowed",
                        e->op_index, opname(op), ir_x86_reg_names[r]);
        for (unsigned a = 0; a < nout + nin + s; a++)
            if (e->args[a].reg == r)
                return fail(c, "op %u (%s): scratch %s shared with "
                            "operand %u", e->op_index, opname(op),
                            ir_x86_reg_names[r], a);
    }
    return true;
}

static Flow branch(Chk *c, const IrOp *op, uint32_t f, int mode,
                   uint32_t *label)
{
    const IrOpInfo *info = &ir_op_info[op->opc];
    for (unsigned k = 0; k < op->nb_const; k++)
        if (info->const_kinds[k] == IR_CK_LABEL)
            *label = op->args[op->nb_out + op->nb_in + k].label.id;
    if (f & IR_OPF_NORETURN)
        return FLOW_JUMP;
    bool take;
    if (mode == 0)
        take = false;
    else if (mode == 1)
        take = true;
    else {
        c->rng = c->rng * 6364136223846793005ull + 1442695040888963407ull;
        take = (c->rng >> 33) & 1;
    }
    (void)c;
    return take ? FLOW_JUMP : FLOW_NEXT;
}

static Flow exec_op(Chk *c, const RaEvent *e, int mode, uint32_t *label)
{
    const IrOp *op = &c->ctx->ops[e->op_index];
    uint32_t f = op_flags(op);
    if (f & IR_OPF_META) {
        if (e->cs) {
            fail(c, "meta op %u (%s) with a constraint set", e->op_index,
                 opname(op));
            return FLOW_END;
        }
        if (op->opc == IR_OP_set_label) {
            if (!check_globals_mem(c, "set_label"))
                return FLOW_END;
            poison_regs(c);
        } else if (op->opc != IR_OP_insn_start) {
            fail(c, "meta op %u (%s) sent to the backend", e->op_index,
                 opname(op));
        }
        return FLOW_NEXT;
    }
    if (op->opc == IR_OP_mov) {
        fail(c, "mov op %u sent to the backend", e->op_index);
        return FLOW_END;
    }
    const IrConsSet *cs = ir_cons_select((IrOpcode)op->opc, (IrType)op->type,
                                         c->h->features);
    if (e->cs != cs) {
        fail(c, "op %u (%s): not the constraint set for these features",
             e->op_index, opname(op));
        return FLOW_END;
    }
    if (e->nargs != op->nb_out + op->nb_in + cs->nb_scratch) {
        fail(c, "op %u (%s): %u operands", e->op_index, opname(op), e->nargs);
        return FLOW_END;
    }
    if (!check_inputs(c, op, e) || !check_outputs(c, op, e))
        return FLOW_END;
    if ((f & (IR_OPF_RGLOB | IR_OPF_FAULT | IR_OPF_TB_EXIT |
              IR_OPF_BB_END)) && !check_globals_mem(c, opname(op)))
        return FLOW_END;
    if ((f & IR_OPF_RGLOB) && !check_globals_in(c, opname(op), true))
        return FLOW_END;

    /* the op's effects */
    for (int r = 0; r < IR_X86_NB_REGS; r++)
        if ((cs->clobber >> r) & 1)
            c->regs[r] = (Val){ .kind = V_POISON };
    for (unsigned s = 0; s < cs->nb_scratch; s++)
        c->regs[e->args[op->nb_out + op->nb_in + s].reg] =
            (Val){ .kind = V_POISON };
    if (f & IR_OPF_WGLOB)
        for (uint32_t g = 1; g <= c->ctx->nb_globals; g++)
            c->exp[g] = c->env[g] =
                fresh(c, width((IrType)c->ctx->temps[g].type));
    for (unsigned o = 0; o < op->nb_out; o++) {
        IrTemp t = op->args[o].temp;
        Val v = fresh(c, width(ir_temp_type(c->ctx, t)));
        c->regs[e->args[o].reg] = v;
        c->exp[t.id] = v;
    }
    if (f & IR_OPF_BRANCH)
        return branch(c, op, f, mode, label);
    return (f & IR_OPF_NORETURN) ? FLOW_END : FLOW_NEXT;
}

static bool exec_move(Chk *c, const RaEvent *e)
{
    IrType t = (IrType)e->type;
    unsigned w = width(t);
    Val *p;
    switch (e->kind) {
    case RA_EV_MOV:
        if (!reg_ok(c, e->reg, t, "mov dst") ||
            !reg_ok(c, e->reg2, t, "mov src"))
            return false;
        c->regs[e->reg] = narrow(c->regs[e->reg2], w);
        return true;
    case RA_EV_MOVI:
        if (!reg_ok(c, e->reg, t, "movi dst"))
            return false;
        c->regs[e->reg] = (Val){ V_CONST, (uint8_t)w, e->val & mask(w) };
        return true;
    case RA_EV_LOAD:
        if (!reg_ok(c, e->reg, t, "load dst") ||
            !(p = cell(c, e->reg2, e->off, t)))
            return false;
        c->regs[e->reg] = narrow(*p, w);
        return true;
    default:
        if (!reg_ok(c, e->reg, t, "store src") ||
            !(p = cell(c, e->reg2, e->off, t)))
            return false;
        *p = narrow(c->regs[e->reg], w);
        return true;
    }
}

static void path_init(Chk *c)
{
    const IrCtx *ctx = c->ctx;
    for (int r = 0; r < IR_X86_NB_REGS; r++)
        c->regs[r] = (Val){ .kind = V_POISON };
    for (int32_t s = 0; s < c->h->frame_size / 8; s++)
        c->frame[s] = (Val){ .kind = V_POISON };
    c->next_sym = 1000000;
    for (uint32_t t = 0; t < ctx->nb_temps; t++) {
        const IrTempInfo *ti = &ctx->temps[t];
        unsigned w = width((IrType)ti->type);
        if (t >= 1 && t <= ctx->nb_globals) {
            c->exp[t] = c->env[t] = (Val){ V_SYM, (uint8_t)w, t };
            if (ti->fixed_reg >= 0)     /* the prologue loaded it */
                c->regs[ti->fixed_reg] = c->exp[t];
        }
        else if (t && ti->kind == IR_TEMP_CONST)
            c->exp[t] = (Val){ V_CONST, (uint8_t)w, ti->val & mask(w) };
        else
            c->exp[t] = (Val){ .kind = V_POISON };
    }
}

static bool run_path(Chk *c, int mode)
{
    const RaMock *m = c->m;
    size_t ir_next = 0, steps = 0, max_steps = 20 * m->nb_ev + 1000;
    path_init(c);
    for (size_t pc = 0; pc < m->nb_ev; pc++) {
        c->cur_ev = pc;
        if (++steps > max_steps)
            return true;           /* a loop: enough of this path */
        const RaEvent *e = &m->ev[pc];
        if (e->kind != RA_EV_OP) {
            if (!exec_move(c, e))
                return false;
            continue;
        }
        for (; ir_next < e->op_index; ir_next++)
            if (!apply_silent(c, ir_next))
                return false;
        ir_next = e->op_index + 1;
        uint32_t label = 0;
        Flow fl = exec_op(c, e, mode, &label);
        if (c->failed)
            return false;
        if (fl == FLOW_END)
            return true;
        if (fl == FLOW_JUMP) {
            if (!label || label >= c->ctx->nb_labels ||
                c->label_ev[label] == SIZE_MAX)
                return fail(c, "branch to an unplaced label");
            pc = c->label_ev[label] - 1;
            ir_next = c->m->ev[c->label_ev[label]].op_index;
        }
    }
    for (; ir_next < c->ctx->nb_ops; ir_next++)
        if (!apply_silent(c, ir_next))
            return false;
    return true;
}

/* Every op the backend must see appears once, in order. */
static bool check_linear(Chk *c)
{
    const RaMock *m = c->m;
    size_t next = 0;
    for (size_t i = 0; i < m->nb_ev; i++) {
        const RaEvent *e = &m->ev[i];
        c->cur_ev = i;
        if (e->kind != RA_EV_OP)
            continue;
        if (e->op_index < next || e->op_index >= c->ctx->nb_ops)
            return fail(c, "op %u emitted out of order", e->op_index);
        for (; next < e->op_index; next++) {
            uint16_t opc = c->ctx->ops[next].opc;
            if (opc != IR_OP_nop && opc != IR_OP_mov && opc != IR_OP_discard)
                return fail(c, "op %zu (%s) was not emitted", next,
                            opname(&c->ctx->ops[next]));
        }
        next = e->op_index + 1;
        const IrOp *op = &c->ctx->ops[e->op_index];
        if (op->opc == IR_OP_set_label)
            c->label_ev[op->args[0].label.id] = i;
    }
    for (; next < c->ctx->nb_ops; next++) {
        uint16_t opc = c->ctx->ops[next].opc;
        if (opc != IR_OP_nop && opc != IR_OP_mov && opc != IR_OP_discard)
            return fail(c, "op %zu (%s) was not emitted", next,
                        opname(&c->ctx->ops[next]));
    }
    return true;
}

bool ra_check(const RaMock *m, unsigned npaths, uint64_t seed, char *err,
              size_t errlen)
{
    const IrCtx *ctx = m->ctx;
    Chk c = {
        .m = m, .ctx = ctx, .h = &m->host, .err = err, .errlen = errlen,
        .rng = seed | 1,
    };
    c.avail = m->host.allocatable & ~m->host.reserved &
              ~(1u << m->host.env_reg) & ~(1u << m->host.frame_reg) &
              ~(1u << IR_X86_RSP);
    c.env = calloc(ctx->nb_temps + 1, sizeof(Val));
    c.exp = calloc(ctx->nb_temps + 1, sizeof(Val));
    c.frame = calloc((size_t)m->host.frame_size / 8 + 1, sizeof(Val));
    c.label_ev = malloc((ctx->nb_labels + 1) * sizeof(size_t));
    if (!c.env || !c.exp || !c.frame || !c.label_ev)
        abort();
    for (uint32_t l = 0; l <= ctx->nb_labels; l++)
        c.label_ev[l] = SIZE_MAX;
    if (errlen)
        err[0] = 0;

    bool ok = check_linear(&c);
    for (unsigned p = 0; ok && p < npaths; p++)
        ok = run_path(&c, p < 2 ? (int)p : 2);

    free(c.env);
    free(c.exp);
    free(c.frame);
    free(c.label_ev);
    return ok && !c.failed;
}
