/*
 * decodegen layout: turns the element list of every @format and pattern
 * into per-bit facts (fixed 0/1, '.', '-', inline field), the member
 * assignments of its argument set, and its parsed disassembly template.
 *
 * A pattern with a @format is the bitwise merge of both: a '.' in the
 * pattern takes the format's bit; a fixed bit in the pattern refines a '.'
 * of the format, or specialises a bit that a format field reads (the field
 * is still extracted).  Every other combination that disagrees is an
 * error, as is a field of the pattern's own reading a fixed or '-' bit, and
 * a '.' that no field reads (see docs/decode-format.md for the table).
 * The argument set is the pattern's &args, else the format's, else an
 * implicit one named after the pattern made of its own fields in order.
 */
#include "sema.h"

#include <stdarg.h>
#include <string.h>

static SrcLoc dg_col(SrcLoc l, int off)
{
    l.col += off;
    return l;
}

static const char *dg_kind(const DgSpec *s)
{
    return s->is_format ? "format" : "pattern";
}

static uint32_t dg_bitmask(const DgSpec *s, int kind)
{
    uint32_t m = 0;
    for (int i = 0; i < 32; i++)
        if (s->bit[i] == kind)
            m |= 1u << i;
    return m;
}

static uint32_t dg_fixed_of(const uint8_t *bit, int width)
{
    uint32_t m = 0;
    for (int i = 0; i < width; i++)
        if (bit[i] == DG_BIT_0 || bit[i] == DG_BIT_1)
            m |= 1u << i;
    return m;
}

static int dg_top_bit(uint32_t m)
{
    return 31 - __builtin_clz(m);
}

static DgAssign *dg_find_assign(const DgSpec *s, const char *member)
{
    for (size_t i = 0; i < s->assigns.len; i++) {
        DgAssign *a = s->assigns.items[i];
        if (strcmp(a->member, member) == 0)
            return a;
    }
    return NULL;
}

/* Records that MEMBER of S is set (by the element at LOC). */
static void dg_assign(DgSpec *s, const char *member, SrcLoc loc, DgField *f,
                      long long cval)
{
    DgAssign *old = dg_find_assign(s, member);
    if (old) {
        diag_error(loc, "argument %s assigned twice in this %s (first at "
                   "column %d)", member, dg_kind(s), old->loc.col);
        s->bad = true;
        return;
    }
    DgAssign *a = dg_alloc(sizeof(*a));
    a->member = dg_strdup(member);
    a->loc = loc;
    a->field = f;
    a->cval = cval;
    vec_push(&s->assigns, a);
}

static void dg_too_many(DgProgram *p, DgSpec *s, SrcLoc loc, bool *reported)
{
    if (!*reported)
        diag_error(loc, "too many bits: this %s is longer than the %d-bit "
                   "instruction", dg_kind(s), p->insnwidth);
    *reported = true;
    s->bad = true;
}

static void dg_layout_inline(DgProgram *p, DgSpec *s, DgElem *e, int *pos,
                             bool *width_err)
{
    if (e->len == 0) {
        diag_error(e->loc, "inline field %s has zero length", e->text);
        s->bad = true;
        return;
    }
    if (e->len > *pos) {
        dg_too_many(p, s, e->loc, width_err);
        *pos = 0;
        return;
    }
    *pos -= (int)e->len;
    DgField *f = dg_field_new(e->text, e->loc);
    f->is_inline = true;
    DgElem *pc = dg_elem_new(DG_EL_PIECE, e->loc, "");
    pc->pos = *pos;
    pc->len = e->len;
    pc->sign = e->sign;
    vec_push(&f->pieces, pc);
    f->width = (int)e->len;
    f->sign = e->sign;
    f->mask = (uint32_t)((1ull << e->len) - 1) << *pos;
    for (int i = *pos; i < *pos + e->len; i++) {
        s->bit[i] = DG_BIT_FIELD;
        s->bitloc[i] = e->loc;
        s->bitfield[i] = f;
    }
    dg_assign(s, e->text, e->loc, f, 0);
}

