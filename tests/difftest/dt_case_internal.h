/*
 * Internal interface between the two halves of the case generator:
 * dt_case_fields.c (field values and the instruction word) and dt_case.c
 * (register values, addresses, scaffolding).
 */
#ifndef DT_CASE_INTERNAL_H
#define DT_CASE_INTERNAL_H

#include "dt_case.h"

/* Landing zones need the bytes just before the instruction (dt_asm.c):
 * a taken target in [-ZONE_GUARD, len) cannot be tested. */
enum { ZONE_GUARD = 12 };

typedef enum Special {
    SP_NONE,
    SP_RM_STATIC_BAD,       /* rm = 5 or 6: reserved (Unprivileged ISA 11.2) */
    SP_RM_DYN_BAD,          /* rm = dyn with frm = 5..7: reserved */
    SP_CSR_BAD,             /* a CSR a user program may not access */
    SP_CSR_COUNTER_WRITE,   /* a write to a read-only counter */
    SP_MISALIGNED,          /* an AMO/LR address that is not aligned */
} Special;

typedef struct Gen {
    const DtShape *s;
    DtRng rng;
    DtLayout lr;            /* SC patterns: the layout of their LR */
    bool have_lr;
} Gen;

/* Bit number of the n-th set bit of v (n from 0), or -1. */
static inline int dt_nth_bit(uint32_t v, int n)
{
    for (int b = 0; b < 32; b++)
        if ((v >> b & 1) && n-- == 0)
            return b;
    return -1;
}

/* A taken target that a landing zone can serve (dt_asm.c). */
bool dt_target_ok(int64_t t, int len);

/* Chooses field values and encodes case idx into c->insn / c->dec. */
bool dt_case_encode(Gen *g, int idx, Special sp, DtCase *c);

#endif
