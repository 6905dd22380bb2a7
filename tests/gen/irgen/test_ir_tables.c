/*
 * Unit tests of the generated IR opcode table (ir-ops.c from
 * defs/ir/ops.def) and of the typed builders (ir-build.h) with src/ir.
 *
 * The table checks restate the rules of docs/ir.md independently of irgen:
 * every op's constraint sets match its operand counts and classes, ties
 * point at outputs of the same class, fixed registers belong to their
 * class, calls clobber the SysV caller-saved registers, and so on.  The
 * builder checks emit ops and look at the IrOp records they produce.
 */
#include "ir-build.h"

#include <check.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "check_run.h"

#define FOR_EACH_OP(i) for (int i = 0; i < IR_OP_COUNT; i++)

/* Registers the SysV x86-64 ABI lets a callee destroy (written out here,
   not taken from ops.def). */
static const uint32_t sysv_caller_saved =
    (1u << IR_X86_RAX) | (1u << IR_X86_RCX) | (1u << IR_X86_RDX) |
    (1u << IR_X86_RSI) | (1u << IR_X86_RDI) | (1u << IR_X86_R8) |
    (1u << IR_X86_R9) | (1u << IR_X86_R10) | (1u << IR_X86_R11) | 0xffff0000u;

static IrTemp tmp(uint32_t id)
{
    return (IrTemp){ id };
}

static IrOpcode opcode(const char *name)
{
    FOR_EACH_OP(i)
        if (!strcmp(ir_op_info[i].name, name))
            return (IrOpcode)i;
    ck_abort_msg("no opcode %s", name);
    return IR_OP_COUNT;
}

/* Calls FN for every constraint set of every (op, class) the op has. */
typedef void CheckSetFn(int opc, int cls, const IrConsSet *cs);

static void each_set(CheckSetFn *fn)
{
    FOR_EACH_OP(op) {
        for (int cls = 0; cls < IR_TC_COUNT; cls++) {
            for (int i = ir_op_info[op].cons_x86_64[cls]; i >= 0;
                 i = ir_cons_x86_64[i].next) {
                ck_assert_int_lt(i, IR_CONS_X86_64_COUNT);
                fn(op, cls, &ir_cons_x86_64[i]);
            }
        }
    }
}

/* ---- the info table ---------------------------------------------------- */

START_TEST(test_info_complete)
{
    FOR_EACH_OP(i) {
        const IrOpInfo *info = &ir_op_info[i];
        ck_assert_msg(info->name != NULL, "hole at opcode %d", i);
        ck_assert_ptr_nonnull(info->where);
        ck_assert_msg(strstr(info->where, "ops.def:") != NULL, "%s", info->where);
        ck_assert_msg(info->types != 0, "%s has no type", info->name);
        ck_assert_uint_eq(info->types & ~(IR_TM_ANY | IR_TM_VOID), 0);
        ck_assert_int_le(info->nb_out + info->nb_in + info->nb_const, IR_MAX_ARGS);
        ck_assert_int_le(info->nb_out + info->nb_in, IR_MAX_TEMP_ARGS);
        ck_assert_int_le(info->nb_const, IR_MAX_CONSTS);
        for (int k = 0; k < info->nb_out + info->nb_in + info->nb_const; k++)
            ck_assert_msg(info->arg_names[k] && info->arg_names[k][0],
                          "%s: argument %d has no name", info->name, k);
        for (int k = 0; k < info->nb_out + info->nb_in; k++)
            ck_assert_msg(info->arg_types[k] == IR_TM_OP ||
                          (info->arg_types[k] && !(info->arg_types[k] & ~IR_TM_ANY)),
                          "%s: bad operand type %#x", info->name, info->arg_types[k]);
        for (int k = 0; k < info->nb_const; k++)
            ck_assert_int_lt(info->const_kinds[k], IR_CK_COUNT);
        for (int j = 0; j < i; j++)
            ck_assert_str_ne(ir_op_info[j].name, info->name);
    }
    ck_assert_int_eq(opcode("add"), IR_OP_add);
    ck_assert_int_eq(opcode("fma"), IR_OP_fma);
}
END_TEST

