/*
 * One or more before/after cases per optimizer rule: the IR after opt_run
 * with every rule on must be exactly AFTER, and with the case's rule off
 * exactly OFF (where the rewrite does not happen).  A further test checks
 * that every rule in the table (opt_rule_name) has a case here.  The
 * globals x1 x2 x3 (i64), w1 (i32), f1 (f64) are declared for every case
 * (opt_test_util.h).
 */
#include "opt_test_util.h"
#include "check_run.h"

typedef struct RuleCase {
    const char *rule;
    const char *before;
    const char *after;   /* every rule on */
    const char *off;     /* RULE off */
} RuleCase;

#define EXIT "    exit_tb 0x0\n"

static const RuleCase cases[] = {
    /* ---- fold ---- */
    { "fold",
      "    add.i64 x1, $2, $3\n" EXIT,
      "    mov.i64 x1, $5\n" EXIT,
      "    add.i64 x1, $2, $3\n" EXIT },
    { "fold",   /* i32 results are 32-bit values */
      "    add.i32 w1, $0x7fffffff, $1\n" EXIT,
      "    mov.i32 w1, $-0x80000000\n" EXIT,
      "    add.i32 w1, $0x7fffffff, $1\n" EXIT },
    { "fold",   /* RISC-V division by zero */
      "    divu.i64 x1, $7, $0\n    rem.i64 x2, $-7, $0\n" EXIT,
      "    mov.i64 x1, $-1\n    mov.i64 x2, $-7\n" EXIT,
      "    divu.i64 x1, $7, $0\n    rem.i64 x2, $-7, $0\n" EXIT },
    { "fold",   /* chains: a folded result feeds the next op */
      "temp i64 t0\n"
      "    shl.i64 t0, $1, $65\n    mul.i64 x1, t0, $0x10000\n" EXIT,
      "    mov.i64 x1, $0x20000\n" EXIT,
      /* off: known bits still make t0 a constant, the mul stays */
      "    mul.i64 x1, $2, $0x10000\n" EXIT },
    { "fold",   /* float bit operations are exact */
      "    fneg.f64 f1, $0x3ff0000000000000\n" EXIT,
      "    mov.f64 f1, $0xbff0000000000000\n" EXIT,
      "    fneg.f64 f1, $0x3ff0000000000000\n" EXIT },
    { "fold",   /* NaN boxing is exact too: box, and unbox both ways */
      "    fbox f1, $0x3f800000\n" EXIT,
      "    mov.f64 f1, $0xffffffff3f800000\n" EXIT,
      "    fbox f1, $0x3f800000\n" EXIT },
    { "fold",
      "temp f32 t0, t1\n"
      "    funbox t0, $0xffffffff3f800000\n"
      "    funbox t1, $0x000000003f800000\n"
      "    fadd.f32 t0, t0, t1\n    fcvt.f64 f1, t0\n" EXIT,
      "    fadd.f32 t0, $0x3f800000, $0x7fc00000\n    fcvt.f64 f1, t0\n" EXIT,
      "    funbox t0, $0xffffffff3f800000\n"
      "    funbox t1, $0x000000003f800000\n"
      "    fadd.f32 t0, t0, t1\n    fcvt.f64 f1, t0\n" EXIT },
    { "fold",   /* never a float op that rounds or raises flags */
      "    fadd.f64 f1, $0x3ff0000000000000, $0x3ff0000000000000\n" EXIT,
      "    fadd.f64 f1, $0x3ff0000000000000, $0x3ff0000000000000\n" EXIT,
      "    fadd.f64 f1, $0x3ff0000000000000, $0x3ff0000000000000\n" EXIT },

    /* ---- constprop ---- */
    { "constprop",
      "temp i64 t0\n"
      "    mov.i64 t0, $5\n    add.i64 x1, x2, t0\n" EXIT,
      "    add.i64 x1, x2, $5\n" EXIT,
      "    mov.i64 t0, $5\n    add.i64 x1, x2, t0\n" EXIT },
    { "constprop",   /* a global known constant until it is written */
      "    mov.i64 x1, $5\n    add.i64 x2, x1, x3\n    mov.i64 x1, x3\n"
      "    add.i64 x3, x1, x2\n" EXIT,
      "    add.i64 x2, x3, $5\n    mov.i64 x1, x3\n"
      "    add.i64 x3, x3, x2\n" EXIT,
      "    mov.i64 x1, $5\n    add.i64 x2, x1, x3\n    mov.i64 x1, x3\n"
      "    add.i64 x3, x3, x2\n" EXIT },
    { "constprop",   /* ... and until a helper may write globals */
      "    mov.i64 x1, $5\n    call.void {}, {}, helper_a\n"
      "    add.i64 x2, x1, $1\n" EXIT,
      "    mov.i64 x1, $5\n    call.void {}, {}, helper_a\n"
      "    add.i64 x2, x1, $1\n" EXIT,
      "    mov.i64 x1, $5\n    call.void {}, {}, helper_a\n"
      "    add.i64 x2, x1, $1\n" EXIT },
    { "constprop",   /* a helper that writes no globals keeps the facts */
      "    mov.i64 x1, $5\n    call.void {}, {}, helper_noglob\n"
      "    add.i64 x2, x1, $1\n" EXIT,
      "    mov.i64 x1, $5\n    call.void {}, {}, helper_noglob\n"
      "    mov.i64 x2, $6\n" EXIT,
      "    mov.i64 x1, $5\n    call.void {}, {}, helper_noglob\n"
      "    add.i64 x2, x1, $1\n" EXIT },
    { "constprop",   /* facts about TB temps end at a label in use */
      "temp i64 t0\n"
      "    mov.i64 t0, $5\n    brcond.i64 x1, $0, eq, L0\n"
      "    mov.i64 t0, $6\nL0:\n    add.i64 x2, t0, $1\n" EXIT,
      "    mov.i64 t0, $5\n    brcond.i64 x1, $0, eq, L0\n"
      "    mov.i64 t0, $6\nL0:\n    add.i64 x2, t0, $1\n" EXIT,
      "    mov.i64 t0, $5\n    brcond.i64 x1, $0, eq, L0\n"
      "    mov.i64 t0, $6\nL0:\n    add.i64 x2, t0, $1\n" EXIT },
    { "constprop",   /* ... but flow past a conditional branch */
      "temp i64 t0\n"
      "    mov.i64 t0, $5\n    brcond.i64 x1, $0, eq, L0\n"
      "    add.i64 x2, t0, $1\n" EXIT "L0:\n" EXIT,
      "    brcond.i64 x1, $0, eq, L0\n"
      "    mov.i64 x2, $6\n" EXIT "L0:\n" EXIT,
      "    mov.i64 t0, $5\n    brcond.i64 x1, $0, eq, L0\n"
      "    add.i64 x2, t0, $1\n" EXIT "L0:\n" EXIT },

    /* ---- copyprop ---- */
    { "copyprop",
      "temp i64 t0\n"
      "    mov.i64 t0, x2\n    add.i64 x1, t0, $1\n" EXIT,
      "    add.i64 x1, x2, $1\n" EXIT,
      "    mov.i64 t0, x2\n    add.i64 x1, t0, $1\n" EXIT },
    { "copyprop",   /* a copy of a global dies when the global is written */
      "temp i64 t0\n"
      "    mov.i64 t0, x2\n    mov.i64 x2, x3\n    add.i64 x1, t0, $1\n" EXIT,
      "    mov.i64 t0, x2\n    mov.i64 x2, x3\n    add.i64 x1, t0, $1\n" EXIT,
      "    mov.i64 t0, x2\n    mov.i64 x2, x3\n    add.i64 x1, t0, $1\n" EXIT },
    { "copyprop",   /* ... or when a helper may have written it */
      "temp i64 t0\n"
      "    mov.i64 t0, x2\n    call.void {}, {}, helper_a\n"
      "    add.i64 x1, t0, $1\n" EXIT,
      "    mov.i64 t0, x2\n    call.void {}, {}, helper_a\n"
      "    add.i64 x1, t0, $1\n" EXIT,
      "    mov.i64 t0, x2\n    call.void {}, {}, helper_a\n"
      "    add.i64 x1, t0, $1\n" EXIT },
    { "copyprop",   /* a copy of a basic-block temp dies at the block end */
      "temp i64 t0\nbbtemp i64 b0\n"
      "    add.i64 b0, x2, x3\n    mov.i64 t0, b0\n    mov.i64 x1, t0\n"
      "    goto_tb 0\n    mov.i64 x3, t0\n" EXIT,
      "    add.i64 b0, x2, x3\n    mov.i64 t0, b0\n    mov.i64 x1, b0\n"
      "    goto_tb 0\n    mov.i64 x3, t0\n" EXIT,
      "    add.i64 b0, x2, x3\n    mov.i64 t0, b0\n    mov.i64 x1, t0\n"
      "    goto_tb 0\n    mov.i64 x3, t0\n" EXIT },
    { "copyprop",   /* a mov that changes nothing goes */
      "    mov.i64 x1, x2\n    ld_guest.i64 x3, x2, uq\n    mov.i64 x1, x2\n"
      "    mov.i64 x2, x2\n" EXIT,
      "    mov.i64 x1, x2\n    ld_guest.i64 x3, x2, uq\n" EXIT,
      "    mov.i64 x1, x2\n    ld_guest.i64 x3, x2, uq\n    mov.i64 x1, x2\n"
      "    mov.i64 x2, x2\n" EXIT },

    /* ---- canon ---- */
    { "canon",
      "    add.i64 x1, $5, x2\n" EXIT,
      "    add.i64 x1, x2, $5\n" EXIT,
      "    add.i64 x1, $5, x2\n" EXIT },
    { "canon",
      "    brcond.i64 $5, x2, lt, L0\n    mov.i64 x1, $1\nL0:\n" EXIT,
      "    brcond.i64 x2, $5, gt, L0\n    mov.i64 x1, $1\nL0:\n" EXIT,
      "    brcond.i64 $5, x2, lt, L0\n    mov.i64 x1, $1\nL0:\n" EXIT },
    { "canon",
      "    setcond.i32 w1, $-1, w1, leu\n" EXIT,
      "    setcond.i32 w1, w1, $-1, geu\n" EXIT,
      "    setcond.i32 w1, $-1, w1, leu\n" EXIT },

    /* ---- simp-ident ---- */
    { "simp-ident",
      "    add.i64 x1, x2, $0\n    sub.i32 w1, w1, $0\n" EXIT,
      "    mov.i64 x1, x2\n" EXIT,
      "    add.i64 x1, x2, $0\n    sub.i32 w1, w1, $0\n" EXIT },
    { "simp-ident",   /* shift counts are taken modulo the width */
      "    shl.i64 x1, x2, $64\n    rotr.i32 w1, w1, $32\n" EXIT,
      "    mov.i64 x1, x2\n" EXIT,
      "    shl.i64 x1, x2, $64\n    rotr.i32 w1, w1, $32\n" EXIT },
    { "simp-ident",
      "    mul.i64 x1, $1, x2\n    divu.i64 x2, x3, $1\n"
      "    xor.i64 x3, x3, $0\n" EXIT,
      "    mov.i64 x1, x2\n    mov.i64 x2, x3\n" EXIT,
      "    mul.i64 x1, x2, $1\n    divu.i64 x2, x3, $1\n"
      "    xor.i64 x3, x3, $0\n" EXIT },
    { "simp-ident",
      "    orc.i64 x1, x2, $-1\n    eqv.i64 x2, x3, $-1\n"
      "    andc.i64 x3, x3, $0\n" EXIT,
      "    mov.i64 x1, x2\n    mov.i64 x2, x3\n" EXIT,
      /* off: kb-mask still sees that andc x3, 0 changes no bit */
      "    orc.i64 x1, x2, $-1\n    eqv.i64 x2, x3, $-1\n" EXIT },
    { "simp-ident",
      "    deposit.i64 x1, x2, x3, 0, 64\n    extract.i32 w1, w1, 0, 32\n" EXIT,
      "    mov.i64 x1, x3\n" EXIT,
      "    deposit.i64 x1, x2, x3, 0, 64\n    extract.i32 w1, w1, 0, 32\n" EXIT },

    /* ---- simp-absorb ---- */
    { "simp-absorb",
      "    mulsh.i64 x1, x2, $0\n    rem.i64 x2, x3, $-1\n" EXIT,
      "    mov.i64 x1, $0\n    mov.i64 x2, $0\n" EXIT,
      "    mulsh.i64 x1, x2, $0\n    rem.i64 x2, x3, $-1\n" EXIT },
    { "simp-absorb",
      "    sar.i64 x1, $-1, x2\n    rotl.i32 w1, $0, w1\n" EXIT,
      "    mov.i64 x1, $-1\n    mov.i32 w1, $0\n" EXIT,
      "    sar.i64 x1, $-1, x2\n    rotl.i32 w1, $0, w1\n" EXIT },
    { "simp-absorb",
      "    muluh.i64 x1, $0, x2\n    remu.i32 w1, w1, $1\n" EXIT,
      "    mov.i64 x1, $0\n    mov.i32 w1, $0\n" EXIT,
      "    muluh.i64 x1, x2, $0\n    remu.i32 w1, w1, $1\n" EXIT },
    { "simp-absorb",   /* off: known bits find these constants too */
      "    andc.i64 x1, x2, $-1\n    orc.i64 x2, x2, $0\n" EXIT,
      "    mov.i64 x1, $0\n    mov.i64 x2, $-1\n" EXIT,
      "    mov.i64 x1, $0\n    mov.i64 x2, $-1\n" EXIT },

    /* ---- simp-self ---- */
    { "simp-self",
      "    sub.i64 x1, x2, x2\n    xor.i32 w1, w1, w1\n" EXIT,
      "    mov.i64 x1, $0\n    mov.i32 w1, $0\n" EXIT,
      "    sub.i64 x1, x2, x2\n    xor.i32 w1, w1, w1\n" EXIT },
    { "simp-self",
      "    and.i64 x1, x2, x2\n    eqv.i64 x2, x3, x3\n"
      "    nand.i64 x3, x3, x3\n    remu.i32 w1, w1, w1\n" EXIT,
      "    mov.i64 x1, x2\n    mov.i64 x2, $-1\n    not.i64 x3, x3\n"
      "    mov.i32 w1, $0\n" EXIT,
      "    and.i64 x1, x2, x2\n    eqv.i64 x2, x3, x3\n"
      "    nand.i64 x3, x3, x3\n    remu.i32 w1, w1, w1\n" EXIT },

    /* ---- simp-unary ---- */
    { "simp-unary",
      "    sub.i64 x1, $0, x2\n    xor.i64 x2, x2, $-1\n"
      "    sub.i32 w1, $-1, w1\n" EXIT,
      "    neg.i64 x1, x2\n    not.i64 x2, x2\n    not.i32 w1, w1\n" EXIT,
      "    sub.i64 x1, $0, x2\n    xor.i64 x2, x2, $-1\n"
      "    sub.i32 w1, $-1, w1\n" EXIT },
    { "simp-unary",
      "    mul.i64 x1, x2, $-1\n    nor.i64 x2, x3, $0\n" EXIT,
      "    neg.i64 x1, x2\n    not.i64 x2, x3\n" EXIT,
      "    mul.i64 x1, x2, $-1\n    nor.i64 x2, x3, $0\n" EXIT },

    /* ---- simp-cond ---- */
    { "simp-cond",
      "    setcond.i64 x1, x2, x2, leu\n    setcond.i64 x2, x3, x3, gt\n" EXIT,
      "    mov.i64 x1, $1\n    mov.i64 x2, $0\n" EXIT,
      "    setcond.i64 x1, x2, x2, leu\n    setcond.i64 x2, x3, x3, gt\n" EXIT },
    { "simp-cond",
      "    movcond.i64 x1, x2, x3, x3, x3, lt\n"
      "    movcond.i64 x2, x3, x3, x1, $7, ne\n"
      "    movcond.i64 x3, $1, $2, x1, x2, ltu\n" EXIT,
      "    mov.i64 x1, x3\n    mov.i64 x2, $7\n" EXIT,
      /* off: kb-cond still decides the constant comparison */
      "    movcond.i64 x1, x2, x3, x3, x3, lt\n"
      "    movcond.i64 x2, x3, x3, x1, $7, ne\n"
      "    mov.i64 x3, x1\n" EXIT },

    /* ---- kb-const ---- */
    { "kb-const",
      "temp i64 t0\n"
      "    shr.i64 t0, x2, $60\n    and.i64 x1, t0, $256\n" EXIT,
      "    mov.i64 x1, $0\n" EXIT,
      "    shr.i64 t0, x2, $60\n    and.i64 x1, t0, $256\n" EXIT },
    { "kb-const",
      "temp i64 t0\n"
      "    or.i64 t0, x2, $1\n    extract.i64 x1, t0, 0, 1\n" EXIT,
      "    mov.i64 x1, $1\n" EXIT,
      "    or.i64 t0, x2, $1\n    extract.i64 x1, t0, 0, 1\n" EXIT },

    /* ---- kb-mask ---- */
    { "kb-mask",
      "temp i64 t0\n"
      "    extract.i64 t0, x2, 0, 8\n    and.i64 x1, t0, $255\n" EXIT,
      "    extract.i64 t0, x2, 0, 8\n    mov.i64 x1, t0\n" EXIT,
      "    extract.i64 t0, x2, 0, 8\n    and.i64 x1, t0, $255\n" EXIT },
    { "kb-mask",
      "temp i64 t0\n"
      "    or.i64 t0, x2, $240\n    or.i64 x1, t0, $48\n" EXIT,
      "    or.i64 t0, x2, $240\n    mov.i64 x1, t0\n" EXIT,
      "    or.i64 t0, x2, $240\n    or.i64 x1, t0, $48\n" EXIT },

    /* ---- kb-ext ---- */
    { "kb-ext",
      "temp i64 t0\n"
      "    ld_guest.i64 t0, x2, ub\n    extract.i64 x1, t0, 0, 16\n" EXIT,
      "    ld_guest.i64 t0, x2, ub\n    mov.i64 x1, t0\n" EXIT,
      "    ld_guest.i64 t0, x2, ub\n    extract.i64 x1, t0, 0, 16\n" EXIT },
    { "kb-ext",   /* off: kb-sext sees the same from the sign bits */
      "temp i64 t0\n"
      "    extract.i64 t0, x2, 0, 15\n    sextract.i64 x1, t0, 0, 16\n" EXIT,
      "    extract.i64 t0, x2, 0, 15\n    mov.i64 x1, t0\n" EXIT,
      "    extract.i64 t0, x2, 0, 15\n    mov.i64 x1, t0\n" EXIT },
    { "kb-ext",   /* bit 15 unknown: the sign extension stays */
      "temp i64 t0\n"
      "    extract.i64 t0, x2, 0, 16\n    sextract.i64 x1, t0, 0, 16\n" EXIT,
      "    extract.i64 t0, x2, 0, 16\n    sextract.i64 x1, t0, 0, 16\n" EXIT,
      "    extract.i64 t0, x2, 0, 16\n    sextract.i64 x1, t0, 0, 16\n" EXIT },

    /* ---- kb-ext32 ---- */
    { "kb-ext32",
      "temp i32 t0\n"
      "    shr.i32 t0, w1, $1\n    ext_i32_i64 x1, t0\n" EXIT,
      "    shr.i32 t0, w1, $1\n    extu_i32_i64 x1, t0\n" EXIT,
      "    shr.i32 t0, w1, $1\n    ext_i32_i64 x1, t0\n" EXIT },

    /* ---- kb-sext ---- */
    { "kb-sext",  /* a sign-extending load: 33 equal top bits */
      "temp i64 t0\n"
      "    ld_guest.i64 t0, x2, sl\n    sextract.i64 x1, t0, 0, 32\n" EXIT,
      "    ld_guest.i64 t0, x2, sl\n    mov.i64 x1, t0\n" EXIT,
      "    ld_guest.i64 t0, x2, sl\n    sextract.i64 x1, t0, 0, 32\n" EXIT },
    { "kb-sext",  /* bitwise ops keep the smaller count: 33 */
      "temp i64 t0, t1, t2\n"
      "    ld_guest.i64 t0, x2, sw\n    ld_guest.i64 t1, x3, sl\n"
      "    xor.i64 t2, t0, t1\n    sextract.i64 x1, t2, 0, 32\n" EXIT,
      "    ld_guest.i64 t0, x2, sw\n    ld_guest.i64 t1, x3, sl\n"
      "    xor.i64 t2, t0, t1\n    mov.i64 x1, t2\n" EXIT,
      "    ld_guest.i64 t0, x2, sw\n    ld_guest.i64 t1, x3, sl\n"
      "    xor.i64 t2, t0, t1\n    sextract.i64 x1, t2, 0, 32\n" EXIT },
    { "kb-sext",  /* a sum of two may carry into bit 32: it stays */
      "temp i64 t0, t1, t2\n"
      "    ld_guest.i64 t0, x2, sl\n    ld_guest.i64 t1, x3, sl\n"
      "    add.i64 t2, t0, t1\n    sextract.i64 x1, t2, 0, 32\n" EXIT,
      "    ld_guest.i64 t0, x2, sl\n    ld_guest.i64 t1, x3, sl\n"
      "    add.i64 t2, t0, t1\n    sextract.i64 x1, t2, 0, 32\n" EXIT,
      "    ld_guest.i64 t0, x2, sl\n    ld_guest.i64 t1, x3, sl\n"
      "    add.i64 t2, t0, t1\n    sextract.i64 x1, t2, 0, 32\n" EXIT },
    { "kb-sext",  /* lw then sext.w (addiw 0): with ext-field, a mov */
      "temp i64 t0\ntemp i32 t1\n"
      "    ld_guest.i64 t0, x2, sl\n    extrl_i64_i32 t1, t0\n"
      "    ext_i32_i64 x1, t1\n" EXIT,
      "    ld_guest.i64 t0, x2, sl\n    mov.i64 x1, t0\n" EXIT,
      "    ld_guest.i64 t0, x2, sl\n    sextract.i64 x1, t0, 0, 32\n" EXIT },

    /* ---- ext-field ---- */
    { "ext-field",  /* sext.w: one movsxd */
      "temp i32 t0\n"
      "    extrl_i64_i32 t0, x2\n    ext_i32_i64 x1, t0\n" EXIT,
      "    sextract.i64 x1, x2, 0, 32\n" EXIT,
      "    extrl_i64_i32 t0, x2\n    ext_i32_i64 x1, t0\n" EXIT },
    { "ext-field",  /* srliw: bits [8, 32) */
      "temp i32 t0, t1\n"
      "    extrl_i64_i32 t0, x2\n    shr.i32 t1, t0, $8\n"
      "    ext_i32_i64 x1, t1\n" EXIT,
      "    extract.i64 x1, x2, 8, 24\n" EXIT,
      "    extrl_i64_i32 t0, x2\n    shr.i32 t1, t0, $8\n"
      "    extu_i32_i64 x1, t1\n" EXIT },
    { "ext-field",  /* sraiw, then a second sraiw of the result */
      "temp i32 t0, t1, t2\n"
      "    extrl_i64_i32 t0, x2\n    sar.i32 t1, t0, $3\n"
      "    sar.i32 t2, t1, $4\n    ext_i32_i64 x1, t2\n" EXIT,
      "    sextract.i64 x1, x2, 7, 25\n" EXIT,
      "    extrl_i64_i32 t0, x2\n    sar.i32 t1, t0, $3\n"
      "    sar.i32 t2, t1, $4\n    ext_i32_i64 x1, t2\n" EXIT },
    { "ext-field",  /* zero-extended field, then extu */
      "temp i32 t0, t1\n"
      "    extrl_i64_i32 t0, x2\n    shr.i32 t1, t0, $31\n"
      "    extu_i32_i64 x1, t1\n" EXIT,
      "    extract.i64 x1, x2, 31, 1\n" EXIT,
      "    extrl_i64_i32 t0, x2\n    shr.i32 t1, t0, $31\n"
      "    extu_i32_i64 x1, t1\n" EXIT },
    { "ext-field",  /* x2 written in between: the field is gone */
      "temp i32 t0\n"
      "    extrl_i64_i32 t0, x2\n    add.i64 x2, x2, $1\n"
      "    ext_i32_i64 x1, t0\n" EXIT,
      "    extrl_i64_i32 t0, x2\n    add.i64 x2, x2, $1\n"
      "    ext_i32_i64 x1, t0\n" EXIT,
      "    extrl_i64_i32 t0, x2\n    add.i64 x2, x2, $1\n"
      "    ext_i32_i64 x1, t0\n" EXIT },
    { "ext-field",  /* a sign-extended field only sign-extends to 32 */
      "temp i32 t0, t1, t2\n"
      "    extrl_i64_i32 t0, x2\n    sar.i32 t1, t0, $3\n"
      "    extu_i32_i64 x1, t1\n" EXIT,
      "    extrl_i64_i32 t0, x2\n    sar.i32 t1, t0, $3\n"
      "    extu_i32_i64 x1, t1\n" EXIT,
      "    extrl_i64_i32 t0, x2\n    sar.i32 t1, t0, $3\n"
      "    extu_i32_i64 x1, t1\n" EXIT },

    /* ---- shift-field ---- */
    { "shift-field",  /* zext.w */
      "temp i64 t0\n"
      "    shl.i64 t0, x2, $32\n    shr.i64 x1, t0, $32\n" EXIT,
      "    extract.i64 x1, x2, 0, 32\n" EXIT,
      "    shl.i64 t0, x2, $32\n    shr.i64 x1, t0, $32\n" EXIT },
    { "shift-field",  /* a field in the middle, sign-extended */
      "temp i64 t0\n"
      "    shl.i64 t0, x2, $56\n    sar.i64 x1, t0, $60\n" EXIT,
      "    sextract.i64 x1, x2, 4, 4\n" EXIT,
      "    shl.i64 t0, x2, $56\n    sar.i64 x1, t0, $60\n" EXIT },
    { "shift-field",  /* in place (slli a0,a0,48; srli a0,a0,48): the shl goes */
      "    shl.i64 x1, x1, $48\n    insn_start 0x1000\n"
      "    shr.i64 x1, x1, $48\n" EXIT,
      "    insn_start 0x1000\n    extract.i64 x1, x1, 0, 16\n" EXIT,
      "    shl.i64 x1, x1, $48\n    insn_start 0x1000\n"
      "    shr.i64 x1, x1, $48\n" EXIT },
    { "shift-field",  /* in place, but the shifted value is read: it stays */
      "    shl.i64 x1, x1, $32\n    add.i64 x2, x1, $1\n"
      "    shr.i64 x1, x1, $32\n" EXIT,
      "    shl.i64 x1, x1, $32\n    add.i64 x2, x1, $1\n"
      "    shr.i64 x1, x1, $32\n" EXIT,
      "    shl.i64 x1, x1, $32\n    add.i64 x2, x1, $1\n"
      "    shr.i64 x1, x1, $32\n" EXIT },
    { "shift-field",  /* shifted right by less: not a field */
      "temp i64 t0\n"
      "    shl.i64 t0, x2, $32\n    shr.i64 x1, t0, $30\n" EXIT,
      "    shl.i64 t0, x2, $32\n    shr.i64 x1, t0, $30\n" EXIT,
      "    shl.i64 t0, x2, $32\n    shr.i64 x1, t0, $30\n" EXIT },
    { "shift-field",  /* slliw 24; sraiw 24: a sign-extended byte */
      "temp i32 t0, t1, t2, t3\n"
      "    extrl_i64_i32 t0, x2\n    shl.i32 t1, t0, $24\n"
      "    ext_i32_i64 x1, t1\n"
      "    extrl_i64_i32 t2, x1\n    sar.i32 t3, t2, $24\n"
      "    ext_i32_i64 x1, t3\n" EXIT,
      "    sextract.i64 x1, x2, 0, 8\n" EXIT,
      "    extrl_i64_i32 t0, x2\n    shl.i32 t1, t0, $24\n"
      "    ext_i32_i64 x1, t1\n    sextract.i64 x1, x1, 24, 8\n" EXIT },
    { "shift-field",  /* a field of a left-shifted value */
      "temp i64 t0\n"
      "    shl.i64 t0, x2, $3\n    extract.i64 x1, t0, 8, 8\n" EXIT,
      "    extract.i64 x1, x2, 5, 8\n" EXIT,
      "    shl.i64 t0, x2, $3\n    extract.i64 x1, t0, 8, 8\n" EXIT },
    { "shift-field",  /* i32 too */
      "temp i32 t0\n"
      "    shl.i32 t0, w1, $24\n    sar.i32 w1, t0, $24\n" EXIT,
      "    sextract.i32 w1, w1, 0, 8\n" EXIT,
      "    shl.i32 t0, w1, $24\n    sar.i32 w1, t0, $24\n" EXIT },

    /* ---- w-widen ---- */
    { "w-widen",  /* addw: the i64 add, one sign extension */
      "bbtemp i32 b0, b1, b2\n"
      "    extrl_i64_i32 b0, x1\n    extrl_i64_i32 b1, x2\n"
      "    add.i32 b2, b0, b1\n    insn_start 0x1000\n"
      "    ext_i32_i64 x1, b2\n" EXIT,
      "    add.i64 x1, x1, x2\n    insn_start 0x1000\n"
      "    sextract.i64 x1, x1, 0, 32\n" EXIT,
      "    extrl_i64_i32 b0, x1\n    extrl_i64_i32 b1, x2\n"
      "    add.i32 b2, b0, b1\n    insn_start 0x1000\n"
      "    ext_i32_i64 x1, b2\n" EXIT },
    { "w-widen",  /* addiw with a negative constant; slliw */
      "bbtemp i32 b0, b1, b2, b3\n"
      "    extrl_i64_i32 b0, x2\n    add.i32 b1, b0, $-5\n"
      "    ext_i32_i64 x1, b1\n"
      "    extrl_i64_i32 b2, x2\n    shl.i32 b3, b2, $3\n"
      "    ext_i32_i64 x3, b3\n" EXIT,
      "    add.i64 x1, x2, $-5\n    sextract.i64 x1, x1, 0, 32\n"
      "    shl.i64 x3, x2, $3\n    sextract.i64 x3, x3, 0, 32\n" EXIT,
      "    extrl_i64_i32 b0, x2\n    add.i32 b1, b0, $-5\n"
      "    ext_i32_i64 x1, b1\n"
      "    extrl_i64_i32 b2, x2\n    shl.i32 b3, b2, $3\n"
      "    ext_i32_i64 x3, b3\n" EXIT },
    { "w-widen",  /* slliw of a byte: the extension goes too (kb-ext) */
      "temp i64 t0\nbbtemp i32 b0, b1\n"
      "    ld_guest.i64 t0, x2, ub\n    extrl_i64_i32 b0, t0\n"
      "    shl.i32 b1, b0, $8\n    ext_i32_i64 x1, b1\n" EXIT,
      "    ld_guest.i64 t0, x2, ub\n    shl.i64 x1, t0, $8\n" EXIT,
      "    ld_guest.i64 t0, x2, ub\n    extrl_i64_i32 b0, t0\n"
      "    shl.i32 b1, b0, $8\n    extu_i32_i64 x1, b1\n" EXIT },
    { "w-widen",  /* the i32 result is read again: it stays */
      "bbtemp i32 b0, b1\n"
      "    extrl_i64_i32 b0, x2\n    add.i32 b1, b0, $1\n"
      "    ext_i32_i64 x1, b1\n    add.i32 w1, w1, b1\n" EXIT,
      "    extrl_i64_i32 b0, x2\n    add.i32 b1, b0, $1\n"
      "    ext_i32_i64 x1, b1\n    add.i32 w1, w1, b1\n" EXIT,
      "    extrl_i64_i32 b0, x2\n    add.i32 b1, b0, $1\n"
      "    ext_i32_i64 x1, b1\n    add.i32 w1, w1, b1\n" EXIT },

    /* ---- kb-cond ---- */
    { "kb-cond",
      "temp i64 t0\n"
      "    extract.i64 t0, x2, 0, 8\n    setcond.i64 x1, t0, $256, ltu\n"
      EXIT,
      "    mov.i64 x1, $1\n" EXIT,
      "    extract.i64 t0, x2, 0, 8\n    setcond.i64 x1, t0, $256, ltu\n"
      EXIT },
    { "kb-cond",
      "temp i64 t0\n"
      "    or.i64 t0, x2, $1\n    brcond.i64 t0, $0, eq, L0\n"
      "    mov.i64 x1, $1\nL0:\n" EXIT,
      "    mov.i64 x1, $1\n" EXIT,
      "    or.i64 t0, x2, $1\n    brcond.i64 t0, $0, eq, L0\n"
      "    mov.i64 x1, $1\nL0:\n" EXIT },
    { "kb-cond",   /* signed: bit 63 known 0 means not negative */
      "temp i64 t0\n"
      "    shr.i64 t0, x2, $1\n    setcond.i64 x1, t0, $-1, gt\n"
      "    movcond.i64 x3, t0, $0, x1, x2, lt\n" EXIT,
      "    mov.i64 x1, $1\n    mov.i64 x3, x2\n" EXIT,
      "    shr.i64 t0, x2, $1\n    setcond.i64 x1, t0, $-1, gt\n"
      "    movcond.i64 x3, t0, $0, x1, x2, lt\n" EXIT },

    /* ---- br-const ---- */
    { "br-const",   /* taken: the rest of the block is dead */
      "    brcond.i64 x2, x2, eq, L0\n    mov.i64 x1, $1\nL0:\n" EXIT,
      EXIT,
      "    brcond.i64 x2, x2, eq, L0\n    mov.i64 x1, $1\nL0:\n" EXIT },
    { "br-const",   /* never taken */
      "    brcond.i64 x2, x2, gtu, L0\n    mov.i64 x1, $1\nL0:\n" EXIT,
      "    mov.i64 x1, $1\n" EXIT,
      "    brcond.i64 x2, x2, gtu, L0\n    mov.i64 x1, $1\nL0:\n" EXIT },
    { "br-const",   /* constants (known bits would decide it too) */
      "temp i64 t0\n"
      "    mov.i64 t0, $3\n    brcond.i64 t0, $2, lt, L0\n"
      "    mov.i64 x1, $1\nL0:\n" EXIT,
      "    mov.i64 x1, $1\n" EXIT,
      "    mov.i64 x1, $1\n" EXIT },

    /* ---- br-dead ---- */
    { "br-dead",
      EXIT "    mov.i64 x1, $1\n    exit_tb 0x1\n",
      EXIT,
      EXIT "    mov.i64 x1, $1\n    exit_tb 0x1\n" },
    { "br-dead",   /* up to the next label still in use */
      "    brcond.i64 x2, $0, eq, L1\n    br L0\n    mov.i64 x1, $1\n"
      "    brcond.i64 x1, $0, eq, L1\nL0:\n    mov.i64 x3, $3\nL1:\n" EXIT,
      "    brcond.i64 x2, $0, eq, L1\n    mov.i64 x3, $3\nL1:\n" EXIT,
      /* off: the dead brcond still folds (x1 is known there) */
      "    brcond.i64 x2, $0, eq, L1\n    br L0\n    mov.i64 x1, $1\n"
      "L0:\n    mov.i64 x3, $3\nL1:\n" EXIT },

    /* ---- br-next ---- */
    { "br-next",
      "    brcond.i64 x2, $0, eq, L0\nL0:\n" EXIT,
      EXIT,
      "    brcond.i64 x2, $0, eq, L0\nL0:\n" EXIT },
    { "br-next",   /* across other labels */
      "    br L1\nL0:\nL1:\n    mov.i64 x1, $1\n"
      "    brcond.i64 x2, $0, ne, L0\n" EXIT,
      "L0:\n    mov.i64 x1, $1\n    brcond.i64 x2, $0, ne, L0\n" EXIT,
      "    br L1\nL0:\nL1:\n    mov.i64 x1, $1\n"
      "    brcond.i64 x2, $0, ne, L0\n" EXIT },

    /* ---- label-drop ---- */
    { "label-drop",
      "temp i64 t0\n"
      "    mov.i64 t0, x2\nL0:\n    add.i64 x1, t0, $1\n" EXIT,
      "    add.i64 x1, x2, $1\n" EXIT,
      "    mov.i64 t0, x2\nL0:\n    add.i64 x1, t0, $1\n" EXIT },

    /* ---- dce ---- */
    { "dce",
      "temp i64 t0\n"
      "    ld_env.i64 t0, 512, uq\n    add.i64 t0, t0, $1\n"
      "    mov.i64 x1, x2\n" EXIT,
      "    mov.i64 x1, x2\n" EXIT,
      "    ld_env.i64 t0, 512, uq\n    add.i64 t0, t0, $1\n"
      "    mov.i64 x1, x2\n" EXIT },
    { "dce",   /* a global written twice: the first value is dead ... */
      "    mov.i64 x1, x2\n    mov.i64 x1, x3\n" EXIT,
      "    mov.i64 x1, x3\n" EXIT,
      "    mov.i64 x1, x2\n    mov.i64 x1, x3\n" EXIT },
    { "dce",   /* ... unless something may read it from memory */
      "    mov.i64 x1, x2\n    ld_guest.i64 x2, x3, uq\n    mov.i64 x1, x3\n"
      "    mov.i64 x3, x2\n    call.void {}, {}, helper_a\n"
      "    mov.i64 x3, $0\n" EXIT,
      "    mov.i64 x1, x2\n    ld_guest.i64 x2, x3, uq\n    mov.i64 x1, x3\n"
      "    mov.i64 x3, x2\n    call.void {}, {}, helper_a\n"
      "    mov.i64 x3, $0\n" EXIT,
      "    mov.i64 x1, x2\n    ld_guest.i64 x2, x3, uq\n    mov.i64 x1, x3\n"
      "    mov.i64 x3, x2\n    call.void {}, {}, helper_a\n"
      "    mov.i64 x3, $0\n" EXIT },
    { "dce",   /* a helper that reads no globals does not keep them */
      "    mov.i64 x1, x2\n    call.void {}, {}, helper_noglob\n"
      "    mov.i64 x1, x3\n" EXIT,
      "    call.void {}, {}, helper_noglob\n    mov.i64 x1, x3\n" EXIT,
      "    mov.i64 x1, x2\n    call.void {}, {}, helper_noglob\n"
      "    mov.i64 x1, x3\n" EXIT },
    { "dce",   /* dead calls of pure helpers go; float ops stay (flags) */
      "temp i64 t0\ntemp f64 t1\n"
      "    call.i64 {t0}, {x2}, helper_pure\n"
      "    call.i64 {t0}, {x2}, helper_noglob\n"
      "    fadd.f64 t1, f1, f1\n" EXIT,
      "    call.i64 {t0}, {x2}, helper_noglob\n"
      "    fadd.f64 t1, f1, f1\n" EXIT,
      "    call.i64 {t0}, {x2}, helper_pure\n"
      "    call.i64 {t0}, {x2}, helper_noglob\n"
      "    fadd.f64 t1, f1, f1\n" EXIT },
    { "dce",   /* TB temps live across blocks */
      "temp i64 t0, t1\n"
      "    add.i64 t0, x2, x3\n    add.i64 t1, x2, $1\n"
      "    brcond.i64 x3, $0, eq, L0\n    mov.i64 x1, t0\nL0:\n" EXIT,
      "    add.i64 t0, x2, x3\n"
      "    brcond.i64 x3, $0, eq, L0\n    mov.i64 x1, t0\nL0:\n" EXIT,
      "    add.i64 t0, x2, x3\n    add.i64 t1, x2, $1\n"
      "    brcond.i64 x3, $0, eq, L0\n    mov.i64 x1, t0\nL0:\n" EXIT },
    { "dce",   /* a value only a loop keeps alive is dead */
      "temp i64 t0\n"
      "    mov.i64 t0, $0\nL0:\n    add.i64 t0, t0, $1\n"
      "    sub.i64 x2, x2, $1\n    brcond.i64 x2, $0, ne, L0\n" EXIT,
      "L0:\n    sub.i64 x2, x2, $1\n    brcond.i64 x2, $0, ne, L0\n" EXIT,
      "    mov.i64 t0, $0\nL0:\n    add.i64 t0, t0, $1\n"
      "    sub.i64 x2, x2, $1\n    brcond.i64 x2, $0, ne, L0\n" EXIT },
};

