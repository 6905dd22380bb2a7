/*
 * The test assembler (fe_asm.h) against the generated disassembler, which
 * tests/riscv checks against objdump: every encoder the frontend tests use
 * must produce the instruction it is named after (RISC-V Unprivileged ISA
 * 20191213, chapter 24 and 16.8 opcode maps).  Without this, a wrong
 * encoder could make a frontend test pass for the wrong reason.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "fe_asm.h"
#include "rv_disas.h"
#include "check_run.h"

typedef struct AsmCase {
    uint32_t insn;
    unsigned len;
    const char *text;     /* objdump -M no-aliases style */
} AsmCase;

#define I32(x, t) { (x), 4, (t) }
#define I16(x, t) { (x), 2, (t) }

#define MAX_CASES 256
static AsmCase cases[MAX_CASES];
static int nb_cases;

/* The encoders are inline functions: the table is built at run time. */
static void make_cases(void)
{
    const AsmCase all[] = {
    I32(LUI(5, 0x80000), "lui t0,0x80000"),
    I32(AUIPC(6, 0x12345), "auipc t1,0x12345"),
    I32(ADDI(10, 11, -5), "addi a0,a1,-5"),
    I32(ADDI(10, 11, 2047), "addi a0,a1,2047"),
    I32(ADDI(10, 11, -2048), "addi a0,a1,-2048"),
    I32(SLTI(10, 11, -1), "slti a0,a1,-1"),
    I32(SLTIU(10, 11, 7), "sltiu a0,a1,7"),
    I32(XORI(10, 11, 0x555), "xori a0,a1,1365"),
    I32(ORI(10, 11, -16), "ori a0,a1,-16"),
    I32(ANDI(10, 11, 255), "andi a0,a1,255"),
    I32(SLLI(10, 11, 63), "slli a0,a1,0x3f"),
    I32(SRLI(10, 11, 32), "srli a0,a1,0x20"),
    I32(SRAI(10, 11, 1), "srai a0,a1,0x1"),
    I32(ADD(12, 10, 11), "add a2,a0,a1"),
    I32(SUB(12, 10, 11), "sub a2,a0,a1"),
    I32(SLL(12, 10, 11), "sll a2,a0,a1"),
    I32(SLT(12, 10, 11), "slt a2,a0,a1"),
    I32(SLTU(12, 10, 11), "sltu a2,a0,a1"),
    I32(XOR(12, 10, 11), "xor a2,a0,a1"),
    I32(SRL(12, 10, 11), "srl a2,a0,a1"),
    I32(SRA(12, 10, 11), "sra a2,a0,a1"),
    I32(OR(12, 10, 11), "or a2,a0,a1"),
    I32(AND(12, 10, 11), "and a2,a0,a1"),
    I32(ADDIW(10, 11, -1), "addiw a0,a1,-1"),
    I32(SLLIW(10, 11, 31), "slliw a0,a1,0x1f"),
    I32(SRLIW(10, 11, 3), "srliw a0,a1,0x3"),
    I32(SRAIW(10, 11, 31), "sraiw a0,a1,0x1f"),
    I32(ADDW(12, 10, 11), "addw a2,a0,a1"),
    I32(SUBW(12, 10, 11), "subw a2,a0,a1"),
    I32(SLLW(12, 10, 11), "sllw a2,a0,a1"),
    I32(SRLW(12, 10, 11), "srlw a2,a0,a1"),
    I32(SRAW(12, 10, 11), "sraw a2,a0,a1"),
    I32(JAL(1, 0x800), "jal ra,0x10800"),
    I32(JAL(0, -4), "jal zero,0xfffc"),
    I32(JAL(0, 0xffffe), "jal zero,0x10fffe"),
    I32(JALR(1, 5, -3), "jalr ra,-3(t0)"),
    I32(BEQ(10, 11, 8), "beq a0,a1,0x10008"),
    I32(BNE(10, 11, -8), "bne a0,a1,0xfff8"),
    I32(BLT(10, 11, 4094), "blt a0,a1,0x10ffe"),
    I32(BGE(10, 11, -4096), "bge a0,a1,0xf000"),
    I32(BLTU(10, 11, 2), "bltu a0,a1,0x10002"),
    I32(BGEU(10, 11, 2048), "bgeu a0,a1,0x10800"),
    I32(LB(10, 11, -1), "lb a0,-1(a1)"),
    I32(LH(10, 11, 2), "lh a0,2(a1)"),
    I32(LW(10, 11, 4), "lw a0,4(a1)"),
    I32(LD(10, 11, 8), "ld a0,8(a1)"),
    I32(LBU(10, 11, 0), "lbu a0,0(a1)"),
    I32(LHU(10, 11, 6), "lhu a0,6(a1)"),
    I32(LWU(10, 11, 12), "lwu a0,12(a1)"),
    I32(SB(10, 11, -2048), "sb a0,-2048(a1)"),
    I32(SH(10, 11, 2047), "sh a0,2047(a1)"),
    I32(SW(10, 11, 5), "sw a0,5(a1)"),
    I32(SD(10, 11, -9), "sd a0,-9(a1)"),
    I32(FENCE(3, 3), "fence rw,rw"),
    I32(FENCE(1, 2), "fence w,r"),
    I32(FENCE_TSO, "fence.tso"),
    I32(FENCE_I, "fence.i"),
    I32(ECALL, "ecall"),
    I32(EBREAK, "ebreak"),
    I32(MUL(12, 10, 11), "mul a2,a0,a1"),
    I32(MULH(12, 10, 11), "mulh a2,a0,a1"),
    I32(MULHSU(12, 10, 11), "mulhsu a2,a0,a1"),
    I32(MULHU(12, 10, 11), "mulhu a2,a0,a1"),
    I32(DIV(12, 10, 11), "div a2,a0,a1"),
    I32(DIVU(12, 10, 11), "divu a2,a0,a1"),
    I32(REM(12, 10, 11), "rem a2,a0,a1"),
    I32(REMU(12, 10, 11), "remu a2,a0,a1"),
    I32(MULW(12, 10, 11), "mulw a2,a0,a1"),
    I32(DIVW(12, 10, 11), "divw a2,a0,a1"),
    I32(DIVUW(12, 10, 11), "divuw a2,a0,a1"),
    I32(REMW(12, 10, 11), "remw a2,a0,a1"),
    I32(REMUW(12, 10, 11), "remuw a2,a0,a1"),
    I32(LR_W(10, 11, 0), "lr.w a0,(a1)"),
    I32(LR_D(10, 11, AQ | RL), "lr.d.aqrl a0,(a1)"),
    I32(SC_W(10, 12, 11, RL), "sc.w.rl a0,a2,(a1)"),
    I32(SC_D(10, 12, 11, AQ), "sc.d.aq a0,a2,(a1)"),
    I32(rv_amo(AMO_SWAP, 0, 12, 11, 2, 10), "amoswap.w a0,a2,(a1)"),
    I32(rv_amo(AMO_ADD, 0, 12, 11, 3, 10), "amoadd.d a0,a2,(a1)"),
    I32(rv_amo(AMO_XOR, 0, 12, 11, 2, 10), "amoxor.w a0,a2,(a1)"),
    I32(rv_amo(AMO_AND, 0, 12, 11, 3, 10), "amoand.d a0,a2,(a1)"),
    I32(rv_amo(AMO_OR, 0, 12, 11, 2, 10), "amoor.w a0,a2,(a1)"),
    I32(rv_amo(AMO_MIN, 0, 12, 11, 3, 10), "amomin.d a0,a2,(a1)"),
    I32(rv_amo(AMO_MAX, 0, 12, 11, 2, 10), "amomax.w a0,a2,(a1)"),
    I32(rv_amo(AMO_MINU, 0, 12, 11, 3, 10), "amominu.d a0,a2,(a1)"),
    I32(rv_amo(AMO_MAXU, 0, 12, 11, 2, 10), "amomaxu.w a0,a2,(a1)"),
    I32(CSRRW(10, 3, 11), "csrrw a0,fcsr,a1"),
    I32(CSRRS(10, 0xc00, 0), "csrrs a0,cycle,zero"),
    I32(CSRRC(10, 1, 11), "csrrc a0,fflags,a1"),
    I32(CSRRWI(10, 2, 3), "csrrwi a0,frm,3"),
    I32(CSRRSI(10, 1, 31), "csrrsi a0,fflags,31"),
    I32(CSRRCI(0, 1, 1), "csrrci zero,fflags,1"),
    I16(C_NOP, "c.addi zero,0"),
    I16(C_ADDI(10, -32), "c.addi a0,-32"),
    I16(C_ADDI(10, 31), "c.addi a0,31"),
    I16(C_LI(10, -1), "c.li a0,-1"),
    I16(C_ADDIW(10, 1), "c.addiw a0,1"),
    I16(C_LUI(10, 0x3f), "c.lui a0,0xfffff"),
    I16(C_LUI(10, 1), "c.lui a0,0x1"),
    I16(C_SLLI(10, 63), "c.slli a0,0x3f"),
    I16(C_SRLI(8, 32), "c.srli s0,0x20"),
    I16(C_SRAI(9, 1), "c.srai s1,0x1"),
    I16(C_ANDI(15, -3), "c.andi a5,-3"),
    I16(C_MV(10, 11), "c.mv a0,a1"),
    I16(C_ADD(10, 11), "c.add a0,a1"),
    I16(C_JR(1), "c.jr ra"),
    I16(C_JALR(5), "c.jalr t0"),
    I16(C_EBREAK, "c.ebreak"),
    I16(C_SUB(8, 9), "c.sub s0,s1"),
    I16(C_XOR(8, 9), "c.xor s0,s1"),
    I16(C_OR(8, 9), "c.or s0,s1"),
    I16(C_AND(8, 9), "c.and s0,s1"),
    I16(C_SUBW(8, 9), "c.subw s0,s1"),
    I16(C_ADDW(8, 9), "c.addw s0,s1"),
    I16(C_LW(10, 11, 124), "c.lw a0,124(a1)"),
    I16(C_LD(10, 11, 248), "c.ld a0,248(a1)"),
    I16(C_SW(10, 11, 4), "c.sw a0,4(a1)"),
    I16(C_SD(10, 11, 8), "c.sd a0,8(a1)"),
    I16(C_LDSP(10, 504), "c.ldsp a0,504(sp)"),
    I16(C_SDSP(10, 504), "c.sdsp a0,504(sp)"),
    I16(C_LWSP(10, 252), "c.lwsp a0,252(sp)"),
    I16(C_SWSP(10, 252), "c.swsp a0,252(sp)"),
    I16(C_ADDI4SPN(8, 1020), "c.addi4spn s0,sp,1020"),
    I16(C_ADDI4SPN(9, 4), "c.addi4spn s1,sp,4"),
    I16(C_ADDI16SP(-512), "c.addi16sp sp,-512"),
    I16(C_ADDI16SP(496), "c.addi16sp sp,496"),
    I16(C_J(-2048), "c.j 0xf800"),
    I16(C_J(2046), "c.j 0x107fe"),
    I16(C_BEQZ(8, -256), "c.beqz s0,0xff00"),
    I16(C_BNEZ(15, 254), "c.bnez a5,0x100fe"),
    };
    nb_cases = (int)(sizeof all / sizeof all[0]);
    memcpy(cases, all, sizeof all);
}

START_TEST(encoder)
{
    const AsmCase *c = &cases[_i];
    uint8_t bytes[4];
    memcpy(bytes, &c->insn, 4);
    RvDisasInsn d;
    ck_assert_uint_eq(rv_disas(&d, 0x10000, bytes, c->len, NULL), c->len);
    char got[256];
    snprintf(got, sizeof got, "%s%s%s", d.mnemonic, d.operands[0] ? " " : "",
             d.operands);
    ck_assert_msg(d.valid && !strcmp(got, c->text),
                  "case %d (%#x): got '%s', want '%s'", _i, c->insn, got,
                  c->text);
}
END_TEST

int main(void)
{
    make_cases();
    Suite *s = suite_create("fe_asm");
    TCase *tc = tcase_create("encoders");
    tcase_add_loop_test(tc, encoder, 0, nb_cases);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
