/*
 * decodegen semantic checks on definitions: duplicate names, %field
 * definitions (pieces inside the instruction, signedness, !function),
 * &argset definitions (members, !extern, the member limit), and the
 * program-wide naming rules checked after layout (one argument set per
 * trans_NAME, one signature per !function helper).
 */
#include "sema.h"

#include <string.h>

/* ---- duplicates ------------------------------------------------------------ */

static void dg_dup_fields(DgProgram *p)
{
    for (size_t i = 0; i < p->fields.len; i++) {
        DgField *f = p->fields.items[i];
        DgField *first = dg_find_field(f->name);
        if (first != f) {
            diag_error(f->loc, "duplicate definition of field %%%s "
                       "(first defined at %s)", f->name, dg_where(first->loc));
            f->bad = true;
        }
    }
}

static void dg_dup_argsets(DgProgram *p)
{
    for (size_t i = 0; i < p->argsets.len; i++) {
        DgArgSet *a = p->argsets.items[i];
        DgArgSet *first = dg_find_argset(a->name);
        if (first != a) {
            diag_error(a->loc, "duplicate definition of argument set &%s "
                       "(first defined at %s)", a->name, dg_where(first->loc));
            a->bad = true;
        }
    }
}

static void dg_dup_formats(DgProgram *p)
{
    for (size_t i = 0; i < p->formats.len; i++) {
        DgSpec *f = p->formats.items[i];
        DgSpec *first = dg_find_format(f->name);
        if (first != f) {
            diag_error(f->loc, "duplicate definition of format @%s "
                       "(first defined at %s)", f->name, dg_where(first->loc));
            f->bad = true;
        }
    }
}

/* ---- attributes ------------------------------------------------------------ */

void dg_bad_attr(const DgElem *e, const char *what)
{
    static const char *const known[] = { "function", "extern", "disas" };
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (strcmp(e->text, known[i]) == 0) {
            diag_error(e->loc, "attribute !%s is not allowed on %s",
                       e->text, what);
            return;
        }
    diag_error(e->loc, "unknown attribute !%s", e->text);
}

/* ---- %field ---------------------------------------------------------------- */

static void dg_check_field(DgProgram *p, DgField *f)
{
    for (size_t i = 0; i < f->elems.len; i++) {
        DgElem *e = f->elems.items[i];
        if (e->kind == DG_EL_PIECE) {
            vec_push(&f->pieces, e);
        } else if (strcmp(e->text, "function") != 0) {
            dg_bad_attr(e, "a field definition");
            f->bad = true;
        } else if (e->vkind != DG_AV_IDENT) {
            diag_error(e->loc, "!function needs a name: !function=NAME");
            f->bad = true;
        } else if (f->func) {
            diag_error(e->loc, "duplicate !function for field %%%s", f->name);
            f->bad = true;
        } else {
            f->func = e->value;
            f->funcloc = e->vloc;
        }
    }

    long long width = 0;
    for (size_t i = 0; i < f->pieces.len; i++) {
        DgElem *pc = f->pieces.items[i];
        if (pc->len == 0) {
            diag_error(pc->loc, "field piece %lld:%lld has zero length",
                       pc->pos, pc->len);
            f->bad = true;
        } else if (pc->pos + pc->len > p->insnwidth) {
            diag_error(pc->loc, "field piece %lld:%s%lld lies outside the "
                       "%d-bit instruction", pc->pos, pc->sign ? "s" : "",
                       pc->len, p->insnwidth);
            f->bad = true;
        } else {
            uint32_t m = (uint32_t)((1ull << pc->len) - 1) << pc->pos;
            f->mask |= m;
        }
        if (i > 0 && pc->sign) {
            diag_error(pc->loc, "only the first (most significant) piece of "
                       "field %%%s may be signed", f->name);
            f->bad = true;
        }
        width += pc->len;
    }
    if (f->pieces.len == 0 && !f->func) {
        diag_error(f->loc, "field %%%s has neither bit pieces nor "
                   "!function", f->name);
        f->bad = true;
    }
    if (!f->bad && width > p->insnwidth) {
        diag_error(f->loc, "field %%%s is %lld bits wide, wider than the "
                   "%d-bit instruction", f->name, width, p->insnwidth);
        f->bad = true;
    }
    f->width = (int)(width > 32 ? 32 : width);
    f->sign = f->pieces.len && ((DgElem *)f->pieces.items[0])->sign;
}

/* ---- &argset --------------------------------------------------------------- */

static void dg_check_argset(DgArgSet *a)
{
    for (size_t i = 0; i < a->elems.len; i++) {
        DgElem *e = a->elems.items[i];
        if (e->kind == DG_EL_IDENT) {
            if (dg_member_index(a, e->text) >= 0) {
                diag_error(e->loc, "duplicate member %s in argument set &%s",
                           e->text, a->name);
                a->bad = true;
                continue;
            }
            if (a->members.len == DG_MAX_MEMBERS) {
                diag_error(e->loc, "too many members in argument set &%s "
                           "(at most %d)", a->name, DG_MAX_MEMBERS);
                a->bad = true;
            }
            vec_push(&a->members, e->text);
        } else if (strcmp(e->text, "extern") != 0) {
            dg_bad_attr(e, "an argument set");
            a->bad = true;
        } else if (e->vkind != DG_AV_NONE) {
            diag_error(e->vloc, "!extern takes no value");
            a->bad = true;
        } else {
            a->is_extern = true;
        }
    }
}

void dg_sema_defs(DgProgram *p)
{
    dg_dup_fields(p);
    dg_dup_argsets(p);
    dg_dup_formats(p);
    for (size_t i = 0; i < p->fields.len; i++)
        dg_check_field(p, p->fields.items[i]);
    for (size_t i = 0; i < p->argsets.len; i++)
        dg_check_argset(p->argsets.items[i]);
}

/* ---- program-wide names ---------------------------------------------------- */

/* Patterns of one name call one trans_NAME, so they share an argument set. */
static void dg_check_trans(DgProgram *p)
{
    for (size_t i = 0; i < p->patterns.len; i++) {
        DgSpec *s = p->patterns.items[i];
        if (s->bad)
            continue;
        for (size_t j = 0; j < i; j++) {
            DgSpec *t = p->patterns.items[j];
            if (t->bad || strcmp(t->name, s->name) != 0)
                continue;
            if (t->args != s->args)
                diag_error(s->loc, "pattern %s uses argument set &%s, but "
                           "pattern %s at %s uses &%s (both call trans_%s)",
                           s->name, s->args->name, t->name, dg_where(t->loc),
                           t->args->name, s->name);
            break;
        }
    }
}

/* A helper is either NAME(ctx, value) (with pieces) or NAME(ctx). */
static void dg_check_functions(DgProgram *p)
{
    for (size_t i = 0; i < p->fields.len; i++) {
        DgField *f = p->fields.items[i];
        if (!f->func || f->bad)
            continue;
        for (size_t j = 0; j < i; j++) {
            DgField *g = p->fields.items[j];
            if (!g->func || g->bad || strcmp(f->func, g->func) != 0)
                continue;
            if ((f->pieces.len == 0) != (g->pieces.len == 0))
                diag_error(f->funcloc, "function %s is used with %s here but "
                           "with %s by field %%%s at %s", f->func,
                           f->pieces.len ? "a value" : "no value",
                           g->pieces.len ? "a value" : "no value",
                           g->name, dg_where(g->loc));
            break;
        }
    }
}

void dg_check_names(DgProgram *p)
{
    dg_check_trans(p);
    dg_check_functions(p);
}

char *dg_describe_bits(uint32_t mask)
{
    StrBuf b = {0};
    int n = 0;
    for (int hi = 31; hi >= 0; hi--) {
        if (!(mask >> hi & 1))
            continue;
        int lo = hi;
        while (lo > 0 && (mask >> (lo - 1) & 1))
            lo--;
        sb_printf(&b, "%s%d", n ? ", " : "", hi);
        if (lo != hi)
            sb_printf(&b, "..%d", lo);
        n += hi - lo + 1;
        hi = lo;
    }
    char *s = dg_asprintf("%s %s", n == 1 ? "bit" : "bits", sb_str(&b));
    sb_free(&b);
    return s;
}
