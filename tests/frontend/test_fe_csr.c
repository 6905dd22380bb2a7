/*
 * Zicsr, executed (RISC-V Unprivileged ISA 20191213, chapter 9; 10.1
 * counters; 11.2 fcsr): the counters are readable (time in 10 MHz ticks
 * of CLOCK_MONOTONIC, cycle non-decreasing, instret = RvCpu.instret plus
 * the instructions before the reading one in its block), writes to them
 * and every other CSR are illegal, and fflags/frm/fcsr obey read/write/
 * set/clear with register and immediate forms through rv_fcsr_read/
 * rv_fcsr_write, with frm writes ending the block so the next one is
 * looked up for the new frm.
 */
#include <time.h>
#include <xmmintrin.h>

#include "fe_test.h"

static FeMachine *m;

#define CYCLE   0xc00
#define TIME    0xc01
#define INSTRET 0xc02
#define FFLAGS  0x001
#define FRM     0x002
#define FCSR    0x003

static uint64_t host_time_10mhz(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 10000000u + (uint64_t)ts.tv_nsec / 100u;
}

START_TEST(counters)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, CSRRS(10, TIME, 0));
    fe_i(&a, CSRRS(11, CYCLE, 0));
    fe_i(&a, CSRRS(12, CYCLE, 0));
    fe_i(&a, CSRRS(13, INSTRET, 0));      /* 3 before it in the block */
    fe_i(&a, CSRRS(0, CYCLE, 0));         /* rd = x0: legal, no effect */
    fe_i(&a, CSRRC(0, TIME, 0));
    fe_i(&a, CSRRSI(0, INSTRET, 0));
    fe_i(&a, CSRRCI(14, INSTRET, 0));     /* 7 before it */
    fe_i(&a, JAL(0, 4));                  /* a new block: */
    fe_i(&a, CSRRS(15, INSTRET, 0));      /* first in its block */
    fe_i(&a, CSRRS(16, TIME, 0));
    fe_i(&a, CSRRS(17, CYCLE, 0));
    fe_i(&a, ECALL);
    m->hart.cpu.instret = 1000;
    uint64_t t0 = host_time_10mhz();
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    uint64_t t1 = host_time_10mhz();
    ck_assert_uint_le(t0, x[10]);
    ck_assert_uint_le(x[10], x[16]);
    ck_assert_uint_le(x[16], t1);
    ck_assert_uint_le(x[11], x[12]);
    ck_assert_uint_le(x[12], x[17]);
    ck_assert_uint_eq(x[13], 1003);
    ck_assert_uint_eq(x[14], 1007);
    ck_assert_uint_eq(x[15], 1000);
    ck_assert_uint_eq(x[0], 0);
    fe_free(m);
}
END_TEST

/* Illegal: writes (attempts) to counters, other CSRs.  _i = case*2+opt */
static const uint32_t bad_csr[] = {
    CSRRW(10, CYCLE, 11), CSRRW(0, TIME, 0), CSRRS(10, INSTRET, 11),
    CSRRC(10, CYCLE, 12), CSRRWI(10, TIME, 0), CSRRSI(10, CYCLE, 1),
    CSRRCI(0, INSTRET, 31),
    CSRRS(10, 0xc03, 0), CSRRS(10, 0xc1f, 0), CSRRS(10, 0xc80, 0),
    CSRRS(10, 0xc81, 0), CSRRS(10, 0xc82, 0), CSRRS(10, 0xc20, 0),
    CSRRS(10, 0xc22, 0), CSRRS(10, 0x000, 0), CSRRS(10, 0x004, 0),
    CSRRS(10, 0x008, 0), CSRRS(10, 0x00f, 0), CSRRS(10, 0x015, 0),
    CSRRS(10, 0x100, 0), CSRRS(10, 0x180, 0), CSRRS(10, 0x300, 0),
    CSRRS(10, 0xf14, 0), CSRRS(10, 0xb00, 0), CSRRW(10, 0x7c0, 11),
    CSRRW(10, 0x800, 11), CSRRS(10, 0xfff, 0),
};

