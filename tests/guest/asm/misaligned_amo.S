/* An AMO on a misaligned address (RISC-V Unprivileged ISA 8.4: AMOs need
 * natural alignment): qemu-riscv64 delivers SIGBUS. */
#include "rt_lib.inc"
    .globl _start
_start:
    la a0, msg
    call print_str
    la a0, buf
    addi a0, a0, 2
    li a1, 1
    amoadd.w a2, a1, (a0)
    li a0, 0
    j do_exit
    .section .rodata
msg: .asciz "before the misaligned amoadd.w\n"
    .data
    .balign 16
buf: .zero 16
