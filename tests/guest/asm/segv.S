/* A load from an unmapped address: the guest dies of SIGSEGV after
 * printing a line. */
#include "rt_lib.inc"
    .globl _start
_start:
    la a0, msg
    call print_str
    li t0, 8
    ld a0, 0(t0)
    li a0, 0
    j do_exit
    .section .rodata
msg: .asciz "before the bad load\n"
