/*
 * decodegen code emission: the shared writer (emit_util.c), field and
 * argument extraction (extract.c), the decision tree (tree.c) and the three
 * outputs: the header (emit_header.c), the decoder (emit_decoder.c) and the
 * disassembly table and matcher (emit_disas.c).  Emission runs only on a
 * program that passed every semantic check.
 */
#ifndef DG_EMIT_H
#define DG_EMIT_H

#include <stdio.h>

#include "ast.h"

typedef struct DgOptions {
    const char *name;           /* --decode */
    int insnwidth;              /* --insnwidth */
    const char *out_header;
    const char *out_decoder;
    const char *out_disas;
    PtrVec header_includes;     /* char* */
    PtrVec decoder_includes;    /* char* */
    PtrVec inputs;              /* char* */
} DgOptions;

typedef struct DgEmit {
    FILE *fp;
    int indent;                 /* in units of four spaces */
    const DgProgram *prog;
    const DgOptions *opt;
} DgEmit;

/* Writes one indented line (FMT without the newline). */
__attribute__((format(printf, 2, 3)))
void dg_emit(DgEmit *e, const char *fmt, ...);

/* V as a C constant of the instruction width: 0x0000707fu / 0x6003u. */
const char *dg_hex(const DgEmit *e, uint32_t v);

/* S as a C string literal, quotes included. */
char *dg_c_string(const char *s);

/* The base name of a path ("build/decode-x.h" -> "decode-x.h"). */
const char *dg_basename(const char *path);

/* Writes one output file atomically; BODY fills it after the banner. */
void dg_write_output(const DgProgram *p, const DgOptions *opt,
                     const char *path, void (*body)(DgEmit *e));

/* extract.c: one extractor function per distinct way of filling an
 * argument set; patterns point at theirs through DgSpec.extractor. */
void dg_extract_plan(DgProgram *p, const DgOptions *opt);
void dg_emit_extractors(DgEmit *e);
const char *dg_extractor_name(const DgSpec *pat);

/* tree.c: the decision tree over all patterns, with LEAF emitting the
 * statements run when PAT's fixed bits match (inside a block). */
typedef void DgLeafFn(DgEmit *e, const DgSpec *pat);
void dg_emit_tree(DgEmit *e, DgLeafFn *leaf);

void dg_emit_header(DgEmit *e);
void dg_emit_decoder(DgEmit *e);
void dg_emit_disas(DgEmit *e);

#endif
