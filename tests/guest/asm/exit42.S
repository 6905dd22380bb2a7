/* A message on stderr, then exit(2) with status 42 + 256 (only the low
 * 8 bits reach the parent: 42). */
    .text
    .globl _start
_start:
    li a0, 2
    la a1, msg
    la a2, msg_end
    sub a2, a2, a1
    li a7, 64               /* write */
    ecall
    li a0, 42 + 256
    li a7, 93               /* exit */
    ecall
    .section .rodata
msg:
    .ascii "exiting with status 42\n"
msg_end:
