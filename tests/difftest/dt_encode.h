/*
 * Instruction encoding from the specs: the difftest learns, for each
 * pattern, how every free instruction bit changes each decoded field (by
 * flipping bits of words that decode as the pattern, through the generated
 * disassembler), and inverts that to build words with chosen field values.
 *
 * Every field of the RISC-V specs is an affine function of its bits: pieces
 * concatenated, optionally sign-extended, then shifted (rv_ex_shift_N) or
 * offset (rv_ex_rvc_reg), so each bit has a fixed weight (+2^k, or -2^k for
 * a sign bit).  dt_encode() checks every word it builds by decoding it, so a
 * field that is not affine only makes an encoding fail, never wrong.
 */
#ifndef DT_ENCODE_H
#define DT_ENCODE_H

#include "dt_rng.h"
#include "dt_spec.h"

typedef struct DtFieldLayout {
    uint32_t bits;          /* instruction bits that change this field */
    int64_t weight[32];     /* change of the value per bit */
    int64_t c;              /* the value when all its bits are 0 */
    int alias;              /* earlier field read from the same bits, or -1 */
    int64_t min, max;       /* range of values */
    int64_t step;           /* smallest nonzero |weight| (1 if no bits) */
} DtFieldLayout;

typedef struct DtLayout {
    const DtPattern *pat;
    int nfields;
    DtFieldLayout f[DECODE_DISAS_MAX_FIELDS];
    uint32_t widthmask;     /* 0xffff or 0xffffffff */
    uint32_t free;          /* bits the pattern does not fix */
    uint32_t ignored;       /* free bits that no field reads ('-' bits) */
    uint32_t base;          /* a word that decodes as this pattern */
} DtLayout;

/* Learns the layout of p.  False if no word decoding as p was found (the
 * pattern is shadowed by others). */
bool dt_layout_probe(DtLayout *l, const DtPattern *p, DtRng *rng);

/* Bits of field i that give value v, or false if v is not representable. */
bool dt_field_solve(const DtLayout *l, int i, int64_t v, uint32_t *bits);

/* Builds a word of the pattern with field i == target[i] for every i in
 * `want` (bit mask of field indices); the other free bits are random.
 * The word is decoded and checked; false if it does not decode as the
 * pattern with those values (e.g. the values select a reserved encoding). */
bool dt_encode(const DtLayout *l, const int64_t *target, unsigned want,
               DtRng *rng, uint32_t *word, DecodeDisasInsn *out);

#endif
