/* The floating-point CSRs from user mode (RISC-V unprivileged spec,
 * "F" extension, fcsr = frm << 5 | fflags): csrrw/csrrs/csrrc and their
 * immediate forms on fflags, frm and fcsr, the frm field's effect on a
 * dynamic-rounding fcvt, flags set by an inexact operation, and the
 * read-only-zero bits above bit 7 of fcsr. */
    .text
    .globl _start
_start:
    csrwi fcsr, 0
    frcsr a0
    call hex_                 /* 0 */
    csrrwi t0, frm, 3         /* rup */
    frcsr a0
    call hex_                 /* 0x60 */
    la t1, half
    fld ft0, 0(t1)            /* 2.5 */
    fcvt.l.d a0, ft0          /* dynamic: rup -> 3 */
    call hex_
    csrwi frm, 2              /* rdn */
    fcvt.l.d a0, ft0
    call hex_                 /* 2 */
    csrwi frm, 4              /* rmm */
    fcvt.l.d a0, ft0
    call hex_                 /* 3 */
    csrwi frm, 0
    frflags a0
    call hex_                 /* NX from the inexact conversions: 1 */
    csrsi fflags, 0x1c        /* set NV DZ OF */
    frflags a0
    call hex_                 /* 0x1d */
    csrrci t0, fflags, 0x11
    mv a0, t0
    call hex_                 /* old value 0x1d */
    frflags a0
    call hex_                 /* 0x0c */
    li t2, -1
    csrw fcsr, t2             /* only bits 7:0 are writable */
    frcsr a0
    call hex_                 /* 0xff */
    frrm a0
    call hex_                 /* 7 */
    fsrm t3, zero             /* swap returns the old frm */
    mv a0, t3
    call hex_
    fsflags t3, zero
    mv a0, t3
    call hex_                 /* 0x1f */
    frcsr a0
    call hex_                 /* 0 */
    li a0, 0
    call exit_

#include "g_asm_lib.inc"

    .data
    .align 3
half: .double 2.5
