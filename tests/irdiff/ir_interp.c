/*
 * The IR reference interpreter's executor: checks the context once (types
 * of operands against ir_op_info, labels, constants), then walks the ops,
 * keeping TB and BB temps in an array and globals in the env buffer, and
 * dispatches each op to the semantics in interp_int.c, interp_fp.c and
 * interp_mem.c.  Control flow: brcond/br jump to their label's set_label;
 * goto_tb (never patched here) falls through; exit_tb and goto_ptr end
 * the run.  Basic-block temps become undefined at every set_label and
 * after every bb_end op, discarded temps at their discard, so a read of
 * either is reported as an error (docs/ir.md, src/ir/ir.h).
 */
#include "ir_interp.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp_fp.h"
#include "interp_int.h"
#include "interp_mem.h"

typedef struct Interp {
    const IrCtx *ctx;
    const IrInterpConfig *cfg;
    IrInterpResult *res;
    uint64_t *val;          /* per temp id */
    uint8_t *def;           /* per temp id: holds a value */
    uint8_t *listed;        /* per temp id: in bb_defined */
    uint32_t *bb_defined;   /* BB temps currently holding a value */
    size_t nb_bb_defined;
    int32_t *label_at;      /* per label id: op index of its set_label */
    size_t pc;
    bool failed;
} Interp;

typedef enum Flow { FLOW_NEXT, FLOW_JUMP, FLOW_EXIT } Flow;