START_TEST(test_required_ops)
{
    /* The operations the RV64GC frontend needs (issue 2 / docs/ir.md). */
    static const char *const need[] = {
        "mov", "discard", "insn_start", "set_label", "br", "brcond", "setcond",
        "movcond", "add", "sub", "neg", "not", "and", "or", "xor", "andc",
        "orc", "nand", "nor", "eqv", "shl", "shr", "sar", "rotl", "rotr",
        "mul", "mulsh", "muluh", "mulsuh", "div", "divu", "rem", "remu",
        "extract", "sextract", "deposit", "ext_i32_i64", "extu_i32_i64",
        "extrl_i64_i32", "extrh_i64_i32", "bswap", "clz", "ctz", "ctpop",
        "ld_env", "st_env", "ld_guest", "st_guest", "cmpxchg", "xchg",
        "fetch_add", "fetch_and", "fetch_or", "fetch_xor", "fetch_smin",
        "fetch_smax", "fetch_umin", "fetch_umax", "mb", "call", "goto_tb",
        "exit_tb", "goto_ptr", "lookup_tb", "fadd", "fsub", "fmul", "fdiv",
        "fsqrt", "fma", "fmin", "fmax", "fneg", "fabs", "fcmp", "itof",
        "utof", "ftoi", "ftou", "fcvt", "bitcast_f2i", "bitcast_i2f",
    };
    for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++)
        opcode(need[i]);
}
END_TEST

START_TEST(test_flag_rules)
{
    FOR_EACH_OP(i) {
        const IrOpInfo *info = &ir_op_info[i];
        uint32_t f = info->flags;
        if (f & IR_OPF_BRANCH) {
            int labels = 0;
            for (int k = 0; k < info->nb_const; k++)
                labels += info->const_kinds[k] == IR_CK_LABEL;
            ck_assert_msg(labels == 1, "%s: branch without a label", info->name);
            ck_assert(f & IR_OPF_BB_END);
        }
        if (f & IR_OPF_NORETURN)
            ck_assert_msg(f & IR_OPF_BB_END, "%s", info->name);
        if (f & (IR_OPF_TB_EXIT | IR_OPF_CALL | IR_OPF_FAULT))
            ck_assert_msg(f & IR_OPF_SIDE, "%s", info->name);
        if (f & IR_OPF_FOLD)
            ck_assert_msg(!(f & (IR_OPF_SIDE | IR_OPF_FAULT | IR_OPF_FPENV |
                                 IR_OPF_CALL | IR_OPF_META)), "%s", info->name);
        if (f & IR_OPF_COMMUT)
            ck_assert_int_ge(info->nb_in, 2);
        if (info->nb_out == 0 && !(f & IR_OPF_META))
            ck_assert_msg(f & IR_OPF_SIDE, "%s: no outputs, no side effects",
                          info->name);
        if (f & IR_OPF_META)
            for (int c = 0; c < IR_TC_COUNT; c++)
                ck_assert_int_eq(info->cons_x86_64[c], -1);
    }
    ck_assert(ir_op_info[IR_OP_ld_guest].flags & IR_OPF_FAULT);
    ck_assert(ir_op_info[IR_OP_cmpxchg].flags & IR_OPF_FAULT);
    ck_assert(ir_op_info[IR_OP_exit_tb].flags & IR_OPF_NORETURN);
    ck_assert(ir_op_info[IR_OP_goto_tb].flags & IR_OPF_TB_EXIT);
    ck_assert(ir_op_info[IR_OP_set_label].flags & IR_OPF_BB_START);
    ck_assert(ir_op_info[IR_OP_fadd].flags & IR_OPF_FPENV);
    ck_assert(ir_op_info[IR_OP_add].flags & IR_OPF_COMMUT);
    ck_assert(!(ir_op_info[IR_OP_sub].flags & IR_OPF_COMMUT));
}
END_TEST

/* ---- the constraint table ---------------------------------------------- */

