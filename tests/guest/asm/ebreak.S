/* ebreak: the guest dies of SIGTRAP after printing a line. */
#include "rt_lib.inc"
    .globl _start
_start:
    la a0, msg
    call print_str
    ebreak
    .section .rodata
msg: .asciz "before ebreak\n"
