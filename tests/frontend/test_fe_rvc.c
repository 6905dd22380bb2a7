/*
 * Compressed instructions, executed (RISC-V Unprivileged ISA 20191213,
 * chapter 16): each expands to its base instruction (16.3-16.6), HINTs
 * have no effect (16.7, Table 16.3), reserved encodings are illegal
 * (16.8), the link of C.JALR is pc + 2, and 16- and 32-bit instructions
 * mix at 2-byte alignment.
 */
#include <string.h>

#include "fe_test.h"

static FeMachine *m;

static void regs_init(uint64_t *x)
{
    for (unsigned r = 1; r < 32; r++)
        x[r] = 0x0101010101010101ull * r + 0xf000000000000000ull;
}

START_TEST(alu)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    regs_init(x);
    uint64_t r[32];
    memcpy(r, x, sizeof r);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_c(&a, C_ADDI(10, -32));  r[10] += (uint64_t)-32;
    fe_c(&a, C_LI(11, -1));     r[11] = ~0ull;
    fe_c(&a, C_LI(12, 31));     r[12] = 31;
    fe_c(&a, C_LUI(13, 0x3f));  r[13] = 0xfffffffffffff000ull;
    fe_c(&a, C_LUI(14, 0x1f));  r[14] = 0x1f000;
    fe_c(&a, C_ADDIW(15, 1));   r[15] = (uint64_t)(int64_t)(int32_t)(r[15] + 1);
    fe_c(&a, C_SLLI(16, 63));   r[16] <<= 63;
    fe_c(&a, C_SRLI(8, 32));    r[8] >>= 32;
    fe_c(&a, C_SRAI(9, 4));     r[9] = (uint64_t)((int64_t)r[9] >> 4);
    fe_c(&a, C_ANDI(10, -3));   r[10] &= (uint64_t)-3;
    fe_c(&a, C_MV(17, 18));     r[17] = r[18];
    fe_c(&a, C_ADD(19, 20));    r[19] += r[20];
    fe_c(&a, C_SUB(11, 12));    r[11] -= r[12];
    fe_c(&a, C_XOR(13, 14));    r[13] ^= r[14];
    fe_c(&a, C_OR(14, 15));     r[14] |= r[15];
    fe_c(&a, C_AND(15, 8));     r[15] &= r[8];
    fe_c(&a, C_SUBW(12, 9));    r[12] = (uint64_t)(int64_t)(int32_t)(r[12] - r[9]);
    fe_c(&a, C_ADDW(9, 10));    r[9] = (uint64_t)(int64_t)(int32_t)(r[9] + r[10]);
    fe_c(&a, C_ADDI16SP(-512)); r[2] -= 512;
    fe_c(&a, C_ADDI4SPN(8, 1020)); r[8] = r[2] + 1020;
    fe_c(&a, C_ADDI16SP(496));  r[2] += 496;
    fe_i(&a, ECALL);
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    for (unsigned i = 0; i < 32; i++)
        ck_assert_msg(x[i] == r[i], "x%u = %#llx, want %#llx", i,
                      (unsigned long long)x[i], (unsigned long long)r[i]);
    ck_assert_uint_eq(m->hart.cpu.pc, a.pc - 4);
    fe_free(m);
}
END_TEST

/* HINTs (16.7): no architectural effect; shifts by 0 leave rd alone. */
START_TEST(hints)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    regs_init(x);
    uint64_t r[32];
    memcpy(r, x, sizeof r);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_c(&a, C_NOP);
    fe_c(&a, C_ADDI(0, 5));      /* c.nop with nzimm: HINT */
    fe_c(&a, C_ADDI(10, 0));     /* c.addi rd, 0: HINT */
    fe_c(&a, C_LI(0, 7));
    fe_c(&a, C_LUI(0, 1));
    fe_c(&a, C_MV(0, 10));
    fe_c(&a, C_ADD(0, 10));
    fe_c(&a, C_SLLI(0, 3));
    fe_c(&a, C_SLLI(11, 0));     /* c.slli64 */
    fe_c(&a, C_SRLI(8, 0));      /* c.srli64 */
    fe_c(&a, C_SRAI(9, 0));      /* c.srai64 */
    fe_i(&a, ECALL);
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert(!memcmp(x, r, sizeof r));
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 22);
    fe_free(m);
}
END_TEST

