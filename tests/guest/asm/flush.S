/* 3000 distinct blocks, run twice: with a small --code-size the code cache
 * fills up and is flushed (the runtime must retranslate, never die).
 * Prints the number of blocks run. */
#include "rt_lib.inc"
    .globl _start
_start:
    li s0, 0
    li s1, 2
1:  la ra, 2f
    j blocks
2:  addi s1, s1, -1
    bnez s1, 1b
    mv a0, s0
    call print_dec
    li a0, 0
    j do_exit
blocks:
    .rept 3000
    addi s0, s0, 1
    xori t0, s0, 0x55
    bnez t0, 3f
    nop
3:
    .endr
    ret
