/* F and D instructions in assembly: arithmetic, fused multiply-add
 * variants, conversions in every rounding mode, fmv between integer and
 * FP registers, min/max, compares and fclass; every result is printed
 * as raw bits. */
    .text
    .globl _start

#define SHOWD(reg) fmv.x.d a0, reg; call hex_
#define SHOWX(reg) mv a0, reg; call hex_

_start:
    la s0, consts
    fld fs0, 0(s0)            /* 1.5 */
    fld fs1, 8(s0)            /* -0.1 */
    fld fs2, 16(s0)           /* 1e300 */
    flw fs3, 24(s0)           /* 2.5f */
    flw fs4, 28(s0)           /* 3.0f */

    fadd.d ft0, fs0, fs1;  SHOWD(ft0)
    fsub.d ft0, fs0, fs1;  SHOWD(ft0)
    fmul.d ft0, fs2, fs2;  SHOWD(ft0)
    fdiv.d ft0, fs0, fs1;  SHOWD(ft0)
    fsqrt.d ft0, fs0;      SHOWD(ft0)
    fmadd.d ft0, fs0, fs1, fs0;  SHOWD(ft0)
    fmsub.d ft0, fs0, fs1, fs0;  SHOWD(ft0)
    fnmadd.d ft0, fs0, fs1, fs0; SHOWD(ft0)
    fnmsub.d ft0, fs0, fs1, fs0; SHOWD(ft0)
    fadd.s ft1, fs3, fs4;  SHOWD(ft1)
    fdiv.s ft1, fs3, fs4;  SHOWD(ft1)
    fmadd.s ft1, fs3, fs4, fs3; SHOWD(ft1)
    fmin.d ft0, fs0, fs1;  SHOWD(ft0)
    fmax.s ft1, fs3, fs4;  SHOWD(ft1)
    fcvt.s.d ft1, fs1;     SHOWD(ft1)
    fcvt.d.s ft0, fs3;     SHOWD(ft0)

    /* -2.5 converted to integer in each static rounding mode */
    fld fs5, 32(s0)
    fcvt.l.d t0, fs5, rne; SHOWX(t0)
    fcvt.l.d t0, fs5, rtz; SHOWX(t0)
    fcvt.l.d t0, fs5, rdn; SHOWX(t0)
    fcvt.l.d t0, fs5, rup; SHOWX(t0)
    fcvt.l.d t0, fs5, rmm; SHOWX(t0)
    fcvt.wu.d t0, fs0, rup; SHOWX(t0)
    li t1, -7
    fcvt.d.l ft0, t1;      SHOWD(ft0)
    fcvt.s.lu ft1, t1;     SHOWD(ft1)
    fcvt.d.wu ft0, t1;     SHOWD(ft0)
    li t1, 0x3ff8000000000000
    fmv.d.x ft0, t1;       SHOWD(ft0)
    fmv.x.w t0, fs3;       SHOWX(t0)
    li t1, 0x40490fdb
    fmv.w.x ft1, t1;       SHOWD(ft1)

    feq.d t0, fs0, fs0;    SHOWX(t0)
    flt.d t0, fs1, fs0;    SHOWX(t0)
    fle.s t0, fs4, fs3;    SHOWX(t0)
    fclass.d t0, fs1;      SHOWX(t0)
    fclass.s t0, fs3;      SHOWX(t0)
    frflags t0;            SHOWX(t0)
    li a0, 0
    call exit_

#include "g_asm_lib.inc"

    .data
    .align 3
consts:
    .double 1.5, -0.1, 1e300
    .float 2.5, 3.0
    .double -2.5
