/*
 * The patterns under test: every entry of the generated disassembly tables
 * (disas_riscv32_patterns, disas_riscv16_patterns, built by decodegen from
 * the defs/riscv .decode specs) and of every extension's own table
 * (rv_ext_table, src/frontend/riscv/rv_ext.h: defs/riscv/NAME.decode), with
 * the names the difftest reports them by.
 */
#ifndef DT_SPEC_H
#define DT_SPEC_H

#include <stdbool.h>
#include <stdint.h>

#include "decode-riscv32.h"
#include "decode-riscv16.h"

typedef struct DtPattern {
    const DecodeDisasPattern *dp;
    int width;              /* instruction width in bits: 16 or 32 */
    int index;              /* position in its table */
    char ext[32];           /* spec file stem: "rv64i", "zicsr", ... */
    char label[48];         /* assembler name: "c.addi4spn", "fadd.s" */
    char id[48];            /* unique: "rv64c:63" (stem:line) */
    int rv_ext;             /* rv_ext_table index of an RV_EXT pattern, or
                               -1 (base tables) */
} DtPattern;

/* All patterns: the base 32-bit table, the extensions' tables (in
 * rv_ext_table order), the 16-bit table; each table in source order. */
int dt_npatterns(void);
const DtPattern *dt_pattern(int i);

/* Decodes `word` with the table of `width` (32: the base table, then each
 * extension's); false if no pattern matches. */
bool dt_decode(int width, uint32_t word, DecodeDisasInsn *out);

/* Index of the argument-set member `name` of pattern p, or -1. */
int dt_field_index(const DecodeDisasPattern *p, const char *name);

/* True if `sel` names pattern p: its id, name, label or extension. */
bool dt_pattern_matches(const DtPattern *p, const char *sel);

/* The -march string for assembling the test programs: rv64gc and every
 * RV_EXT extension the compiler CC accepts (probed once). */
const char *dt_march(const char *cc);

#endif