START_TEST(test_every_class_has_sets)
{
    FOR_EACH_OP(i) {
        const IrOpInfo *info = &ir_op_info[i];
        for (int t = 0; t < IR_TYPE_COUNT; t++) {
            int cls = ir_type_class((IrType)t);
            if (!(info->types & (1u << t)) || (info->flags & IR_OPF_META))
                continue;
            int first = info->cons_x86_64[cls];
            ck_assert_msg(first >= 0, "%s: no constraints for %s", info->name,
                          ir_type_names[t]);
            /* the chain ends with a set that needs no host feature */
            int last = first;
            while (ir_cons_x86_64[last].next >= 0)
                last = ir_cons_x86_64[last].next;
            ck_assert_msg(ir_cons_x86_64[last].features == 0, "%s", info->name);
        }
        for (int cls = 0; cls < IR_TC_COUNT; cls++) {
            static const unsigned class_types[] = { IR_TM_INT, IR_TM_FP, IR_TM_VOID };
            if (!(info->types & class_types[cls]))
                ck_assert_int_eq(info->cons_x86_64[cls], -1);
        }
    }
}
END_TEST

static void check_counts(int opc, int cls, const IrConsSet *cs)
{
    const IrOpInfo *info = &ir_op_info[opc];
    (void)cls;
    ck_assert_msg(cs->nb_out == info->nb_out && cs->nb_in == info->nb_in,
                  "%s (%s): %d/%d constraints for %d/%d operands", info->name,
                  cs->where, cs->nb_out, cs->nb_in, info->nb_out, info->nb_in);
    ck_assert_int_le(cs->nb_out + cs->nb_in + cs->nb_scratch, IR_CONS_MAX_ARGS);
    ck_assert_int_le(cs->nb_scratch, IR_MAX_SCRATCH);
}

START_TEST(test_cons_counts)
{
    each_set(check_counts);
}
END_TEST

static void check_ties(int opc, int cls, const IrConsSet *cs)
{
    const char *name = ir_op_info[opc].name;
    (void)cls;
    for (int i = 0; i < cs->nb_in; i++) {
        const IrArgCons *in = &cs->args[cs->nb_out + i];
        if (in->tie < 0)
            continue;
        ck_assert_msg(in->tie < cs->nb_out, "%s: input %d tied to output %d",
                      name, i, in->tie);
        const IrArgCons *out = &cs->args[in->tie];
        ck_assert_msg(out->tie == i, "%s: output %d does not point back at "
                      "input %d", name, in->tie, i);
        ck_assert_int_eq(out->cls, in->cls);
        ck_assert_uint_eq(out->regs, in->regs);
        ck_assert_msg(in->imm == 0, "%s: tied input takes an immediate", name);
    }
    for (int o = 0; o < cs->nb_out; o++) {
        const IrArgCons *out = &cs->args[o];
        if (out->tie >= 0) {
            ck_assert_int_lt(out->tie, cs->nb_in);
            ck_assert_int_eq(cs->args[cs->nb_out + out->tie].tie, o);
        }
    }
}

START_TEST(test_cons_ties)
{
    each_set(check_ties);
}
END_TEST

static void check_classes(int opc, int cls, const IrConsSet *cs)
{
    const IrOpInfo *info = &ir_op_info[opc];
    int nargs = cs->nb_out + cs->nb_in + cs->nb_scratch;
    for (int k = 0; k < nargs; k++) {
        const IrArgCons *a = &cs->args[k];
        uint32_t cmask = a->cls == IR_RC_GPR ? IR_X86_GPRS : IR_X86_XMMS;
        ck_assert_msg(a->cls == IR_RC_GPR || a->cls == IR_RC_XMM, "%s", info->name);
        ck_assert_msg(a->regs && !(a->regs & ~cmask), "%s (%s): operand %d "
                      "registers %#x outside its class", info->name, cs->where,
                      k, a->regs);
        ck_assert_msg(!(a->regs & (1u << IR_X86_RSP)), "%s: rsp allowed", info->name);
        if (!a->fixed)
            ck_assert_uint_eq(a->regs, a->cls == IR_RC_GPR ? IR_X86_ANY_GPR
                                                          : IR_X86_ANY_XMM);
        bool is_in = k >= cs->nb_out && k < cs->nb_out + cs->nb_in;
        if (!is_in) {
            ck_assert_msg(a->imm == 0, "%s: immediate on a non-input", info->name);
        } else {
            ck_assert_msg(!a->newreg, "%s: '&' on an input", info->name);
        }
        if (k >= cs->nb_out + cs->nb_in)
            ck_assert_msg(a->newreg, "%s: scratch must be a new register", info->name);
        /* the register class follows the operand's type */
        if (k < cs->nb_out + cs->nb_in) {
            unsigned m = info->arg_types[k];
            if (m == IR_TM_OP)
                m = cls == IR_TC_INT ? IR_TM_INT : cls == IR_TC_FP ? IR_TM_FP : 0;
            if (m && !(m & ~IR_TM_INT))
                ck_assert_msg(a->cls == IR_RC_GPR, "%s: integer operand %d in xmm",
                              info->name, k);
            if (m && !(m & ~IR_TM_FP))
                ck_assert_msg(a->cls == IR_RC_XMM, "%s: float operand %d in gpr",
                              info->name, k);
        }
    }
    ck_assert_msg(!(cs->clobber & (1u << IR_X86_RSP)), "%s", info->name);
}

