/* The initial stack (Linux create_elf_tables; riscv64 psABI): prints sp
 * mod 16, argc, each argv string, then, in a fixed order (the kernel and
 * qemu-riscv64 order auxv differently), the auxv entries with values both
 * give: AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_ENTRY, AT_HWCAP,
 * AT_CLKTCK, AT_SECURE, whether AT_RANDOM is set, AT_EXECFN's string and
 * whether AT_UID == AT_EUID. */
#include "rt_lib.inc"
    .globl _start
_start:
    mv s0, sp
    andi a0, sp, 15
    call print_dec
    ld s1, 0(s0)            /* argc */
    mv a0, s1
    call print_dec
    addi s2, s0, 8          /* argv */
    li s3, 0
1:  bge s3, s1, 2f
    slli t0, s3, 3
    add t0, s2, t0
    ld a0, 0(t0)
    call print_str
    la a0, nl
    call print_str
    addi s3, s3, 1
    j 1b
2:  slli t0, s1, 3          /* envp = argv + argc + 1 */
    add s2, s2, t0
    addi s2, s2, 8
3:  ld t0, 0(s2)            /* skip the environment */
    addi s2, s2, 8
    bnez t0, 3b
    /* s2 = auxv */
    la s3, wanted
4:  lbu s4, 0(s3)
    beqz s4, 5f
    mv a0, s4
    call auxval
    mv s5, a0
    mv a0, s4
    call print_dec
    mv a0, s5
    call print_hex
    addi s3, s3, 1
    j 4b
5:  li a0, 25               /* AT_RANDOM: set? */
    call auxval
    snez a0, a0
    call print_dec
    li a0, 31               /* AT_EXECFN */
    call auxval
    call print_str
    la a0, nl
    call print_str
    li a0, 11               /* AT_UID - AT_EUID */
    call auxval
    mv s5, a0
    li a0, 12
    call auxval
    sub a0, s5, a0
    call print_dec
    li a0, 0
    j do_exit

/* auxval(a0 = type): its value in the auxv at s2, or -1 if absent */
auxval:
    mv t1, s2
1:  ld t0, 0(t1)
    beqz t0, 2f
    beq t0, a0, 3f
    addi t1, t1, 16
    j 1b
2:  li a0, -1
    ret
3:  ld a0, 8(t1)
    ret
    .section .rodata
nl: .asciz "\n"
wanted: .byte 3, 4, 5, 6, 9, 16, 17, 23, 0
