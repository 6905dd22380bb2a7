/*
 * A small, exact software implementation of the RISC-V F and D arithmetic
 * (RISC-V Unprivileged ISA 20191213, chapters 11 and 12) in integer
 * arithmetic, for the cases the host's SSE cannot do directly: the
 * rounding mode RMM (round to nearest, ties to max magnitude, 11.2) above
 * all.  It implements all five rounding modes, so the tests check it
 * against the host in the four modes SSE has.
 *
 * Values are raw IEEE bits (binary32 in the low 32 bits).  Results follow
 * RISC-V: every NaN result is the canonical NaN (11.3), tininess is
 * detected after rounding, FMA raises NV for inf * 0 + qNaN (11.6), fcvt
 * to integer saturates (11.7, Table 11.4).  Flags are RV_FF_* bits, ORed
 * into *flags.
 */
#ifndef RV_SOFTFP_H
#define RV_SOFTFP_H

#include <stdbool.h>
#include <stdint.h>

/* fflags bits (11.2, Figure 11.2) */
enum {
    RV_FF_NX = 1,       /* inexact */
    RV_FF_UF = 2,       /* underflow */
    RV_FF_OF = 4,       /* overflow */
    RV_FF_DZ = 8,       /* divide by zero */
    RV_FF_NV = 16,      /* invalid operation */
};

/* Rounding modes, RISC-V encoding (11.2, Table 11.1). */
typedef enum RvRm {
    RV_RM_RNE = 0,
    RV_RM_RTZ = 1,
    RV_RM_RDN = 2,
    RV_RM_RUP = 3,
    RV_RM_RMM = 4,
    RV_RM_DYN = 7,
} RvRm;

/* The two formats. */
typedef enum RvFmt {
    RV_FMT_S,           /* binary32 */
    RV_FMT_D,           /* binary64 */
} RvFmt;

#define RV_CANON_NAN_S 0x7fc00000u
#define RV_CANON_NAN_D 0x7ff8000000000000ull

uint64_t rv_sf_add(RvFmt f, uint64_t a, uint64_t b, RvRm rm, unsigned *flags);
uint64_t rv_sf_sub(RvFmt f, uint64_t a, uint64_t b, RvRm rm, unsigned *flags);
uint64_t rv_sf_mul(RvFmt f, uint64_t a, uint64_t b, RvRm rm, unsigned *flags);
uint64_t rv_sf_div(RvFmt f, uint64_t a, uint64_t b, RvRm rm, unsigned *flags);
uint64_t rv_sf_sqrt(RvFmt f, uint64_t a, RvRm rm, unsigned *flags);
/* (neg_prod ? -(a*b) : a*b) + (neg_add ? -c : c), one rounding. */
uint64_t rv_sf_fma(RvFmt f, uint64_t a, uint64_t b, uint64_t c, bool neg_prod,
                   bool neg_add, RvRm rm, unsigned *flags);

/* Between the formats (fcvt.s.d rounds; fcvt.d.s is exact). */
uint64_t rv_sf_cvt_f2f(RvFmt to, RvFmt from, uint64_t a, RvRm rm,
                       unsigned *flags);
/* Integer (WIDTH 32 or 64 bits, signed or not) to float. */
uint64_t rv_sf_cvt_i2f(RvFmt to, uint64_t v, unsigned width, bool is_signed,
                       RvRm rm, unsigned *flags);
/* Float to integer, saturating (Table 11.4); the result is the integer's
 * WIDTH bits, zero-extended to 64. */
uint64_t rv_sf_cvt_f2i(RvFmt from, uint64_t a, unsigned width, bool is_signed,
                       RvRm rm, unsigned *flags);

/* ---- the core, shared by the files of this module ---- */

/* A finite nonzero value (-1)^sign * sig * 2^exp, or a special. */
typedef enum RvSfClass {
    RV_SF_ZERO,
    RV_SF_FINITE,
    RV_SF_INF,
    RV_SF_QNAN,
    RV_SF_SNAN,
} RvSfClass;

typedef struct RvSfVal {
    RvSfClass cls;
    bool sign;
    int exp;            /* exponent of sig's least significant bit */
    uint64_t sig;       /* FINITE: nonzero, the implicit bit included */
} RvSfVal;

RvSfVal rv_sf_unpack(RvFmt f, uint64_t bits);
uint64_t rv_sf_canon_nan(RvFmt f);
uint64_t rv_sf_inf(RvFmt f, bool sign);
uint64_t rv_sf_zero(RvFmt f, bool sign);
/* Rounds (-1)^sign * sig * 2^exp (sig may be 0 only for an exact zero; its
 * least significant bit may be a sticky "jam" bit standing for any nonzero
 * fraction below it) to format F with mode RM: overflow, tininess after
 * rounding, NX/UF/OF as IEEE 754 default handling. */
uint64_t rv_sf_round_pack(RvFmt f, bool sign, int exp, unsigned __int128 sig,
                          RvRm rm, unsigned *flags);
/* sig with its DROP low bits removed (DROP may exceed 128; DROP <= 0
 * shifts left, exactly), rounded by RM for a value of sign SIGN;
 * *inexact says whether a nonzero part was removed. */
unsigned __int128 rv_sf_round_bits(unsigned __int128 sig, int drop, bool sign,
                                   RvRm rm, bool *inexact);
/* x >> n, ORing every bit shifted out into bit 0 (n may exceed 127). */
unsigned __int128 rv_sf_shr_jam(unsigned __int128 x, unsigned n);
/* Index of the most significant set bit of x != 0. */
int rv_sf_msb(unsigned __int128 x);

#endif