START_TEST(mem)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    uint8_t *d = fe_host(m, FE_DATA);
    for (unsigned i = 0; i < 1024; i++)
        d[i] = (uint8_t)(i * 7 + 3);
    uint64_t v8;
    uint32_t v4;
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_c(&a, C_LW(10, 11, 124));
    fe_c(&a, C_LD(12, 11, 248));
    fe_c(&a, C_SW(13, 11, 4));
    fe_c(&a, C_SD(14, 11, 16));
    fe_c(&a, C_LWSP(15, 252));
    fe_c(&a, C_LDSP(16, 504));
    fe_c(&a, C_SWSP(17, 32));
    fe_c(&a, C_SDSP(18, 40));
    fe_c(&a, C_LW(9, 9, 0));      /* rd == rs1 */
    fe_i(&a, ECALL);
    x[11] = FE_DATA;
    x[9] = FE_DATA + 512 + 1;    /* misaligned: works */
    x[2] = FE_DATA + 256;
    x[13] = 0xaabbccdd11223344ull;
    x[14] = 0x0123456789abcdefull;
    x[17] = 0x80000000deadbeefull;
    x[18] = 0x5555666677778888ull;
    uint64_t want9;
    memcpy(&v4, d + 513, 4);
    want9 = (uint64_t)(int64_t)(int32_t)v4;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    memcpy(&v4, d + 124, 4);
    ck_assert_uint_eq(x[10], (uint64_t)(int64_t)(int32_t)v4);
    memcpy(&v8, d + 248, 8);
    ck_assert_uint_eq(x[12], v8);
    memcpy(&v4, d + 4, 4);
    ck_assert_uint_eq(v4, 0x11223344u);
    memcpy(&v8, d + 16, 8);
    ck_assert_uint_eq(v8, 0x0123456789abcdefull);
    memcpy(&v4, d + 256 + 252, 4);
    ck_assert_uint_eq(x[15], (uint64_t)(int64_t)(int32_t)v4);
    memcpy(&v8, d + 256 + 504, 8);
    ck_assert_uint_eq(x[16], v8);
    memcpy(&v4, d + 256 + 32, 4);
    ck_assert_uint_eq(v4, 0xdeadbeefu);
    memcpy(&v8, d + 256 + 40, 8);
    ck_assert_uint_eq(v8, 0x5555666677778888ull);
    ck_assert_uint_eq(x[9], want9);
    fe_free(m);
}
END_TEST

START_TEST(control)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    /* 0x10000 c.j +8 -> 0x10008; c.jalr t0 -> 0x10100 with ra = 0x1000a;
     * 0x10100: c.beqz s0 (taken -> 0x10108); c.bnez s1 (0x10108, not taken);
     * c.jr ra -> 0x1000a: ecall */
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_c(&a, C_J(8));
    fe_c(&a, C_LI(10, 1));       /* skipped */
    fe_c(&a, C_LI(10, 2));       /* skipped */
    fe_c(&a, C_LI(10, 3));       /* skipped */
    fe_c(&a, C_JALR(5));         /* 0x10008 */
    fe_i(&a, ECALL);             /* 0x1000a */
    a = fe_asm(m, FE_ORIGIN + 0x100);
    fe_c(&a, C_BEQZ(8, 8));      /* 0x10100 -> 0x10108 */
    fe_c(&a, C_LI(11, 1));       /* skipped */
    fe_c(&a, C_LI(11, 2));
    fe_c(&a, C_LI(11, 3));
    fe_c(&a, C_BNEZ(9, -8));     /* 0x10108: not taken */
    fe_c(&a, C_ADDI(12, 1));
    fe_c(&a, C_BNEZ(12, 4));     /* 0x1010c -> 0x10110 */
    fe_c(&a, C_LI(13, 9));       /* skipped */
    fe_c(&a, C_JR(1));           /* 0x10110 */
    x[5] = FE_ORIGIN + 0x100;
    x[8] = 0;
    x[9] = 0;
    x[10] = x[11] = x[12] = x[13] = 0;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 0xa);
    ck_assert_uint_eq(x[1], FE_ORIGIN + 0xa);
    ck_assert_uint_eq(x[10], 0);
    ck_assert_uint_eq(x[11], 0);
    ck_assert_uint_eq(x[12], 1);
    ck_assert_uint_eq(x[13], 0);

    /* c.jalr with rs1 == ra: target from the old ra, link = pc + 2 */
    fe_flush(m);
    a = fe_asm(m, FE_ORIGIN);
    fe_c(&a, C_JALR(1));
    a = fe_asm(m, FE_ORIGIN + 0x40);
    fe_c(&a, C_EBREAK);
    x[1] = FE_ORIGIN + 0x40;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_EBREAK);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 0x40);
    ck_assert_uint_eq(x[1], FE_ORIGIN + 2);
    fe_free(m);
}
END_TEST

