/*
 * decodegen extraction: the static C functions that compute field values
 * and fill an argument-set struct from an instruction word.
 *
 * A field's pieces are concatenated most significant first; if the first
 * piece is signed (pos:sLEN) the concatenation is sign-extended from its
 * total width; a !function=NAME then maps the value through NAME(ctx, v),
 * and a parameter field (no pieces) is NAME(ctx).  Each %field definition
 * becomes PREFIX_field_NAME(); each distinct way of filling an argument set
 * (argument set + member sources) becomes one PREFIX_extract_X() shared by
 * every pattern that fills it so, named after the format when the pattern
 * adds nothing to it.  The decoder and the disassembler each get a static
 * copy (the disassembler passes ctx = NULL).
 */
#include "emit.h"

#include <string.h>

typedef struct DgExtractor {
    char *name;
    char *key;
    const DgSpec *rep;      /* the first pattern using it */
} DgExtractor;

static PtrVec dg_extractors;

static char *dg_extract_key(const DgSpec *s)
{
    StrBuf b = {0};
    sb_printf(&b, "%p", (const void *)s->args);
    for (size_t i = 0; i < s->assigns.len; i++) {
        const DgAssign *a = s->assigns.items[i];
        if (a->field)
            sb_printf(&b, "|%s=%p", a->member, (const void *)a->field);
        else
            sb_printf(&b, "|%s=#%lld", a->member, a->cval);
    }
    char *k = dg_strdup(sb_str(&b));
    sb_free(&b);
    return k;
}

static bool dg_extractor_named(const char *name)
{
    for (size_t i = 0; i < dg_extractors.len; i++)
        if (strcmp(((DgExtractor *)dg_extractors.items[i])->name, name) == 0)
            return true;
    return false;
}

void dg_extract_plan(DgProgram *p, const DgOptions *opt)
{
    for (size_t i = 0; i < p->patterns.len; i++) {
        DgSpec *s = p->patterns.items[i];
        char *key = dg_extract_key(s);
        size_t k;
        for (k = 0; k < dg_extractors.len; k++)
            if (strcmp(((DgExtractor *)dg_extractors.items[k])->key, key) == 0)
                break;
        s->extractor = (int)k;
        if (k < dg_extractors.len)
            continue;

        bool fmt_only = s->fmt != NULL;
        for (size_t j = 0; j < s->assigns.len; j++)
            if (!((DgAssign *)s->assigns.items[j])->from_format)
                fmt_only = false;
        const char *base = fmt_only ? s->fmt->name : s->name;
        char *name = dg_asprintf("decode_%s_extract_%s", opt->name, base);
        for (int n = 2; dg_extractor_named(name); n++)
            name = dg_asprintf("decode_%s_extract_%s_%d", opt->name, base, n);

        DgExtractor *x = dg_alloc(sizeof(*x));
        x->name = name;
        x->key = key;
        x->rep = s;
        vec_push(&dg_extractors, x);
        for (size_t j = 0; j < s->assigns.len; j++) {
            DgAssign *a = s->assigns.items[j];
            if (a->field)
                a->field->used = true;
        }
    }
}

const char *dg_extractor_name(const DgSpec *pat)
{
    return ((DgExtractor *)dg_extractors.items[pat->extractor])->name;
}

/* The raw value of F's pieces as a C int expression. */
static char *dg_pieces_expr(const DgEmit *e, const DgField *f)
{
    StrBuf b = {0};
    int below = f->width;
    for (size_t i = 0; i < f->pieces.len; i++) {
        const DgElem *pc = f->pieces.items[i];
        below -= (int)pc->len;
        uint32_t mask = (uint32_t)((1ull << pc->len) - 1);
        if (i)
            sb_puts(&b, " | ");
        if (below)
            sb_putc(&b, '(');
        if (pc->pos)
            sb_printf(&b, "((insn >> %lld) & %s)", pc->pos, dg_hex(e, mask));
        else
            sb_printf(&b, "(insn & %s)", dg_hex(e, mask));
        if (below)
            sb_printf(&b, " << %d)", below);
    }
    char *r;
    if (f->sign)
        r = dg_asprintf("decode_%s_sext(%s, %d)", e->opt->name, sb_str(&b),
                        f->width);
    else
        r = dg_asprintf("(int)(%s)", sb_str(&b));
    sb_free(&b);
    return r;
}

static void dg_emit_field_fn(DgEmit *e, const DgField *f)
{
    dg_emit(e, "/* %%%s, %s:%d */", f->name, repo_relative(f->loc.file),
            f->loc.line);
    dg_emit(e, "static int decode_%s_field_%s(DisasCtx *ctx, uint32_t insn)",
            e->opt->name, f->name);
    dg_emit(e, "{");
    e->indent++;
    dg_emit(e, "(void)ctx;");
    dg_emit(e, "(void)insn;");
    if (!f->pieces.len)
        dg_emit(e, "return %s(ctx);", f->func);
    else if (f->func)
        dg_emit(e, "return %s(ctx, %s);", f->func, dg_pieces_expr(e, f));
    else
        dg_emit(e, "return %s;", dg_pieces_expr(e, f));
    e->indent--;
    dg_emit(e, "}");
    dg_emit(e, "%s", "");
}

static void dg_emit_extractor(DgEmit *e, const DgExtractor *x)
{
    const DgSpec *s = x->rep;
    dg_emit(e, "static void %s(DisasCtx *ctx, arg_%s *a, uint32_t insn)",
            x->name, s->args->name);
    dg_emit(e, "{");
    e->indent++;
    dg_emit(e, "(void)ctx;");
    dg_emit(e, "(void)a;");
    dg_emit(e, "(void)insn;");
    for (size_t i = 0; i < s->assigns.len; i++) {
        const DgAssign *a = s->assigns.items[i];
        if (!a->field)
            dg_emit(e, "a->%s = %lld;", a->member, a->cval);
        else if (a->field->is_inline)
            dg_emit(e, "a->%s = %s;", a->member, dg_pieces_expr(e, a->field));
        else
            dg_emit(e, "a->%s = decode_%s_field_%s(ctx, insn);", a->member,
                    e->opt->name, a->field->name);
    }
    e->indent--;
    dg_emit(e, "}");
    dg_emit(e, "%s", "");
}

void dg_emit_extractors(DgEmit *e)
{
    dg_emit(e, "static inline int decode_%s_sext(uint32_t v, int width)",
            e->opt->name);
    dg_emit(e, "{");
    dg_emit(e, "    return (int)((int32_t)(v << (32 - width)) >> (32 - width));");
    dg_emit(e, "}");
    dg_emit(e, "%s", "");
    for (size_t i = 0; i < e->prog->fields.len; i++) {
        const DgField *f = e->prog->fields.items[i];
        if (f->used)
            dg_emit_field_fn(e, f);
    }
    for (size_t i = 0; i < dg_extractors.len; i++)
        dg_emit_extractor(e, dg_extractors.items[i]);
}
