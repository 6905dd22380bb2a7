/*
 * The FP CSRs between RvCpu and the host MXCSR (src/frontend/riscv/
 * rv_fcsr.c; RISC-V Unprivileged ISA 20191213, 11.2; docs/fpu.md): a read
 * folds the flags accrued in MXCSR into fflags; a write of fflags/fcsr
 * replaces them (old MXCSR flags must not reappear); frm lands in MXCSR.RC
 * (RNE for RMM and the invalid modes); the widths are 5, 3 and 8 bits;
 * rv_fpu_host_load/save move the state for the runtime.  Real host FP
 * operations raise the flags, so the mapping of every MXCSR flag is
 * exercised as the generated code would.
 */
#include <check.h>
#include <float.h>
#include <xmmintrin.h>

#include "rv_fcsr.h"
#include "rv_fcsr_host.h"
#include "check_run.h"

static RvCpu cpu;
static unsigned saved_csr;

static void setup(void)
{
    rv_cpu_init(&cpu);
    saved_csr = _mm_getcsr();
    rv_fpu_host_load(&cpu);
}

static void teardown(void)
{
    _mm_setcsr(saved_csr);
}

/* Host operations that raise one flag each (volatile: done at run time). */
static void raise_host(unsigned rv_flag)
{
    volatile double x, y, r;
    switch (rv_flag) {
    case 16: x = 0.0; y = 0.0; r = x / y; break;           /* IE */
    case 8:  x = 1.0; y = 0.0; r = x / y; break;           /* ZE */
    case 4:  x = DBL_MAX; y = 2.0; r = x * y; break;       /* OE, PE */
    case 2:  x = DBL_MIN; y = 0.3; r = x * y; break;       /* UE, PE */
    default: x = 1.0; y = 3.0; r = x / y; break;           /* PE */
    }
    (void)r;
}

START_TEST(flags_from_host)
{
    static const unsigned want[] = { 16, 8, 4 | 1, 2 | 1, 1 };
    static const unsigned flag[] = { 16, 8, 4, 2, 1 };
    rv_fcsr_write(&cpu, RV_CSR_FFLAGS, 0);
    raise_host(flag[_i]);
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FFLAGS), want[_i]);
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FCSR), want[_i]);
    /* reading does not clear; writing does, in MXCSR too */
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FFLAGS), want[_i]);
    rv_fcsr_write(&cpu, RV_CSR_FFLAGS, 0);
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FFLAGS), 0);
    ck_assert_uint_eq(_mm_getcsr() & RV_MXCSR_FLAGS, 0);
}
END_TEST

START_TEST(write_replaces)
{
    raise_host(16);                                 /* NV accrued in MXCSR */
    rv_fcsr_write(&cpu, RV_CSR_FFLAGS, 0x1 | 0xe0); /* only 5 bits kept */
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FFLAGS), 1);
    ck_assert_uint_eq(cpu.frm, 0);
    raise_host(8);
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FFLAGS), 1 | 8);
    /* fcsr = frm << 5 | fflags; bits above 8 ignored and read as 0 */
    rv_fcsr_write(&cpu, RV_CSR_FCSR, 0xf63);        /* frm 3, flags 3 */
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FCSR), 0x63);
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FRM), 3);
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FFLAGS), 3);
    /* frm alone keeps the flags */
    raise_host(16);
    rv_fcsr_write(&cpu, RV_CSR_FRM, 0x1f);          /* 3 bits: 7 */
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FCSR), 0xe0 | 0x13);
}
END_TEST

/* frm -> MXCSR.RC: RNE 0, RTZ 3, RDN 1, RUP 2; RMM and 5..7 give RNE. */
START_TEST(frm_to_rounding)
{
    static const unsigned rc[8] = { 0, 3, 1, 2, 0, 0, 0, 0 };
    rv_fcsr_write(&cpu, RV_CSR_FRM, (uint64_t)_i);
    ck_assert_uint_eq((_mm_getcsr() >> 13) & 3, rc[_i]);
    ck_assert_uint_eq(_mm_getcsr() & 0x1f80, 0x1f80);       /* masked */
    ck_assert_uint_eq(_mm_getcsr() & 0x8040, 0);            /* no FTZ/DAZ */
    rv_fcsr_write(&cpu, RV_CSR_FCSR, (uint64_t)_i << 5);
    ck_assert_uint_eq((_mm_getcsr() >> 13) & 3, rc[_i]);
    /* and the host really rounds that way: 1 + 2^-60 */
    volatile double one = 1.0, tiny = 0x1p-60, r = one + tiny;
    ck_assert(r == (rc[_i] == 2 ? 1.0 + 0x1p-52 : 1.0));
}
END_TEST

START_TEST(host_load_save)
{
    cpu.frm = 2;
    cpu.fflags = 0x4;
    rv_fpu_host_load(&cpu);
    ck_assert_uint_eq(_mm_getcsr(), 0x1f80 | 1u << 13);
    raise_host(1);
    rv_fpu_host_save(&cpu);
    ck_assert_uint_eq(cpu.fflags, 0x5);
    ck_assert_uint_eq(_mm_getcsr() & RV_MXCSR_FLAGS, 0);
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FCSR), 2 << 5 | 0x5);
    /* the denormal flag is not a RISC-V flag */
    _mm_setcsr(_mm_getcsr() | RV_MXCSR_DE);
    ck_assert_uint_eq(rv_fcsr_read(&cpu, RV_CSR_FFLAGS), 0x5);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fcsr");
    TCase *tc = tcase_create("fcsr");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, flags_from_host, 0, 5);
    tcase_add_test(tc, write_replaces);
    tcase_add_loop_test(tc, frm_to_rounding, 0, 8);
    tcase_add_test(tc, host_load_save);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