/* 32-bit instructions at 2-byte alignment between 16-bit ones. */
START_TEST(mixed)
{
    m = fe_new(_i);
    uint64_t *x = fe_x(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_c(&a, C_LI(10, 5));
    fe_i(&a, ADDI(10, 10, 100));     /* at +2 */
    fe_c(&a, C_SLLI(10, 1));
    fe_i(&a, AUIPC(11, 0));          /* at +8 */
    fe_i(&a, JAL(12, 8));            /* at +12 -> +20 */
    fe_c(&a, C_LI(13, 1));           /* skipped (+16) */
    fe_c(&a, C_LI(13, 2));           /* skipped (+18); +20: */
    fe_i(&a, ECALL);
    x[13] = 0;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ECALL);
    ck_assert_uint_eq(x[10], 210);
    ck_assert_uint_eq(x[11], FE_ORIGIN + 8);
    ck_assert_uint_eq(x[12], FE_ORIGIN + 16);
    ck_assert_uint_eq(x[13], 0);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 20);
    fe_free(m);
}
END_TEST

/* Reserved encodings (16.8 and the rv64c.decode `illegal` patterns);
 * C.FLD etc. are the FP translators' and not listed here. */
static const uint16_t illegal16[] = {
    0x0000,            /* all zeros */
    0x0004,            /* c.addi4spn with nzuimm = 0 */
    0x001c,            /* c.addi4spn nzuimm = 0, rd' = a5 */
    0x8000,            /* quadrant 0, funct3 100 */
    0x2001,            /* c.addiw rd = 0 */
    0x3001 | 5 << 2,   /* c.addiw rd = 0 with imm */
    0x6081,            /* c.lui ra, 0 */
    0x6101,            /* c.addi16sp 0 */
    0x9c41,            /* quadrant 1 reserved 100 1 11 .. 10 */
    0x9c61,            /* quadrant 1 reserved 100 1 11 .. 11 */
    0x4002,            /* c.lwsp rd = 0 */
    0x6002,            /* c.ldsp rd = 0 */
    0x8002,            /* c.jr x0 */
};

START_TEST(illegal_16)
{
    uint16_t insn = illegal16[_i / 2];
    m = fe_new(_i & 1);
    uint64_t *x = fe_x(m);
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_c(&a, C_LI(10, 5));
    fe_c(&a, insn);
    fe_c(&a, C_LI(10, 7));
    fe_i(&a, ECALL);
    x[10] = 0;
    ck_assert_uint_eq(fe_run(m, FE_ORIGIN), RV_EXC_ILLEGAL);
    ck_assert_uint_eq(m->hart.cpu.pc, FE_ORIGIN + 2);
    ck_assert_uint_eq(m->hart.cpu.insn, insn);
    ck_assert_uint_eq(x[10], 5);
    fe_free(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fe_rvc");
    TCase *tc = tcase_create("rvc");
    tcase_add_loop_test(tc, alu, 0, 2);
    tcase_add_loop_test(tc, hints, 0, 2);
    tcase_add_loop_test(tc, mem, 0, 2);
    tcase_add_loop_test(tc, control, 0, 2);
    tcase_add_loop_test(tc, mixed, 0, 2);
    tcase_add_loop_test(tc, illegal_16, 0,
                        2 * (int)(sizeof illegal16 / sizeof illegal16[0]));
    suite_add_tcase(s, tc);
    return ck_run(s);
}
