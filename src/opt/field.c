/*
 * Derived values: the forward pass remembers, per temp, when its value is a
 * bit field or a left shift of another temp that has not changed since
 * (OptDef; valid while the source's version and epoch match, like a copy
 * fact):
 *   extrl_i64_i32 d, x         d = field(x, 0, 32)
 *   extract/sextract d, x, o, l    d = (s)field(x, o, l)
 *   shr/sar d, a, c            d = a field of a's source, or of a
 *   shl d, a, c                d = a << c
 *   ext_i32_i64 d, a           d = sext32(x << c) if a = shl.i32(lo x, c)
 * The rules that use them (docs/optimizer.md):
 *   ext-field    ext_i32_i64/extu_i32_i64 of an i32 that is a field of an
 *                i64 x becomes one extract/sextract.i64 of x: the RISC-V
 *                frontend's W ops "extrl; shr.i32 c; ext" (srliw), "extrl;
 *                sar.i32 c; ext" (sraiw) and "extrl; ext" (sext.w) become
 *                a single shift or movsxd on x86-64;
 *   shift-field  shr/sar of a shl by no more than it shifted left is a
 *                field: slli+srli by 32 is zext.w, by 48 zext.h, slli+srai
 *                a sign extension (extract/sextract: movzx/movsx/mov r32);
 *                likewise extract/sextract of a left-shifted value, and
 *                of slliw's result within its low 32 bits (slliw+sraiw:
 *                the ext-field rule makes the sraiw a sextract first).
 *                When the shl overwrote its own operand (slli a0, a0, 32;
 *                srli a0, a0, 32), the old value is gone; the shl is then
 *                dropped if nothing but insn_start lies in between and the
 *                shr overwrites the same temp, so nobody sees the shl's
 *                result;
 *   w-widen      a W op whose operands are low halves of i64s (or
 *                constants) is done on the i64s, then sign-extended once
 *                (rule_w_widen below).
 */
#include "opt_int.h"

#include <string.h>

static IrTempKind kind_of(const OptState *st, uint32_t id)
{
    return (IrTempKind)st->ctx->temps[id].kind;
}

bool opt_def_of(const OptState *st, IrTemp t, bool allow_self, OptDef *def)
{
    if (kind_of(st, t.id) == IR_TEMP_CONST || !opt_fact_valid(st, t))
        return false;
    const OptFact *f = &st->facts[t.id];
    if (f->def_kind == OPT_DEF_NONE)
        return false;
    const OptFact *s = &st->facts[f->def_src];
    IrTempKind sk = kind_of(st, f->def_src);
    if (opt_cur_epoch(st, sk) != f->def_epoch)
        return false;
    bool self = false;
    if (s->version != f->def_version) {
        /* the source is this temp, written once since: by the def op */
        if (!allow_self || f->def_src != t.id ||
            s->version != f->def_version + 1)
            return false;
        self = true;
    }
    *def = (OptDef){ .kind = (OptDefKind)f->def_kind, .ofs = f->def_ofs,
                     .len = f->def_len, .src = { f->def_src }, .self = self,
                     .op = f->def_op };
    return true;
}

static bool is_field(OptDefKind k)
{
    return k == OPT_DEF_FIELD || k == OPT_DEF_SFIELD;
}

static OptDef field_def(OptDefKind kind, IrTemp src, unsigned ofs, unsigned len)
{
    return (OptDef){ .kind = kind, .src = src, .ofs = ofs, .len = len };
}

