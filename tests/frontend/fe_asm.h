/*
 * A tiny RISC-V assembler for the frontend tests: encoders for the base
 * formats (RISC-V Unprivileged ISA 20191213, 2.2/2.3 R/I/S/B/U/J; 8.x for
 * AMOs; 16.2 for the compressed formats used here) and named instructions.
 * Each returns the encoding; FeCode (fe_machine.h) lays them out in
 * guest memory.  test_fe_asm checks every encoder against the generated
 * disassembler (itself checked against objdump by tests/riscv).
 */
#ifndef FE_ASM_H
#define FE_ASM_H

#include <stdint.h>

/* Macros, so encodings can initialize static tables. */
#define rv_r(f7, rs2, rs1, f3, rd, op) \
    ((uint32_t)(f7) << 25 | (uint32_t)(rs2) << 20 | (uint32_t)(rs1) << 15 | \
     (uint32_t)(f3) << 12 | (uint32_t)(rd) << 7 | (uint32_t)(op))
#define rv_i(imm, rs1, f3, rd, op) \
    (((uint32_t)(imm) & 0xfff) << 20 | (uint32_t)(rs1) << 15 | \
     (uint32_t)(f3) << 12 | (uint32_t)(rd) << 7 | (uint32_t)(op))
#define rv_s(imm, rs2, rs1, f3, op) \
    ((((uint32_t)(imm) >> 5) & 0x7f) << 25 | (uint32_t)(rs2) << 20 | \
     (uint32_t)(rs1) << 15 | (uint32_t)(f3) << 12 | \
     ((uint32_t)(imm) & 0x1f) << 7 | (uint32_t)(op))
#define rv_b(imm, rs2, rs1, f3) \
    ((((uint32_t)(imm) >> 12) & 1) << 31 | (((uint32_t)(imm) >> 5) & 0x3f) << 25 | \
     (uint32_t)(rs2) << 20 | (uint32_t)(rs1) << 15 | (uint32_t)(f3) << 12 | \
     (((uint32_t)(imm) >> 1) & 0xf) << 8 | (((uint32_t)(imm) >> 11) & 1) << 7 | 0x63)
#define rv_u(imm20, rd, op) \
    (((uint32_t)(imm20) & 0xfffff) << 12 | (uint32_t)(rd) << 7 | (uint32_t)(op))
#define rv_j(imm, rd) \
    ((((uint32_t)(imm) >> 20) & 1) << 31 | (((uint32_t)(imm) >> 1) & 0x3ff) << 21 | \
     (((uint32_t)(imm) >> 11) & 1) << 20 | (((uint32_t)(imm) >> 12) & 0xff) << 12 | \
     (uint32_t)(rd) << 7 | 0x6f)

