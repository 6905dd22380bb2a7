/*
 * The F/D translation at IR level (no generated code runs): which ops an
 * instruction becomes for each rounding-mode situation (RISC-V
 * Unprivileged ISA 20191213, 11.2: static rm, DYN with every frm, RMM,
 * reserved modes), that the common case stays short (no helper call, no
 * MXCSR switch), that conversions to integer never switch MXCSR, that
 * exact conversions never call the helper, and that a NaN-boxed single
 * (12.2) is unboxed once per block and not at all after a load or an F
 * operation that wrote it.
 */
#include <string.h>

#include "fe_test.h"
#include "rv_disas_ctx.h"

static FeMachine *m;

static void setup(void)
{
    m = fe_new(false);
}

static void teardown(void)
{
    fe_free(m);
}

/* Instruction encodings (RISC-V Unprivileged ISA, chapter 24 tables). */
#define OP_FP 0x53
#define FR(f7, rs2, rs1, rm, rd) rv_r((f7), (rs2), (rs1), (rm), (rd), OP_FP)
#define FADD_D(rd, a, b, rm)  FR(0x01, (b), (a), (rm), (rd))
#define FADD_S(rd, a, b, rm)  FR(0x00, (b), (a), (rm), (rd))
#define FMUL_S(rd, a, b, rm)  FR(0x08, (b), (a), (rm), (rd))
#define FSGNJ_D(rd, a, b)     FR(0x11, (b), (a), 0, (rd))
#define FCVT_W_D(rd, a, rm)   FR(0x61, 0, (a), (rm), (rd))
#define FCVT_D_W(rd, a, rm)   FR(0x69, 0, (a), (rm), (rd))
#define FCVT_S_L(rd, a, rm)   FR(0x68, 2, (a), (rm), (rd))
#define FMV_D_X(rd, a)        FR(0x79, 0, (a), 0, (rd))
#define FLW(rd, rs1, imm)     rv_i((imm), (rs1), 2, (rd), 0x07)
#define FMADD_D(rd, a, b, c, rm) \
    ((uint32_t)(c) << 27 | 1u << 25 | (uint32_t)(b) << 20 | (uint32_t)(a) << 15 | \
     (uint32_t)(rm) << 12 | (uint32_t)(rd) << 7 | 0x43)
#define RM_DYN 7

/* Translates the instructions (then ecall) with frm. */
static void tr(const uint32_t *insns, unsigned n, unsigned frm)
{
    FeAsm a = fe_asm(m, FE_ORIGIN);
    for (unsigned i = 0; i < n; i++)
        fe_i(&a, insns[i]);
    fe_i(&a, ECALL);
    RvTbInfo info;
    ck_assert(fe_translate_ir(m, FE_ORIGIN, (RvTbFlags){ .frm = (uint8_t)frm },
                              0x7000, &info));
}

static void tr1(uint32_t insn, unsigned frm)
{
    tr(&insn, 1, frm);
}

static unsigned count(IrOpcode opc)
{
    unsigned n = 0;
    for (size_t i = 0; i < ir_op_count(m->ir); i++)
        n += ir_op_at(m->ir, i)->opc == opc;
    return n;
}

/* The rounding mode of the k-th fsetrm, or -1. */
static int setrm(unsigned k)
{
    for (size_t i = 0; i < ir_op_count(m->ir); i++) {
        IrOp *op = ir_op_at(m->ir, i);
        if (op->opc == IR_OP_fsetrm && k-- == 0)
            return (int)ir_op_const(op, 0)->imm;
    }
    return -1;
}

/* Whether the block raises an illegal-instruction exception. */
static bool illegal(void)
{
    for (size_t i = 0; i < ir_op_count(m->ir); i++) {
        IrOp *op = ir_op_at(m->ir, i);
        if (op->opc == IR_OP_st_env &&
            ir_op_const(op, 0)->imm == (int64_t)offsetof(RvCpu, exception) &&
            ir_temp_is_const(m->ir, op->args[0].temp))
            return ir_const_value(m->ir, op->args[0].temp) == RV_EXC_ILLEGAL;
    }
    return false;
}

/* fadd.d with DYN under frm = RNE: fadd, fcanon, the move; nothing else. */
START_TEST(common_case_is_short)
{
    tr1(FADD_D(3, 1, 2, RM_DYN), 0);
    ck_assert_uint_eq(count(IR_OP_fadd), 1);
    ck_assert_uint_eq(count(IR_OP_fcanon), 1);
    ck_assert_uint_eq(count(IR_OP_fsetrm), 0);
    ck_assert_uint_eq(count(IR_OP_call), 0);
    ck_assert_uint_eq(count(IR_OP_funbox) + count(IR_OP_fbox), 0);
    /* fmadd.d: fma and fcanon_fma */
    tr1(FMADD_D(4, 1, 2, 3, RM_DYN), 0);
    ck_assert_uint_eq(count(IR_OP_fma), 1);
    ck_assert_uint_eq(count(IR_OP_fcanon_fma), 1);
    ck_assert_uint_eq(count(IR_OP_fsetrm) + count(IR_OP_call), 0);
}
END_TEST

