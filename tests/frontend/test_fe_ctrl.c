/*
 * Control transfer and environment instructions, executed (RISC-V
 * Unprivileged ISA 20191213, 2.5 JAL/JALR/branches, 2.7 FENCE, 2.8
 * ECALL/EBREAK, chapter 3 FENCE.I): link values, targets (JALR clears bit
 * 0; rd == rs1), every branch condition on signed/unsigned edge pairs,
 * loops through chained blocks, the exits and their pc, and illegal
 * encodings raising RV_EXC_ILLEGAL at their pc with cpu.insn set, after
 * the earlier instructions of the block took effect.
 */
#include <stdio.h>

#include "fe_test.h"

static FeMachine *m;

START_TEST(jal_link_and_target)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, JAL(1, 12));                 /* 0x10000 -> 0x1000c, ra = 0x10004 */
    fe_i(&a, ADDI(10, 0, 1));             /* skipped */
    fe_i(&a, ECALL);
    fe_i(&a, JAL(0, 0x100));              /* 0x1000c -> 0x1010c, no link */
    a = fe_asm(m, FE_ORIGIN + 0x10c);
    fe_i(&a, JAL(5, -0x10c + 0x200));     /* forward to 0x10200, t0 = 0x10110 */
    a = fe_asm(m, FE_ORIGIN + 0x200);
    fe_i(&a, ADDI(11, 0, 7));
    fe_i(&a, ECALL);
    x[10] = 0;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 0x204);
    ck_assert_uint_eq(x[1], FE_ORIGIN + 4);
    ck_assert_uint_eq(x[5], FE_ORIGIN + 0x110);
    ck_assert_uint_eq(x[10], 0);
    ck_assert_uint_eq(x[11], 7);
    ck_assert_uint_eq(x[0], 0);
    fe_free(m);
}
END_TEST

START_TEST(jalr_forms)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    /* jalr t0, 5(t0): target from the old t0, odd target rounded down */
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, JALR(5, 5, 5));
    a = fe_asm(m, FE_ORIGIN + 0x100);
    fe_i(&a, ECALL);
    x[5] = FE_ORIGIN + 0x100 - 4;         /* +5 = 0x10101 -> 0x10100 */
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 0x100);
    ck_assert_uint_eq(x[5], FE_ORIGIN + 4);

    /* call/ret pair through ra, negative offset; jalr x0 (ret) */
    fe_flush(m);
    a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, JALR(1, 6, -16));            /* call 0x10300 */
    fe_i(&a, ADDI(10, 10, 100));
    fe_i(&a, ECALL);
    a = fe_asm(m, FE_ORIGIN + 0x300);
    fe_i(&a, ADDI(10, 0, 1));
    fe_i(&a, JALR(0, 1, 0));              /* ret */
    x[6] = FE_ORIGIN + 0x310;
    x[10] = 0;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[10], 101);
    ck_assert_uint_eq(x[1], FE_ORIGIN + 4);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 8);

    /* jalr from x0: absolute target */
    fe_flush(m);
    a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, ADDI(0, 0, 0));
    fe_i(&a, JALR(7, 0, 0x7ff));          /* target 0x7fe: not fetchable */
    m->hart.cpu.pc = FE_ORIGIN;
    FeTb *tb = fe_get_tb(m, &m->hart, FE_ORIGIN);
    ck_assert_ptr_nonnull(tb);
    uintptr_t v = jit_enter(m->jit, &m->hart, tb->jtb.code);
    ck_assert_uint_eq(v, 0);              /* lookup miss: back to the loop */
    ck_assert_uint_eq(m->hart.cpu.pc, 0x7fe);
    ck_assert_uint_eq(x[7], FE_ORIGIN + 8);
    fe_free(m);
}
END_TEST

typedef struct Br {
    const char *name;
    uint32_t (*enc)(unsigned, unsigned, int);
    int (*taken)(uint64_t, uint64_t);
} Br;

#define ENCB(M) static uint32_t eb_##M(unsigned a, unsigned b, int imm) \
    { return M(a, b, imm); }
