/* An all-zero word (a defined illegal instruction, RISC-V Unprivileged ISA
 * 1.5): the guest dies of SIGILL after printing a line. */
#include "rt_lib.inc"
    .globl _start
_start:
    la a0, msg
    call print_str
    .word 0
    .section .rodata
msg: .asciz "before the illegal instruction\n"
