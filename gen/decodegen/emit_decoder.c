/*
 * decodegen decoder output (decode-NAME.c): decode_NAME(ctx, insn) walks
 * the decision tree; at a leaf it fills the pattern's argument set and
 * calls trans_PATTERN.  A true return ends decoding; false falls through to
 * the next candidate of an enclosing { } group, else to "return false".
 */
#include "emit.h"

static void dg_decoder_leaf(DgEmit *e, const DgSpec *s)
{
    dg_emit(e, "arg_%s a;", s->args->name);
    dg_emit(e, "%s(ctx, &a, insn);", dg_extractor_name(s));
    dg_emit(e, "if (trans_%s(ctx, &a))", s->name);
    dg_emit(e, "    return true;");
}

void dg_emit_decoder(DgEmit *e)
{
    const DgOptions *o = e->opt;
    for (size_t i = 0; i < o->decoder_includes.len; i++)
        dg_emit(e, "#include \"%s\"",
                (const char *)o->decoder_includes.items[i]);
    dg_emit(e, "#include \"%s\"", dg_basename(o->out_header));
    dg_emit(e, "%s", "");
    dg_emit_extractors(e);
    dg_emit(e, "bool decode_%s(DisasCtx *ctx, uint32_t insn)", o->name);
    dg_emit(e, "{");
    e->indent++;
    dg_emit(e, "(void)ctx;");
    dg_emit(e, "(void)insn;");
    dg_emit_tree(e, dg_decoder_leaf);
    dg_emit(e, "return false;");
    e->indent--;
    dg_emit(e, "}");
}
