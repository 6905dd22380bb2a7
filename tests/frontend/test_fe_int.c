/*
 * Executes every RV64I and RV64M computational instruction on edge values
 * and compares with C models written from the ISA text (RISC-V
 * Unprivileged ISA 20191213, 2.4, 5.2, chapter 7 and Table 7.1): register
 * and immediate forms, W forms (sign-extended 32-bit results), shifts by
 * 0/31/32/63 and counts above the width, division by zero and overflow,
 * the exact high product halves, LUI/AUIPC, x0 as source and destination,
 * rd aliasing a source.  Each instruction runs with the optimizer off
 * and on (the loop index).
 */
#include <stdio.h>

#include "fe_test.h"

typedef uint64_t Ref(uint64_t a, uint64_t b);

static uint64_t sx32(uint64_t v) { return (uint64_t)(int64_t)(int32_t)v; }

static uint64_t r_add(uint64_t a, uint64_t b) { return a + b; }
static uint64_t r_sub(uint64_t a, uint64_t b) { return a - b; }
static uint64_t r_sll(uint64_t a, uint64_t b) { return a << (b & 63); }
static uint64_t r_srl(uint64_t a, uint64_t b) { return a >> (b & 63); }
static uint64_t r_sra(uint64_t a, uint64_t b) { return (uint64_t)((int64_t)a >> (b & 63)); }
static uint64_t r_slt(uint64_t a, uint64_t b) { return (int64_t)a < (int64_t)b; }
static uint64_t r_sltu(uint64_t a, uint64_t b) { return a < b; }
static uint64_t r_xor(uint64_t a, uint64_t b) { return a ^ b; }
static uint64_t r_or(uint64_t a, uint64_t b) { return a | b; }
static uint64_t r_and(uint64_t a, uint64_t b) { return a & b; }
static uint64_t r_addw(uint64_t a, uint64_t b) { return sx32(a + b); }
static uint64_t r_subw(uint64_t a, uint64_t b) { return sx32(a - b); }
static uint64_t r_sllw(uint64_t a, uint64_t b) { return sx32((uint32_t)a << (b & 31)); }
static uint64_t r_srlw(uint64_t a, uint64_t b) { return sx32((uint32_t)a >> (b & 31)); }
static uint64_t r_sraw(uint64_t a, uint64_t b) { return sx32((uint32_t)((int32_t)a >> (b & 31))); }

static uint64_t r_mul(uint64_t a, uint64_t b) { return a * b; }
static uint64_t r_mulh(uint64_t a, uint64_t b)
{
    return (uint64_t)(((__int128)(int64_t)a * (__int128)(int64_t)b) >> 64);
}
static uint64_t r_mulhu(uint64_t a, uint64_t b)
{
    return (uint64_t)(((unsigned __int128)a * b) >> 64);
}
static uint64_t r_mulhsu(uint64_t a, uint64_t b)
{
    return (uint64_t)(((__int128)(int64_t)a * (__int128)(unsigned __int128)b) >> 64);
}
/* Table 7.1 */
static uint64_t r_div(uint64_t a, uint64_t b)
{
    if (b == 0)
        return ~0ull;
    if (a == 0x8000000000000000ull && b == ~0ull)
        return a;
    return (uint64_t)((int64_t)a / (int64_t)b);
}
static uint64_t r_divu(uint64_t a, uint64_t b) { return b ? a / b : ~0ull; }
static uint64_t r_rem(uint64_t a, uint64_t b)
{
    if (b == 0)
        return a;
    if (a == 0x8000000000000000ull && b == ~0ull)
        return 0;
    return (uint64_t)((int64_t)a % (int64_t)b);
}
static uint64_t r_remu(uint64_t a, uint64_t b) { return b ? a % b : a; }
static uint64_t r_mulw(uint64_t a, uint64_t b) { return sx32((uint32_t)a * (uint32_t)b); }
static uint64_t r_divw(uint64_t a, uint64_t b)
{
    int32_t x = (int32_t)a, y = (int32_t)b;
    if (y == 0)
        return ~0ull;
    if (x == INT32_MIN && y == -1)
        return sx32((uint32_t)x);
    return sx32((uint32_t)(x / y));
}
static uint64_t r_divuw(uint64_t a, uint64_t b)
{
    uint32_t x = (uint32_t)a, y = (uint32_t)b;
    return y ? sx32(x / y) : ~0ull;
}
static uint64_t r_remw(uint64_t a, uint64_t b)
{
    int32_t x = (int32_t)a, y = (int32_t)b;
    if (y == 0)
        return sx32((uint32_t)x);
    if (x == INT32_MIN && y == -1)
        return 0;
    return sx32((uint32_t)(x % y));
}
static uint64_t r_remuw(uint64_t a, uint64_t b)
{
    uint32_t x = (uint32_t)a, y = (uint32_t)b;
    return y ? sx32(x % y) : sx32(x);
}