/* RV64I */
#define LUI(rd, imm20)        rv_u((imm20), (rd), 0x37)
#define AUIPC(rd, imm20)      rv_u((imm20), (rd), 0x17)
#define ADDI(rd, rs1, imm)    rv_i((imm), (rs1), 0, (rd), 0x13)
#define SLTI(rd, rs1, imm)    rv_i((imm), (rs1), 2, (rd), 0x13)
#define SLTIU(rd, rs1, imm)   rv_i((imm), (rs1), 3, (rd), 0x13)
#define XORI(rd, rs1, imm)    rv_i((imm), (rs1), 4, (rd), 0x13)
#define ORI(rd, rs1, imm)     rv_i((imm), (rs1), 6, (rd), 0x13)
#define ANDI(rd, rs1, imm)    rv_i((imm), (rs1), 7, (rd), 0x13)
#define SLLI(rd, rs1, sh)     rv_i((sh), (rs1), 1, (rd), 0x13)
#define SRLI(rd, rs1, sh)     rv_i((sh), (rs1), 5, (rd), 0x13)
#define SRAI(rd, rs1, sh)     rv_i(0x400 | (sh), (rs1), 5, (rd), 0x13)
#define ADD(rd, rs1, rs2)     rv_r(0, (rs2), (rs1), 0, (rd), 0x33)
#define SUB(rd, rs1, rs2)     rv_r(0x20, (rs2), (rs1), 0, (rd), 0x33)
#define SLL(rd, rs1, rs2)     rv_r(0, (rs2), (rs1), 1, (rd), 0x33)
#define SLT(rd, rs1, rs2)     rv_r(0, (rs2), (rs1), 2, (rd), 0x33)
#define SLTU(rd, rs1, rs2)    rv_r(0, (rs2), (rs1), 3, (rd), 0x33)
#define XOR(rd, rs1, rs2)     rv_r(0, (rs2), (rs1), 4, (rd), 0x33)
#define SRL(rd, rs1, rs2)     rv_r(0, (rs2), (rs1), 5, (rd), 0x33)
#define SRA(rd, rs1, rs2)     rv_r(0x20, (rs2), (rs1), 5, (rd), 0x33)
#define OR(rd, rs1, rs2)      rv_r(0, (rs2), (rs1), 6, (rd), 0x33)
#define AND(rd, rs1, rs2)     rv_r(0, (rs2), (rs1), 7, (rd), 0x33)
#define ADDIW(rd, rs1, imm)   rv_i((imm), (rs1), 0, (rd), 0x1b)
#define SLLIW(rd, rs1, sh)    rv_i((sh), (rs1), 1, (rd), 0x1b)
#define SRLIW(rd, rs1, sh)    rv_i((sh), (rs1), 5, (rd), 0x1b)
#define SRAIW(rd, rs1, sh)    rv_i(0x400 | (sh), (rs1), 5, (rd), 0x1b)
#define ADDW(rd, rs1, rs2)    rv_r(0, (rs2), (rs1), 0, (rd), 0x3b)
#define SUBW(rd, rs1, rs2)    rv_r(0x20, (rs2), (rs1), 0, (rd), 0x3b)
#define SLLW(rd, rs1, rs2)    rv_r(0, (rs2), (rs1), 1, (rd), 0x3b)
#define SRLW(rd, rs1, rs2)    rv_r(0, (rs2), (rs1), 5, (rd), 0x3b)
#define SRAW(rd, rs1, rs2)    rv_r(0x20, (rs2), (rs1), 5, (rd), 0x3b)
#define JAL(rd, imm)          rv_j((imm), (rd))
#define JALR(rd, rs1, imm)    rv_i((imm), (rs1), 0, (rd), 0x67)
#define BEQ(rs1, rs2, imm)    rv_b((imm), (rs2), (rs1), 0)
#define BNE(rs1, rs2, imm)    rv_b((imm), (rs2), (rs1), 1)
#define BLT(rs1, rs2, imm)    rv_b((imm), (rs2), (rs1), 4)
#define BGE(rs1, rs2, imm)    rv_b((imm), (rs2), (rs1), 5)
#define BLTU(rs1, rs2, imm)   rv_b((imm), (rs2), (rs1), 6)
#define BGEU(rs1, rs2, imm)   rv_b((imm), (rs2), (rs1), 7)
#define LB(rd, rs1, imm)      rv_i((imm), (rs1), 0, (rd), 0x03)
#define LH(rd, rs1, imm)      rv_i((imm), (rs1), 1, (rd), 0x03)
#define LW(rd, rs1, imm)      rv_i((imm), (rs1), 2, (rd), 0x03)
#define LD(rd, rs1, imm)      rv_i((imm), (rs1), 3, (rd), 0x03)
#define LBU(rd, rs1, imm)     rv_i((imm), (rs1), 4, (rd), 0x03)
#define LHU(rd, rs1, imm)     rv_i((imm), (rs1), 5, (rd), 0x03)
#define LWU(rd, rs1, imm)     rv_i((imm), (rs1), 6, (rd), 0x03)
#define SB(rs2, rs1, imm)     rv_s((imm), (rs2), (rs1), 0, 0x23)
#define SH(rs2, rs1, imm)     rv_s((imm), (rs2), (rs1), 1, 0x23)
#define SW(rs2, rs1, imm)     rv_s((imm), (rs2), (rs1), 2, 0x23)
#define SD(rs2, rs1, imm)     rv_s((imm), (rs2), (rs1), 3, 0x23)
#define FENCE(pred, succ)     (((uint32_t)(pred) << 24) | ((uint32_t)(succ) << 20) | 0x0f)
#define FENCE_TSO             0x8330000fu
#define FENCE_I               0x0000100fu
#define ECALL                 0x00000073u
#define EBREAK                0x00100073u

/* M */
#define MUL(rd, rs1, rs2)     rv_r(1, (rs2), (rs1), 0, (rd), 0x33)
#define MULH(rd, rs1, rs2)    rv_r(1, (rs2), (rs1), 1, (rd), 0x33)
#define MULHSU(rd, rs1, rs2)  rv_r(1, (rs2), (rs1), 2, (rd), 0x33)
#define MULHU(rd, rs1, rs2)   rv_r(1, (rs2), (rs1), 3, (rd), 0x33)
#define DIV(rd, rs1, rs2)     rv_r(1, (rs2), (rs1), 4, (rd), 0x33)
#define DIVU(rd, rs1, rs2)    rv_r(1, (rs2), (rs1), 5, (rd), 0x33)
#define REM(rd, rs1, rs2)     rv_r(1, (rs2), (rs1), 6, (rd), 0x33)
#define REMU(rd, rs1, rs2)    rv_r(1, (rs2), (rs1), 7, (rd), 0x33)
#define MULW(rd, rs1, rs2)    rv_r(1, (rs2), (rs1), 0, (rd), 0x3b)
#define DIVW(rd, rs1, rs2)    rv_r(1, (rs2), (rs1), 4, (rd), 0x3b)
#define DIVUW(rd, rs1, rs2)   rv_r(1, (rs2), (rs1), 5, (rd), 0x3b)
#define REMW(rd, rs1, rs2)    rv_r(1, (rs2), (rs1), 6, (rd), 0x3b)
#define REMUW(rd, rs1, rs2)   rv_r(1, (rs2), (rs1), 7, (rd), 0x3b)