START_TEST(illegal_csr)
{
    uint32_t insn = bad_csr[_i / 2];
    m = fe_new(_i & 1);
    uint64_t *x = fe_x(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, ADDI(10, 0, 5));
    fe_i(&a, insn);
    fe_i(&a, ECALL);
    x[11] = 0;                         /* a zero value still means a write */
    x[12] = 0;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ILLEGAL);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 4);
    ck_assert_uint_eq(m->hart.cpu.insn, insn);
    ck_assert_uint_eq(x[10], 5);
    fe_free(m);
}
END_TEST

START_TEST(fp_csrs)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, CSRRWI(0, FCSR, 0));          /* ends the block (frm) */
    fe_i(&a, CSRRWI(10, FFLAGS, 0x15));    /* a0 = 0 */
    fe_i(&a, CSRRSI(11, FFLAGS, 0x0a));    /* a1 = 0x15, fflags = 0x1f */
    fe_i(&a, CSRRCI(12, FFLAGS, 0x01));    /* a2 = 0x1f, fflags = 0x1e */
    fe_i(&a, CSRRS(13, FFLAGS, 0));        /* a3 = 0x1e */
    fe_i(&a, CSRRWI(14, FRM, 3));          /* a4 = 0, frm = 3; ends */
    fe_i(&a, CSRRS(15, FCSR, 0));          /* a5 = 0x7e */
    fe_i(&a, ADDI(5, 0, 0x1ff));
    fe_i(&a, CSRRW(16, FCSR, 5));          /* a6 = 0x7e, fcsr = 0xff */
    fe_i(&a, CSRRS(17, FRM, 0));           /* a7 = 7 */
    fe_i(&a, CSRRS(18, FFLAGS, 0));        /* s2 = 0x1f */
    fe_i(&a, ADDI(6, 0, 0xe0));
    fe_i(&a, CSRRC(19, FCSR, 6));          /* s3 = 0xff, fcsr = 0x1f */
    fe_i(&a, CSRRS(20, FCSR, 0));          /* s4 = 0x1f */
    fe_i(&a, ADDI(7, 0, 2));
    fe_i(&a, CSRRS(21, FRM, 7));           /* s5 = 0, frm = 2 */
    fe_i(&a, CSRRW(0, FFLAGS, 0));         /* fflags = 0, no read */
    fe_i(&a, CSRRS(22, FCSR, 0));          /* s6 = 0x40 */
    fe_i(&a, CSRRW(9, FFLAGS, 9));         /* rd == rs1: s1 = 0, fflags = s1 */
    fe_i(&a, CSRRS(23, FFLAGS, 0));        /* s7 = old s1 & 0x1f */
    fe_i(&a, ECALL);
    x[9] = 0xfffffff3;
    _mm_setcsr(_mm_getcsr() & ~0x3fu);     /* no stale host flags */
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[10], 0);
    ck_assert_uint_eq(x[11], 0x15);
    ck_assert_uint_eq(x[12], 0x1f);
    ck_assert_uint_eq(x[13], 0x1e);
    ck_assert_uint_eq(x[14], 0);
    ck_assert_uint_eq(x[15], 0x7e);
    ck_assert_uint_eq(x[16], 0x7e);
    ck_assert_uint_eq(x[17], 7);
    ck_assert_uint_eq(x[18], 0x1f);
    ck_assert_uint_eq(x[19], 0xff);
    ck_assert_uint_eq(x[20], 0x1f);
    ck_assert_uint_eq(x[21], 0);
    ck_assert_uint_eq(x[22], 0x40);
    ck_assert_uint_eq(x[9], 0);
    ck_assert_uint_eq(x[23], 0x13);
    ck_assert_uint_eq(m->hart.cpu.frm, 2);
    /* blocks were looked up for each frm the program set */
    bool seen[8] = { false };
    for (unsigned i = 0; i < m->nb_tbs; i++)
        seen[m->tbs[i].frm & 7] = true;
    ck_assert(seen[0] && seen[3] && seen[7] && seen[2]);
    fe_free(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fe_csr");
    TCase *tc = tcase_create("csr");
    tcase_add_loop_test(tc, counters, 0, 2);
    tcase_add_loop_test(tc, illegal_csr, 0,
                        2 * (int)(sizeof bad_csr / sizeof bad_csr[0]));
    tcase_add_loop_test(tc, fp_csrs, 0, 2);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