typedef struct ROp {
    const char *name;
    uint32_t (*enc)(unsigned rd, unsigned rs1, unsigned rs2);
    Ref *ref;
} ROp;

#define ENC(M) static uint32_t e_##M(unsigned d, unsigned s1, unsigned s2) \
    { return M(d, s1, s2); }
ENC(ADD) ENC(SUB) ENC(SLL) ENC(SRL) ENC(SRA) ENC(SLT) ENC(SLTU) ENC(XOR)
ENC(OR) ENC(AND) ENC(ADDW) ENC(SUBW) ENC(SLLW) ENC(SRLW) ENC(SRAW)
ENC(MUL) ENC(MULH) ENC(MULHSU) ENC(MULHU) ENC(DIV) ENC(DIVU) ENC(REM)
ENC(REMU) ENC(MULW) ENC(DIVW) ENC(DIVUW) ENC(REMW) ENC(REMUW)

static const ROp rops[] = {
    { "add", e_ADD, r_add }, { "sub", e_SUB, r_sub }, { "sll", e_SLL, r_sll },
    { "srl", e_SRL, r_srl }, { "sra", e_SRA, r_sra }, { "slt", e_SLT, r_slt },
    { "sltu", e_SLTU, r_sltu }, { "xor", e_XOR, r_xor }, { "or", e_OR, r_or },
    { "and", e_AND, r_and }, { "addw", e_ADDW, r_addw },
    { "subw", e_SUBW, r_subw }, { "sllw", e_SLLW, r_sllw },
    { "srlw", e_SRLW, r_srlw }, { "sraw", e_SRAW, r_sraw },
    { "mul", e_MUL, r_mul }, { "mulh", e_MULH, r_mulh },
    { "mulhsu", e_MULHSU, r_mulhsu }, { "mulhu", e_MULHU, r_mulhu },
    { "div", e_DIV, r_div }, { "divu", e_DIVU, r_divu },
    { "rem", e_REM, r_rem }, { "remu", e_REMU, r_remu },
    { "mulw", e_MULW, r_mulw }, { "divw", e_DIVW, r_divw },
    { "divuw", e_DIVUW, r_divuw }, { "remw", e_REMW, r_remw },
    { "remuw", e_REMUW, r_remuw },
};
#define NB_ROPS (int)(sizeof rops / sizeof rops[0])

static FeMachine *m;

static void setup_opt(int opt)
{
    m = fe_new(opt != 0);
}

/* Program at FE_ORIGIN: the instruction, then ecall. */
static void load_one(uint32_t insn)
{
    fe_flush(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, insn);
    fe_i(&a, ECALL);
}

static void run_ok(void)
{
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 4);
    ck_assert_uint_eq(fe_x(m)[0], 0);
}