OptDef opt_def_output(const OptState *st, const IrOp *op, size_t i)
{
    OptDef none = { .kind = OPT_DEF_NONE }, r = none;
    if (op->nb_out != 1 || op->nb_in < 1 || op->type > IR_I64)
        return none;
    IrTemp a = ((IrOp *)op)->args[1].temp;
    if (kind_of(st, a.id) == IR_TEMP_CONST)
        return none;
    unsigned w = opt_type_bits((IrType)op->type);
    const IrArg *k = &op->args[op->nb_out + op->nb_in];
    uint64_t c;

    switch ((IrOpcode)op->opc) {
    case IR_OP_extrl_i64_i32:
        r = field_def(OPT_DEF_FIELD, a, 0, 32);
        break;
    case IR_OP_extract:
    case IR_OP_sextract:
        if (k[1].uimm == 0 || k[0].uimm + k[1].uimm > w)
            return none;
        r = field_def(op->opc == IR_OP_extract ? OPT_DEF_FIELD : OPT_DEF_SFIELD,
                      a, (unsigned)k[0].uimm, (unsigned)k[1].uimm);
        break;
    case IR_OP_shl:
    case IR_OP_shr:
    case IR_OP_sar: {
        if (!opt_const_of(st, ((IrOp *)op)->args[2].temp, &c))
            return none;
        c %= w;
        if (c == 0)
            return none;
        if (op->opc == IR_OP_shl) {
            r = (OptDef){ .kind = OPT_DEF_SHL, .src = a, .ofs = (unsigned)c };
            break;
        }
        bool sar = op->opc == IR_OP_sar;
        OptDef d;
        /* a field of a's source: a is (s)field(x, o, l) in w bits */
        if (opt_def_of(st, a, false, &d) && is_field(d.kind) && c < d.len) {
            bool top_is_sign = d.kind == OPT_DEF_SFIELD || d.len == w;
            if (d.kind == OPT_DEF_FIELD && d.len < w)   /* top bit 0 */
                r = field_def(OPT_DEF_FIELD, d.src, d.ofs + (unsigned)c,
                              d.len - (unsigned)c);
            else if (sar && top_is_sign)
                r = field_def(OPT_DEF_SFIELD, d.src, d.ofs + (unsigned)c,
                              d.len - (unsigned)c);
            else if (!sar && d.len == w)
                r = field_def(OPT_DEF_FIELD, d.src, d.ofs + (unsigned)c,
                              d.len - (unsigned)c);
            if (r.kind != OPT_DEF_NONE)
                break;
        }
        r = field_def(sar ? OPT_DEF_SFIELD : OPT_DEF_FIELD, a, (unsigned)c,
                      w - (unsigned)c);
        break;
    }
    case IR_OP_ext_i32_i64: {
        /* slliw: a = b << s in i32, b the low half of an i64 x */
        OptDef d, e;
        if (!opt_def_of(st, a, false, &d) || d.kind != OPT_DEF_SHL ||
            !opt_def_of(st, d.src, false, &e) || !is_field(e.kind) ||
            e.ofs != 0 || e.len != 32 ||
            ir_temp_type(st->ctx, e.src) != IR_I64)
            return none;
        r = (OptDef){ .kind = OPT_DEF_SHLW, .src = e.src, .ofs = d.ofs };
        break;
    }
    default:
        return none;
    }
    r.op = (uint32_t)i;
    return r;
}

void opt_def_record(OptState *st, IrTemp out, const OptDef *def, unsigned sb)
{
    OptFact *f = &st->facts[out.id];
    f->sb = (uint8_t)sb;
    f->def_kind = OPT_DEF_NONE;
    if (def->kind == OPT_DEF_NONE)
        return;
    IrTempKind sk = kind_of(st, def->src.id);
    f->def_kind = (uint8_t)def->kind;
    f->def_ofs = (uint8_t)def->ofs;
    f->def_len = (uint8_t)def->len;
    f->def_src = def->src.id;
    f->def_op = def->op;
    f->def_epoch = opt_cur_epoch(st, sk);
    /* the source's version before this op: one less if it is OUT itself,
     * just defined */
    f->def_version = st->facts[def->src.id].version - (def->src.id == out.id);
}

/* OP (one output) becomes "OPC.T d, x, ofs, len". */
static void to_field(IrOp *op, bool sign, IrTemp x, unsigned ofs, unsigned len)
{
    IrTemp d = op->args[0].temp;
    uint8_t type = op->type;
    memset(op, 0, sizeof(*op));
    op->opc = (uint16_t)(sign ? IR_OP_sextract : IR_OP_extract);
    op->type = type;
    op->nb_out = 1;
    op->nb_in = 1;
    op->nb_const = 2;
    op->args[0].temp = d;
    op->args[1].temp = x;
    op->args[2].uimm = ofs;
    op->args[3].uimm = len;
}

