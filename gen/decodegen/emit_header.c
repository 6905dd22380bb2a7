/*
 * decodegen header output (decode-NAME.h): argument-set structs (each behind
 * its own DECODE_ARG_x guard, so decoders may share them), one trans_
 * prototype per pattern name, the !function helper prototypes, the decoder
 * entry point, and the disassembly types (shared, behind
 * DECODE_DISAS_TYPES) and entry points.
 */
#include "emit.h"

#include <ctype.h>
#include <string.h>

static void dg_emit_argsets(DgEmit *e)
{
    const DgProgram *p = e->prog;
    for (size_t i = 0; i < p->argsets.len; i++) {
        const DgArgSet *a = p->argsets.items[i];
        if (a->is_extern)
            continue;
        dg_emit(e, "#ifndef DECODE_ARG_%s", a->name);
        dg_emit(e, "#define DECODE_ARG_%s", a->name);
        dg_emit(e, "typedef struct {");
        for (size_t k = 0; k < a->members.len; k++)
            dg_emit(e, "    int %s;", (const char *)a->members.items[k]);
        dg_emit(e, "} arg_%s;", a->name);
        dg_emit(e, "#endif");
        dg_emit(e, "%s", "");
    }
}

static void dg_emit_trans_protos(DgEmit *e)
{
    const DgProgram *p = e->prog;
    dg_emit(e, "/* Translators: one per pattern name; false = not handled. */");
    for (size_t i = 0; i < p->patterns.len; i++) {
        const DgSpec *s = p->patterns.items[i];
        size_t j;
        for (j = 0; j < i; j++)
            if (strcmp(((DgSpec *)p->patterns.items[j])->name, s->name) == 0)
                break;
        if (j == i)
            dg_emit(e, "bool trans_%s(DisasCtx *ctx, const arg_%s *a);",
                    s->name, s->args->name);
    }
    dg_emit(e, "%s", "");
}

static void dg_emit_func_protos(DgEmit *e)
{
    const DgProgram *p = e->prog;
    bool any = false;
    for (size_t i = 0; i < p->fields.len; i++) {
        const DgField *f = p->fields.items[i];
        if (!f->func)
            continue;
        size_t j;
        for (j = 0; j < i; j++) {
            const DgField *g = p->fields.items[j];
            if (g->func && strcmp(g->func, f->func) == 0)
                break;
        }
        if (j < i)
            continue;
        if (!any)
            dg_emit(e, "/* Field helpers (!function); ctx is NULL when "
                    "disassembling. */");
        any = true;
        if (f->pieces.len)
            dg_emit(e, "int %s(DisasCtx *ctx, int x);", f->func);
        else
            dg_emit(e, "int %s(DisasCtx *ctx);", f->func);
    }
    if (any)
        dg_emit(e, "%s", "");
}

static void dg_emit_disas_types(DgEmit *e)
{
    static const char *const text[] = {
        "#ifndef DECODE_DISAS_TYPES",
        "#define DECODE_DISAS_TYPES",
        "/* One piece of a disassembly template: literal text or an operand. */",
        "typedef struct DecodeDisasPiece {",
        "    const char *text;        /* literal text, or NULL for an operand */",
        "    const char *kind;        /* operand kind, \"\" when the template gave none */",
        "    uint8_t nargs;           /* values the operand uses (1..4) */",
        "    uint8_t arg[4];          /* indices into DecodeDisasInsn.val / pattern fields */",
        "} DecodeDisasPiece;",
        "",
        "/* One pattern of a .decode file. */",
        "typedef struct DecodeDisasPattern {",
        "    const char *name;                    /* \"fadd_s\" */",
        "    const char *mnemonic;                /* \"fadd.s\" */",
        "    const char *file;                    /* \"defs/riscv/rv64f.decode\" */",
        "    int line;",
        "    int nfields;",
        "    const char *const *fields;           /* argset member names, in argset order */",
        "    int npieces;",
        "    const DecodeDisasPiece *pieces;      /* template, 0 pieces = none */",
        "    uint32_t fixedmask;                  /* bits fixed by the pattern and its format */",
        "    uint32_t fixedbits;                  /* their values */",
        "    int insnwidth;                       /* 16 or 32 */",
        "} DecodeDisasPattern;",
        "",
        "#define DECODE_DISAS_MAX_FIELDS 8",
        "typedef struct DecodeDisasInsn {",
        "    const DecodeDisasPattern *pat;",
        "    int val[DECODE_DISAS_MAX_FIELDS];    /* field values in pattern field order */",
        "} DecodeDisasInsn;",
        "#endif",
        "",
    };
    for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
        dg_emit(e, "%s", text[i]);
}

void dg_emit_header(DgEmit *e)
{
    const DgOptions *o = e->opt;
    char *guard = dg_asprintf("DECODE_%s_H", o->name);
    for (char *c = guard; *c; c++)
        *c = (char)toupper((unsigned char)*c);

    dg_emit(e, "#ifndef %s", guard);
    dg_emit(e, "#define %s", guard);
    dg_emit(e, "%s", "");
    dg_emit(e, "#include <stdbool.h>");
    dg_emit(e, "#include <stdint.h>");
    for (size_t i = 0; i < o->header_includes.len; i++)
        dg_emit(e, "#include \"%s\"", (const char *)o->header_includes.items[i]);
    dg_emit(e, "%s", "");
    dg_emit(e, "typedef struct DisasCtx DisasCtx;   /* defined by the user */");
    dg_emit(e, "%s", "");
    dg_emit_argsets(e);
    dg_emit_trans_protos(e);
    dg_emit_func_protos(e);
    dg_emit(e, "/* Decodes INSN and calls its trans_; true if one accepted it. */");
    dg_emit(e, "bool decode_%s(DisasCtx *ctx, uint32_t insn);", o->name);
    dg_emit(e, "%s", "");
    dg_emit_disas_types(e);
    dg_emit(e, "/* The first pattern matching INSN, with its field values. */");
    dg_emit(e, "bool disas_%s(uint32_t insn, DecodeDisasInsn *out);", o->name);
    dg_emit(e, "extern const DecodeDisasPattern disas_%s_patterns[];", o->name);
    dg_emit(e, "extern const int disas_%s_npatterns;", o->name);
    dg_emit(e, "%s", "");
    dg_emit(e, "#endif /* %s */", guard);
}