/* _i = op * 2 + opt */
START_TEST(reg_reg)
{
    const ROp *op = &rops[_i / 2];
    setup_opt(_i & 1);
    uint64_t *x = fe_x(m);
    /* a2 = a0 op a1; then the aliasing forms a0 = a0 op a1, a1 = a0 op a1 */
    for (int form = 0; form < 3; form++) {
        unsigned rd = form == 0 ? 12 : form == 1 ? 10 : 11;
        load_one(op->enc(rd, 10, 11));
        for (size_t i = 0; i < FE_NB_EDGES; i++)
            for (size_t j = 0; j < FE_NB_EDGES; j++) {
                uint64_t a = fe_edges[i], b = fe_edges[j];
                x[10] = a;
                x[11] = b;
                x[12] = 0x5555;
                run_ok();
                uint64_t want = op->ref(a, b);
                ck_assert_msg(x[rd] == want,
                    "%s form %d: %#llx, %#llx -> %#llx, want %#llx", op->name,
                    form, (unsigned long long)a, (unsigned long long)b,
                    (unsigned long long)x[rd], (unsigned long long)want);
                if (rd != 10)
                    ck_assert_uint_eq(x[10], a);
                if (rd != 11)
                    ck_assert_uint_eq(x[11], b);
            }
    }
    /* x0 as a source (a constant to the translator) on either side */
    for (size_t i = 0; i < FE_NB_EDGES; i++) {
        uint64_t v = fe_edges[i];
        load_one(op->enc(12, 0, 11));
        x[11] = v;
        run_ok();
        ck_assert_uint_eq(x[12], op->ref(0, v));
        load_one(op->enc(12, 11, 0));
        run_ok();
        ck_assert_uint_eq(x[12], op->ref(v, 0));
        /* and into x0: no effect */
        load_one(op->enc(0, 11, 11));
        run_ok();
    }
    fe_free(m);
}
END_TEST

/* Immediate forms: models in terms of the register ops. */
typedef struct IOp {
    const char *name;
    uint32_t (*enc)(unsigned rd, unsigned rs1, int imm);
    Ref *ref;
    int lo, hi;             /* immediate range */
} IOp;

static uint64_t r_slti(uint64_t a, uint64_t b) { return r_slt(a, b); }
static uint64_t r_addiw(uint64_t a, uint64_t b) { return r_addw(a, b); }

#define ENCI(M) static uint32_t ei_##M(unsigned d, unsigned s1, int imm) \
    { return M(d, s1, imm); }
ENCI(ADDI) ENCI(SLTI) ENCI(SLTIU) ENCI(XORI) ENCI(ORI) ENCI(ANDI) ENCI(ADDIW)
ENCI(SLLI) ENCI(SRLI) ENCI(SRAI) ENCI(SLLIW) ENCI(SRLIW) ENCI(SRAIW)

static const IOp iops[] = {
    { "addi", ei_ADDI, r_add, -2048, 2047 },
    { "slti", ei_SLTI, r_slti, -2048, 2047 },
    { "sltiu", ei_SLTIU, r_sltu, -2048, 2047 },
    { "xori", ei_XORI, r_xor, -2048, 2047 },
    { "ori", ei_ORI, r_or, -2048, 2047 },
    { "andi", ei_ANDI, r_and, -2048, 2047 },
    { "addiw", ei_ADDIW, r_addiw, -2048, 2047 },
    { "slli", ei_SLLI, r_sll, 0, 63 },
    { "srli", ei_SRLI, r_srl, 0, 63 },
    { "srai", ei_SRAI, r_sra, 0, 63 },
    { "slliw", ei_SLLIW, r_sllw, 0, 31 },
    { "srliw", ei_SRLIW, r_srlw, 0, 31 },
    { "sraiw", ei_SRAIW, r_sraw, 0, 31 },
};
#define NB_IOPS (int)(sizeof iops / sizeof iops[0])

static const int imms[] = { 0, 1, -1, 2, 5, 31, 32, 33, 63, 255, 1365, -1366,
                            2047, -2048, 0x7ff, -0x800 + 1 };