ENCB(BEQ) ENCB(BNE) ENCB(BLT) ENCB(BGE) ENCB(BLTU) ENCB(BGEU)
static int t_eq(uint64_t a, uint64_t b) { return a == b; }
static int t_ne(uint64_t a, uint64_t b) { return a != b; }
static int t_lt(uint64_t a, uint64_t b) { return (int64_t)a < (int64_t)b; }
static int t_ge(uint64_t a, uint64_t b) { return (int64_t)a >= (int64_t)b; }
static int t_ltu(uint64_t a, uint64_t b) { return a < b; }
static int t_geu(uint64_t a, uint64_t b) { return a >= b; }

static const Br brs[] = {
    { "beq", eb_BEQ, t_eq }, { "bne", eb_BNE, t_ne }, { "blt", eb_BLT, t_lt },
    { "bge", eb_BGE, t_ge }, { "bltu", eb_BLTU, t_ltu },
    { "bgeu", eb_BGEU, t_geu },
};

/* _i = branch * 2 + opt; forward and backward targets */
START_TEST(branches)
{
    const Br *b = &brs[_i / 2];
    m = fe_new(_i & 1);
    uint64_t *x = fe_x(m);
    /* 0x10000: b a0, a1, +0x40 (taken -> 0x10040)
     * 0x10004: addi a2, zero, 1; ecall (not taken)
     * 0x10040: jal 0x10080 -> 0x10080: b a1, a0, -0x40 (back to 0x10040?)
     * keep it simple: 0x10040: addi a2, zero, 2; ecall */
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, b->enc(10, 11, 0x40));
    fe_i(&a, ADDI(12, 0, 1));
    fe_i(&a, ECALL);
    a = fe_asm(m, FE_ORIGIN + 0x40);
    fe_i(&a, ADDI(12, 0, 2));
    fe_i(&a, b->enc(11, 10, -0x40 + 0x20));  /* 0x10044 -> 0x10024 */
    fe_i(&a, ECALL);
    a = fe_asm(m, FE_ORIGIN + 0x24);
    fe_i(&a, ADDI(13, 0, 3));
    fe_i(&a, ECALL);
    for (size_t i = 0; i < FE_NB_EDGES; i++)
        for (size_t j = 0; j < FE_NB_EDGES; j += 3) {
            uint64_t va = fe_edges[i], vb = fe_edges[(i + j) % FE_NB_EDGES];
            x[10] = va;
            x[11] = vb;
            x[12] = x[13] = 0;
            ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
            int t1 = b->taken(va, vb), t2 = b->taken(vb, va);
            ck_assert_msg(x[12] == (t1 ? 2u : 1u), "%s %#llx %#llx", b->name,
                          (unsigned long long)va, (unsigned long long)vb);
            ck_assert_uint_eq(x[13], t1 && t2 ? 3 : 0);
            uint64_t end = !t1 ? 0x08 : t2 ? 0x28 : 0x48;
            ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + end);
        }
    /* x0 operands: constant conditions */
    fe_flush(m);
    a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, b->enc(0, 0, 8));
    fe_i(&a, ECALL);
    fe_i(&a, ECALL);
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + (b->taken(0, 0) ? 8 : 4));
    fe_free(m);
}
END_TEST

/* A counted loop: the back edge chains to its own block. */
START_TEST(loop_chained)
{
    m = fe_new(_i & 1);
    m->chain = _i < 2;
    uint64_t *x = fe_x(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, ADDI(10, 0, 0));
    fe_i(&a, ADDI(11, 0, 1000));
    fe_i(&a, ADD(10, 10, 11));            /* loop: */
    fe_i(&a, ADDI(11, 11, -1));
    fe_i(&a, BNE(11, 0, -8));
    fe_i(&a, ECALL);
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[10], 500500);
    ck_assert_uint_eq(x[11], 0);
    if (m->chain)
        ck_assert_uint_ge(m->nb_links, 2);
    else
        ck_assert_uint_eq(m->nb_links, 0);
    fe_free(m);
}
END_TEST

