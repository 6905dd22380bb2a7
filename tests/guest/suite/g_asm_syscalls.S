/* Raw system calls with deterministic results: write to stdout and to a
 * closed descriptor (-EBADF), write from a bad buffer (-EFAULT), read of
 * length 0, close(-1), getuid == geteuid, uname's machine field, brk
 * growth and shrink, mmap/munmap of anonymous memory and exit_group
 * with status 7. */
    .text
#include "g_asm_lib.inc"
    .globl _start
_start:
    la a0, hello
    call puts_

    li a0, 99                 /* write(99, hello, 5): -EBADF = -9 */
    la a1, hello
    li a2, 5
    li a7, SYS_write
    ecall
    call dec_

    li a0, 1                  /* write(1, 0x10, 5): -EFAULT = -14 */
    li a1, 0x10
    li a2, 5
    li a7, SYS_write
    ecall
    call dec_

    li a0, 1                  /* write of 0 bytes: 0 */
    la a1, hello
    li a2, 0
    li a7, SYS_write
    ecall
    call dec_

    li a0, -1                 /* close(-1): -9 */
    li a7, SYS_close
    ecall
    call dec_

    li a7, SYS_getuid
    ecall
    mv s0, a0
    li a7, SYS_geteuid
    ecall
    sub a0, a0, s0
    seqz a0, a0
    call dec_                 /* 1 */

    la a0, uts                /* uname: machine is field 5 of 65 bytes */
    li a7, SYS_uname
    ecall
    call dec_
    la a0, uts
    addi a0, a0, 4 * 65
    call puts_
    la a0, newline
    call puts_

    li a0, 0                  /* brk(0), grow by 64 KiB, touch, shrink */
    li a7, SYS_brk
    ecall
    mv s1, a0
    li t0, 65536
    add a0, s1, t0
    li a7, SYS_brk
    ecall
    sub a0, a0, s1
    call dec_                 /* 65536 */
    li t0, 65535
    add t0, s1, t0
    li t1, 0x5a
    sb t1, 0(t0)
    lbu a0, 0(t0)
    call dec_
    mv a0, s1
    li a7, SYS_brk
    ecall
    sub a0, a0, s1
    call dec_                 /* 0 */

    li a0, 0                  /* mmap(0, 8192, RW, PRIVATE|ANON, -1, 0) */
    li a1, 8192
    li a2, 3
    li a3, 0x22
    li a4, -1
    li a5, 0
    li a7, SYS_mmap
    ecall
    mv s2, a0
    slli a0, a0, 52
    call dec_                 /* 0: page aligned */
    li t0, 4096
    add t0, t0, s2
    ld a0, 0(t0)
    call dec_                 /* 0: zero filled */
    li t0, 1234
    sd t0, 8(s2)
    ld a0, 8(s2)
    call dec_
    mv a0, s2
    li a1, 8192
    li a7, SYS_munmap
    ecall
    call dec_                 /* 0 */

    li a0, 7
    call exit_

    .data
hello:   .string "hello\n"
newline: .string "\n"
    .align 3
uts:     .space 6 * 65
