/* The initial process stack (Linux ELF ABI, riscv64 psABI): sp is
 * 16-byte aligned, sp[0] = argc, then argv pointers and NULL, envp
 * pointers and NULL, then auxv pairs ending with AT_NULL.  Prints argc,
 * the arguments after argv[0], and the values of AT_PAGESZ (6), AT_PHENT
 * (4) and whether AT_RANDOM (25) points at 16 readable bytes. */
    .text
    .globl _start
_start:
    mv s0, sp
    andi a0, sp, 15
    call dec_                 /* 0 */
    ld s1, 0(s0)              /* argc */
    mv a0, s1
    call dec_
    addi s2, s0, 16           /* argv[1] */
    li s3, 1
1:  bge s3, s1, 2f
    ld a0, 0(s2)
    call puts_
    la a0, nl
    call puts_
    addi s2, s2, 8
    addi s3, s3, 1
    j 1b
2:  ld a0, 0(s2)              /* argv[argc] == NULL */
    call dec_
    addi s2, s2, 8
3:  ld t0, 0(s2)              /* skip envp */
    addi s2, s2, 8
    bnez t0, 3b
    li s4, 0                  /* AT_PAGESZ */
    li s5, 0                  /* AT_PHENT */
    li s6, 0                  /* AT_RANDOM seen; the order of entries is free */
4:  ld t0, 0(s2)              /* auxv */
    ld t1, 8(s2)
    beqz t0, 9f
    li t2, 6
    bne t0, t2, 5f
    mv s4, t1
5:  li t2, 4
    bne t0, t2, 6f
    mv s5, t1
6:  li t2, 25
    bne t0, t2, 8f
    ld t3, 0(t1)              /* readable */
    ld t3, 8(t1)
    li s6, 1
8:  addi s2, s2, 16
    j 4b
9:  mv a0, s4
    call dec_
    mv a0, s5
    call dec_
    mv a0, s6
    call dec_
    li a0, 0
    call exit_

#include "g_asm_lib.inc"

    .data
nl: .string "\n"