START_TEST(env_exits)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    static const struct { uint32_t insn; unsigned exc; } cases[] = {
        { ECALL, RV_EXC_ECALL },
        { EBREAK, RV_EXC_EBREAK },
        { FENCE_I, RV_EXC_FENCE_I },
        { FENCE_I | 0xfff00000u | 5u << 15 | 3u << 7, RV_EXC_FENCE_I },
    };
    for (size_t k = 0; k < 4; k++) {
        fe_flush(m);
        FeAsm a = fe_asm(m, FE_ORIGIN);
        fe_i(&a, ADDI(10, 0, 42));
        fe_i(&a, cases[k].insn);
        fe_i(&a, ADDI(10, 0, 43));
        x[10] = 0;
        ck_assert_uint_eq(fe_run(m, FE_ORIGIN), cases[k].exc);
        ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 4);
        ck_assert_uint_eq(x[10], 42);
    }
    fe_free(m);
}
END_TEST

/* Fences execute as no-ops on the registers (ordering is tested at IR level). */
START_TEST(fences_run)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    for (unsigned p = 0; p < 16; p += 5)
        for (unsigned s = 0; s < 16; s += 3)
            fe_i(&a, FENCE(p, s));
    fe_i(&a, FENCE_TSO);
    fe_i(&a, FENCE(3, 3) | 0xf0000000u);      /* reserved fm: a plain fence */
    fe_i(&a, ADDI(10, 0, 9));
    fe_i(&a, ECALL);
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[10], 9);
    fe_free(m);
}
END_TEST

static const uint32_t illegal32[] = {
    0xffffffffu,            /* a >32-bit length encoding */
    0x0000007fu,            /* >= 80-bit encoding prefix */
    0x0000001fu,            /* 48-bit prefix */
    0x10200073u,            /* sret */
    0x30200073u,            /* mret */
    0x10500073u,            /* wfi */
    0x12000073u,            /* sfence.vma */
    0x00200073u,            /* uret (gone) */
    0x0000000bu,            /* custom-0 */
    0x0000702fu,            /* AMO with width 7 */
    0x1000202fu | (1u << 20), /* lr.w with rs2 != 0 */
    0x02001033u | (1u << 30), /* sll with funct7 0x22 */
    0x0200101bu,            /* slliw with shamt[5] = 1 */
    0x4000001bu | (1u << 12) | (1u << 25), /* sraiw-ish reserved */
    0x00005003u | (7u << 12), /* load funct3 7 */
    0x00004023u,            /* store funct3 4 */
    0x00002063u,            /* branch funct3 2 */
    0x00001067u,            /* jalr funct3 1 */
    0x30002573u,            /* csrrs a0, mstatus, zero */
    0xc0301573u,            /* csrrw a0, hpmcounter3, zero */
    0xc8002573u,            /* csrrs a0, cycleh, zero (RV32 only) */
    0xc0059073u,            /* csrrw zero, cycle, a1 (read-only) */
    0xc0156073u,            /* csrrsi zero, time, 10 */
    0xc025a073u,            /* csrrs zero, instret, a1 */
};

/* _i = case * 2 + opt */
START_TEST(illegal_32)
{
    uint32_t insn = illegal32[_i / 2];
    m = fe_new(_i & 1);
    uint64_t *x = fe_x(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, ADDI(10, 0, 5));
    fe_i(&a, ADDI(11, 0, 6));
    fe_i(&a, insn);
    fe_i(&a, ADDI(10, 0, 7));
    fe_i(&a, ECALL);
    x[10] = x[11] = 0;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ILLEGAL);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 8);
    ck_assert_uint_eq(m->hart.cpu.insn, insn);
    ck_assert_uint_eq(x[10], 5);
    ck_assert_uint_eq(x[11], 6);
    /* the same as the block's first instruction */
    m->hart.cpu.insn = 0;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN + 8), RV_EXC_ILLEGAL);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 8);
    ck_assert_uint_eq(m->hart.cpu.insn, insn);
    fe_free(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fe_ctrl");
    TCase *tc = tcase_create("ctrl");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, jal_link_and_target, 0, 2);
    tcase_add_loop_test(tc, jalr_forms, 0, 2);
    tcase_add_loop_test(tc, branches, 0, 12);
    tcase_add_loop_test(tc, loop_chained, 0, 4);
    tcase_add_loop_test(tc, env_exits, 0, 2);
    tcase_add_loop_test(tc, fences_run, 0, 2);
    tcase_add_loop_test(tc, illegal_32, 0,
                        2 * (int)(sizeof illegal32 / sizeof illegal32[0]));
    suite_add_tcase(s, tc);
    return ck_run(s);
}
