/*
 * The shape of one pattern as the case generator sees it: the role of each
 * field, derived from the operand kinds of the pattern's disassembly
 * template (docs/decode-format.md: x, f, hex, hi20, pcrel, rm, aqrl, fence,
 * csr) and from its syntax ("imm(rs1)" is an address), plus the learned
 * bit layout (dt_encode.h) and the hints of dt_hints.h.
 */
#ifndef DT_SHAPE_H
#define DT_SHAPE_H

#include "dt_encode.h"
#include "dt_hints.h"

#include <stddef.h>

typedef enum DtRole {
    DT_ROLE_FIXED,      /* no free bits: a constant of the pattern */
    DT_ROLE_XREG,       /* integer register (kind x) */
    DT_ROLE_FREG,       /* FP register (kind f) */
    DT_ROLE_IMM,        /* immediate (no kind, hex, hi20, or unknown kind) */
    DT_ROLE_PCREL,      /* pc-relative target (pcrel) */
    DT_ROLE_RM,         /* rounding mode (rm, or a member named rm) */
    DT_ROLE_BITS,       /* bits without data meaning: aqrl, fence sets */
    DT_ROLE_CSR,        /* CSR number (csr) */
} DtRole;

typedef struct DtShape {
    const DtPattern *pat;
    DtLayout lay;
    DtHints hints;
    int nfields;
    DtRole role[DECODE_DISAS_MAX_FIELDS];
    bool names_xreg[DECODE_DISAS_MAX_FIELDS];  /* an integer register number */
    uint32_t reg_valid[DECODE_DISAS_MAX_FIELDS];  /* encodable registers */
    int mem_base;       /* field of the register in "imm(rs1)" / "(rs1)" */
    int mem_off;        /* field of "imm" in "imm(rs1)", or -1 */
    bool mem_aligned;   /* "(rs1)" without offset: an AMO/LR/SC address */
    int pcrel;          /* field with kind pcrel, or -1 */
    int rm;             /* rounding-mode field, or -1 */
    int csr;            /* CSR field, or -1 */
    char fp_prec;       /* 's' or 'd': the precision of FP source operands */
} DtShape;

/* Derives the shape of p.  False (with a message in err) if no word
 * decodes as p or a field cannot be given values. */
bool dt_shape_build(DtShape *s, const DtPattern *p, DtRng *rng,
                    char *err, size_t errlen);

/* Short role name for reports. */
const char *dt_role_name(DtRole r);

#endif
