/* brk(2): query, grow by 100000 bytes (the new pages read as zero and are
 * writable), shrink, grow again (zero again), an absurd request (refused:
 * the old break comes back).  Prints one line per check; exit status 0. */
#include "rt_lib.inc"
    .globl _start
_start:
    li a0, 0
    li a7, SYS_brk
    ecall
    mv s0, a0               /* initial break */
    slli a0, s0, 52         /* the low 12 bits */
    srli a0, a0, 52
    call print_dec          /* 0: page aligned */

    li s1, 100000
    add a0, s0, s1
    li a7, SYS_brk
    ecall
    sub a0, a0, s0
    call print_dec          /* 100000 */

    /* the new memory is zero: sum it, then fill it */
    mv t0, s0
    add t1, s0, s1
    li t2, 0
1:  ld t3, 0(t0)
    add t2, t2, t3
    li t4, -1
    sd t4, 0(t0)
    addi t0, t0, 8
    bltu t0, t1, 1b
    mv a0, t2
    call print_dec          /* 0 */

    mv a0, s0               /* shrink back */
    li a7, SYS_brk
    ecall
    sub a0, a0, s0
    call print_dec          /* 0 */

    li t0, 8192             /* grow again: zero again past the first page */
    add a0, s0, t0
    li a7, SYS_brk
    ecall
    li t0, 4096
    add t0, s0, t0
    ld a0, 0(t0)
    call print_dec          /* 0 */

    li a0, -4096            /* absurd: refused */
    li a7, SYS_brk
    ecall
    sub a0, a0, s0
    li t0, 8192
    sub a0, a0, t0
    call print_dec          /* 0 */

    li a0, 0
    j do_exit
