/* Misaligned loads and stores (RISC-V allows them to be handled by the
 * execution environment; Linux and qemu-user make them work): lh/lhu/
 * lw/lwu/ld and sh/sw/sd at every offset 0..7 of a buffer, fld/fsd
 * misaligned, and values crossing a page boundary. */
    .text
    .globl _start
_start:
    la s0, buf
    li s1, 0                  /* offset */
    li s2, 0                  /* checksum */
1:  add t0, s0, s1
    lh t1, 0(t0)
    lhu t2, 1(t0)
    lw t3, 0(t0)
    lwu t4, 3(t0)
    ld t5, 0(t0)
    ld t6, 5(t0)
    add s2, s2, t1
    slli s2, s2, 1
    xor s2, s2, t2
    add s2, s2, t3
    xor s2, s2, t4
    add s2, s2, t5
    xor s2, s2, t6
    addi s1, s1, 1
    li t0, 8
    blt s1, t0, 1b
    mv a0, s2
    call hex_

    la s3, out
    li t0, 0x1122334455667788
    sd t0, 1(s3)
    li t0, 0x99aabbcc
    sw t0, 10(s3)
    li t0, 0xddee
    sh t0, 15(s3)
    ld a0, 0(s3)
    call hex_
    ld a0, 8(s3)
    call hex_
    ld a0, 16(s3)
    call hex_

    fld ft0, 3(s0)            /* misaligned FP load/store */
    fsd ft0, 21(s3)
    ld a0, 21(s3)
    call hex_

    la s4, page_end           /* a doubleword crossing into the next page */
    addi s4, s4, -3
    li t0, 0x0102030405060708
    sd t0, 0(s4)
    ld a0, 0(s4)
    call hex_
    lw a0, 1(s4)
    call hex_
    li a0, 0
    call exit_

#include "g_asm_lib.inc"

    .data
    .align 3
buf:
    .byte 0x01, 0x82, 0x03, 0x84, 0x05, 0x86, 0x07, 0x88, 0x09, 0x8a, 0x0b, 0x8c, 0x0d, 0x8e, 0x0f, 0x90
    .byte 0x11, 0x92, 0x13, 0x94, 0x15, 0x96, 0x17, 0x98
out:
    .space 40
    .balign 4096
    .space 4096
page_end:
    .space 64
