/*
 * decodegen disassembly output (disas-NAME.c): the pattern table
 * disas_NAME_patterns[] (name, mnemonic, source position, member names,
 * parsed template, fixed mask/bits) and disas_NAME(insn, out), the same
 * decision tree as the decoder but stopping at the first matching pattern
 * and reporting its field values instead of calling trans_ functions, so a
 * disassembler links without the translator.  Field helpers (!function)
 * are called with ctx = NULL.
 */
#include "emit.h"

static void dg_disas_leaf(DgEmit *e, const DgSpec *s)
{
    dg_emit(e, "arg_%s a;", s->args->name);
    dg_emit(e, "%s(NULL, &a, insn);", dg_extractor_name(s));
    dg_emit(e, "out->pat = &disas_%s_patterns[%d];", e->opt->name, s->index);
    for (size_t i = 0; i < s->args->members.len; i++)
        dg_emit(e, "out->val[%zu] = a.%s;", i,
                (const char *)s->args->members.items[i]);
    dg_emit(e, "return true;");
}

static bool dg_args_used(const DgProgram *p, const DgArgSet *a)
{
    for (size_t i = 0; i < p->patterns.len; i++)
        if (((DgSpec *)p->patterns.items[i])->args == a)
            return true;
    return false;
}

static void dg_emit_field_names(DgEmit *e)
{
    const DgProgram *p = e->prog;
    for (size_t i = 0; i < p->argsets.len; i++) {
        const DgArgSet *a = p->argsets.items[i];
        if (!a->members.len || !dg_args_used(p, a))
            continue;
        dg_emit(e, "static const char *const disas_%s_fields_%s[] = {",
                e->opt->name, a->name);
        for (size_t k = 0; k < a->members.len; k++)
            dg_emit(e, "    \"%s\",", (const char *)a->members.items[k]);
        dg_emit(e, "};");
    }
    dg_emit(e, "%s", "");
}

static void dg_emit_pieces(DgEmit *e, const DgSpec *s)
{
    dg_emit(e, "static const DecodeDisasPiece disas_%s_pieces_%d[] = {",
            e->opt->name, s->index);
    for (size_t i = 0; i < s->pieces.len; i++) {
        const DgPiece *pc = s->pieces.items[i];
        if (pc->text) {
            dg_emit(e, "    { %s, \"\", 0, { 0, 0, 0, 0 } },",
                    dg_c_string(pc->text));
            continue;
        }
        dg_emit(e, "    { NULL, %s, %d, { %d, %d, %d, %d } },",
                dg_c_string(pc->kind), pc->nargs, pc->arg[0], pc->arg[1],
                pc->arg[2], pc->arg[3]);
    }
    dg_emit(e, "};");
}

static void dg_emit_pattern_table(DgEmit *e)
{
    const DgProgram *p = e->prog;
    const char *n = e->opt->name;
    for (size_t i = 0; i < p->patterns.len; i++) {
        const DgSpec *s = p->patterns.items[i];
        if (s->pieces.len)
            dg_emit_pieces(e, s);
    }
    dg_emit(e, "%s", "");
    dg_emit(e, "const DecodeDisasPattern disas_%s_patterns[] = {", n);
    e->indent++;
    for (size_t i = 0; i < p->patterns.len; i++) {
        const DgSpec *s = p->patterns.items[i];
        dg_emit(e, "{   /* [%zu] */", i);
        dg_emit(e, "    .name = \"%s\", .mnemonic = %s,", s->name,
                dg_c_string(s->mnemonic));
        dg_emit(e, "    .file = %s, .line = %d,",
                dg_c_string(repo_relative(s->loc.file)), s->loc.line);
        if (s->args->members.len)
            dg_emit(e, "    .nfields = %zu, .fields = disas_%s_fields_%s,",
                    s->args->members.len, n, s->args->name);
        else
            dg_emit(e, "    .nfields = 0, .fields = NULL,");
        if (s->pieces.len)
            dg_emit(e, "    .npieces = %zu, .pieces = disas_%s_pieces_%d,",
                    s->pieces.len, n, s->index);
        else
            dg_emit(e, "    .npieces = 0, .pieces = NULL,");
        dg_emit(e, "    .fixedmask = %s, .fixedbits = %s, .insnwidth = %d,",
                dg_hex(e, s->fixedmask), dg_hex(e, s->fixedbits),
                p->insnwidth);
        dg_emit(e, "},");
    }
    if (!p->patterns.len)
        dg_emit(e, "{ .name = NULL },   /* no patterns */");
    e->indent--;
    dg_emit(e, "};");
    dg_emit(e, "const int disas_%s_npatterns = %zu;", n, p->patterns.len);
    dg_emit(e, "%s", "");
}

void dg_emit_disas(DgEmit *e)
{
    const DgOptions *o = e->opt;
    dg_emit(e, "#include <stddef.h>");
    dg_emit(e, "#include <string.h>");
    dg_emit(e, "%s", "");
    dg_emit(e, "#include \"%s\"", dg_basename(o->out_header));
    dg_emit(e, "%s", "");
    dg_emit_extractors(e);
    dg_emit_field_names(e);
    dg_emit_pattern_table(e);
    dg_emit(e, "bool disas_%s(uint32_t insn, DecodeDisasInsn *out)", o->name);
    dg_emit(e, "{");
    e->indent++;
    dg_emit(e, "memset(out, 0, sizeof(*out));");
    dg_emit(e, "(void)insn;");
    dg_emit_tree(e, dg_disas_leaf);
    dg_emit(e, "return false;");
    e->indent--;
    dg_emit(e, "}");
}
