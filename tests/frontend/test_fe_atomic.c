/*
 * The A extension, executed (RISC-V Unprivileged ISA 20191213, chapter 8):
 * LR/SC success and failure (no reservation, another address, a changed
 * value, the reservation cleared by every SC), .W sign extension, every
 * AMO at both widths against a C model (rd = old value, memory = op
 * result, neighbouring bytes untouched), aq/rl forms, misaligned
 * addresses (RV_EXC_MISALIGNED with badaddr, nothing modified; an SC to a
 * non-reserved misaligned address just fails, as on qemu-riscv64), and
 * real concurrency: host threads running AMO and LR/SC increment loops on
 * one counter must lose no update.
 */
#include <pthread.h>
#include <string.h>

#include "fe_test.h"

static FeMachine *m;

static uint64_t rd64(uint64_t g)
{
    uint64_t v;
    memcpy(&v, fe_host(m, g), 8);
    return v;
}

static void wr64(uint64_t g, uint64_t v)
{
    memcpy(fe_host(m, g), &v, 8);
}

static uint64_t sx32(uint64_t v) { return (uint64_t)(int64_t)(int32_t)v; }

START_TEST(lr_sc)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    RvCpu *cpu = &m->hart.cpu;
    const uint64_t A = FE_DATA + 64;
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, LR_D(10, 11, 0));
    fe_i(&a, ADDI(12, 10, 1));
    fe_i(&a, SC_D(13, 12, 11, 0));        /* succeeds: 0 */
    fe_i(&a, SC_D(14, 12, 11, 0));        /* no reservation left: 1 */
    fe_i(&a, ECALL);
    x[11] = A;
    wr64(A, 41);
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[10], 41);
    ck_assert_uint_eq(x[13], 0);
    ck_assert_uint_eq(x[14], 1);
    ck_assert_uint_eq(rd64(A), 42);
    ck_assert_uint_eq(cpu->res_addr, RV_NO_RESERVATION);

    /* .W: sign-extended load, 32-bit store, upper half untouched */
    fe_flush(m);
    a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, LR_W(10, 11, AQ));
    fe_i(&a, SC_W(13, 12, 11, RL));
    fe_i(&a, ECALL);
    wr64(A, 0x1234567880000000ull);
    x[12] = 0xffffffff00000005ull;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[10], 0xffffffff80000000ull);
    ck_assert_uint_eq(x[13], 0);
    ck_assert_uint_eq(rd64(A), 0x1234567800000005ull);

    /* SC at another address than the reservation: fails, memory kept */
    fe_flush(m);
    a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, LR_D(10, 11, 0));
    fe_i(&a, SC_D(13, 12, 15, 0));
    fe_i(&a, SC_D(14, 12, 11, 0));        /* reservation gone: fails */
    fe_i(&a, ECALL);
    wr64(A, 7);
    wr64(A + 8, 8);
    x[15] = A + 8;
    x[12] = 99;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[13], 1);
    ck_assert_uint_eq(x[14], 1);
    ck_assert_uint_eq(rd64(A), 7);
    ck_assert_uint_eq(rd64(A + 8), 8);

    /* SC without LR (fresh CPU state) fails */
    cpu->res_addr = RV_NO_RESERVATION;
    fe_flush(m);
    a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, SC_W(13, 12, 11, 0));
    fe_i(&a, ECALL);
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[13], 1);
    ck_assert_uint_eq(rd64(A), 7);

    /* a changed value between LR and SC breaks the reservation */
    fe_flush(m);
    a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, LR_D(10, 11, 0));
    fe_i(&a, SD(15, 11, 0));
    fe_i(&a, SC_D(13, 12, 11, 0));
    fe_i(&a, ECALL);
    x[15] = 1000;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[13], 1);
    ck_assert_uint_eq(rd64(A), 1000);

    /* rd == rs1 and rd == rs2 for SC; rd = x0 */
    fe_flush(m);
    a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, LR_D(0, 11, 0));
    fe_i(&a, SC_D(11, 11, 11, 0));        /* stores the address itself */
    fe_i(&a, ECALL);
    x[11] = A;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[11], 0);
    ck_assert_uint_eq(rd64(A), A);
    fe_free(m);
}
END_TEST