START_TEST(test_cons_classes)
{
    each_set(check_classes);
}
END_TEST

static void check_call_clobbers(int opc, int cls, const IrConsSet *cs)
{
    (void)cls;
    if (ir_op_info[opc].flags & IR_OPF_CALL)
        ck_assert_msg((cs->clobber & sysv_caller_saved) == sysv_caller_saved,
                      "%s: clobbers %#x", ir_op_info[opc].name, cs->clobber);
    /* a set that passes rdi as a fixed input is a call: it clobbers too */
    if (cs->nb_in && cs->args[cs->nb_out].fixed &&
        cs->args[cs->nb_out].regs == (1u << IR_X86_RDI))
        ck_assert_uint_eq(cs->clobber & sysv_caller_saved, sysv_caller_saved);
}

START_TEST(test_call_clobbers)
{
    each_set(check_call_clobbers);
    /* call: SysV argument order, result in rax */
    static const int argregs[] = { IR_X86_RDI, IR_X86_RSI, IR_X86_RDX,
                                   IR_X86_RCX, IR_X86_R8, IR_X86_R9 };
    const IrOpInfo *info = &ir_op_info[IR_OP_call];
    ck_assert(info->var_in && info->var_out);
    ck_assert_int_eq(info->nb_in, 6);
    ck_assert_int_eq(info->nb_out, 1);
    ck_assert_int_eq(info->const_kinds[0], IR_CK_HELPER);
    const IrConsSet *cs = ir_cons_select(IR_OP_call, IR_I64, 0);
    ck_assert_ptr_nonnull(cs);
    ck_assert_uint_eq(cs->args[0].regs, 1u << IR_X86_RAX);
    for (int i = 0; i < 6; i++)
        ck_assert_uint_eq(cs->args[1 + i].regs, 1u << argregs[i]);
    ck_assert_ptr_nonnull(ir_cons_select(IR_OP_call, IR_VOID, 0));
    ck_assert_ptr_null(ir_cons_select(IR_OP_call, IR_F64, 0));
}
END_TEST

START_TEST(test_division_constraints)
{
    static const IrOpcode quot[] = { IR_OP_div, IR_OP_divu };
    static const IrOpcode rem[] = { IR_OP_rem, IR_OP_remu };
    for (int i = 0; i < 2; i++) {
        for (int t = IR_I32; t <= IR_I64; t++) {
            const IrConsSet *q = ir_cons_select(quot[i], (IrType)t, ~0u);
            ck_assert_uint_eq(q->args[0].regs, 1u << IR_X86_RAX);
            ck_assert_int_eq(q->args[1].tie, 0);        /* dividend in rax */
            ck_assert_int_eq(q->args[2].tie, -1);
            ck_assert(q->clobber & (1u << IR_X86_RDX));  /* cqo / xor edx */
            const IrConsSet *r = ir_cons_select(rem[i], (IrType)t, ~0u);
            ck_assert_uint_eq(r->args[0].regs, 1u << IR_X86_RDX);
            ck_assert(r->args[0].newreg);               /* divisor not in rdx */
            ck_assert_uint_eq(r->args[1].regs, 1u << IR_X86_RAX);
            ck_assert(r->clobber & (1u << IR_X86_RAX));
        }
    }
}
END_TEST

