/*
 * Test cases: one execution of the instruction under test, with every
 * integer and FP register, fcsr and (for memory instructions) the data
 * buffer set to chosen values.
 *
 * In a quarter of the cases without control transfer, the instruction's
 * integer operands are also loaded with li/lla right before it, so that
 * they are constants in its translation block (the optimizer folds them).
 *
 * Three integer registers that the instruction does not name serve the
 * test program itself (dt_asm.c): k carries addresses into and out of the
 * case; m1 and m2 record where a control transfer landed.  Their values
 * are deterministic but not chosen from the value pools.
 */
#ifndef DT_CASE_H
#define DT_CASE_H

#include "dt_layout.h"
#include "dt_shape.h"

typedef enum DtSym {
    DT_SYM_NONE,        /* x[i] is the value */
    DT_SYM_BUF,         /* x[i] is an offset from the data buffer */
    DT_SYM_INSN,        /* x[i] is an offset from this case's instruction */
    DT_SYM_ENTRY,       /* x[i] is the case's entry: the instruction, or
                           the constant loads before it */
} DtSym;

typedef struct DtCase {
    int index;
    uint32_t insn;
    int len;                    /* bytes: 2 or 4 */
    DecodeDisasInsn dec;
    uint64_t x[32];
    uint8_t xsym[32];           /* DtSym */
    uint64_t f[32];
    uint64_t fcsr;
    uint8_t mem[DT_BUF_BYTES];
    int k, m1, m2;              /* scaffolding registers */
    bool control;               /* may transfer control: landing zones */
    int64_t target;             /* taken target, relative to the insn */
    uint32_t lr_word;           /* SC cases: an LR run first, or 0 */
    int lr_off;                 /* its address: buffer offset */
    uint32_t xmask;             /* x registers not compared (counters) */
    uint32_t xconst;            /* x registers also set by li/lla right
                                   before the instruction, in its block,
                                   so the translator sees constants */
    char note[48];              /* what makes the case special, for reports */
} DtCase;

/* Number of cases pattern s gets for a request of n (fewer for patterns
 * whose every case ends the process). */
int dt_case_count(const DtShape *s, int n);

/* Makes cases[0..count) for pattern s from `seed`; count from
 * dt_case_count().  Returns the number made (count unless the pattern
 * cannot be encoded at all, then 0 with a message in err). */
int dt_cases_make(const DtShape *s, uint64_t seed, DtCase *cases, int count,
                  char *err, size_t errlen);

#endif