typedef struct Amo {
    const char *name;
    uint32_t f5;
    uint64_t (*op)(uint64_t mem, uint64_t v, unsigned size);
} Amo;

static uint64_t a_swap(uint64_t m_, uint64_t v, unsigned s) { (void)m_; (void)s; return v; }
static uint64_t a_add(uint64_t m_, uint64_t v, unsigned s) { (void)s; return m_ + v; }
static uint64_t a_xor(uint64_t m_, uint64_t v, unsigned s) { (void)s; return m_ ^ v; }
static uint64_t a_and(uint64_t m_, uint64_t v, unsigned s) { (void)s; return m_ & v; }
static uint64_t a_or(uint64_t m_, uint64_t v, unsigned s) { (void)s; return m_ | v; }
static int64_t sv(uint64_t v, unsigned s) { return s == 4 ? (int32_t)v : (int64_t)v; }
static uint64_t uv(uint64_t v, unsigned s) { return s == 4 ? (uint32_t)v : v; }
static uint64_t a_min(uint64_t m_, uint64_t v, unsigned s) { return sv(m_, s) < sv(v, s) ? m_ : v; }
static uint64_t a_max(uint64_t m_, uint64_t v, unsigned s) { return sv(m_, s) > sv(v, s) ? m_ : v; }
static uint64_t a_minu(uint64_t m_, uint64_t v, unsigned s) { return uv(m_, s) < uv(v, s) ? m_ : v; }
static uint64_t a_maxu(uint64_t m_, uint64_t v, unsigned s) { return uv(m_, s) > uv(v, s) ? m_ : v; }

static const Amo amos[] = {
    { "amoswap", AMO_SWAP, a_swap }, { "amoadd", AMO_ADD, a_add },
    { "amoxor", AMO_XOR, a_xor }, { "amoand", AMO_AND, a_and },
    { "amoor", AMO_OR, a_or }, { "amomin", AMO_MIN, a_min },
    { "amomax", AMO_MAX, a_max }, { "amominu", AMO_MINU, a_minu },
    { "amomaxu", AMO_MAXU, a_maxu },
};

/* _i = (amo * 2 + width) * 2 + opt */
START_TEST(amo_ops)
{
    const Amo *op = &amos[_i / 4];
    unsigned size = (_i / 2) % 2 ? 8 : 4;
    m = fe_new(_i & 1);
    uint64_t *x = fe_x(m);
    const uint64_t A = FE_DATA + 128;
    FeAsm a = fe_asm(m, FE_ORIGIN);
    for (unsigned aqrl = 0; aqrl < 4; aqrl++)
        fe_i(&a, rv_amo(op->f5, aqrl, 12, 11, size == 4 ? 2 : 3,
                        aqrl == 3 ? 0 : 10 + aqrl * 3));
    fe_i(&a, ECALL);
    for (size_t i = 0; i < FE_NB_EDGES; i++)
        for (size_t j = 0; j < FE_NB_EDGES; j += 2) {
            uint64_t mem = fe_edges[i], v = fe_edges[j];
            const uint64_t guard = 0xa5a5a5a5a5a5a5a5ull;
            wr64(A - 8, guard);
            wr64(A, mem);
            wr64(A + 8, guard);
            x[11] = A;
            x[12] = v;
            ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
            /* four applications; the first three report the old value */
            uint64_t cur = mem;
            for (unsigned k = 0; k < 4; k++) {
                uint64_t old = size == 4 ? sx32(cur) : cur;
                if (k < 3)
                    ck_assert_msg(x[10 + k * 3] == old,
                        "%s.%c #%u mem %#llx v %#llx: rd %#llx want %#llx",
                        op->name, size == 4 ? 'w' : 'd', k,
                        (unsigned long long)mem, (unsigned long long)v,
                        (unsigned long long)x[10 + k * 3],
                        (unsigned long long)old);
                uint64_t r = op->op(cur, v, size);
                cur = size == 4 ? (cur & ~0xffffffffull) | (uint32_t)r : r;
            }
            ck_assert_msg(rd64(A) == cur, "%s.%c mem %#llx v %#llx: %#llx want %#llx",
                          op->name, size == 4 ? 'w' : 'd',
                          (unsigned long long)mem, (unsigned long long)v,
                          (unsigned long long)rd64(A), (unsigned long long)cur);
            ck_assert_uint_eq(rd64(A - 8), guard);
            ck_assert_uint_eq(rd64(A + 8), guard);
            ck_assert_uint_eq(x[0], 0);
        }
    fe_free(m);
}
END_TEST

