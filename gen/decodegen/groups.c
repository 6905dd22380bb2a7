/*
 * decodegen groups: checks and normalises the group structure.
 *
 * The top level of the (concatenated) input files and every [ ] group are
 * non-overlapping sets: no instruction word may match two of their members.
 * { } groups are ordered: members are tried in turn.  Normalisation drops
 * patterns that had errors, splices [ ] into an enclosing [ ] or the top
 * level and { } into an enclosing { }, and computes for every item the bits
 * fixed to the same value in all of its patterns (DgItem.mask / bits),
 * which the decision tree (tree.c) switches on.
 */
#include "sema.h"

#include <stdlib.h>

static void dg_check_empty(PtrVec *items)
{
    for (size_t i = 0; i < items->len; i++) {
        DgItem *it = items->items[i];
        if (it->kind == DG_ITEM_PATTERN)
            continue;
        if (it->items.len == 0)
            diag_error(it->loc, "empty group");
        dg_check_empty(&it->items);
    }
}

static void dg_collect_patterns(const DgItem *it, PtrVec *out)
{
    if (it->kind == DG_ITEM_PATTERN) {
        vec_push(out, it->pat);
        return;
    }
    for (size_t i = 0; i < it->items.len; i++)
        dg_collect_patterns(it->items.items[i], out);
}

/* Sets it->mask/bits to the bits every pattern below fixes identically. */
static void dg_item_mask(DgItem *it)
{
    if (it->kind == DG_ITEM_PATTERN) {
        it->mask = it->pat->fixedmask;
        it->bits = it->pat->fixedbits;
        return;
    }
    uint32_t mask = ~0u, diff = 0, bits = 0;
    for (size_t i = 0; i < it->items.len; i++) {
        DgItem *c = it->items.items[i];
        dg_item_mask(c);
        if (i == 0)
            bits = c->bits;
        mask &= c->mask;
        diff |= (c->bits ^ bits) & c->mask;
    }
    it->mask = mask & ~diff;
    it->bits = bits & it->mask;
}

/*
 * Normalises the members of a group of kind KIND (the top level counts as
 * non-overlapping) into OUT.
 */
static void dg_normalise(PtrVec *in, DgItemKind kind, PtrVec *out)
{
    for (size_t i = 0; i < in->len; i++) {
        DgItem *it = in->items[i];
        if (it->kind == DG_ITEM_PATTERN) {
            if (!it->pat->bad)
                vec_push(out, it);
            continue;
        }
        PtrVec kids = {0};
        dg_normalise(&it->items, it->kind, &kids);
        if (it->kind == kind || kids.len <= 1) {
            /* Same kind as the parent, or trivial: splice. */
            for (size_t k = 0; k < kids.len; k++)
                vec_push(out, kids.items[k]);
        } else {
            it->items.len = 0;
            for (size_t k = 0; k < kids.len; k++)
                vec_push(&it->items, kids.items[k]);
            vec_push(out, it);
        }
        vec_free(&kids);
    }
}

static bool dg_pat_overlap(const DgSpec *a, const DgSpec *b)
{
    return ((a->fixedbits ^ b->fixedbits) & a->fixedmask & b->fixedmask) == 0;
}

/* Reports members of the non-overlapping set ITEMS that overlap. */
static void dg_check_set(PtrVec *items);

static void dg_check_item(DgItem *it)
{
    if (it->kind == DG_ITEM_NONOVERLAP)
        dg_check_set(&it->items);
    else if (it->kind == DG_ITEM_OVERLAP)
        for (size_t i = 0; i < it->items.len; i++)
            dg_check_item(it->items.items[i]);
}

static void dg_check_set(PtrVec *items)
{
    PtrVec *pats = xcalloc(items->len ? items->len : 1, sizeof(PtrVec));
    for (size_t i = 0; i < items->len; i++)
        dg_collect_patterns(items->items[i], &pats[i]);

    for (size_t j = 1; j < items->len; j++) {
        DgItem *b = items->items[j];
        bool found = false;
        for (size_t i = 0; i < j && !found; i++) {
            DgItem *a = items->items[i];
            if ((a->bits ^ b->bits) & a->mask & b->mask)
                continue;   /* told apart by bits fixed in all members */
            for (size_t q = 0; q < pats[j].len && !found; q++) {
                DgSpec *qs = pats[j].items[q];
                for (size_t p = 0; p < pats[i].len && !found; p++) {
                    DgSpec *ps = pats[i].items[p];
                    if (dg_pat_overlap(ps, qs)) {
                        diag_error(qs->loc, "overlapping patterns: %s "
                                   "overlaps %s at %s",
                                   qs->name, ps->name, dg_where(ps->loc));
                        found = true;
                    }
                }
            }
        }
    }
    for (size_t i = 0; i < items->len; i++)
        vec_free(&pats[i]);
    free(pats);

    for (size_t i = 0; i < items->len; i++)
        dg_check_item(items->items[i]);
}

void dg_check_groups(DgProgram *p)
{
    dg_check_empty(&p->top);
    PtrVec top = {0};
    dg_normalise(&p->top, DG_ITEM_NONOVERLAP, &top);
    vec_free(&p->top);
    p->top = top;
    for (size_t i = 0; i < p->top.len; i++)
        dg_item_mask(p->top.items[i]);
    dg_check_set(&p->top);
}
