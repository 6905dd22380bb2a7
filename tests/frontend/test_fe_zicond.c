/*
 * Zicond against a reference written in C.  qemu-riscv64 7.2 predates
 * Zicond, so unlike the other extensions its instructions cannot be
 * difftested against QEMU; this test is their difftest: czero.eqz and
 * czero.nez (RISC-V "Zicond" extension 1.0.0, 2.1 and 2.2) run through
 * the real decoder, translator, optimizer and x86-64 backend on every pair
 * of edge values and many pseudo-random pairs, with rd aliasing rs1, rs2,
 * both, and x0 as a source or destination, the optimizer off and on; the
 * results are compared with the spec's definition.  Turned off in the
 * enabled-extension mask, the encodings are illegal instructions.
 */
#include <stdio.h>
#include <string.h>

#include "fe_test.h"
#include "rv_ext.h"

#define CZERO_EQZ(rd, rs1, rs2) rv_r(0x07, (rs2), (rs1), 5, (rd), 0x33)
#define CZERO_NEZ(rd, rs1, rs2) rv_r(0x07, (rs2), (rs1), 7, (rd), 0x33)

/* the spec: rd = (rs2 == 0) ? 0 : rs1, and the inverse condition */
static uint64_t ref_eqz(uint64_t v, uint64_t c) { return c == 0 ? 0 : v; }
static uint64_t ref_nez(uint64_t v, uint64_t c) { return c != 0 ? 0 : v; }

typedef struct CzOp {
    const char *name;
    uint32_t (*enc)(unsigned rd, unsigned rs1, unsigned rs2);
    uint64_t (*ref)(uint64_t v, uint64_t c);
} CzOp;

static uint32_t e_eqz(unsigned d, unsigned s1, unsigned s2) { return CZERO_EQZ(d, s1, s2); }
static uint32_t e_nez(unsigned d, unsigned s1, unsigned s2) { return CZERO_NEZ(d, s1, s2); }

static const CzOp ops[] = {
    { "czero.eqz", e_eqz, ref_eqz },
    { "czero.nez", e_nez, ref_nez },
};

static FeMachine *m;

/* Runs INSN then ecall with x5 = V, x6 = C (and x7 = a marker). */
static uint64_t run(uint32_t insn, unsigned rd, uint64_t v, uint64_t c)
{
    fe_flush(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, insn);
    fe_i(&a, ECALL);
    uint64_t *x = fe_x(m);
    memset(x, 0, 32 * sizeof *x);
    x[5] = v;
    x[6] = c;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[0], 0);
    return x[rd];
}

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* _i = op * 2 + opt */
START_TEST(values)
{
    const CzOp *op = &ops[_i / 2];
    m = fe_new(_i & 1);
    unsigned n = 0;
    for (unsigned i = 0; i < FE_NB_EDGES; i++)
        for (unsigned j = 0; j < FE_NB_EDGES; j++, n++) {
            uint64_t v = fe_edges[i], c = fe_edges[j];
            ck_assert_msg(run(op->enc(7, 5, 6), 7, v, c) == op->ref(v, c),
                          "%s 0x%llx, 0x%llx", op->name,
                          (unsigned long long)v, (unsigned long long)c);
        }
    uint64_t s = 42;
    for (unsigned k = 0; k < 2000; k++, n++) {
        uint64_t v = splitmix(&s);
        uint64_t c = (k & 3) == 0 ? 0 : splitmix(&s) >> (k % 64);
        ck_assert_uint_eq(run(op->enc(7, 5, 6), 7, v, c), op->ref(v, c));
    }
    ck_assert_uint_ge(n, 2000);
    fe_free(m);
}
END_TEST

/* rd = rs1, rd = rs2, rs1 = rs2, x0 as source and destination */
START_TEST(registers)
{
    const CzOp *op = &ops[_i / 2];
    m = fe_new(_i & 1);
    for (unsigned i = 0; i < FE_NB_EDGES; i++) {
        uint64_t v = fe_edges[i], c = fe_edges[(i * 7 + 3) % FE_NB_EDGES];
        ck_assert_uint_eq(run(op->enc(5, 5, 6), 5, v, c), op->ref(v, c));
        ck_assert_uint_eq(run(op->enc(6, 5, 6), 6, v, c), op->ref(v, c));
        ck_assert_uint_eq(run(op->enc(7, 5, 5), 7, v, c), op->ref(v, v));
        ck_assert_uint_eq(run(op->enc(7, 0, 6), 7, v, c), op->ref(0, c));
        ck_assert_uint_eq(run(op->enc(7, 5, 0), 7, v, c), op->ref(v, 0));
        ck_assert_uint_eq(run(op->enc(0, 5, 6), 0, v, c), 0);
    }
    fe_free(m);
}
END_TEST

/* -cpu rv64,zicond=off: the extension's decoder is not consulted */
START_TEST(disabled)
{
    int bit = rv_ext_find("zicond");
    ck_assert_int_ge(bit, 0);
    m = fe_new(false);
    m->ext = rv_ext_default_mask() & ~((uint64_t)1 << bit);
    fe_flush(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, ops[_i].enc(7, 5, 6));
    fe_i(&a, ECALL);
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ILLEGAL);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN);
    m->ext = 0;                      /* the default set has it again */
    fe_flush(m);
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    fe_free(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fe_zicond");
    TCase *tc = tcase_create("zicond");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, values, 0, 4);
    tcase_add_loop_test(tc, registers, 0, 4);
    tcase_add_loop_test(tc, disabled, 0, 2);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
