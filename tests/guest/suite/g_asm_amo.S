/* AMOs (RISC-V unprivileged spec, "A" extension): every amo*.w and
 * amo*.d operation on the same starting values; each prints the old value
 * returned in rd (sign-extended for .w) and the new memory value; rd =
 * x0 and rd == rs2 variants. */
    .text
    .globl _start

#define TEST(op, init, operand) \
    la s0, cell; li t0, init; sd t0, 0(s0); li t1, operand; \
    op t2, t1, (s0); mv a0, t2; call hex_; ld a0, 0(s0); call hex_

_start:
    TEST(amoswap.w, 0x1122334455667788, 0x80000000)
    TEST(amoadd.w, 0x00000000ffffffff, 1)
    TEST(amoand.w, 0x12345678f0f0f0f0, 0x0ff00ff0)
    TEST(amoor.w, 0x0000000080000000, 0x1)
    TEST(amoxor.w, 0x00000000aaaaaaaa, -1)
    TEST(amomin.w, 0x0000000080000000, 5)
    TEST(amomax.w, 0x0000000080000000, 5)
    TEST(amominu.w, 0x0000000080000000, 5)
    TEST(amomaxu.w, 0x0000000080000000, 5)
    TEST(amoswap.d, 0x1122334455667788, -2)
    TEST(amoadd.d, 0x7fffffffffffffff, 1)
    TEST(amoand.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
    TEST(amoor.d, 0x8000000000000000, 0x1)
    TEST(amoxor.d, 0x5555555555555555, -1)
    TEST(amomin.d, 0x8000000000000000, 5)
    TEST(amomax.d, 0x8000000000000000, 5)
    TEST(amominu.d, 0x8000000000000000, 5)
    TEST(amomaxu.d, 0x8000000000000000, 5)
    TEST(amoadd.w.aqrl, 0x7fffffff, 1)
    /* rd = x0: only memory changes */
    la s0, cell
    li t0, 40
    sd t0, 0(s0)
    li t1, 2
    amoadd.d x0, t1, (s0)
    ld a0, 0(s0)
    call dec_
    /* rd == rs2 */
    li t1, 100
    amoadd.d t1, t1, (s0)
    mv a0, t1
    call dec_
    ld a0, 0(s0)
    call dec_
    /* the upper word of a doubleword is untouched by .w on the low half */
    li t0, -1
    sd t0, 0(s0)
    amoswap.w x0, zero, (s0)
    ld a0, 0(s0)
    call hex_
    li a0, 0
    call exit_

#include "g_asm_lib.inc"

    .data
    .align 3
cell: .dword 0