static bool rule_ext_field(OptState *st, IrOp *op)
{
    if (op->opc != IR_OP_ext_i32_i64 && op->opc != IR_OP_extu_i32_i64)
        return false;
    OptDef d;
    if (!opt_def_of(st, ir_op_in(op, 0)->temp, false, &d) ||
        !is_field(d.kind) || ir_temp_type(st->ctx, d.src) != IR_I64 ||
        d.len > 32)
        return false;
    bool sign;
    if (op->opc == IR_OP_ext_i32_i64)   /* from bit 31 of the i32 */
        sign = d.kind == OPT_DEF_SFIELD || d.len == 32;
    else if (d.kind == OPT_DEF_FIELD || d.len == 32)
        sign = false;
    else                                /* sign-extended to 32 only */
        return false;
    to_field(op, sign, d.src, d.ofs, d.len);
    return true;
}

/* Only insn_start and nop between ops J and I. */
static bool nothing_between(const OptState *st, size_t j, size_t i)
{
    for (size_t k = j + 1; k < i; k++) {
        IrOpcode o = (IrOpcode)st->ctx->ops[k].opc;
        if (o != IR_OP_insn_start && o != IR_OP_nop)
            return false;
    }
    return true;
}

/* extract/sextract d, y, ofs, len of y = x << s (or slliw's
 * sext32(x << s) when the field ends by bit 32), ofs >= s: the field
 * [ofs - s, ofs - s + len) of x. */
static bool rule_field_of_shl(OptState *st, IrOp *op)
{
    unsigned ofs = (unsigned)ir_op_const(op, 0)->uimm;
    unsigned len = (unsigned)ir_op_const(op, 1)->uimm;
    unsigned w = opt_type_bits((IrType)op->type);
    OptDef d;
    if (!opt_def_of(st, ir_op_in(op, 0)->temp, false, &d) ||
        ofs < d.ofs || len == 0 || ofs + len > w)
        return false;
    if (d.kind == OPT_DEF_SHL) {
        if (ir_temp_type(st->ctx, d.src) != (IrType)op->type)
            return false;
    } else if (d.kind != OPT_DEF_SHLW || ofs + len > 32) {
        return false;
    }
    to_field(op, op->opc == IR_OP_sextract, d.src, ofs - d.ofs, len);
    return true;
}

static bool rule_shift_field(OptState *st, IrOp *op, size_t i)
{
    if (op->opc == IR_OP_extract || op->opc == IR_OP_sextract)
        return rule_field_of_shl(st, op);
    if (op->opc != IR_OP_shr && op->opc != IR_OP_sar)
        return false;
    unsigned w = opt_type_bits((IrType)op->type);
    uint64_t c;
    IrTemp a = ir_op_in(op, 0)->temp;
    OptDef d;
    if (!opt_const_of(st, ir_op_in(op, 1)->temp, &c) ||
        !opt_def_of(st, a, true, &d) || d.kind != OPT_DEF_SHL)
        return false;
    c %= w;
    if (c < d.ofs || ir_temp_type(st->ctx, d.src) != (IrType)op->type)
        return false;
    if (d.self) {
        /* the shl overwrote a: drop it, so that a still holds its old
         * value here; only if nothing sees the shl's result */
        IrOp *shl = &st->ctx->ops[d.op];
        if (d.op >= i || shl->opc != IR_OP_shl ||
            shl->args[0].temp.id != a.id || shl->args[1].temp.id != a.id ||
            op->args[0].temp.id != a.id || !nothing_between(st, d.op, i))
            return false;
        ir_op_remove(st->ctx, d.op);
        /* a's facts described the shl's result: forget them */
        opt_define(st, a, IR_NO_TEMP, 0, 0);
    }
    to_field(op, op->opc == IR_OP_sar, d.src, (unsigned)c - d.ofs,
             w - (unsigned)c);
    return true;
}

/* Whether the basic-block temp A is read after op I in its block. */
static bool read_later(const OptState *st, IrTemp a, size_t i)
{
    const IrCtx *ctx = st->ctx;
    for (size_t k = i + 1; k < ctx->nb_ops; k++) {
        const IrOp *o = &ctx->ops[k];
        if (o->opc == IR_OP_set_label)
            return false;
        for (unsigned n = 0; n < o->nb_in; n++)
            if (o->args[o->nb_out + n].temp.id == a.id)
                return true;
        if (ir_op_info[o->opc].flags & IR_OPF_BB_END)
            return false;
    }
    return false;
}

/* An i32 operand B of a W op as an i64 with the same low half: a
 * constant, or the i64 whose low half B is. */