/* rd == rs1 / rd == rs2 for an AMO */
START_TEST(amo_alias)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    const uint64_t A = FE_DATA + 64;
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, rv_amo(AMO_ADD, 0, 12, 11, 3, 11));   /* a1 = old, a1 was addr */
    fe_i(&a, rv_amo(AMO_ADD, 0, 13, 14, 3, 13));   /* a3 = old */
    fe_i(&a, ECALL);
    wr64(A, 10);
    x[11] = A;
    x[12] = 5;
    x[13] = 3;
    x[14] = A;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[11], 10);
    ck_assert_uint_eq(x[13], 15);
    ck_assert_uint_eq(rd64(A), 18);
    fe_free(m);
}
END_TEST

/* Misaligned LR/SC/AMO: RV_EXC_MISALIGNED at the pc, badaddr, no effect. */
START_TEST(misaligned)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    RvCpu *cpu = &m->hart.cpu;
    const uint64_t A = FE_DATA + 64;
    const uint32_t insns[] = {
        LR_W(10, 11, 0), LR_D(10, 11, AQ | RL),
        rv_amo(AMO_ADD, 0, 12, 11, 2, 10), rv_amo(AMO_SWAP, 3, 12, 11, 3, 10),
        rv_amo(AMO_MAXU, 0, 12, 11, 3, 10),
    };
    static const unsigned offs[] = { 1, 2, 3, 4, 6, 7 };
    for (size_t k = 0; k < sizeof insns / sizeof insns[0]; k++)
        for (size_t o = 0; o < 6; o++) {
            bool w = ((insns[k] >> 12) & 7) == 2;
            if (w && offs[o] == 4)
                continue;
            fe_flush(m);
            FeAsm a = fe_asm(m, FE_ORIGIN);
            fe_i(&a, ADDI(13, 0, 1));
            fe_i(&a, insns[k]);
            fe_i(&a, ADDI(13, 0, 2));
            fe_i(&a, ECALL);
            wr64(A, 0x1111111111111111ull);
            wr64(A + 8, 0x2222222222222222ull);
            x[10] = 77;
            x[11] = A + offs[o];
            x[12] = 5;
            cpu->res_addr = RV_NO_RESERVATION;
            ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_MISALIGNED);
            ck_assert_uint_eq(cpu->pc, FE_ORIGIN + 4);
            ck_assert_uint_eq(cpu->badaddr, A + offs[o]);
            ck_assert_uint_eq(cpu->insn, insns[k]);
            ck_assert_uint_eq(x[10], 77);
            ck_assert_uint_eq(x[13], 1);
            ck_assert_uint_eq(rd64(A), 0x1111111111111111ull);
            ck_assert_uint_eq(rd64(A + 8), 0x2222222222222222ull);
            ck_assert_uint_eq(cpu->res_addr, RV_NO_RESERVATION);
        }

    /* SC: misaligned but not the reserved address: fails quietly;
     * reserved by lr.w at A+4, then sc.d there: misaligned exit */
    fe_flush(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, SC_W(10, 12, 11, 0));
    fe_i(&a, LR_W(13, 14, 0));
    fe_i(&a, SC_D(15, 12, 14, 0));
    fe_i(&a, ECALL);
    x[11] = A + 2;
    x[14] = A + 4;
    x[15] = 55;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_MISALIGNED);
    ck_assert_uint_eq(x[10], 1);
    ck_assert_uint_eq(cpu->pc, FE_ORIGIN + 8);
    ck_assert_uint_eq(cpu->badaddr, A + 4);
    ck_assert_uint_eq(x[15], 55);
    ck_assert_uint_eq(rd64(A), 0x1111111111111111ull);
    fe_free(m);
}
END_TEST