#define NB_CASES (sizeof cases / sizeof cases[0])

static unsigned rule_by_name(const char *name)
{
    for (unsigned r = 0; r < opt_rule_count(); r++)
        if (!strcmp(opt_rule_name(r), name))
            return r;
    ck_abort_msg("no rule %s", name);
    return 0;
}

START_TEST(rule_on)
{
    const RuleCase *c = &cases[_i];
    OptConfig cfg = opt_config_default();
    char what[64];
    snprintf(what, sizeof what, "case %d (%s) on", _i, c->rule);
    opt_test_check(c->before, c->after, &cfg, what);
}
END_TEST

START_TEST(rule_off)
{
    const RuleCase *c = &cases[_i];
    OptConfig cfg = opt_config_default();
    opt_rule_disable(&cfg, (OptRule)rule_by_name(c->rule));
    char what[64];
    snprintf(what, sizeof what, "case %d (%s) off", _i, c->rule);
    opt_test_check(c->before, c->off, &cfg, what);
}
END_TEST

/* Every rule of the table has at least one case above, and every case's
 * rule exists. */
START_TEST(every_rule_has_a_case)
{
    for (unsigned r = 0; r < opt_rule_count(); r++) {
        bool found = false;
        for (size_t k = 0; k < NB_CASES && !found; k++)
            found = !strcmp(cases[k].rule, opt_rule_name(r));
        ck_assert_msg(found, "rule %s has no test case", opt_rule_name(r));
    }
    for (size_t k = 0; k < NB_CASES; k++)
        (void)rule_by_name(cases[k].rule);
}
END_TEST