/* Static modes: switched around the op unless the block's mode has them. */
START_TEST(static_modes)
{
    for (unsigned frm = 0; frm < 8; frm++) {
        unsigned host = frm < 4 ? frm : 0;
        for (unsigned rm = 0; rm < 4; rm++) {
            tr1(FADD_D(3, 1, 2, rm), frm);
            ck_assert_uint_eq(count(IR_OP_call), 0);
            if (rm == host) {
                ck_assert_uint_eq(count(IR_OP_fsetrm), 0);
            } else {
                ck_assert_uint_eq(count(IR_OP_fsetrm), 2);
                ck_assert_int_eq(setrm(0), (int)rm);
                ck_assert_int_eq(setrm(1), (int)host);
            }
        }
    }
}
END_TEST

/* DYN takes the block's frm: no switch for 0..3; RMM calls the helper;
 * 5..7 are illegal (and so are static 5 and 6). */
START_TEST(dynamic_modes)
{
    for (unsigned frm = 0; frm < 8; frm++) {
        tr1(FADD_D(3, 1, 2, RM_DYN), frm);
        ck_assert_uint_eq(count(IR_OP_fsetrm), 0);
        ck_assert_uint_eq(count(IR_OP_call), frm == 4);
        ck_assert_uint_eq(count(IR_OP_fadd), frm < 4);
        ck_assert(illegal() == (frm > 4));
    }
    tr1(FADD_D(3, 1, 2, 4), 0);                 /* static RMM */
    ck_assert_uint_eq(count(IR_OP_call), 1);
    for (unsigned rm = 5; rm < 7; rm++) {
        tr1(FADD_D(3, 1, 2, rm), 0);
        ck_assert(illegal());
        tr1(FCVT_D_W(3, 10, rm), 0);            /* even an exact one */
        ck_assert(illegal());
    }
}
END_TEST

/* Float to integer rounds by the op's own mode: never an MXCSR switch. */
START_TEST(conversions)
{
    for (unsigned frm = 0; frm < 5; frm++) {
        for (unsigned rm = 0; rm < 8; rm++) {
            if (rm == 5 || rm == 6)
                continue;
            tr1(FCVT_W_D(10, 1, rm), frm);
            unsigned eff = rm == RM_DYN ? frm : rm;
            ck_assert_uint_eq(count(IR_OP_fsetrm), 0);
            ck_assert_uint_eq(count(IR_OP_call), eff == 4);
            ck_assert_uint_eq(count(IR_OP_ftoi), eff != 4);
        }
    }
    /* fcvt.d.w is exact: no helper even in RMM; fcvt.s.l rounds */
    tr1(FCVT_D_W(3, 10, 4), 0);
    ck_assert_uint_eq(count(IR_OP_call), 0);
    ck_assert_uint_eq(count(IR_OP_itof), 1);
    tr1(FCVT_S_L(3, 10, 4), 0);
    ck_assert_uint_eq(count(IR_OP_call), 1);
    tr1(FCVT_S_L(3, 10, 1), 0);
    ck_assert_uint_eq(count(IR_OP_fsetrm), 2);
}
END_TEST

/* Singles: unboxed once per register and block; not after flw or an F op
 * wrote the register; again after a D op wrote it. */
START_TEST(nan_boxing)
{
    uint32_t a[] = { FADD_S(3, 1, 2, RM_DYN), FMUL_S(4, 1, 3, RM_DYN),
                     FMUL_S(5, 1, 1, RM_DYN) };
    tr(a, 3, 0);
    ck_assert_uint_eq(count(IR_OP_funbox), 2);  /* f1 and f2, once each */
    ck_assert_uint_eq(count(IR_OP_fbox), 3);
    uint32_t b[] = { FLW(1, 10, 0), FADD_S(3, 1, 1, RM_DYN) };
    tr(b, 2, 0);
    ck_assert_uint_eq(count(IR_OP_funbox), 0);
    uint32_t c[] = { FADD_S(3, 1, 1, RM_DYN), FMV_D_X(1, 10),
                     FADD_S(4, 1, 1, RM_DYN) };
    tr(c, 3, 0);
    ck_assert_uint_eq(count(IR_OP_funbox), 2);
    uint32_t d[] = { FADD_S(3, 1, 1, RM_DYN), FSGNJ_D(1, 2, 2),
                     FADD_S(4, 1, 1, RM_DYN) };
    tr(d, 3, 0);
    ck_assert_uint_eq(count(IR_OP_funbox), 2);
}
END_TEST

/* fsgnj rs, rs is a move (fmv.d): no integer round trip. */
START_TEST(fmv_is_a_move)
{
    tr1(FSGNJ_D(3, 1, 1), 0);
    ck_assert_uint_eq(count(IR_OP_bitcast_f2i), 0);
    ck_assert_uint_eq(count(IR_OP_mov) >= 1, 1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fpu_translate");
    TCase *tc = tcase_create("fpu_translate");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, common_case_is_short);
    tcase_add_test(tc, static_modes);
    tcase_add_test(tc, dynamic_modes);
    tcase_add_test(tc, conversions);
    tcase_add_test(tc, nan_boxing);
    tcase_add_test(tc, fmv_is_a_move);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
