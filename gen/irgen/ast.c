/* Constructors for irgen's model of ops.def, allocated in one arena. */
#include "ast.h"

#include <stdlib.h>
#include <string.h>

static PtrVec arena;    /* every block from irgen_new / irgen_strdup */
static PtrVec vecs;     /* every PtrVec inside those blocks, freed last */

void *irgen_new(size_t size)
{
    void *p = xcalloc(1, size);
    vec_push(&arena, p);
    return p;
}

char *irgen_strdup(const char *s)
{
    char *p = xstrdup(s);
    vec_push(&arena, p);
    return p;
}

/* Remembers a PtrVec embedded in (or allocated as) an arena block. */
static void track(PtrVec *v)
{
    vec_push(&vecs, v);
}

void irgen_free_all(void)
{
    for (size_t i = 0; i < vecs.len; i++)
        vec_free(vecs.items[i]);
    vec_free(&vecs);
    for (size_t i = 0; i < arena.len; i++)
        free(arena.items[i]);
    vec_free(&arena);
}

PtrVec *irgen_vec_new(void)
{
    PtrVec *v = irgen_new(sizeof(*v));
    track(v);
    return v;
}

IrgenName *irgen_name_new(const char *s, SrcLoc loc)
{
    IrgenName *n = irgen_new(sizeof(*n));
    n->s = irgen_strdup(s);
    n->loc = loc;
    return n;
}

IrgenOp *irgen_op_new(IrgenName *name)
{
    IrgenOp *op = irgen_new(sizeof(*op));
    op->name = *name;
    track(&op->sets);
    for (int i = 0; i < IRGEN_TC_COUNT; i++)
        track(&op->alts[i]);
    return op;
}

IrgenConsSet *irgen_set_new(IrgenName *host, SrcLoc loc)
{
    IrgenConsSet *s = irgen_new(sizeof(*s));
    s->host = *host;
    s->loc = loc;
    return s;
}

IrgenCons *irgen_cons_new(SrcLoc loc)
{
    IrgenCons *c = irgen_new(sizeof(*c));
    c->loc = loc;
    c->tie = -1;
    c->cls = IRGEN_RC_NONE;
    track(&c->items);
    return c;
}

IrgenConsItem *irgen_item_new(IrgenItemKind kind, SrcLoc loc)
{
    IrgenConsItem *it = irgen_new(sizeof(*it));
    it->kind = kind;
    it->loc = loc;
    return it;
}

IrgenRegSpec *irgen_regspec_new(SrcLoc loc)
{
    IrgenRegSpec *r = irgen_new(sizeof(*r));
    r->loc = loc;
    return r;
}
