/*
 * A valid IR program in canonical text form (exactly what ir_dump prints)
 * that uses every opcode and every constant kind, shared by the text,
 * verifier and parser-fuzz tests in tests/ir.  The helpers it calls are
 * registered by ir_corpus_register_helpers().
 */
#ifndef IR_CORPUS_H
#define IR_CORPUS_H

#include "ir_text.h"

static void ir_corpus_helper_fn(void)
{
}

static const IrHelper ir_corpus_helper_a = { "helper_a", ir_corpus_helper_fn, 0 };
static const IrHelper ir_corpus_helper_b = {
    "helper_b", ir_corpus_helper_fn, IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB
};

static inline void ir_corpus_register_helpers(void)
{
    ir_helper_register(&ir_corpus_helper_a);
    ir_helper_register(&ir_corpus_helper_b);
}

static const char ir_corpus_text[] =
    "global i64 x1 env+8\n"
    "global i64 x2 env+16\n"
    "global i32 w3 env+24 fixed=r12\n"
    "global f64 f1 env+264\n"
    "global f32 @t0 env-8\n"
    "temp i64 t0, t1, t2\n"
    "temp i32 t3, t4\n"
    "temp f64 t5, t6\n"
    "temp f32 t7\n"
    "temp i64 t8\n"
    "bbtemp i64 b0, b1\n"
    "bbtemp i32 b2\n"
    "    insn_start 0x10078\n"
    "    nop\n"
    "    mov.i64 t0, x1\n"
    "    mov.i64 t1, $0x12345\n"
    "    mov.i32 t3, $-1\n"
    "    add.i64 t2, t0, t1\n"
    "    sub.i64 t2, t2, $-4096\n"
    "    neg.i64 t2, t2\n"
    "    not.i32 t4, t3\n"
    "    and.i64 t2, t2, $0xff00\n"
    "    or.i64 t2, t2, $-0x10000\n"
    "    xor.i32 t4, t4, $-0x80000000\n"
    "    andc.i64 t2, t2, t0\n"
    "    orc.i64 t2, t2, t1\n"
    "    eqv.i64 t2, t2, t0\n"
    "    nand.i64 t2, t2, t1\n"
    "    nor.i64 t2, t2, t0\n"
    "    shl.i64 t2, t2, $3\n"
    "    shr.i64 t2, t2, t0\n"
    "    sar.i32 t4, t4, $31\n"
    "    rotl.i64 t2, t2, $7\n"
    "    rotr.i32 t4, t4, t3\n"
    "    mul.i64 t2, t2, t1\n"
    "    mulsh.i64 t2, t2, t0\n"
    "    muluh.i64 t2, t2, t0\n"
    "    mulsuh.i64 t2, t2, t0\n"
    "    div.i64 t2, t2, t0\n"
    "    divu.i32 t4, t4, t3\n"
    "    rem.i64 t2, t2, t1\n"
    "    remu.i64 t2, t2, $0x8000000000000000\n"
    "    clz.i64 t2, t2\n"
    "    ctz.i32 t4, t4\n"
    "    ctpop.i64 t2, t2\n"
    "    bswap.i32 t4, t4\n"
    "    extract.i64 t2, t2, 8, 16\n"
    "    sextract.i32 t4, t4, 0, 8\n"
    "    deposit.i64 t2, t2, t0, 32, 32\n"
    "    ext_i32_i64 t0, t4\n"
    "    extu_i32_i64 t1, t3\n"
    "    extrl_i64_i32 t3, t2\n"
    "    extrh_i64_i32 t4, x2\n"
    "    mov.i32 w3, t4\n"
    "    setcond.i64 t2, t0, t1, ltu\n"
    "    movcond.i64 t2, t0, $0, t1, t2, ge\n"
    "    mov.i64 b0, t2\n"
    "    brcond.i64 b0, $4096, gtu, L0\n"
    "    brcond.i32 t3, t4, never, L1\n"
    "    mov.i64 b1, $0x1001\n"
    "    st_guest.i64 b1, t2, uq\n"
    "    br L1\n"
    "L0:\n"
    "    discard.i64 t8\n"
    "    goto_tb 0\n"
    "    exit_tb 0x7f0000001000\n"
    "L1:\n"
    "    lookup_tb t8, t2\n"
    "    call.i64 {t0}, {t2, $5:i64, $-1:i32}, helper_a\n"
    "    call.void {}, {}, helper_b\n"
    "    call.i32 {t3}, {t0}, helper_b\n"
    "    mb ld_ld|st_st\n"
    "    mb all\n"
    "    ld_env.i64 t1, 512, uq\n"
    "    ld_env.f64 t5, 264, uq\n"
    "    st_env.i32 t3, -4, ul\n"
    "    st_env.f64 t5, 272, uq|be\n"
    "    ld_guest.i32 b2, t0, sl|align\n"
    "    ld_guest.f32 t7, t0, ul\n"
    "    st_guest.f32 t7, t1, ul|be|align\n"
    "    cmpxchg.i64 t1, t0, t1, x1, uq|align\n"
    "    xchg.i32 t3, t0, b2, sw\n"
    "    fetch_add.i64 t1, t0, $1, uq\n"
    "    fetch_and.i64 t1, t0, t1, ul\n"
    "    fetch_or.i64 t1, t0, t1, sl\n"
    "    fetch_xor.i32 t3, t0, t3, ub\n"
    "    fetch_smin.i64 t1, t0, t1, sq\n"
    "    fetch_smax.i32 t3, t0, t3, sb|be\n"
    "    fetch_umin.i64 t1, t0, t1, uw\n"
    "    fetch_umax.i64 t1, t0, t1, uw|be|align\n"
    "    fadd.f64 t5, t5, f1\n"
    "    fsub.f64 t5, t5, $0x3ff0000000000000\n"
    "    fmul.f64 t6, t5, t5\n"
    "    fdiv.f64 t6, t6, t5\n"
    "    fsqrt.f64 t6, t6\n"
    "    fmin.f64 t6, t6, t5\n"
    "    fmax.f32 t7, t7, @t0\n"
    "    fma.f64 t6, t6, t5, f1, plain\n"
    "    fma.f64 t6, t6, t5, f1, neg_mul\n"
    "    fma.f32 t7, t7, t7, $0x7fc00001, neg_add\n"
    "    fma.f64 t6, t6, t5, t6, neg_both\n"
    "    fneg.f64 t6, t6\n"
    "    fabs.f32 t7, t7\n"
    "    fcmp.f64 t1, t6, t5, le\n"
    "    fcmp.f32 t3, t7, @t0, eq\n"
    "    itof.f64 t5, t1\n"
    "    utof.f32 t7, t3\n"
    "    ftoi.i64 t1, t6, rtz\n"
    "    ftou.i32 t3, t7, dyn\n"
    "    ftoi.i64 t1, $0x3f800000:f32, rne\n"
    "    ftou.i64 t1, t5, rdn\n"
    "    ftoi.i32 t3, t6, rup\n"
    "    fcvt.f32 t7, t6\n"
    "    fcvt.f64 t6, t7\n"
    "    bitcast_f2i.i64 t1, t6\n"
    "    bitcast_i2f.f32 t7, t3\n"
    "    mov.f64 f1, t6\n"
    "    mov.f32 @t0, t7\n"
    "    mov.i64 x2, t1\n"
    "    goto_ptr t8\n";

#endif