/* A: funct5, aq, rl; width 2 = .w, 3 = .d */
#define rv_amo(f5, aqrl, rs2, rs1, w, rd) \
    ((uint32_t)(f5) << 27 | ((uint32_t)(aqrl) & 3) << 25 | (uint32_t)(rs2) << 20 | \
     (uint32_t)(rs1) << 15 | (uint32_t)(w) << 12 | (uint32_t)(rd) << 7 | 0x2f)
#define AQ 2u
#define RL 1u
#define LR_W(rd, rs1, o)        rv_amo(0x02, (o), 0, (rs1), 2, (rd))
#define LR_D(rd, rs1, o)        rv_amo(0x02, (o), 0, (rs1), 3, (rd))
#define SC_W(rd, rs2, rs1, o)   rv_amo(0x03, (o), (rs2), (rs1), 2, (rd))
#define SC_D(rd, rs2, rs1, o)   rv_amo(0x03, (o), (rs2), (rs1), 3, (rd))
#define AMO_SWAP 0x01u
#define AMO_ADD  0x00u
#define AMO_XOR  0x04u
#define AMO_AND  0x0cu
#define AMO_OR   0x08u
#define AMO_MIN  0x10u
#define AMO_MAX  0x14u
#define AMO_MINU 0x18u
#define AMO_MAXU 0x1cu

/* Zicsr, Zifencei */
#define CSRRW(rd, csr, rs1)   rv_i((csr), (rs1), 1, (rd), 0x73)
#define CSRRS(rd, csr, rs1)   rv_i((csr), (rs1), 2, (rd), 0x73)
#define CSRRC(rd, csr, rs1)   rv_i((csr), (rs1), 3, (rd), 0x73)
#define CSRRWI(rd, csr, u)    rv_i((csr), (u), 5, (rd), 0x73)
#define CSRRSI(rd, csr, u)    rv_i((csr), (u), 6, (rd), 0x73)
#define CSRRCI(rd, csr, u)    rv_i((csr), (u), 7, (rd), 0x73)

/* C (16.3-16.7): only what the tests use.  r' registers are x8..x15. */
#define C_NOP                 0x0001u
#define C_ADDI(rd, imm)       (0x0001u | (((uint32_t)(imm) >> 5 & 1) << 12) | (rd) << 7 | ((uint32_t)(imm) & 0x1f) << 2)
#define C_LI(rd, imm)         (0x4001u | (((uint32_t)(imm) >> 5 & 1) << 12) | (rd) << 7 | ((uint32_t)(imm) & 0x1f) << 2)
#define C_ADDIW(rd, imm)      (0x2001u | (((uint32_t)(imm) >> 5 & 1) << 12) | (rd) << 7 | ((uint32_t)(imm) & 0x1f) << 2)
#define C_LUI(rd, imm6)       (0x6001u | (((uint32_t)(imm6) >> 5 & 1) << 12) | (rd) << 7 | ((uint32_t)(imm6) & 0x1f) << 2)
#define C_SLLI(rd, sh)        (0x0002u | (((uint32_t)(sh) >> 5 & 1) << 12) | (rd) << 7 | ((uint32_t)(sh) & 0x1f) << 2)
#define C_SRLI(rdp, sh)       (0x8001u | (((uint32_t)(sh) >> 5 & 1) << 12) | ((rdp) - 8) << 7 | ((uint32_t)(sh) & 0x1f) << 2)
#define C_SRAI(rdp, sh)       (0x8401u | (((uint32_t)(sh) >> 5 & 1) << 12) | ((rdp) - 8) << 7 | ((uint32_t)(sh) & 0x1f) << 2)
#define C_ANDI(rdp, imm)      (0x8801u | (((uint32_t)(imm) >> 5 & 1) << 12) | ((rdp) - 8) << 7 | ((uint32_t)(imm) & 0x1f) << 2)
#define C_MV(rd, rs2)         (0x8002u | (rd) << 7 | (rs2) << 2)
#define C_ADD(rd, rs2)        (0x9002u | (rd) << 7 | (rs2) << 2)
#define C_JR(rs1)             (0x8002u | (rs1) << 7)
#define C_JALR(rs1)           (0x9002u | (rs1) << 7)
#define C_EBREAK              0x9002u
#define C_SUB(rdp, rs2p)      (0x8c01u | ((rdp) - 8) << 7 | ((rs2p) - 8) << 2)
#define C_XOR(rdp, rs2p)      (0x8c21u | ((rdp) - 8) << 7 | ((rs2p) - 8) << 2)
#define C_OR(rdp, rs2p)       (0x8c41u | ((rdp) - 8) << 7 | ((rs2p) - 8) << 2)
#define C_AND(rdp, rs2p)      (0x8c61u | ((rdp) - 8) << 7 | ((rs2p) - 8) << 2)
#define C_SUBW(rdp, rs2p)     (0x9c01u | ((rdp) - 8) << 7 | ((rs2p) - 8) << 2)
#define C_ADDW(rdp, rs2p)     (0x9c21u | ((rdp) - 8) << 7 | ((rs2p) - 8) << 2)

