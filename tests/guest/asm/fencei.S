/* Self-modifying code made visible with fence.i (RISC-V Unprivileged ISA
 * 3.1 "Zifencei"): a page made read/write/execute with mprotect(2) gets
 * "li a0, 7; ret", is called, is rewritten to "li a0, 9; ret", fence.i,
 * called again.  Prints 7 and 9. */
#include "rt_lib.inc"
    .globl _start
_start:
    la s0, page
    mv a0, s0
    li a1, 4096
    li a2, 7                /* PROT_READ | PROT_WRITE | PROT_EXEC */
    li a7, SYS_mprotect
    ecall
    call print_dec          /* 0 */

    li t0, 0x00700513       /* addi a0, zero, 7 */
    sw t0, 0(s0)
    li t0, 0x00008067       /* jalr zero, 0(ra) */
    sw t0, 4(s0)
    fence.i
    jalr s0
    call print_dec          /* 7 */

    li t0, 0x00900513       /* addi a0, zero, 9 */
    sw t0, 0(s0)
    fence.i
    jalr s0
    call print_dec          /* 9 */
    li a0, 0
    j do_exit
    .data
    .balign 4096
page: .zero 4096