/* ---- concurrency: no lost updates ---- */

#define THREADS 4
#define ITERS 200000

typedef struct Worker {
    FeHart hart;
    uint64_t pc;
    unsigned result;
} Worker;

static pthread_barrier_t start;

static void *worker(void *p)
{
    Worker *w = p;
    w->hart.cpu.pc = w->pc;
    pthread_barrier_wait(&start);      /* all threads at once */
    w->result = fe_run_hart(m, &w->hart, 1u << 30);
    return NULL;
}

static void run_threads(uint64_t pc, uint64_t counter)
{
    Worker w[THREADS];
    pthread_t th[THREADS];
    for (int t = 0; t < THREADS; t++) {
        memset(&w[t], 0, sizeof w[t]);
        rv_cpu_init(&w[t].hart.cpu);
        w[t].hart.m = m;
        w[t].hart.cpu.x[10] = counter;
        w[t].hart.cpu.x[11] = ITERS;
        w[t].pc = pc;
        /* translate up front, so the threads mostly run chained code */
        ck_assert_ptr_nonnull(fe_get_tb(m, &w[t].hart, pc));
    }
    pthread_barrier_init(&start, NULL, THREADS);
    for (int t = 0; t < THREADS; t++)
        pthread_create(&th[t], NULL, worker, &w[t]);
    for (int t = 0; t < THREADS; t++) {
        pthread_join(th[t], NULL);
        ck_assert_uint_eq(w[t].result, RV_EXC_ECALL);
        ck_assert_uint_eq(w[t].hart.cpu.x[11], 0);
    }
    pthread_barrier_destroy(&start);
}

START_TEST(threads_amoadd)
{
    m = fe_new(_i);
    const uint64_t C = FE_DATA + 256;
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, ADDI(12, 0, 1));
    fe_i(&a, rv_amo(AMO_ADD, 0, 12, 10, 3, 0));     /* loop: */
    fe_i(&a, rv_amo(AMO_ADD, AQ | RL, 12, 10, 2, 0));
    fe_i(&a, ADDI(11, 11, -1));
    fe_i(&a, BNE(11, 0, -12));
    fe_i(&a, ECALL);
    wr64(C, 0);
    run_threads(FE_ORIGIN, C);
    /* the .d adds 1 to the doubleword, the .w 1 to its low word */
    ck_assert_uint_eq(rd64(C), 2ull * THREADS * ITERS);
    fe_free(m);
}
END_TEST

START_TEST(threads_lrsc)
{
    m = fe_new(_i);
    const uint64_t C = FE_DATA + 256;
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, LR_W(12, 10, AQ));                     /* loop: */
    fe_i(&a, ADDIW(12, 12, 1));
    fe_i(&a, SC_W(13, 12, 10, RL));
    fe_i(&a, BNE(13, 0, -12));
    fe_i(&a, ADDI(11, 11, -1));
    fe_i(&a, BNE(11, 0, -20));
    fe_i(&a, ECALL);
    wr64(C, 0);
    run_threads(FE_ORIGIN, C);
    ck_assert_uint_eq(rd64(C), (uint64_t)THREADS * ITERS);
    fe_free(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fe_atomic");
    TCase *tc = tcase_create("atomic");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, lr_sc, 0, 2);
    tcase_add_loop_test(tc, amo_ops, 0, 4 * (int)(sizeof amos / sizeof amos[0]));
    tcase_add_loop_test(tc, amo_alias, 0, 2);
    tcase_add_loop_test(tc, misaligned, 0, 2);
    tcase_add_loop_test(tc, threads_amoadd, 0, 2);
    tcase_add_loop_test(tc, threads_lrsc, 0, 2);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
