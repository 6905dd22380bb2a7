/* System calls the runtime does not implement: an unknown number (1000,
 * twice), a known but unsupported one (kexec_load, 104) and one C
 * libraries probe at start-up (rseq, 293).  Each returns
 * -ENOSYS (-38); prints a0 + 38 (0) after each. */
#include "rt_lib.inc"
    .globl _start
_start:
    li s0, 1000
    call try
    li s0, 1000
    call try
    li s0, 104
    call try
    li s0, 293
    call try
    li a0, 0
    j do_exit
try:
    mv s1, ra
    li a0, 0
    li a1, 0
    li a2, 0
    mv a7, s0
    ecall
    addi a0, a0, 38
    call print_dec
    mv ra, s1
    ret
