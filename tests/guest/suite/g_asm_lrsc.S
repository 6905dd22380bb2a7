/* LR/SC (RISC-V unprivileged spec, "A" extension): an increment loop
 * built from lr.w/sc.w and lr.d/sc.d retried until sc succeeds, sc
 * without a reservation fails (nonzero), sc to another address than the
 * reserved one fails, a second sc after a successful one fails, and
 * lr/sc with aq/rl bits. */
    .text
    .globl _start
_start:
    la s0, word
    la s1, dword
    li s2, 1000
1:  lr.w t0, (s0)
    addi t0, t0, 3
    sc.w t1, t0, (s0)
    bnez t1, 1b
    addi s2, s2, -1
    bnez s2, 1b
    lw a0, 0(s0)
    call dec_                   /* 3000 + initial 5 */

    li s2, 500
2:  lr.d.aq t0, (s1)
    slli t2, t0, 1
    xor t0, t0, t2
    addi t0, t0, 1
    sc.d.rl t1, t0, (s1)
    bnez t1, 2b
    addi s2, s2, -1
    bnez s2, 2b
    ld a0, 0(s1)
    call hex_

    /* sc after a successful sc: the reservation is gone */
    lr.w t0, (s0)
    sc.w t1, t0, (s0)
    sc.w t2, t0, (s0)
    mv a0, t1
    call dec_                   /* 0 */
    snez a0, t2
    call dec_                   /* 1 */

    /* sc to a different address than the lr */
    la s3, other
    lr.d t0, (s1)
    li t3, 77
    sc.d t1, t3, (s3)
    snez a0, t1
    call dec_                   /* 1 */
    ld a0, 0(s3)
    call dec_                   /* 11: unchanged */

    /* a store between lr and sc by the same hart to the same word */
    lr.w t0, (s0)
    sw zero, 0(s0)
    addi t0, t0, 1
    sc.w t1, t0, (s0)
    lw a0, 0(s0)
    call dec_                   /* 0: the sc failed, the word was changed */

    /* sign extension of lr.w on a negative word */
    la s4, negword
    lr.w a0, (s4)
    call hex_
    li a0, 0
    call exit_

#include "g_asm_lib.inc"

    .data
    .align 3
word:    .word 5, 0
dword:   .dword 0x0123456789abcdef
other:   .dword 11
negword: .word 0x80000001, 0