START_TEST(test_select_alternatives)
{
    /* shifts: 3-operand shlx with BMI2, else the count in cl */
    const IrConsSet *with = ir_cons_select(IR_OP_shl, IR_I64, IR_X86F_BMI2);
    const IrConsSet *without = ir_cons_select(IR_OP_shl, IR_I64, 0);
    ck_assert_ptr_ne(with, without);
    ck_assert_uint_eq(with->features, IR_X86F_BMI2);
    ck_assert_int_eq(with->args[1].tie, -1);
    ck_assert_int_eq(without->args[1].tie, 0);
    ck_assert_uint_eq(without->args[2].regs, 1u << IR_X86_RCX);
    ck_assert(without->args[2].imm & IR_IMM_U8);
    /* ctpop without popcnt calls a helper */
    const IrConsSet *pop = ir_cons_select(IR_OP_ctpop, IR_I32, 0);
    ck_assert_uint_eq(pop->args[1].regs, 1u << IR_X86_RDI);
    ck_assert_uint_eq(pop->clobber, IR_X86_REGSET_SYSV_CLOBBERED);
    ck_assert_uint_eq(ir_cons_select(IR_OP_ctpop, IR_I32, IR_X86F_POPCNT)->clobber, 0);
    /* mov: the class decides the register file */
    ck_assert_int_eq(ir_cons_select(IR_OP_mov, IR_I32, 0)->args[0].cls, IR_RC_GPR);
    ck_assert_int_eq(ir_cons_select(IR_OP_mov, IR_F64, 0)->args[0].cls, IR_RC_XMM);
    ck_assert(ir_cons_select(IR_OP_mov, IR_I64, 0)->args[1].imm & IR_IMM_ANY);
    /* conversions cross register files */
    const IrConsSet *ftoi = ir_cons_select(IR_OP_ftoi, IR_I64, 0);
    ck_assert_int_eq(ftoi->args[0].cls, IR_RC_GPR);
    ck_assert_int_eq(ftoi->args[1].cls, IR_RC_XMM);
    ck_assert_int_eq(ftoi->nb_scratch, 1);
    ck_assert_int_eq(ir_cons_select(IR_OP_itof, IR_F32, 0)->args[1].cls, IR_RC_GPR);
    /* meta ops have none; a type outside the op's types has none */
    ck_assert_ptr_null(ir_cons_select(IR_OP_insn_start, IR_VOID, ~0u));
    ck_assert_ptr_null(ir_cons_select(IR_OP_add, IR_F64, 0));
    /* ops without operands get an empty set */
    const IrConsSet *br = ir_cons_select(IR_OP_br, IR_VOID, 0);
    ck_assert_int_eq(br->nb_out + br->nb_in + br->nb_scratch, 0);
    ck_assert_uint_eq(br->clobber, 0);
}
END_TEST

START_TEST(test_type_helpers)
{
    ck_assert_int_eq(ir_type_class(IR_I32), IR_TC_INT);
    ck_assert_int_eq(ir_type_class(IR_I64), IR_TC_INT);
    ck_assert_int_eq(ir_type_class(IR_F32), IR_TC_FP);
    ck_assert_int_eq(ir_type_class(IR_F64), IR_TC_FP);
    ck_assert_int_eq(ir_type_class(IR_VOID), IR_TC_VOID);
    ck_assert_str_eq(ir_type_names[IR_F32], "f32");
    ck_assert_str_eq(ir_const_kind_names[IR_CK_MEMOP], "memop");
    ck_assert_str_eq(ir_x86_reg_names[IR_X86_R13], "r13");
    ck_assert_str_eq(ir_x86_reg_names[IR_X86_XMM15], "xmm15");
    ck_assert_uint_eq(IR_X86_REGSET_SYSV_CLOBBERED, sysv_caller_saved);
    /* conditions: c ^ 1 inverts, swap exchanges the operands */
    ck_assert_int_eq(ir_cond_invert(IR_COND_LT), IR_COND_GE);
    ck_assert_int_eq(ir_cond_invert(IR_COND_GTU), IR_COND_LEU);
    ck_assert_int_eq(ir_cond_invert(IR_COND_NEVER), IR_COND_ALWAYS);
    ck_assert_int_eq(ir_cond_swap(IR_COND_LT), IR_COND_GT);
    ck_assert_int_eq(ir_cond_swap(IR_COND_GE), IR_COND_LE);
    ck_assert_int_eq(ir_cond_swap(IR_COND_LTU), IR_COND_GTU);
    ck_assert_int_eq(ir_cond_swap(IR_COND_LEU), IR_COND_GEU);
    ck_assert_int_eq(ir_cond_swap(IR_COND_EQ), IR_COND_EQ);
    for (int c = 0; c < IR_COND_COUNT; c++) {
        ck_assert_int_eq(ir_cond_swap(ir_cond_swap((IrCond)c)), c);
        ck_assert_int_eq(ir_cond_invert(ir_cond_invert((IrCond)c)), c);
    }
    ck_assert(ir_cond_is_unsigned(IR_COND_GEU));
    ck_assert(!ir_cond_is_unsigned(IR_COND_GE));
    ck_assert_uint_eq(ir_memop_size(IR_MO_SL), 4);
    ck_assert_uint_eq(ir_memop_size(IR_MO_UQ | IR_MO_ALIGN), 8);
}
END_TEST