static DgField *dg_lookup_field(DgSpec *s, const char *name, SrcLoc loc)
{
    DgField *f = dg_find_field(name);
    if (!f) {
        diag_error(loc, "unknown field %%%s", name);
        s->bad = true;
    } else if (f->bad) {
        s->bad = true;
    }
    return f;
}

static void dg_layout_attr(DgSpec *s, DgElem *e)
{
    if (strcmp(e->text, "disas") != 0) {
        dg_bad_attr(e, s->is_format ? "a format" : "a pattern");
        s->bad = true;
    } else if (e->vkind != DG_AV_STRING) {
        diag_error(e->loc, "!disas needs a string: !disas=\"TEMPLATE\"");
        s->bad = true;
    } else if (s->tmpl) {
        diag_error(e->loc, "duplicate !disas");
        s->bad = true;
    } else {
        s->tmpl = dg_alloc(sizeof(*s->tmpl));
        s->tmpl->raw = e->value;
        s->tmpl->loc = e->vloc;
    }
}

static void dg_layout_ref(DgSpec *s, DgElem *e)
{
    if (e->kind == DG_EL_ARGREF) {
        DgArgSet *a = dg_find_argset(e->text);
        if (s->args_explicit) {
            diag_error(e->loc, "more than one argument set");
            s->bad = true;
        } else if (!a || a->implicit) {
            diag_error(e->loc, "unknown argument set &%s", e->text);
            s->bad = true;
        } else {
            s->bad |= a->bad;
            s->args = a;
            s->args_explicit = true;
            s->argsloc = e->loc;
        }
        return;
    }
    DgSpec *f = dg_find_format(e->text);
    if (s->is_format) {
        diag_error(e->loc, "a format cannot use another format (@%s)",
                   e->text);
        s->bad = true;
    } else if (s->fmt) {
        diag_error(e->loc, "more than one format");
        s->bad = true;
    } else if (!f) {
        diag_error(e->loc, "unknown format @%s", e->text);
        s->bad = true;
    } else {
        s->fmt = f;
        s->fmtloc = e->loc;
    }
}

/* First pass over the elements: bits, assignments, references. */
static void dg_layout_elems(DgProgram *p, DgSpec *s)
{
    int pos = p->insnwidth;
    bool width_err = false;

    for (size_t k = 0; k < s->elems.len; k++) {
        DgElem *e = s->elems.items[k];
        DgField *f;
        switch (e->kind) {
        case DG_EL_BITS:
            for (int i = 0; e->text[i]; i++) {
                if (pos == 0) {
                    dg_too_many(p, s, dg_col(e->loc, i), &width_err);
                    break;
                }
                char c = e->text[i];
                pos--;
                s->bit[pos] = c == '0' ? DG_BIT_0 : c == '1' ? DG_BIT_1
                            : c == '-' ? DG_BIT_DASH : DG_BIT_DOT;
                s->bitloc[pos] = dg_col(e->loc, i);
            }
            break;
        case DG_EL_INLINE:
            dg_layout_inline(p, s, e, &pos, &width_err);
            break;
        case DG_EL_FIELDREF:
            f = dg_lookup_field(s, e->text, e->loc);
            if (f)
                dg_assign(s, f->name, e->loc, f, 0);
            break;
        case DG_EL_RENAME:
            f = dg_lookup_field(s, e->value, e->vloc);
            if (f)
                dg_assign(s, e->text, e->loc, f, 0);
            break;
        case DG_EL_CONST:
            if (!e->num_ok || e->num < INT32_MIN || e->num > INT32_MAX) {
                diag_error(e->vloc, "constant %s out of range (must fit a "
                           "32-bit int)", e->value);
                s->bad = true;
            }
            dg_assign(s, e->text, e->loc, NULL, e->num);
            break;
        case DG_EL_ARGREF:
        case DG_EL_FMTREF:
            dg_layout_ref(s, e);
            break;
        case DG_EL_ATTR:
            dg_layout_attr(s, e);
            break;
        default:
            diag_error(e->loc, "unexpected %s in a %s", e->text, dg_kind(s));
            s->bad = true;
            break;
        }
    }
    if (!width_err && pos > 0) {
        diag_error(s->loc, "too few bits: %s %s has %d bits, the "
                   "instruction %d", dg_kind(s), s->name,
                   p->insnwidth - pos, p->insnwidth);
        s->bad = true;
    }
}