START_TEST(reg_imm)
{
    const IOp *op = &iops[_i / 2];
    setup_opt(_i & 1);
    uint64_t *x = fe_x(m);
    for (size_t k = 0; k < sizeof imms / sizeof imms[0]; k++) {
        int imm = imms[k];
        if (imm < op->lo || imm > op->hi)
            continue;
        for (int alias = 0; alias < 2; alias++) {
            unsigned rd = alias ? 10 : 12;
            load_one(op->enc(rd, 10, imm));
            for (size_t i = 0; i < FE_NB_EDGES; i++) {
                uint64_t a = fe_edges[i];
                x[10] = a;
                run_ok();
                uint64_t want = op->ref(a, (uint64_t)(int64_t)imm);
                ck_assert_msg(x[rd] == want, "%s %#llx, %d -> %#llx, want %#llx",
                    op->name, (unsigned long long)a, imm,
                    (unsigned long long)x[rd], (unsigned long long)want);
            }
        }
        /* rs1 = x0 */
        load_one(op->enc(12, 0, imm));
        run_ok();
        ck_assert_uint_eq(x[12], op->ref(0, (uint64_t)(int64_t)imm));
    }
    fe_free(m);
}
END_TEST

START_TEST(upper_imm)
{
    setup_opt(_i);
    uint64_t *x = fe_x(m);
    static const uint32_t u20[] = { 0, 1, 0x7ffff, 0x80000, 0xfffff, 0x12345 };
    for (size_t k = 0; k < 6; k++) {
        uint64_t want = (uint64_t)(int64_t)(int32_t)(u20[k] << 12);
        fe_flush(m);
        FeAsm a = fe_asm(m, FE_ORIGIN);
        fe_i(&a, ADDI(0, 0, 0));          /* auipc not at the block start */
        fe_i(&a, LUI(5, u20[k]));
        fe_i(&a, AUIPC(6, u20[k]));
        fe_i(&a, LUI(0, u20[k]));
        fe_i(&a, AUIPC(0, u20[k]));
        fe_i(&a, ECALL);
        ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
        ck_assert_uint_eq(x[5], want);
        ck_assert_uint_eq(x[6], FE_ORIGIN + 8 + want);
        ck_assert_uint_eq(x[0], 0);
    }
    fe_free(m);
}
END_TEST

/* A long dependent chain in one block: many ops, registers all live. */
START_TEST(long_block)
{
    setup_opt(_i);
    uint64_t *x = fe_x(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    uint64_t ref[32] = { 0 };
    for (unsigned r = 1; r < 32; r++) {
        x[r] = 0x9e3779b97f4a7c15ull * r;
        ref[r] = x[r];
    }
    for (unsigned k = 0; k < 300; k++) {
        unsigned rd = 1 + (k * 7) % 31, rs1 = 1 + (k * 11) % 31,
                 rs2 = 1 + (k * 13) % 31;
        switch (k % 5) {
        case 0: fe_i(&a, ADD(rd, rs1, rs2)); ref[rd] = ref[rs1] + ref[rs2]; break;
        case 1: fe_i(&a, XOR(rd, rs1, rs2)); ref[rd] = ref[rs1] ^ ref[rs2]; break;
        case 2: fe_i(&a, SRLI(rd, rs1, k % 64)); ref[rd] = ref[rs1] >> (k % 64); break;
        case 3: fe_i(&a, MULW(rd, rs1, rs2)); ref[rd] = r_mulw(ref[rs1], ref[rs2]); break;
        case 4: fe_i(&a, SLTU(rd, rs1, rs2)); ref[rd] = ref[rs1] < ref[rs2]; break;
        }
    }
    fe_i(&a, ECALL);
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    for (unsigned r = 1; r < 32; r++)
        ck_assert_msg(x[r] == ref[r], "x%u: %#llx want %#llx", r,
                      (unsigned long long)x[r], (unsigned long long)ref[r]);
    fe_free(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fe_int");
    TCase *tc = tcase_create("int");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, reg_reg, 0, 2 * NB_ROPS);
    tcase_add_loop_test(tc, reg_imm, 0, 2 * NB_IOPS);
    tcase_add_loop_test(tc, upper_imm, 0, 2);
    tcase_add_loop_test(tc, long_block, 0, 2);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