/* ---- builders ---------------------------------------------------------- */

static IrCtx *ctx;

static void setup(void)
{
    ctx = ir_ctx_new();
}

static void teardown(void)
{
    ir_ctx_free(ctx);
    ctx = NULL;
}

START_TEST(test_build_alu)
{
    IrOp *op = ir_add(ctx, IR_I64, tmp(3), tmp(1), tmp(2));
    ck_assert_int_eq(op->opc, IR_OP_add);
    ck_assert_int_eq(op->type, IR_I64);
    ck_assert_int_eq(op->nb_out, 1);
    ck_assert_int_eq(op->nb_in, 2);
    ck_assert_int_eq(op->nb_const, 0);
    ck_assert_uint_eq(ir_op_out(op, 0)->temp.id, 3);
    ck_assert_uint_eq(ir_op_in(op, 0)->temp.id, 1);
    ck_assert_uint_eq(ir_op_in(op, 1)->temp.id, 2);

    op = ir_movcond(ctx, IR_I32, tmp(9), tmp(1), tmp(2), tmp(3), tmp(4), IR_COND_LTU);
    ck_assert_int_eq(op->type, IR_I32);
    ck_assert_int_eq(op->nb_in, 4);
    ck_assert_uint_eq(ir_op_in(op, 3)->temp.id, 4);
    ck_assert_int_eq(ir_op_const(op, 0)->imm, IR_COND_LTU);

    op = ir_deposit(ctx, IR_I64, tmp(5), tmp(6), tmp(7), 8, 16);
    ck_assert_uint_eq(ir_op_const(op, 0)->uimm, 8);
    ck_assert_uint_eq(ir_op_const(op, 1)->uimm, 16);

    /* single-type ops take no type argument */
    op = ir_ext_i32_i64(ctx, tmp(2), tmp(1));
    ck_assert_int_eq(op->type, IR_I64);
    op = ir_extrl_i64_i32(ctx, tmp(1), tmp(2));
    ck_assert_int_eq(op->type, IR_I32);
    ck_assert_uint_eq(ir_op_count(ctx), 5);
    ck_assert_int_eq(ir_op_at(ctx, 1)->opc, IR_OP_movcond);
}
END_TEST

START_TEST(test_build_control)
{
    IrLabel l = { 7 };
    IrOp *op = ir_brcond(ctx, IR_I64, tmp(1), tmp(2), IR_COND_GE, l);
    ck_assert_int_eq(op->nb_out, 0);
    ck_assert_int_eq(op->nb_in, 2);
    ck_assert_int_eq(op->nb_const, 2);
    ck_assert_int_eq(ir_op_const(op, 0)->imm, IR_COND_GE);
    ck_assert_uint_eq(ir_op_const(op, 1)->label.id, 7);

    op = ir_set_label(ctx, l);
    ck_assert_int_eq(op->type, IR_VOID);
    ck_assert_uint_eq(op->args[0].label.id, 7);

    op = ir_insn_start(ctx, 0xffffffc000001234ull);
    ck_assert_uint_eq(op->args[0].uimm, 0xffffffc000001234ull);

    op = ir_exit_tb(ctx, 0x8000000000000003ull);
    ck_assert_uint_eq(ir_op_const(op, 0)->uimm, 0x8000000000000003ull);

    op = ir_goto_tb(ctx, 1);
    ck_assert_uint_eq(ir_op_const(op, 0)->uimm, 1);

    op = ir_mb(ctx, IR_BAR_ST_LD | IR_BAR_ST_ST);
    ck_assert_int_eq(ir_op_const(op, 0)->imm, IR_BAR_ST_LD | IR_BAR_ST_ST);

    op = ir_lookup_tb(ctx, tmp(4), tmp(5));
    ck_assert_int_eq(op->type, IR_I64);
    op = ir_goto_ptr(ctx, tmp(4));
    ck_assert_uint_eq(ir_op_in(op, 0)->temp.id, 4);
}
END_TEST