static bool wide_input(const OptState *st, IrTemp b, IrTemp *x, bool *is_const)
{
    OptDef d;
    *is_const = kind_of(st, b.id) == IR_TEMP_CONST;
    if (*is_const)
        return true;
    if (!opt_def_of(st, b, false, &d) || !is_field(d.kind) || d.ofs != 0 ||
        d.len != 32 || ir_temp_type(st->ctx, d.src) != IR_I64)
        return false;
    *x = d.src;
    return true;
}

/*
 * w-widen: "ext_i32_i64 d, a" (or extu) where a = OP.i32 b1, b2 was
 * defined by the op just before (only insn_start between), OP is add sub
 * mul and or xor or shl by a constant, b1 and b2 are low halves of i64s x
 * and y (extrl) or constants, and a is a basic-block temp nobody reads
 * later: the low 32 bits of OP depend only on the low 32 bits of its
 * operands, so the OP becomes "OP.i64 d, x, y" and the ext "sextract.i64
 * d, d, 0, 32" (extu: extract) -- RISC-V addw a0, a0, a1 becomes "add
 * rax, rcx; movsxd rax, eax" instead of two 32-bit copies, the add and the
 * movsxd.  The i64 OP writes d earlier than the ext did; nothing lies in
 * between to see it.
 */
static bool rule_w_widen(OptState *st, IrOp *op, size_t i)
{
    if (op->opc != IR_OP_ext_i32_i64 && op->opc != IR_OP_extu_i32_i64)
        return false;
    IrTemp a = ir_op_in(op, 0)->temp, d = op->args[0].temp;
    if (kind_of(st, a.id) != IR_TEMP_BB || !opt_fact_valid(st, a))
        return false;
    size_t j = st->facts[a.id].def_at;
    if (j >= i)
        return false;
    IrOp *w = &st->ctx->ops[j];
    IrOpcode opc = (IrOpcode)w->opc;
    if (w->type != IR_I32 || w->nb_out != 1 || w->nb_in != 2 ||
        w->args[0].temp.id != a.id)
        return false;
    switch (opc) {
    case IR_OP_add: case IR_OP_sub: case IR_OP_mul: case IR_OP_and:
    case IR_OP_or: case IR_OP_xor: case IR_OP_shl:
        break;
    default:
        return false;
    }
    IrTemp x = w->args[1].temp, y = w->args[2].temp;
    bool cx, cy;
    if (!wide_input(st, x, &x, &cx) || !wide_input(st, y, &y, &cy) ||
        (opc == IR_OP_shl && !cy) || !nothing_between(st, j, i) ||
        read_later(st, a, i))
        return false;
    /* constants: sign-extended (any i64 with the same low half would do;
     * a shift count stays below 32) */
    if (cx)
        x = ir_const(st->ctx, IR_I64, (uint64_t)(int64_t)(int32_t)
                                      st->ctx->temps[x.id].val);
    if (cy)
        y = ir_const(st->ctx, IR_I64,
                     opc == IR_OP_shl ? st->ctx->temps[y.id].val % 32
                                      : (uint64_t)(int64_t)(int32_t)
                                            st->ctx->temps[y.id].val);
    memset(w, 0, sizeof(*w));
    w->opc = (uint16_t)opc;
    w->type = IR_I64;
    w->nb_out = 1;
    w->nb_in = 2;
    w->args[0].temp = d;
    w->args[1].temp = x;
    w->args[2].temp = y;
    to_field(op, op->opc == IR_OP_ext_i32_i64, d, 0, 32);
    /* d changed at op J: its facts are those of the i64 op (its inputs
     * are unchanged since), so that kb-ext/kb-sext may drop the
     * extension (e.g. slliw of a byte) */
    uint64_t z, o;
    OptDef none = { .kind = OPT_DEF_NONE };
    opt_kb_output(st, w, &z, &o);
    unsigned sb = opt_sb_output(st, w);
    opt_define(st, d, IR_NO_TEMP, z, o);
    opt_def_record(st, d, &none, sb);
    st->facts[d.id].def_at = (uint32_t)j;
    return true;
}

bool opt_field(OptState *st, size_t i)
{
    IrOp *op = &st->ctx->ops[i];
    if (opt_on(st, OPT_RULE_EXT_FIELD) && rule_ext_field(st, op))
        return true;
    if (opt_on(st, OPT_RULE_SHIFT_FIELD) && rule_shift_field(st, op, i))
        return true;
    if (opt_on(st, OPT_RULE_W_WIDEN) && rule_w_widen(st, op, i))
        return true;
    return false;
}