/*
 * The implicit argument set of S: its fields in order, named after S.
 * Patterns of one name (and a format and argset of one name) share it when
 * the members agree.
 */
static DgArgSet *dg_implicit_args(DgProgram *p, DgSpec *s)
{
    if (s->assigns.len > DG_MAX_MEMBERS) {
        diag_error(s->loc, "too many members: %s %s sets %zu arguments, an "
                   "argument set holds at most %d", dg_kind(s), s->name,
                   s->assigns.len, DG_MAX_MEMBERS);
        s->bad = true;
        return NULL;
    }
    DgArgSet *old = dg_find_argset(s->name);
    if (old) {
        bool same = old->members.len == s->assigns.len;
        for (size_t i = 0; same && i < s->assigns.len; i++)
            same = strcmp(old->members.items[i],
                          ((DgAssign *)s->assigns.items[i])->member) == 0;
        if (same && !old->bad)
            return old;
        diag_error(s->loc, "the implicit argument set of %s %s differs from "
                   "argument set &%s defined at %s; name one with &",
                   dg_kind(s), s->name, old->name, dg_where(old->loc));
        s->bad = true;
        return NULL;
    }
    DgArgSet *a = dg_argset_new(s->name, s->loc);
    a->implicit = true;
    for (size_t i = 0; i < s->assigns.len; i++)
        vec_push(&a->members, ((DgAssign *)s->assigns.items[i])->member);
    vec_push(&p->argsets, a);
    return a;
}

/* Fields of S's own assignments must not read fixed or '-' bits of BIT. */
static void dg_check_field_bits(DgProgram *p, DgSpec *s, const uint8_t *bit,
                                const uint8_t *own)
{
    uint32_t fixed = dg_fixed_of(bit, p->insnwidth);
    uint32_t dash = 0, owndash = 0;
    for (int i = 0; i < p->insnwidth; i++) {
        if (bit[i] == DG_BIT_DASH)
            dash |= 1u << i;
        if (own[i] == DG_BIT_DASH)
            owndash |= 1u << i;
    }
    for (size_t k = 0; k < s->assigns.len; k++) {
        DgAssign *a = s->assigns.items[k];
        if (!a->field || a->field->is_inline)
            continue;
        /* A pattern may fix bits its format's fields read: that
         * specialises the field's value (e.g. shamt = 0). */
        uint32_t m = a->field->mask;
        uint32_t bf = a->from_format ? 0 : m & fixed;
        uint32_t bd = m & (a->from_format ? owndash : dash);
        if (bf) {
            diag_error(a->from_format ? s->bitloc[dg_top_bit(bf)] : a->loc,
                       "field %%%s (argument %s) overlaps fixed %s",
                       a->field->name, a->member, dg_describe_bits(bf));
            s->bad = true;
        }
        if (bd) {
            diag_error(a->from_format ? s->bitloc[dg_top_bit(bd)] : a->loc,
                       "field %%%s (argument %s) uses %s, which %s '-' "
                       "(ignored)", a->field->name, a->member,
                       dg_describe_bits(bd), bd & (bd - 1) ? "are" : "is");
            s->bad = true;
        }
    }
}

/* Members set by S must belong to its argument set. */
static void dg_check_members(DgSpec *s)
{
    for (size_t k = 0; k < s->assigns.len; k++) {
        DgAssign *a = s->assigns.items[k];
        if (dg_member_index(s->args, a->member) >= 0)
            continue;
        if (a->from_format)
            diag_error(s->argsloc, "argument set &%s has no member %s "
                       "(set by format @%s)", s->args->name, a->member,
                       s->fmt->name);
        else
            diag_error(a->loc, "%s is not a member of argument set &%s",
                       a->member, s->args->name);
        s->bad = true;
    }
}