static int helper_fn(int x)
{
    return x;
}

START_TEST(test_build_call)
{
    static const IrHelper h = { "helper_fn", (void (*)(void))helper_fn, IR_HELPER_NO_WGLOB };
    IrTemp args[6] = { tmp(10), tmp(11), tmp(12), tmp(13), tmp(14), tmp(15) };
    IrTemp ret = tmp(20);

    IrOp *op = ir_call(ctx, IR_I64, 1, &ret, 3, args, &h);
    ck_assert_int_eq(op->nb_out, 1);
    ck_assert_int_eq(op->nb_in, 3);
    ck_assert_int_eq(op->nb_const, 1);
    ck_assert_uint_eq(ir_op_out(op, 0)->temp.id, 20);
    for (unsigned i = 0; i < 3; i++)
        ck_assert_uint_eq(ir_op_in(op, i)->temp.id, 10 + i);
    ck_assert_ptr_eq(ir_op_const(op, 0)->helper, &h);

    op = ir_call(ctx, IR_VOID, 0, NULL, 6, args, &h);
    ck_assert_int_eq(op->type, IR_VOID);
    ck_assert_int_eq(op->nb_out, 0);
    ck_assert_int_eq(op->nb_in, 6);
    ck_assert_uint_eq(ir_op_in(op, 0)->temp.id, 10);
    ck_assert_uint_eq(ir_op_in(op, 5)->temp.id, 15);
    ck_assert_ptr_eq(ir_op_const(op, 0)->helper, &h);

    op = ir_call(ctx, IR_VOID, 0, NULL, 0, NULL, &h);
    ck_assert_int_eq(op->nb_in, 0);
    ck_assert_ptr_eq(op->args[0].helper, &h);
}
END_TEST

START_TEST(test_build_memory)
{
    IrOp *op = ir_ld_guest(ctx, IR_I64, tmp(1), tmp(2), IR_MO_SL);
    ck_assert_int_eq(op->nb_in, 1);
    ck_assert_int_eq(ir_op_const(op, 0)->imm, IR_MO_32 | IR_MO_SIGN);

    op = ir_st_guest(ctx, IR_F64, tmp(3), tmp(2), IR_MO_64);
    ck_assert_int_eq(op->nb_out, 0);
    ck_assert_uint_eq(ir_op_in(op, 0)->temp.id, 3);
    ck_assert_uint_eq(ir_op_in(op, 1)->temp.id, 2);

    op = ir_ld_env(ctx, IR_I64, tmp(4), 0x108, IR_MO_64);
    ck_assert_int_eq(op->nb_in, 0);
    ck_assert_int_eq(ir_op_const(op, 0)->imm, 0x108);
    ck_assert_int_eq(ir_op_const(op, 1)->imm, IR_MO_64);

    op = ir_st_env(ctx, IR_I32, tmp(5), -8, IR_MO_16);
    ck_assert_int_eq(ir_op_const(op, 0)->imm, -8);

    op = ir_cmpxchg(ctx, IR_I64, tmp(6), tmp(2), tmp(7), tmp(8), IR_MO_64 | IR_MO_ALIGN);
    ck_assert_int_eq(op->nb_in, 3);
    ck_assert_uint_eq(ir_op_in(op, 2)->temp.id, 8);
    ck_assert_int_eq(ir_op_const(op, 0)->imm, IR_MO_64 | IR_MO_ALIGN);

    op = ir_fetch_umax(ctx, IR_I32, tmp(9), tmp(2), tmp(7), IR_MO_32 | IR_MO_ALIGN);
    ck_assert_int_eq(op->opc, IR_OP_fetch_umax);
}
END_TEST