/* CL/CS word and doubleword: offsets scaled as in 16.3 */
static inline uint32_t rv_c_lsw(uint32_t f3, unsigned r2p, unsigned r1p,
                                uint32_t off)
{
    return f3 << 13 | ((off >> 3) & 7) << 10 | (r1p - 8) << 7 |
           ((off >> 2) & 1) << 6 | ((off >> 6) & 1) << 5 | (r2p - 8) << 2;
}
static inline uint32_t rv_c_lsd(uint32_t f3, unsigned r2p, unsigned r1p,
                                uint32_t off)
{
    return f3 << 13 | ((off >> 3) & 7) << 10 | (r1p - 8) << 7 |
           ((off >> 6) & 3) << 5 | (r2p - 8) << 2;
}
#define C_LW(rdp, rs1p, off)  rv_c_lsw(2, (rdp), (rs1p), (off))
#define C_LD(rdp, rs1p, off)  rv_c_lsd(3, (rdp), (rs1p), (off))
#define C_SW(rs2p, rs1p, off) rv_c_lsw(6, (rs2p), (rs1p), (off))
#define C_SD(rs2p, rs1p, off) rv_c_lsd(7, (rs2p), (rs1p), (off))

/* C.LDSP / C.SDSP / C.LWSP / C.SWSP */
#define C_LDSP(rd, off)  (0x6002u | (((off) >> 5) & 1) << 12 | (rd) << 7 | (((off) >> 3) & 3) << 5 | (((off) >> 6) & 7) << 2)
#define C_SDSP(rs2, off) (0xe002u | (((off) >> 3) & 7) << 10 | (((off) >> 6) & 7) << 7 | (rs2) << 2)
#define C_LWSP(rd, off)  (0x4002u | (((off) >> 5) & 1) << 12 | (rd) << 7 | (((off) >> 2) & 7) << 4 | (((off) >> 6) & 3) << 2)
#define C_SWSP(rs2, off) (0xc002u | (((off) >> 2) & 0xf) << 9 | (((off) >> 6) & 3) << 7 | (rs2) << 2)

/* C.ADDI4SPN rd', nzuimm; C.ADDI16SP nzimm */
#define C_ADDI4SPN(rdp, u) (0x0000u | (((u) >> 4) & 3) << 11 | (((u) >> 6) & 0xf) << 7 | (((u) >> 2) & 1) << 6 | (((u) >> 3) & 1) << 5 | ((rdp) - 8) << 2)
#define C_ADDI16SP(imm) (0x6101u | (((uint32_t)(imm) >> 9) & 1) << 12 | (((uint32_t)(imm) >> 4) & 1) << 6 | (((uint32_t)(imm) >> 6) & 1) << 5 | (((uint32_t)(imm) >> 7) & 3) << 3 | (((uint32_t)(imm) >> 5) & 1) << 2)

/* C.J, C.BEQZ, C.BNEZ */
static inline uint32_t rv_c_j(int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return 0xa001u | ((u >> 11) & 1) << 12 | ((u >> 4) & 1) << 11 |
           ((u >> 8) & 3) << 9 | ((u >> 10) & 1) << 8 | ((u >> 6) & 1) << 7 |
           ((u >> 7) & 1) << 6 | ((u >> 1) & 7) << 3 | ((u >> 5) & 1) << 2;
}
static inline uint32_t rv_c_b(uint32_t f3, unsigned rs1p, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return f3 << 13 | ((u >> 8) & 1) << 12 | ((u >> 3) & 3) << 10 |
           (rs1p - 8) << 7 | ((u >> 6) & 3) << 5 | ((u >> 1) & 3) << 3 |
           ((u >> 5) & 1) << 2 | 1;
}
#define C_J(imm)              rv_c_j(imm)
#define C_BEQZ(rs1p, imm)     rv_c_b(6, (rs1p), (imm))
#define C_BNEZ(rs1p, imm)     rv_c_b(7, (rs1p), (imm))

#endif