/* The optimizer turned off, or every rule off, changes nothing. */
START_TEST(disabled_changes_nothing)
{
    for (int all = 0; all < 2; all++)
        for (size_t k = 0; k < NB_CASES; k++) {
            OptConfig cfg = opt_config_default();
            if (all)
                ck_assert(opt_disable_rules(&cfg, "all", NULL));
            else
                cfg.enabled = false;
            char *ops = opt_test_lines(cases[k].before, false);
            opt_test_check(cases[k].before, ops, &cfg, "disabled");
            free(ops);
        }
}
END_TEST

START_TEST(rule_names_and_disable_lists)
{
    ck_assert_uint_eq(opt_rule_count(), OPT_RULE_COUNT);
    ck_assert_str_eq(opt_rule_name(OPT_RULE_FOLD), "fold");
    ck_assert_str_eq(opt_rule_name(OPT_RULE_DCE), "dce");
    ck_assert_ptr_null(opt_rule_name(OPT_RULE_COUNT));
    for (unsigned r = 0; r < opt_rule_count(); r++)
        for (unsigned q = r + 1; q < opt_rule_count(); q++)
            ck_assert_str_ne(opt_rule_name(r), opt_rule_name(q));

    OptConfig cfg = opt_config_default();
    const char *bad = NULL;
    ck_assert(opt_disable_rules(&cfg, "fold,,dce", &bad));
    ck_assert_uint_eq(cfg.disabled, (1u << OPT_RULE_FOLD) |
                                    ((uint64_t)1 << OPT_RULE_DCE));
    ck_assert(opt_disable_rules(&cfg, "", &bad));
    ck_assert(!opt_disable_rules(&cfg, "copyprop,folds,dce", &bad));
    ck_assert_str_eq(bad, "folds");
    ck_assert(!opt_disable_rules(&cfg, "al", NULL));
    cfg = opt_config_default();
    ck_assert(opt_disable_rules(&cfg, "all", &bad));
    for (unsigned r = 0; r < opt_rule_count(); r++)
        ck_assert(cfg.disabled >> r & 1);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("opt_rules");
    TCase *tc = tcase_create("rules");
    tcase_add_loop_test(tc, rule_on, 0, NB_CASES);
    tcase_add_loop_test(tc, rule_off, 0, NB_CASES);
    tcase_add_test(tc, every_rule_has_a_case);
    tcase_add_test(tc, disabled_changes_nothing);
    tcase_add_test(tc, rule_names_and_disable_lists);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    opt_test_register_helpers();
    return ck_run(suite());
}