START_TEST(test_build_fp)
{
    IrOp *op = ir_fma(ctx, IR_F32, tmp(1), tmp(2), tmp(3), tmp(4), IR_FMA_NEG_BOTH);
    ck_assert_int_eq(op->nb_in, 3);
    ck_assert_int_eq(ir_op_const(op, 0)->imm, IR_FMA_NEG_BOTH);

    op = ir_fcmp(ctx, IR_F64, tmp(5), tmp(6), tmp(7), IR_COND_LE);
    ck_assert_int_eq(op->type, IR_F64);
    ck_assert_int_eq(ir_op_const(op, 0)->imm, IR_COND_LE);

    op = ir_ftou(ctx, IR_I32, tmp(8), tmp(9), IR_RM_RTZ);
    ck_assert_int_eq(op->type, IR_I32);
    ck_assert_int_eq(ir_op_const(op, 0)->imm, IR_RM_RTZ);

    op = ir_bitcast_i2f(ctx, IR_F64, tmp(10), tmp(11));
    ck_assert_int_eq(op->opc, IR_OP_bitcast_i2f);
    op = ir_mov(ctx, IR_F32, tmp(12), tmp(13));
    ck_assert_int_eq(op->type, IR_F32);
}
END_TEST

START_TEST(test_build_many)
{
    /* the op array grows and stays contiguous */
    enum { N = 10000 };
    for (uint32_t i = 0; i < N; i++)
        ir_xor(ctx, (i & 1) ? IR_I32 : IR_I64, tmp(i), tmp(i + 1), tmp(i + 2));
    ck_assert_uint_eq(ir_op_count(ctx), N);
    IrOp *first = ir_op_at(ctx, 0);
    for (uint32_t i = 0; i < N; i++) {
        IrOp *op = ir_op_at(ctx, i);
        ck_assert_ptr_eq(op, first + i);
        ck_assert_int_eq(op->opc, IR_OP_xor);
        ck_assert_int_eq(op->type, (i & 1) ? IR_I32 : IR_I64);
        ck_assert_uint_eq(op->args[2].temp.id, i + 2);
    }
    ir_ctx_reset(ctx);
    ck_assert_uint_eq(ir_op_count(ctx), 0);
    IrOp *op = ir_nop(ctx);
    ck_assert_int_eq(op->opc, IR_OP_nop);
    ck_assert_uint_eq(ir_op_count(ctx), 1);
}
END_TEST

#ifndef NDEBUG
START_TEST(test_build_rejects_wrong_type)
{
    ir_add(ctx, IR_F64, tmp(1), tmp(2), tmp(3));
}
END_TEST

START_TEST(test_build_rejects_void_result)
{
    IrTemp ret = tmp(1);
    static const IrHelper h = { "h", NULL, 0 };
    ir_call(ctx, IR_VOID, 1, &ret, 0, NULL, &h);
}
END_TEST

START_TEST(test_build_rejects_too_many_args)
{
    IrTemp args[7] = { { 0 } };
    static const IrHelper h = { "h", NULL, 0 };
    ir_call(ctx, IR_I64, 0, NULL, 7, args, &h);
}
END_TEST
#endif

static Suite *tables_suite(void)
{
    Suite *s = suite_create("ir_tables");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, test_info_complete);
    tcase_add_test(tc, test_required_ops);
    tcase_add_test(tc, test_flag_rules);
    tcase_add_test(tc, test_every_class_has_sets);
    tcase_add_test(tc, test_cons_counts);
    tcase_add_test(tc, test_cons_ties);
    tcase_add_test(tc, test_cons_classes);
    tcase_add_test(tc, test_call_clobbers);
    tcase_add_test(tc, test_division_constraints);
    tcase_add_test(tc, test_select_alternatives);
    tcase_add_test(tc, test_type_helpers);
    suite_add_tcase(s, tc);

    tc = tcase_create("builders");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_build_alu);
    tcase_add_test(tc, test_build_control);
    tcase_add_test(tc, test_build_call);
    tcase_add_test(tc, test_build_memory);
    tcase_add_test(tc, test_build_fp);
    tcase_add_test(tc, test_build_many);
#ifndef NDEBUG
    tcase_add_test_raise_signal(tc, test_build_rejects_wrong_type, SIGABRT);
    tcase_add_test_raise_signal(tc, test_build_rejects_void_result, SIGABRT);
    tcase_add_test_raise_signal(tc, test_build_rejects_too_many_args, SIGABRT);
#endif
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(tables_suite());
}
