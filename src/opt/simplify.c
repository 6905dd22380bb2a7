/*
 * Algebraic simplification of integer ops, one small function per rule:
 *   canon        constants second in commutative ops, setcond, movcond,
 *                brcond (the condition swapped), so the backend can use
 *                immediates and the other rules look at one side only;
 *   simp-ident   identities that leave the first operand: x+0, x-0, x|0,
 *                x^0, x*1, x/1, x&-1, x&~0, x|~-1, eqv(x,-1), shifts and
 *                rotates by 0 (mod the width), whole-width fields;
 *   simp-absorb  absorbing constants: x*0, x&0, x|-1, mulh*(x,0), 0<<n,
 *                0>>n, -1>>n (sar), rotates of 0 and -1, x%1, x%-1 ...;
 *   simp-self    equal operands: x-x, x^x, x&~x = 0; x&x, x|x = x;
 *                eqv(x,x), x|~x = -1; nand(x,x), nor(x,x) = ~x; x%x = 0;
 *   simp-unary   0-x = neg x, x*-1 = neg x, x^-1, -1-x, eqv(x,0) ... = not x;
 *   simp-cond    setcond/movcond whose condition is decided by equal
 *                operands, never/always or two constants; movcond with
 *                equal values.
 * All values are taken modulo the op's width (docs/ir.md, "The opcodes").
 */
#include "opt_int.h"

/* A constant input, zero-extended from the op's width. */
static bool cin(const OptState *st, const IrOp *op, unsigned k, uint64_t *v)
{
    return opt_const_of(st, ((IrOp *)op)->args[op->nb_out + k].temp, v);
}

static IrTemp tin(IrOp *op, unsigned k)
{
    return ir_op_in(op, k)->temp;
}

static bool is_const_temp(const OptState *st, IrTemp t)
{
    return ir_temp_is_const(st->ctx, t);
}

static void swap_inputs(IrOp *op)
{
    IrArg t = *ir_op_in(op, 0);
    *ir_op_in(op, 0) = *ir_op_in(op, 1);
    *ir_op_in(op, 1) = t;
}

static bool rule_canon(OptState *st, IrOp *op)
{
    uint32_t flags = ir_op_info[op->opc].flags;
    bool cmp = op->opc == IR_OP_setcond || op->opc == IR_OP_movcond ||
               op->opc == IR_OP_brcond;
    if (!(flags & IR_OPF_COMMUT) && !cmp)
        return false;
    if (op->nb_in < 2 || !is_const_temp(st, tin(op, 0)) ||
        is_const_temp(st, tin(op, 1)))
        return false;
    swap_inputs(op);
    if (cmp) {
        IrArg *c = ir_op_const(op, 0);
        c->imm = ir_cond_swap((IrCond)c->imm);
    }
    return true;
}

/* The value of input K if it is the constant V (mod the width). */
static bool in_is(const OptState *st, IrOp *op, unsigned k, uint64_t v)
{
    uint64_t c;
    uint64_t m = opt_mask(opt_type_bits((IrType)op->type));
    return k < op->nb_in && cin(st, op, k, &c) && (c & m) == (v & m);
}

static bool rule_ident(OptState *st, IrOp *op)
{
    unsigned w = opt_type_bits((IrType)op->type);
    uint64_t c;
    bool commut = ir_op_info[op->opc].flags & IR_OPF_COMMUT;
    uint64_t neutral;
    switch (op->opc) {
    case IR_OP_add: case IR_OP_sub: case IR_OP_or: case IR_OP_xor:
    case IR_OP_andc:
        neutral = 0;
        break;
    case IR_OP_mul: case IR_OP_div: case IR_OP_divu:
        neutral = 1;
        break;
    case IR_OP_and: case IR_OP_orc: case IR_OP_eqv:
        neutral = ~(uint64_t)0;
        break;
    case IR_OP_shl: case IR_OP_shr: case IR_OP_sar:
    case IR_OP_rotl: case IR_OP_rotr:
        if (cin(st, op, 1, &c) && c % w == 0) {
            opt_to_mov(st, op, tin(op, 0));
            return true;
        }
        return false;
    case IR_OP_extract: case IR_OP_sextract:
        if (ir_op_const(op, 0)->uimm == 0 && ir_op_const(op, 1)->uimm == w) {
            opt_to_mov(st, op, tin(op, 0));
            return true;
        }
        return false;
    case IR_OP_deposit:
        if (ir_op_const(op, 0)->uimm == 0 && ir_op_const(op, 1)->uimm == w) {
            opt_to_mov(st, op, tin(op, 1));
            return true;
        }
        return false;
    default:
        return false;
    }
    if (in_is(st, op, 1, neutral)) {
        opt_to_mov(st, op, tin(op, 0));
        return true;
    }
    if (commut && in_is(st, op, 0, neutral)) {
        opt_to_mov(st, op, tin(op, 1));
        return true;
    }
    return false;
}

/* Input K (or either input of a commutative op if EITHER) is V. */
static bool some_in_is(const OptState *st, IrOp *op, unsigned k, uint64_t v,
                       bool either)
{
    return in_is(st, op, k, v) || (either && in_is(st, op, 1 - k, v));
}

