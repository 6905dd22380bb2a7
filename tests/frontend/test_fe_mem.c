/*
 * Loads and stores, executed (RISC-V Unprivileged ISA 20191213, 2.6 and
 * 5.3): every size with sign or zero extension, positive and negative
 * offsets, every misaligned offset within a doubleword (Linux emulates
 * misaligned accesses, so they must simply work), accesses that straddle
 * a page boundary, x0 as base (absolute addresses) and as data/target,
 * and the bytes around a store left untouched.
 */
#include <string.h>

#include "fe_test.h"

static FeMachine *m;

typedef struct Ld {
    const char *name;
    uint32_t (*enc)(unsigned, unsigned, int);
    unsigned size;
    bool sign;
} Ld;

#define ENCL(M) static uint32_t el_##M(unsigned d, unsigned s, int imm) \
    { return M(d, s, imm); }
ENCL(LB) ENCL(LH) ENCL(LW) ENCL(LD) ENCL(LBU) ENCL(LHU) ENCL(LWU)
ENCL(SB) ENCL(SH) ENCL(SW) ENCL(SD)

static const Ld lds[] = {
    { "lb", el_LB, 1, true }, { "lh", el_LH, 2, true },
    { "lw", el_LW, 4, true }, { "ld", el_LD, 8, false },
    { "lbu", el_LBU, 1, false }, { "lhu", el_LHU, 2, false },
    { "lwu", el_LWU, 4, false },
};
static const Ld sts[] = {
    { "sb", el_SB, 1, false }, { "sh", el_SH, 2, false },
    { "sw", el_SW, 4, false }, { "sd", el_SD, 8, false },
};

static uint8_t *data(uint64_t off)
{
    return fe_host(m, FE_DATA + off);
}

static void fill(void)
{
    for (unsigned i = 0; i < 256; i++)
        *data(i) = (uint8_t)(0x81 + 37 * i);
}

static uint64_t model_load(uint64_t off, unsigned size, bool sign)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++)
        v |= (uint64_t)*data(off + i) << (8 * i);
    if (sign && size < 8 && (v >> (8 * size - 1)) & 1)
        v |= ~0ull << (8 * size);
    return v;
}

/* _i = load * 2 + opt */
START_TEST(loads)
{
    const Ld *l = &lds[_i / 2];
    m = fe_new(_i & 1);
    uint64_t *x = fe_x(m);
    static const int imms[] = { 0, 1, 3, 7, -1, -5, 2047, -2048 };
    for (size_t k = 0; k < 8; k++) {
        int imm = imms[k];
        fe_flush(m);
        FeAsm a = fe_asm(m, FE_ORIGIN);
        fe_i(&a, l->enc(12, 10, imm));
        fe_i(&a, l->enc(10, 10, imm));    /* rd == rs1 */
        fe_i(&a, l->enc(0, 11, 0));       /* into x0: still a load */
        fe_i(&a, ECALL);
        for (uint64_t off = 2048; off < 2048 + 16; off++) {
            fill();
            x[10] = FE_DATA + off - (uint64_t)(int64_t)imm;
            x[11] = FE_DATA;
            ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
            uint64_t want = model_load(off, l->size, l->sign);
            ck_assert_msg(x[12] == want, "%s off %llu imm %d: %#llx want %#llx",
                l->name, (unsigned long long)off, imm,
                (unsigned long long)x[12], (unsigned long long)want);
            ck_assert_uint_eq(x[10], want);
            ck_assert_uint_eq(x[0], 0);
        }
    }
    fe_free(m);
}
END_TEST

/* _i = store * 2 + opt */
START_TEST(stores)
{
    const Ld *s = &sts[_i / 2];
    m = fe_new(_i & 1);
    uint64_t *x = fe_x(m);
    static const int imms[] = { 0, 1, 3, -7, 2047, -2048 };
    for (size_t k = 0; k < 6; k++) {
        int imm = imms[k];
        fe_flush(m);
        FeAsm a = fe_asm(m, FE_ORIGIN);
        fe_i(&a, s->enc(11, 10, imm));
        fe_i(&a, ECALL);
        for (uint64_t off = 2048; off < 2048 + 16; off++) {
            uint8_t before[256], after[256];
            fill();
            memcpy(before, data(0), 256);
            memcpy(after, data(2048 - 128), 256);
            x[10] = FE_DATA + off - (uint64_t)(int64_t)imm;
            x[11] = 0x1122334455667788ull ^ off;
            ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
            uint64_t want = x[11];
            for (unsigned i = 0; i < s->size; i++)
                after[128 + off - 2048 + i] = (uint8_t)(want >> (8 * i));
            ck_assert_msg(!memcmp(after, data(2048 - 128), 256),
                          "%s off %llu imm %d", s->name,
                          (unsigned long long)off, imm);
            ck_assert(!memcmp(before, data(0), 256));
        }
    }
    fe_free(m);
}
END_TEST

/* Accesses that straddle a page boundary, and x0 as base / data. */
START_TEST(page_straddle_and_x0)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    const uint64_t edge = FE_DATA + RV_PAGE_SIZE;      /* next page, mapped */
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, SD(11, 10, -3));              /* bytes edge-3 .. edge+4 */
    fe_i(&a, LD(12, 10, -3));
    fe_i(&a, LW(13, 10, -2));
    fe_i(&a, SD(0, 10, 8));                /* stores zero */
    fe_i(&a, LD(14, 10, 8));
    fe_i(&a, ECALL);
    x[10] = edge;
    x[11] = 0x8877665544332211ull;
    x[14] = 1;
    uint64_t junk = ~0ull;
    memcpy(fe_host(m, edge + 8), &junk, 8);
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[12], 0x8877665544332211ull);
    ck_assert_uint_eq(x[13], 0x55443322u);
    ck_assert_uint_eq(x[14], 0);

    /* absolute addresses (base x0) work when the guest base is not 0:
     * a load from address 0x7f8 would be outside; use lui+addi instead */
    fe_flush(m);
    a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, LUI(10, (FE_DATA >> 12)));
    fe_i(&a, SW(0, 10, 16));
    fe_i(&a, LWU(11, 10, 16));
    fe_i(&a, ECALL);
    memcpy(fe_host(m, FE_DATA + 16), &junk, 8);
    x[11] = 5;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[11], 0);
    ck_assert_uint_eq(*(uint32_t *)fe_host(m, FE_DATA + 20), 0xffffffffu);
    fe_free(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fe_mem");
    TCase *tc = tcase_create("mem");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, loads, 0, 2 * (int)(sizeof lds / sizeof lds[0]));
    tcase_add_loop_test(tc, stores, 0, 2 * (int)(sizeof sts / sizeof sts[0]));
    tcase_add_loop_test(tc, page_straddle_and_x0, 0, 2);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
