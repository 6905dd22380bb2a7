/*
 * decodegen disassembly templates (!disas="...").
 *
 * A template is literal text with operands in braces: {name}, {name:kind},
 * {a,b:kind} (names are members of the pattern's argument set, the kind is
 * an identifier left to the user's printer), {@} for the mnemonic, and
 * {{ / }} for literal braces.  Inside the quotes \" \\ \n \t are escapes.
 * Parsing yields DgPiece*s: runs of literal text (merged) and operands.
 */
#include "sema.h"

#include <string.h>

typedef struct DgTmplParse {
    DgTemplate *t;
    const DgArgSet *args;
    PtrVec *pieces;
    StrBuf lit;
} DgTmplParse;

static bool dg_tmpl_error(DgTmplParse *tp, int off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool dg_tmpl_error(DgTmplParse *tp, int off, const char *fmt, ...)
{
    if (!tp->t->reported) {
        SrcLoc l = tp->t->loc;
        l.col += off;
        va_list ap;
        va_start(ap, fmt);
        diag_verror(l, fmt, ap);
        va_end(ap);
    }
    tp->t->reported = true;
    return false;
}

static void dg_tmpl_flush(DgTmplParse *tp)
{
    if (tp->lit.len && tp->pieces) {
        DgPiece *pc = dg_alloc(sizeof(*pc));
        pc->text = dg_strdup(sb_str(&tp->lit));
        pc->kind = "";
        vec_push(tp->pieces, pc);
    }
    sb_free(&tp->lit);
}

/* One {names[:kind]} operand: RAW[start, end) is the text inside braces. */
static bool dg_tmpl_operand(DgTmplParse *tp, const char *raw, int start,
                            int end)
{
    DgPiece *pc = dg_alloc(sizeof(*pc));
    pc->kind = "";
    const char *colon = memchr(raw + start, ':', (size_t)(end - start));
    int names_end = colon ? (int)(colon - raw) : end;
    if (colon) {
        pc->kind = dg_strndup(colon + 1, (size_t)(end - names_end - 1));
        if (!is_c_ident(pc->kind))
            return dg_tmpl_error(tp, names_end + 1, "bad operand kind '%s' in "
                                 "disassembly template (want an identifier)",
                                 pc->kind);
    }
    for (int i = start; i <= names_end; ) {
        int j = i;
        while (j < names_end && raw[j] != ',')
            j++;
        char *name = dg_strndup(raw + i, (size_t)(j - i));
        if (!*name)
            return dg_tmpl_error(tp, i, "empty operand name in disassembly "
                                 "template");
        int idx = dg_member_index(tp->args, name);
        if (idx < 0)
            return dg_tmpl_error(tp, i, "unknown operand '%s' in disassembly "
                                 "template (argument set &%s has no such "
                                 "member)", name, tp->args->name);
        if (pc->nargs == DG_MAX_OPERAND_ARGS)
            return dg_tmpl_error(tp, i, "too many names in one template "
                                 "operand (at most %d)", DG_MAX_OPERAND_ARGS);
        pc->arg[pc->nargs++] = idx;
        i = j + 1;
    }
    dg_tmpl_flush(tp);
    if (tp->pieces)
        vec_push(tp->pieces, pc);
    return true;
}

static bool dg_tmpl_escape(DgTmplParse *tp, const char *raw, int i)
{
    switch (raw[i + 1]) {
    case '\\': sb_putc(&tp->lit, '\\'); return true;
    case '"':  sb_putc(&tp->lit, '"'); return true;
    case 'n':  sb_putc(&tp->lit, '\n'); return true;
    case 't':  sb_putc(&tp->lit, '\t'); return true;
    default:
        return dg_tmpl_error(tp, i, "unknown escape '\\%c' in disassembly "
                             "template", raw[i + 1]);
    }
}

bool dg_template_parse(DgTemplate *t, const DgArgSet *args,
                       const char *mnemonic, PtrVec *pieces)
{
    DgTmplParse tp = { t, args, pieces, {0} };
    const char *raw = t->raw;
    bool ok = true;
    for (int i = 0; ok && raw[i]; ) {
        char c = raw[i];
        if (c == '\\') {
            ok = dg_tmpl_escape(&tp, raw, i);
            i += 2;
        } else if ((c == '{' || c == '}') && raw[i + 1] == c) {
            sb_putc(&tp.lit, c);
            i += 2;
        } else if (c == '}') {
            ok = dg_tmpl_error(&tp, i, "unmatched '}' in disassembly template "
                               "(write '}}' for a literal brace)");
        } else if (c == '{') {
            int j = i + 1;
            while (raw[j] && raw[j] != '}' && raw[j] != '{')
                j++;
            if (raw[j] != '}') {
                ok = dg_tmpl_error(&tp, i, "unclosed '{' in disassembly "
                                   "template");
            } else if (j == i + 2 && raw[i + 1] == '@') {
                sb_puts(&tp.lit, mnemonic);
            } else {
                ok = dg_tmpl_operand(&tp, raw, i + 1, j);
            }
            i = j + 1;
        } else {
            sb_putc(&tp.lit, c);
            i++;
        }
    }
    if (ok)
        dg_tmpl_flush(&tp);
    sb_free(&tp.lit);
    return ok;
}
