/*
 * Reference results for the software FP module (rv_softfp.h), computed
 * independently of it:
 *  - RNE/RTZ/RDN/RUP: the host's SSE instructions (inline assembly, so the
 *    compiler cannot fold or reorder them) under MXCSR.RC, with the flags
 *    MXCSR accrues; NaN results replaced by the canonical NaN; for FMA,
 *    NV added for inf * 0 + qNaN (RISC-V 11.6; x86 raises nothing);
 *  - float to integer: the RISC-V rules of Table 11.4 applied to an exact
 *    long double rounding (nearbyintl / roundl);
 *  - RMM: the RNE result, except when the exact result lies exactly halfway
 *    between two neighbours (detected with x87 long double or __float128
 *    arithmetic that is exact exactly then), where it is the neighbour away
 *    from zero; the flags are RNE's.
 */
#ifndef HOST_REF_H
#define HOST_REF_H

#include <stdbool.h>
#include <stdint.h>

#include "rv_softfp.h"

typedef enum HrOp { HR_ADD, HR_SUB, HR_MUL, HR_DIV, HR_SQRT } HrOp;

/* Whether the host can run FMA3 (the FMA reference needs it). */
bool hr_have_fma(void);

/* Each returns the result bits and sets *flags to the RISC-V flags. */
uint64_t hr_arith(RvFmt f, HrOp op, uint64_t a, uint64_t b, RvRm rm,
                  unsigned *flags);
uint64_t hr_fma(RvFmt f, uint64_t a, uint64_t b, uint64_t c, bool neg_prod,
                bool neg_add, RvRm rm, unsigned *flags);
uint64_t hr_f2f(RvFmt to, uint64_t a, RvRm rm, unsigned *flags);
uint64_t hr_i2f(RvFmt to, uint64_t v, unsigned width, bool is_signed,
                RvRm rm, unsigned *flags);
uint64_t hr_f2i(RvFmt from, uint64_t a, unsigned width, bool is_signed,
                RvRm rm, unsigned *flags);

#endif
