/* A store into the program's own (read-only, executable) text: SIGSEGV. */
#include "rt_lib.inc"
    .globl _start
_start:
    la a0, msg
    call print_str
    la t0, _start
    sw zero, 0(t0)
    li a0, 0
    j do_exit
    .section .rodata
msg: .asciz "before the store into text\n"