static void dg_finish_format(DgProgram *p, DgSpec *s)
{
    dg_layout_elems(p, s);
    if (s->bad)
        return;
    dg_check_field_bits(p, s, s->bit, s->bit);
    if (s->bad)
        return;
    if (!s->args)
        s->args = dg_implicit_args(p, s);
    if (!s->args)
        return;
    dg_check_members(s);
    if (s->tmpl && !dg_template_parse(s->tmpl, s->args, "", NULL))
        s->bad = true;
    s->fixedmask = dg_bitmask(s, DG_BIT_0) | dg_bitmask(s, DG_BIT_1);
    s->fixedbits = dg_bitmask(s, DG_BIT_1);
}

static void dg_merge_error(bool *seen, int cat, SrcLoc loc, DgSpec *s,
                           const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void dg_merge_error(bool *seen, int cat, SrcLoc loc, DgSpec *s,
                           const char *fmt, ...)
{
    s->bad = true;
    if (seen[cat])
        return;
    seen[cat] = true;
    va_list ap;
    va_start(ap, fmt);
    diag_verror(loc, fmt, ap);
    va_end(ap);
}

/* Merges the bits of format F into pattern S (one error per kind). */
static void dg_merge_bits(DgProgram *p, DgSpec *s, const DgSpec *f)
{
    bool seen[5] = { false };
    static const char bitch[] = { '.', '0', '1', '-', 'f' };
    for (int i = p->insnwidth - 1; i >= 0; i--) {
        int pb = s->bit[i], fb = f->bit[i];
        SrcLoc l = s->bitloc[i];
        bool pfix = pb == DG_BIT_0 || pb == DG_BIT_1;
        bool ffix = fb == DG_BIT_0 || fb == DG_BIT_1;
        const char *ff = fb == DG_BIT_FIELD ? f->bitfield[i]->name : "";
        const char *pf = pb == DG_BIT_FIELD ? s->bitfield[i]->name : "";

        if (pb == DG_BIT_DOT) {
            s->bit[i] = (uint8_t)fb;
            s->bitfield[i] = f->bitfield[i];
        } else if (fb == DG_BIT_DOT || pb == fb) {
            if (pb == DG_BIT_FIELD && fb == DG_BIT_FIELD)
                dg_merge_error(seen, 4, l, s, "field %s overlaps field %s of "
                               "format @%s (bit %d)", pf, ff, f->name, i);
        } else if (pfix && ffix) {
            dg_merge_error(seen, 0, l, s, "conflicting fixed bits: bit %d is "
                           "%c here but %c in format @%s", i, bitch[pb],
                           bitch[fb], f->name);
        } else if (pfix || ffix) {
            if (pb == DG_BIT_FIELD)
                dg_merge_error(seen, 2, l, s, "field %s overlaps fixed bit %d "
                               "of format @%s", pf, i, f->name);
            else if (fb == DG_BIT_FIELD)
                ;   /* the pattern specialises the format's inline field */
            else if (pfix)
                dg_merge_error(seen, 1, l, s, "conflicting bits: bit %d is "
                               "fixed (%c) here but '-' in format @%s", i,
                               bitch[pb], f->name);
            else
                dg_merge_error(seen, 1, l, s, "conflicting bits: bit %d is "
                               "'-' here but fixed (%c) in format @%s", i,
                               bitch[fb], f->name);
        } else if (pb == DG_BIT_FIELD) {
            dg_merge_error(seen, 3, l, s, "field %s uses bit %d, which is '-' "
                           "in format @%s", pf, i, f->name);
        } else if (fb == DG_BIT_FIELD) {
            dg_merge_error(seen, 3, l, s, "field %s of format @%s uses bit %d, "
                           "which is '-' here", ff, f->name, i);
        } else {
            dg_merge_error(seen, 4, l, s, "field %s overlaps field %s of "
                           "format @%s (bit %d)", pf, ff, f->name, i);
        }
    }
}

/* Puts the format's assignments first; a member set by both is an error. */
static void dg_inherit_assigns(DgSpec *s, const DgSpec *f)
{
    PtrVec own = s->assigns;
    s->assigns = (PtrVec){0};
    for (size_t i = 0; i < f->assigns.len; i++) {
        DgAssign *a = dg_alloc(sizeof(*a));
        *a = *(DgAssign *)f->assigns.items[i];
        a->from_format = true;
        vec_push(&s->assigns, a);
    }
    for (size_t i = 0; i < own.len; i++) {
        DgAssign *a = own.items[i];
        DgAssign *old = dg_find_assign(s, a->member);
        if (old) {
            diag_error(a->loc, "argument %s assigned twice: also set by "
                       "format @%s at %s", a->member, f->name,
                       dg_where(old->loc));
            s->bad = true;
            continue;
        }
        vec_push(&s->assigns, a);
    }
    /* s->assigns' array is new; the old one is no longer referenced. */
    vec_free(&own);
}

static void dg_check_dots(DgProgram *p, DgSpec *s)
{
    uint32_t used = 0;
    for (size_t k = 0; k < s->assigns.len; k++) {
        DgAssign *a = s->assigns.items[k];
        if (a->field)
            used |= a->field->mask;
    }
    uint32_t dots = dg_bitmask(s, DG_BIT_DOT) & p->insnmask & ~used;
    if (dots) {
        diag_error(s->bitloc[dg_top_bit(dots)], "%s %s '.' but no field "
                   "uses %s (write '-' for ignored bits)",
                   dg_describe_bits(dots), dots & (dots - 1) ? "are" : "is",
                   dots & (dots - 1) ? "them" : "it");
        s->bad = true;
    }
}

static void dg_finish_pattern(DgProgram *p, DgSpec *s)
{
    s->mnemonic = dg_strdup(s->name);
    for (char *c = s->mnemonic; *c; c++)
        if (*c == '_')
            *c = '.';

    dg_layout_elems(p, s);
    if (s->bad)
        return;
    DgSpec *f = s->fmt;
    uint8_t own[32];
    memcpy(own, s->bit, sizeof(own));
    if (f) {
        if (f->bad || !f->args) {
            s->bad = true;
            return;
        }
        dg_merge_bits(p, s, f);
        dg_inherit_assigns(s, f);
        if (s->bad)
            return;
    }
    dg_check_field_bits(p, s, s->bit, own);
    dg_check_dots(p, s);
    if (s->bad)
        return;

    if (!s->args_explicit)
        s->args = f ? f->args : dg_implicit_args(p, s);
    if (!s->args)
        return;
    dg_check_members(s);
    for (size_t i = 0; i < s->args->members.len; i++) {
        const char *m = s->args->members.items[i];
        if (!dg_find_assign(s, m)) {
            diag_error(s->loc, "member %s of argument set &%s is left unset "
                       "by pattern %s", m, s->args->name, s->name);
            s->bad = true;
        }
    }
    DgTemplate *t = s->tmpl ? s->tmpl : f ? f->tmpl : NULL;
    if (t && !dg_template_parse(t, s->args, s->mnemonic, &s->pieces))
        s->bad = true;
    s->fixedmask = dg_bitmask(s, DG_BIT_0) | dg_bitmask(s, DG_BIT_1);
    s->fixedbits = dg_bitmask(s, DG_BIT_1);
}

void dg_layout_all(DgProgram *p)
{
    for (size_t i = 0; i < p->formats.len; i++) {
        DgSpec *s = p->formats.items[i];
        if (!s->bad)   /* duplicates stay out */
            dg_finish_format(p, s);
    }
    for (size_t i = 0; i < p->patterns.len; i++)
        dg_finish_pattern(p, p->patterns.items[i]);
}