static bool rule_absorb(OptState *st, IrOp *op)
{
    const uint64_t ones = ~(uint64_t)0;
    bool r0 = false, r1 = false;   /* result 0 / all ones */
    switch (op->opc) {
    case IR_OP_mul: case IR_OP_and:
    case IR_OP_mulsh: case IR_OP_muluh: case IR_OP_mulsuh:
        r0 = some_in_is(st, op, 1, 0, true);
        break;
    case IR_OP_or:
        r1 = some_in_is(st, op, 1, ones, true);
        break;
    case IR_OP_nand:
        r1 = some_in_is(st, op, 1, 0, true);
        break;
    case IR_OP_nor:
        r0 = some_in_is(st, op, 1, ones, true);
        break;
    case IR_OP_andc:
        r0 = in_is(st, op, 1, ones) || in_is(st, op, 0, 0);
        break;
    case IR_OP_orc:
        r1 = in_is(st, op, 1, 0) || in_is(st, op, 0, ones);
        break;
    case IR_OP_shl: case IR_OP_shr:
        r0 = in_is(st, op, 0, 0);
        break;
    case IR_OP_sar: case IR_OP_rotl: case IR_OP_rotr:
        r0 = in_is(st, op, 0, 0);
        r1 = in_is(st, op, 0, ones);
        break;
    case IR_OP_rem:
        r0 = in_is(st, op, 1, 1) || in_is(st, op, 1, ones);
        break;
    case IR_OP_remu:
        r0 = in_is(st, op, 1, 1);
        break;
    default:
        return false;
    }
    if (!r0 && !r1)
        return false;
    opt_to_const(st, op, r0 ? 0 : ones);
    return true;
}

static bool rule_self(OptState *st, IrOp *op)
{
    if (op->nb_in < 2 || tin(op, 0).id != tin(op, 1).id)
        return false;
    IrTemp x = tin(op, 0);
    switch (op->opc) {
    case IR_OP_sub: case IR_OP_xor: case IR_OP_andc:
    case IR_OP_rem: case IR_OP_remu:
        opt_to_const(st, op, 0);
        return true;
    case IR_OP_and: case IR_OP_or:
        opt_to_mov(st, op, x);
        return true;
    case IR_OP_eqv: case IR_OP_orc:
        opt_to_const(st, op, ~(uint64_t)0);
        return true;
    case IR_OP_nand: case IR_OP_nor:
        opt_to_unary(op, IR_OP_not, x);
        return true;
    default:
        return false;
    }
}

static bool rule_unary(OptState *st, IrOp *op)
{
    const uint64_t ones = ~(uint64_t)0;
    switch (op->opc) {
    case IR_OP_sub:
        if (in_is(st, op, 0, 0)) {
            opt_to_unary(op, IR_OP_neg, tin(op, 1));
            return true;
        }
        if (in_is(st, op, 0, ones)) {
            opt_to_unary(op, IR_OP_not, tin(op, 1));
            return true;
        }
        return false;
    case IR_OP_mul:
        for (unsigned k = 0; k < 2; k++)
            if (in_is(st, op, 1 - k, ones)) {
                opt_to_unary(op, IR_OP_neg, tin(op, k));
                return true;
            }
        return false;
    case IR_OP_xor: case IR_OP_eqv: case IR_OP_nand: case IR_OP_nor: {
        uint64_t v = op->opc == IR_OP_xor || op->opc == IR_OP_nand ? ones : 0;
        for (unsigned k = 0; k < 2; k++)
            if (in_is(st, op, 1 - k, v)) {
                opt_to_unary(op, IR_OP_not, tin(op, k));
                return true;
            }
        return false;
    }
    case IR_OP_orc:
        if (in_is(st, op, 0, 0)) {
            opt_to_unary(op, IR_OP_not, tin(op, 1));
            return true;
        }
        return false;
    case IR_OP_andc:
        if (in_is(st, op, 0, ones)) {
            opt_to_unary(op, IR_OP_not, tin(op, 1));
            return true;
        }
        return false;
    default:
        return false;
    }
}

int opt_cond_decide(const OptState *st, IrCond c, IrTemp a, IrTemp b)
{
    if (c == IR_COND_ALWAYS)
        return 1;
    if (c == IR_COND_NEVER)
        return 0;
    if (a.id == b.id)
        return c == IR_COND_EQ || c == IR_COND_GE || c == IR_COND_LE ||
               c == IR_COND_GEU || c == IR_COND_LEU;
    uint64_t va, vb;
    if (opt_const_of(st, a, &va) && opt_const_of(st, b, &vb))
        return opt_cond_eval(c, va, vb, opt_type_bits(ir_temp_type(st->ctx, a)));
    return -1;
}

static bool rule_cond(OptState *st, IrOp *op)
{
    if (op->opc == IR_OP_movcond && tin(op, 2).id == tin(op, 3).id) {
        opt_to_mov(st, op, tin(op, 2));
        return true;
    }
    if (op->opc != IR_OP_setcond && op->opc != IR_OP_movcond)
        return false;
    int d = opt_cond_decide(st, (IrCond)ir_op_const(op, 0)->imm, tin(op, 0),
                            tin(op, 1));
    if (d < 0)
        return false;
    if (op->opc == IR_OP_setcond)
        opt_to_const(st, op, (uint64_t)d);
    else
        opt_to_mov(st, op, tin(op, d ? 2 : 3));
    return true;
}

bool opt_simplify(OptState *st, IrOp *op)
{
    if (op->type > IR_I64 || op->opc == IR_OP_mov)
        return false;
    bool changed = false;
    if (opt_on(st, OPT_RULE_CANON))
        changed |= rule_canon(st, op);
    if (op->opc == IR_OP_brcond)
        return changed;      /* branch.c decides brcond */
    if (opt_on(st, OPT_RULE_SIMP_IDENT) && rule_ident(st, op))
        return true;
    if (opt_on(st, OPT_RULE_SIMP_ABSORB) && rule_absorb(st, op))
        return true;
    if (opt_on(st, OPT_RULE_SIMP_SELF) && rule_self(st, op))
        return true;
    if (opt_on(st, OPT_RULE_SIMP_UNARY) && rule_unary(st, op))
        return true;
    if (opt_on(st, OPT_RULE_SIMP_COND) && rule_cond(st, op))
        return true;
    return changed;
}