const char *ir_exit_kind_name(IrExitKind k)
{
    static const char *const names[] = {
        "exit_tb", "goto_ptr", "fault", "end", "step-limit", "error",
    };
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

static Flow fail(Interp *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static Flow fail(Interp *s, const char *fmt, ...)
{
    if (!s->failed) {
        va_list ap;
        int n = snprintf(s->res->err, sizeof s->res->err, "op %zu (%s): ",
                         s->pc, s->pc < s->ctx->nb_ops
                                    ? ir_op_info[s->ctx->ops[s->pc].opc].name
                                    : "-");
        va_start(ap, fmt);
        if (n > 0 && (size_t)n < sizeof s->res->err)
            vsnprintf(s->res->err + n, sizeof s->res->err - (size_t)n, fmt, ap);
        va_end(ap);
        s->failed = true;
        s->res->kind = IR_EXIT_ERROR;
        s->res->op_index = s->pc;
    }
    return FLOW_EXIT;
}

static unsigned type_size(IrType t)
{
    return t == IR_I32 || t == IR_F32 ? 4 : 8;
}

static unsigned width(IrType t)
{
    return type_size(t) * 8;
}

/* ---- temps -------------------------------------------------------------- */

static bool env_range(Interp *s, int64_t ofs, unsigned size)
{
    if (ofs < -(int64_t)s->cfg->env_neg ||
        ofs + (int64_t)size > (int64_t)s->cfg->env_size) {
        fail(s, "env access [%lld, +%u) outside the env [-%zu, %zu)",
             (long long)ofs, size, s->cfg->env_neg, s->cfg->env_size);
        return false;
    }
    return true;
}

static uint64_t rd(Interp *s, IrTemp t)
{
    const IrTempInfo *ti = &s->ctx->temps[t.id];
    uint64_t v = 0;
    switch (ti->kind) {
    case IR_TEMP_GLOBAL:
        if (env_range(s, ti->offset, type_size(ti->type)))
            memcpy(&v, (char *)s->cfg->env + ti->offset, type_size(ti->type));
        return v;
    case IR_TEMP_CONST:
        return ti->val & ii_mask(width(ti->type));
    default:
        if (!s->def[t.id])
            fail(s, "reads temp %u (%s) that holds no value here", t.id,
                 ti->kind == IR_TEMP_BB ? "bb" : "tb");
        return s->val[t.id];
    }
}

static void wr(Interp *s, IrTemp t, uint64_t v)
{
    const IrTempInfo *ti = &s->ctx->temps[t.id];
    v &= ii_mask(width(ti->type));
    switch (ti->kind) {
    case IR_TEMP_GLOBAL:
        if (env_range(s, ti->offset, type_size(ti->type)))
            memcpy((char *)s->cfg->env + ti->offset, &v, type_size(ti->type));
        return;
    case IR_TEMP_CONST:
        fail(s, "writes constant temp %u", t.id);
        return;
    case IR_TEMP_BB:
        if (!s->listed[t.id]) {
            s->listed[t.id] = 1;
            s->bb_defined[s->nb_bb_defined++] = t.id;
        }
        /* fall through */
    default:
        s->def[t.id] = 1;
        s->val[t.id] = v;
    }
}

/* The end of a basic block: BB temps lose their values. */
static void kill_bb_temps(Interp *s)
{
    for (size_t i = 0; i < s->nb_bb_defined; i++)
        s->def[s->bb_defined[i]] = s->listed[s->bb_defined[i]] = 0;
    s->nb_bb_defined = 0;
}

/* ---- static checks ------------------------------------------------------ */

static bool type_ok(uint8_t mask, IrType op_type, IrType t)
{
    if (mask == IR_TM_OP)
        return t == op_type;
    return (mask >> t) & 1;
}

static bool check_const(Interp *s, const IrOp *op, unsigned i)
{
    const IrArg *c = &op->args[op->nb_out + op->nb_in + i];
    switch ((IrConstKind)ir_op_info[op->opc].const_kinds[i]) {
    case IR_CK_COND:
        if (c->imm < 0 || c->imm >= IR_COND_COUNT)
            return fail(s, "bad condition %lld", (long long)c->imm), false;
        break;
    case IR_CK_MEMOP:
        if (c->imm < 0 || c->imm > 31)
            return fail(s, "bad memop %lld", (long long)c->imm), false;
        break;
    case IR_CK_BARRIER:
        if (c->imm < 1 || c->imm > IR_BAR_ALL)
            return fail(s, "bad barrier %lld", (long long)c->imm), false;
        break;
    case IR_CK_ROUND:
        if (!(c->imm >= 0 && c->imm <= 3) && c->imm != IR_RM_DYN)
            return fail(s, "bad rounding mode %lld", (long long)c->imm), false;
        break;
    case IR_CK_FMANEG:
        if (c->imm < 0 || c->imm > 3)
            return fail(s, "bad fma negation %lld", (long long)c->imm), false;
        break;
    case IR_CK_LABEL:
        if (c->label.id == 0 || c->label.id >= s->ctx->nb_labels)
            return fail(s, "bad label %u", c->label.id), false;
        break;
    case IR_CK_HELPER:
        if (!c->helper || !c->helper->func)
            return fail(s, "call without a helper function"), false;
        break;
    default:
        break;
    }
    return true;
}

static bool check_op(Interp *s, const IrOp *op)
{
    if (op->opc >= IR_OP_COUNT)
        return fail(s, "bad opcode %u", op->opc), false;
    const IrOpInfo *info = &ir_op_info[op->opc];
    if (op->type >= IR_TYPE_COUNT || !((info->types >> op->type) & 1))
        return fail(s, "type %u not allowed", op->type), false;
    bool counts_ok = info->var_out ? op->nb_out <= info->nb_out
                                   : op->nb_out == info->nb_out;
    counts_ok = counts_ok && (info->var_in ? op->nb_in <= info->nb_in
                                           : op->nb_in == info->nb_in);
    if (!counts_ok || op->nb_const != info->nb_const)
        return fail(s, "argument counts %u/%u/%u", op->nb_out, op->nb_in,
                    op->nb_const), false;
    if (op->opc == IR_OP_call && (op->type == IR_VOID) != (op->nb_out == 0))
        return fail(s, "call result does not match its type"), false;
    for (unsigned i = 0; i < (unsigned)op->nb_out + op->nb_in; i++) {
        IrTemp t = op->args[i].temp;
        unsigned pos = i < op->nb_out ? i : info->nb_out + (i - op->nb_out);
        if (t.id == 0 || t.id >= s->ctx->nb_temps)
            return fail(s, "argument %u: bad temp %u", i, t.id), false;
        IrType tt = ir_temp_type(s->ctx, t);
        if (!type_ok(info->arg_types[pos], (IrType)op->type, tt))
            return fail(s, "argument %u: temp %u has type %s", i, t.id,
                        ir_type_names[tt]), false;
        if (i < op->nb_out && ir_temp_is_const(s->ctx, t))
            return fail(s, "output is a constant"), false;
    }
    for (unsigned i = 0; i < op->nb_const; i++)
        if (!check_const(s, op, i))
            return false;
    return true;
}

static bool prepare(Interp *s)
{
    const IrCtx *ctx = s->ctx;
    for (uint32_t l = 0; l < ctx->nb_labels; l++)
        s->label_at[l] = -1;
    for (size_t i = 0; i < ctx->nb_ops; i++) {
        const IrOp *op = &ctx->ops[i];
        s->pc = i;
        if (!check_op(s, op))
            return false;
        if (op->opc == IR_OP_set_label) {
            uint32_t l = op->args[0].label.id;
            if (s->label_at[l] >= 0)
                return fail(s, "label %u set twice", l), false;
            s->label_at[l] = (int32_t)i;
        }
    }
    for (size_t i = 0; i < ctx->nb_ops; i++) {
        const IrOp *op = &ctx->ops[i];
        s->pc = i;
        if ((ir_op_info[op->opc].flags & IR_OPF_BRANCH) &&
            s->label_at[op->args[op->nb_out + op->nb_in + op->nb_const - 1]
                            .label.id] < 0)
            return fail(s, "branch to a label that is never set"), false;
    }
    return true;
}

/* ---- memory ------------------------------------------------------------- */

static bool mop_fits(Interp *s, const IrOp *op, IrMemOp mop)
{
    IrType t = (IrType)op->type;
    if (ir_type_class(t) == IR_TC_FP) {
        if (ir_memop_size(mop) != type_size(t) || (mop & IR_MO_SIGN))
            return fail(s, "memop %u does not fit %s", mop, ir_type_names[t]),
                   false;
    } else if (ir_memop_size(mop) > type_size(t)) {
        return fail(s, "memop %u wider than %s", mop, ir_type_names[t]), false;
    }
    return true;
}

/* The host address of a guest access, or NULL after a fault. */
static void *guest_addr(Interp *s, uint64_t addr, IrMemOp mop)
{
    unsigned size = ir_memop_size(mop);
    const IrInterpConfig *c = s->cfg;
    bool bad = (mop & IR_MO_ALIGN) && (addr & (size - 1));
    if (c->guest_hi)
        bad = bad || addr < c->guest_lo || addr > c->guest_hi - size;
    if (bad) {
        s->res->kind = IR_EXIT_FAULT;
        s->res->value = addr;
        s->res->op_index = s->pc;
        return NULL;
    }
    return (void *)(c->guest_base + (uintptr_t)addr);
}

static Flow exec_memory(Interp *s, const IrOp *op)
{
    const IrArg *a = op->args;
    IrType t = (IrType)op->type;
    unsigned w = width(t);
    IrMemOp mop;
    void *p;
    uint64_t v;

    switch (op->opc) {
    case IR_OP_ld_env:
        mop = (IrMemOp)a[2].imm;
        if (!mop_fits(s, op, mop) ||
            !env_range(s, a[1].imm, ir_memop_size(mop)))
            return FLOW_EXIT;
        v = im_load_raw((char *)s->cfg->env + a[1].imm, mop);
        wr(s, a[0].temp, ir_type_class(t) == IR_TC_FP ? v : im_extend(v, mop, w));
        return FLOW_NEXT;
    case IR_OP_st_env:
        mop = (IrMemOp)a[2].imm;
        v = rd(s, a[0].temp);
        if (!mop_fits(s, op, mop) ||
            !env_range(s, a[1].imm, ir_memop_size(mop)))
            return FLOW_EXIT;
        im_store((char *)s->cfg->env + a[1].imm, mop, v);
        return FLOW_NEXT;
    case IR_OP_ld_guest:
        mop = (IrMemOp)a[2].imm;
        v = rd(s, a[1].temp);
        if (!mop_fits(s, op, mop))
            return FLOW_EXIT;
        if (!(p = guest_addr(s, v, mop)))
            return FLOW_EXIT;
        v = im_load_raw(p, mop);
        wr(s, a[0].temp, ir_type_class(t) == IR_TC_FP ? v : im_extend(v, mop, w));
        return FLOW_NEXT;
    case IR_OP_st_guest:
        mop = (IrMemOp)a[2].imm;
        v = rd(s, a[0].temp);
        if (!mop_fits(s, op, mop))
            return FLOW_EXIT;
        if (!(p = guest_addr(s, rd(s, a[1].temp), mop)))
            return FLOW_EXIT;
        im_store(p, mop, v);
        return FLOW_NEXT;
    default:
        break;
    }
    /* atomics: d = addr, [cmpv,] v */
    bool is_cmpxchg = op->opc == IR_OP_cmpxchg;
    mop = (IrMemOp)a[op->nb_out + op->nb_in].imm;
    uint64_t addr = rd(s, a[1].temp);
    uint64_t cmpv = is_cmpxchg ? rd(s, a[2].temp) : 0;
    v = rd(s, a[is_cmpxchg ? 3 : 2].temp);
    if (!mop_fits(s, op, mop))
        return FLOW_EXIT;
    if (!(p = guest_addr(s, addr, mop)))
        return FLOW_EXIT;
    uint64_t old;
    if (!im_atomic((IrOpcode)op->opc, p, mop, w, cmpv, v, &old))
        return fail(s, "not an atomic");
    wr(s, a[0].temp, old);
    return FLOW_NEXT;
}

/* ---- the rest ----------------------------------------------------------- */

typedef uint64_t HelperFn(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t,
                          uint64_t);

static Flow exec_call(Interp *s, const IrOp *op)
{
    uint64_t args[6] = { 0 };
    for (unsigned i = 0; i < op->nb_in; i++)
        args[i] = rd(s, op->args[op->nb_out + i].temp);
    if (s->failed)
        return FLOW_EXIT;
    const IrHelper *h = op->args[op->nb_out + op->nb_in].helper;
    HelperFn *fn = (HelperFn *)h->func;
    uint64_t r = fn(args[0], args[1], args[2], args[3], args[4], args[5]);
    if (op->nb_out)
        wr(s, op->args[0].temp, r);
    return FLOW_NEXT;
}

static Flow jump(Interp *s, IrLabel l)
{
    s->pc = (size_t)s->label_at[l.id];
    return FLOW_JUMP;
}

static Flow exec_control(Interp *s, const IrOp *op)
{
    const IrArg *a = op->args;
    IrInterpResult *res = s->res;
    switch (op->opc) {
    case IR_OP_brcond: {
        uint64_t x = rd(s, a[0].temp), y = rd(s, a[1].temp);
        if (s->failed)
            return FLOW_EXIT;
        if (ii_cond((IrCond)a[2].imm, width((IrType)op->type), x, y))
            return jump(s, a[3].label);
        return FLOW_NEXT;
    }
    case IR_OP_br:
        return jump(s, a[0].label);
    case IR_OP_goto_tb:
        if (a[0].uimm > 1)
            return fail(s, "goto_tb slot %llu", (unsigned long long)a[0].uimm);
        return FLOW_NEXT;           /* unpatched: falls through */
    case IR_OP_exit_tb:
        res->kind = IR_EXIT_TB;
        res->value = a[0].uimm;
        res->op_index = s->pc;
        return FLOW_EXIT;
    case IR_OP_goto_ptr:
        res->value = rd(s, a[0].temp);
        if (s->failed)
            return FLOW_EXIT;
        res->kind = IR_EXIT_GOTO_PTR;
        res->op_index = s->pc;
        return FLOW_EXIT;
    case IR_OP_lookup_tb:
    case IR_OP_ras_lookup_tb: {     /* the same result, whatever it pops */
        uint64_t pc = rd(s, a[1].temp);
        res->looked_up = true;
        res->lookup_pc = pc;
        wr(s, a[0].temp, s->cfg->lookup
                             ? s->cfg->lookup(s->cfg->lookup_opaque, pc)
                             : IR_INTERP_LOOKUP_MISS);
        return FLOW_NEXT;
    }
    default:
        return fail(s, "not a control op");
    }
}

/* fcmp itof utof ftoi ftou fcvt bitcast_f2i bitcast_i2f */
static Flow exec_fp_convert(Interp *s, const IrOp *op)
{
    const IrArg *a = op->args;
    IrType t = (IrType)op->type;
    IrType st = ir_temp_type(s->ctx, a[1].temp);
    uint64_t x = rd(s, a[1].temp), r;
    bool b;
    if (s->failed)
        return FLOW_EXIT;
    switch (op->opc) {
    case IR_OP_fcmp:
        if (!if_cmp(t, (IrCond)a[3].imm, x, rd(s, a[2].temp), &b))
            return fail(s, "fcmp condition %lld", (long long)a[3].imm);
        r = b;
        break;
    case IR_OP_itof:
    case IR_OP_utof:
        r = if_itof(t, st, x, op->opc == IR_OP_utof);
        break;
    case IR_OP_ftoi:
    case IR_OP_ftou:
        r = if_ftoi(t, st, x, (IrRound)a[2].imm, op->opc == IR_OP_ftou);
        break;
    case IR_OP_fcvt:
        if (st == t)
            return fail(s, "fcvt between equal types");
        r = if_fcvt(t, st, x);
        break;
    case IR_OP_bitcast_f2i:
    case IR_OP_bitcast_i2f:
        if (type_size(st) != type_size(t))
            return fail(s, "bitcast between sizes");
        r = x;
        break;
    default:
        return fail(s, "not a conversion");
    }
    wr(s, a[0].temp, r);
    return FLOW_NEXT;
}

static Flow exec_int(Interp *s, const IrOp *op)
{
    const IrArg *a = op->args;
    IrType t = (IrType)op->type;
    unsigned w = width(t);
    uint64_t x, y, r;
    IrOpcode opc = (IrOpcode)op->opc;

    if (op->nb_in == 2 && op->nb_const == 0) {
        x = rd(s, a[1].temp);
        y = rd(s, a[2].temp);
        if (ii_binary(opc, w, x, y, &r))
            goto out;
        if (if_binary(opc, t, x, y, &r) || if_rv_binary(opc, t, x, y, &r))
            goto out;
    }
    if (op->nb_in == 1 && op->nb_const == 0) {
        x = rd(s, a[1].temp);
        if (ii_unary(opc, w, x, &r) || if_unary(opc, t, x, &r))
            goto out;
    }
    switch (opc) {
    case IR_OP_mov:
        r = rd(s, a[1].temp);
        break;
    case IR_OP_extract:
    case IR_OP_sextract:
    case IR_OP_deposit: {
        unsigned ofs = (unsigned)a[op->nb_out + op->nb_in].uimm;
        unsigned len = (unsigned)a[op->nb_out + op->nb_in + 1].uimm;
        if (len == 0 || ofs >= w || len > w - ofs)
            return fail(s, "field [%u, +%u) outside %u bits", ofs, len, w);
        x = rd(s, a[1].temp);
        if (opc == IR_OP_deposit)
            r = ii_deposit(w, x, rd(s, a[2].temp), ofs, len);
        else if (opc == IR_OP_extract)
            r = ii_extract(w, x, ofs, len);
        else
            r = ii_sextract(w, x, ofs, len);
        break;
    }
    case IR_OP_ext_i32_i64:
        r = (uint64_t)ii_sext(rd(s, a[1].temp), 32);
        break;
    case IR_OP_extu_i32_i64:
    case IR_OP_extrl_i64_i32:
        r = rd(s, a[1].temp) & 0xffffffffu;
        break;
    case IR_OP_extrh_i64_i32:
        r = rd(s, a[1].temp) >> 32;
        break;
    case IR_OP_setcond:
        r = ii_cond((IrCond)a[3].imm, w, rd(s, a[1].temp), rd(s, a[2].temp));
        break;
    case IR_OP_movcond:
        r = ii_cond((IrCond)a[5].imm, w, rd(s, a[1].temp), rd(s, a[2].temp))
                ? rd(s, a[3].temp) : rd(s, a[4].temp);
        break;
    case IR_OP_fma:
        r = if_fma(t, rd(s, a[1].temp), rd(s, a[2].temp), rd(s, a[3].temp),
                   (IrFmaNeg)a[4].imm);
        break;
    case IR_OP_fcanon:
        r = if_canon(t, rd(s, a[1].temp));
        break;
    case IR_OP_fcanon_fma:
        r = if_canon_fma(t, rd(s, a[1].temp), rd(s, a[2].temp),
                         rd(s, a[3].temp));
        break;
    case IR_OP_fbox:
        r = if_box(rd(s, a[1].temp));
        break;
    case IR_OP_funbox:
        r = if_unbox(rd(s, a[1].temp));
        break;
    default:
        return fail(s, "opcode not implemented by the interpreter");
    }
out:
    if (s->failed)
        return FLOW_EXIT;
    wr(s, a[0].temp, r);
    return FLOW_NEXT;
}

static Flow exec_op(Interp *s, const IrOp *op)
{
    switch (op->opc) {
    case IR_OP_nop:
    case IR_OP_insn_start:
    case IR_OP_mb:
        return FLOW_NEXT;
    case IR_OP_fsetrm:
        if_setrm((IrRound)op->args[0].imm);
        return FLOW_NEXT;
    case IR_OP_discard: {
        IrTemp t = op->args[0].temp;
        if (ir_temp_is_global(s->ctx, t) || ir_temp_is_const(s->ctx, t))
            return fail(s, "discard of a global or constant");
        s->def[t.id] = 0;
        return FLOW_NEXT;
    }
    case IR_OP_set_label:
        kill_bb_temps(s);
        return FLOW_NEXT;
    case IR_OP_brcond:
    case IR_OP_br:
    case IR_OP_goto_tb:
    case IR_OP_exit_tb:
    case IR_OP_goto_ptr:
    case IR_OP_lookup_tb:
    case IR_OP_ras_lookup_tb:
        return exec_control(s, op);
    case IR_OP_ras_push:            /* a hint: no effect (docs/ir.md) */
        return FLOW_NEXT;

    case IR_OP_call:
        return exec_call(s, op);
    case IR_OP_ld_env:
    case IR_OP_st_env:
    case IR_OP_ld_guest:
    case IR_OP_st_guest:
    case IR_OP_cmpxchg:
    case IR_OP_xchg:
    case IR_OP_fetch_add:
    case IR_OP_fetch_and:
    case IR_OP_fetch_or:
    case IR_OP_fetch_xor:
    case IR_OP_fetch_smin:
    case IR_OP_fetch_smax:
    case IR_OP_fetch_umin:
    case IR_OP_fetch_umax:
        return exec_memory(s, op);
    case IR_OP_fcmp:
    case IR_OP_itof:
    case IR_OP_utof:
    case IR_OP_ftoi:
    case IR_OP_ftou:
    case IR_OP_fcvt:
    case IR_OP_bitcast_f2i:
    case IR_OP_bitcast_i2f:
        return exec_fp_convert(s, op);
    default:
        return exec_int(s, op);
    }
}

bool ir_interp_run(const IrCtx *ctx, const IrInterpConfig *cfg,
                   IrInterpResult *res)
{
    Interp s = { .ctx = ctx, .cfg = cfg, .res = res };
    uint64_t limit = cfg->step_limit ? cfg->step_limit : 10000000;

    memset(res, 0, sizeof *res);
    res->kind = IR_EXIT_END;
    s.val = calloc(ctx->nb_temps + 1, sizeof *s.val);
    s.def = calloc(ctx->nb_temps + 1, 1);
    s.listed = calloc(ctx->nb_temps + 1, 1);
    s.bb_defined = calloc(ctx->nb_temps + 1, sizeof *s.bb_defined);
    s.label_at = calloc(ctx->nb_labels + 1, sizeof *s.label_at);
    if (!s.val || !s.def || !s.listed || !s.bb_defined || !s.label_at) {
        fail(&s, "out of memory");
        goto done;
    }
    if (!prepare(&s))
        goto done;
    for (s.pc = 0; s.pc < ctx->nb_ops;) {
        if (res->steps >= limit) {
            res->kind = IR_EXIT_STEP_LIMIT;
            res->op_index = s.pc;
            break;
        }
        res->steps++;
        const IrOp *op = &ctx->ops[s.pc];
        Flow f = exec_op(&s, op);
        if (s.failed || f == FLOW_EXIT)
            break;
        if (f == FLOW_NEXT) {
            if (ir_op_info[op->opc].flags & IR_OPF_BB_END)
                kill_bb_temps(&s);
            s.pc++;
        }
    }
    if (res->kind == IR_EXIT_END)
        res->op_index = ctx->nb_ops;
done:
    free(s.val);
    free(s.def);
    free(s.listed);
    free(s.bb_defined);
    free(s.label_at);
    return res->kind != IR_EXIT_ERROR;
}
