/* Control flow: every conditional branch type on signed and unsigned
 * boundary values, jal/jalr with computed targets (a jump table), auipc
 * addressing, a counted loop crossing many blocks, and compressed
 * instructions (c.beqz, c.bnez, c.j, c.jr, c.jalr, c.addi, c.mv). */
    .text
    .globl _start
_start:
    /* branch truth table: for pairs (a, b) record 6 bits */
    la s0, pairs
    li s1, 8                  /* number of pairs */
    li s2, 0                  /* accumulated bits */
1:  ld t0, 0(s0)
    ld t1, 8(s0)
    slli s2, s2, 6
    li t2, 0
    beq t0, t1, 2f
    ori t2, t2, 1
2:  bne t0, t1, 2f
    ori t2, t2, 2
2:  blt t0, t1, 2f
    ori t2, t2, 4
2:  bge t0, t1, 2f
    ori t2, t2, 8
2:  bltu t0, t1, 2f
    ori t2, t2, 16
2:  bgeu t0, t1, 2f
    ori t2, t2, 32
2:  or s2, s2, t2
    addi s0, s0, 16
    addi s1, s1, -1
    bnez s1, 1b
    mv a0, s2
    call hex_

    /* jump table through jalr */
    li s3, 0
    li s4, 0
3:  la t0, table
    andi t1, s4, 3
    slli t1, t1, 3
    add t0, t0, t1
    ld t0, 0(t0)
    jalr ra, 0(t0)
    addi s4, s4, 1
    li t2, 10
    blt s4, t2, 3b
    mv a0, s3
    call dec_

    /* auipc: pc-relative distance between two labels */
    auipc t0, 0
here:
    la t1, here
    sub a0, t1, t0
    call dec_                 /* 4 */

    /* a loop of 100000 iterations with an inner call */
    li s5, 100000
    li s6, 0
4:  mv a0, s5
    call mix
    add s6, s6, a0
    addi s5, s5, -1
    bnez s5, 4b
    mv a0, s6
    call hex_

    /* compressed forms */
    .option push
    .option rvc
    li a0, 0
    c.li a1, 5
5:  c.addi a0, 3
    c.addi a1, -1
    c.bnez a1, 5b
    c.mv a2, a0
    c.beqz a1, 6f
    c.li a2, 0
6:  la a3, cfun
    c.jalr a3
    .option pop
    call dec_                 /* (15 + 1) * 2 = 32 */
    li a0, 0
    call exit_

cfun:
    .option push
    .option rvc
    addi a0, a2, 1
    c.slli a0, 1
    c.jr ra
    .option pop

mix:
    xor a1, a0, a0
    slli a1, a0, 7
    xor a0, a0, a1
    srli a1, a0, 9
    xor a0, a0, a1
    ret

f0: addi s3, s3, 1
    ret
f1: addi s3, s3, 10
    ret
f2: addi s3, s3, 100
    ret
f3: addi s3, s3, 1000
    ret

#include "g_asm_lib.inc"

    .data
    .align 3
pairs:
    .dword 0, 0
    .dword 1, 2
    .dword 2, 1
    .dword -1, 1
    .dword 1, -1
    .dword 0x8000000000000000, 0x7fffffffffffffff
    .dword -1, -1
    .dword 0, -1
table:
    .dword f0, f1, f2, f3
