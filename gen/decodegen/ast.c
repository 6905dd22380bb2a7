/*
 * decodegen's arena and syntax-tree construction: the parser's actions land
 * here (dg_def_*), as do name lookups shared by the semantic passes.
 */
#include "ast.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

DgProgram dg_prog;

/* Every allocation stays reachable from here until dg_free_all(). */
static PtrVec dg_arena;

void *dg_alloc(size_t n)
{
    void *p = xcalloc(1, n);
    vec_push(&dg_arena, p);
    return p;
}

char *dg_strndup(const char *s, size_t n)
{
    char *p = dg_alloc(n + 1);
    memcpy(p, s, n);
    return p;
}

char *dg_strdup(const char *s)
{
    return dg_strndup(s, strlen(s));
}

char *dg_asprintf(const char *fmt, ...)
{
    StrBuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&b, fmt, ap);
    va_end(ap);
    char *s = dg_strdup(sb_str(&b));
    sb_free(&b);
    return s;
}

/* PtrVecs embedded in arena nodes own their item arrays: register them. */
static PtrVec dg_vecs;

PtrVec *dg_vec_new(void)
{
    PtrVec *v = dg_alloc(sizeof(*v));
    vec_push(&dg_vecs, v);
    return v;
}

static void dg_track_vec(PtrVec *v)
{
    vec_push(&dg_vecs, v);
}

void dg_free_all(void)
{
    for (size_t i = 0; i < dg_vecs.len; i++)
        vec_free(dg_vecs.items[i]);
    vec_free(&dg_vecs);
    for (size_t i = 0; i < dg_arena.len; i++)
        free(dg_arena.items[i]);
    vec_free(&dg_arena);
    vec_free(&dg_prog.fields);
    vec_free(&dg_prog.argsets);
    vec_free(&dg_prog.formats);
    vec_free(&dg_prog.patterns);
    vec_free(&dg_prog.top);
}

DgElem *dg_elem_new(DgElemKind kind, SrcLoc loc, const char *text)
{
    DgElem *e = dg_alloc(sizeof(*e));
    e->kind = kind;
    e->loc = loc;
    e->text = dg_strdup(text ? text : "");
    return e;
}

DgItem *dg_item_new(DgItemKind kind, SrcLoc loc)
{
    DgItem *it = dg_alloc(sizeof(*it));
    it->kind = kind;
    it->loc = loc;
    dg_track_vec(&it->items);
    return it;
}

static void dg_copy_elems(PtrVec *dst, PtrVec *src)
{
    if (src)
        for (size_t i = 0; i < src->len; i++)
            vec_push(dst, src->items[i]);
}

DgField *dg_field_new(const char *name, SrcLoc loc)
{
    DgField *f = dg_alloc(sizeof(*f));
    f->name = dg_strdup(name);
    f->loc = loc;
    dg_track_vec(&f->elems);
    dg_track_vec(&f->pieces);
    return f;
}

DgArgSet *dg_argset_new(const char *name, SrcLoc loc)
{
    DgArgSet *a = dg_alloc(sizeof(*a));
    a->name = dg_strdup(name);
    a->loc = loc;
    dg_track_vec(&a->elems);
    dg_track_vec(&a->members);
    return a;
}

void dg_def_field(DgElem *head, PtrVec *elems)
{
    DgField *f = dg_field_new(head->text, head->loc);
    dg_copy_elems(&f->elems, elems);
    vec_push(&dg_prog.fields, f);
}

void dg_def_argset(DgElem *head, PtrVec *elems)
{
    DgArgSet *a = dg_argset_new(head->text, head->loc);
    dg_copy_elems(&a->elems, elems);
    vec_push(&dg_prog.argsets, a);
}

static DgSpec *dg_spec_new(bool is_format, DgElem *head, PtrVec *elems)
{
    DgSpec *s = dg_alloc(sizeof(*s));
    s->is_format = is_format;
    s->name = head->text;
    s->loc = head->loc;
    s->argsloc = head->loc;
    dg_track_vec(&s->elems);
    dg_copy_elems(&s->elems, elems);
    dg_track_vec(&s->assigns);
    dg_track_vec(&s->pieces);
    return s;
}

void dg_def_format(DgElem *head, PtrVec *elems)
{
    vec_push(&dg_prog.formats, dg_spec_new(true, head, elems));
}

DgItem *dg_def_pattern(DgElem *head, PtrVec *elems)
{
    DgSpec *s = dg_spec_new(false, head, elems);
    s->index = (int)dg_prog.patterns.len;
    vec_push(&dg_prog.patterns, s);
    DgItem *it = dg_item_new(DG_ITEM_PATTERN, head->loc);
    it->pat = s;
    return it;
}

DgField *dg_find_field(const char *name)
{
    for (size_t i = 0; i < dg_prog.fields.len; i++) {
        DgField *f = dg_prog.fields.items[i];
        if (strcmp(f->name, name) == 0)
            return f;
    }
    return NULL;
}

DgArgSet *dg_find_argset(const char *name)
{
    for (size_t i = 0; i < dg_prog.argsets.len; i++) {
        DgArgSet *a = dg_prog.argsets.items[i];
        if (strcmp(a->name, name) == 0)
            return a;
    }
    return NULL;
}

DgSpec *dg_find_format(const char *name)
{
    for (size_t i = 0; i < dg_prog.formats.len; i++) {
        DgSpec *f = dg_prog.formats.items[i];
        if (strcmp(f->name, name) == 0)
            return f;
    }
    return NULL;
}

int dg_member_index(const DgArgSet *a, const char *member)
{
    for (size_t i = 0; i < a->members.len; i++)
        if (strcmp(a->members.items[i], member) == 0)
            return (int)i;
    return -1;
}

const char *dg_where(SrcLoc loc)
{
    return dg_asprintf("%s:%d", loc.file, loc.line);
}
