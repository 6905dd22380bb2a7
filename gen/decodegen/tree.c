/*
 * decodegen decision tree.  For a non-overlapping set of items (patterns and
 * { } groups) it switches on the bits that every item fixes and that are
 * not known yet, partitions the items by the value of those bits and
 * recurses; one item left is a leaf.  When the remaining items share no
 * fixed bit (possible without an overlap: a fixes bit 0, b bits 0 and 1,
 * c bit 1 ...), they are tested one after the other, which is still exact
 * because at most one of them can match.  A { } group is a leaf whose
 * members are emitted in order, each with its own remaining checks, so a
 * member that does not match (or whose trans_ returns false) falls through
 * to the next one.  Nothing returns false early: every path that does not
 * return true falls out of the switch statements to the caller's tail.
 */
#include "emit.h"

#include <stdlib.h>

static void dg_tree_set(DgEmit *e, DgLeafFn *leaf, PtrVec *items,
                        uint32_t known);

static void dg_tree_item(DgEmit *e, DgLeafFn *leaf, const DgItem *it,
                         uint32_t known)
{
    uint32_t check = it->mask & ~known;
    if (check)
        dg_emit(e, "if ((insn & %s) == %s) {", dg_hex(e, check),
                dg_hex(e, it->bits & check));
    else
        dg_emit(e, "{");
    e->indent++;
    if (it->kind == DG_ITEM_PATTERN) {
        dg_emit(e, "/* %s:%d */", repo_relative(it->pat->loc.file),
                it->pat->loc.line);
        leaf(e, it->pat);
    } else {
        for (size_t i = 0; i < it->items.len; i++) {
            const DgItem *m = it->items.items[i];
            if (m->kind == DG_ITEM_NONOVERLAP)
                dg_tree_set(e, leaf, (PtrVec *)&m->items, known | check);
            else
                dg_tree_item(e, leaf, m, known | check);
        }
    }
    e->indent--;
    dg_emit(e, "}");
}

static void dg_tree_set(DgEmit *e, DgLeafFn *leaf, PtrVec *items,
                        uint32_t known)
{
    if (items->len == 1) {
        dg_tree_item(e, leaf, items->items[0], known);
        return;
    }
    uint32_t common = e->prog->insnmask & ~known;
    for (size_t i = 0; i < items->len; i++)
        common &= ((DgItem *)items->items[i])->mask;
    if (!common) {
        for (size_t i = 0; i < items->len; i++)
            dg_tree_item(e, leaf, items->items[i], known);
        return;
    }

    /* Partition by the value of the common bits, in order of appearance. */
    size_t n = items->len, nparts = 0;
    uint32_t *keys = xcalloc(n, sizeof(*keys));
    PtrVec *parts = xcalloc(n, sizeof(*parts));
    for (size_t i = 0; i < n; i++) {
        DgItem *it = items->items[i];
        uint32_t key = it->bits & common;
        size_t k;
        for (k = 0; k < nparts && keys[k] != key; k++)
            ;
        if (k == nparts)
            keys[nparts++] = key;
        vec_push(&parts[k], it);
    }

    if (nparts == 1) {
        dg_emit(e, "if ((insn & %s) == %s) {", dg_hex(e, common),
                dg_hex(e, keys[0]));
        e->indent++;
        dg_tree_set(e, leaf, &parts[0], known | common);
        e->indent--;
        dg_emit(e, "}");
    } else {
        dg_emit(e, "switch (insn & %s) {", dg_hex(e, common));
        for (size_t k = 0; k < nparts; k++) {
            dg_emit(e, "case %s:", dg_hex(e, keys[k]));
            e->indent++;
            dg_tree_set(e, leaf, &parts[k], known | common);
            dg_emit(e, "break;");
            e->indent--;
        }
        dg_emit(e, "}");
    }
    for (size_t k = 0; k < n; k++)
        vec_free(&parts[k]);
    free(parts);
    free(keys);
}

void dg_emit_tree(DgEmit *e, DgLeafFn *leaf)
{
    PtrVec *top = (PtrVec *)&e->prog->top;
    if (top->len)
        dg_tree_set(e, leaf, top, 0);
}
