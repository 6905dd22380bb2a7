/* A hot loop with a call and a return in it (goto_tb chaining, indirect
 * jumps through the jump cache): sums f(i) = i * 3 + (i & 7) for
 * i < 2,000,000 and prints the sum. */
#include "rt_lib.inc"
    .globl _start
_start:
    li s0, 0                /* i */
    li s1, 0                /* sum */
    li s2, 2000000
1:  mv a0, s0
    call f
    add s1, s1, a0
    addi s0, s0, 1
    blt s0, s2, 1b
    mv a0, s1
    call print_dec
    li a0, 0
    j do_exit
f:
    slli t0, a0, 1
    add t0, t0, a0
    andi t1, a0, 7
    add a0, t0, t1
    ret
