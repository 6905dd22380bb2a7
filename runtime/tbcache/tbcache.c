/*
 * The TB cache (tb.h): descriptor pool, hash table, chaining, invalidation
 * of single TBs, the mutations of a flush, and the host-pc -> TB search
 * used by the fault handler.
 *
 * Readers take no lock (tb.h), so every mutation here keeps what they may
 * be looking at valid:
 *   - descriptors live in chunks that are never freed; the chunk table has
 *     a fixed size (no realloc under a reader);
 *   - a hash table replaced by a bigger one is never freed (the sizes
 *     grow geometrically: the old ones together are smaller than the new);
 *   - a hash chain only ever points from a TB to one committed before it
 *     (insertion at the head, rehash in pool order, removal by skipping),
 *     so a reader racing with a rehash or a removal cannot loop; it may
 *     miss a TB, which the translator's lookup under the lock then finds;
 *   - keys are written last and poisoned (TB_FRM_INVALID) on invalidation
 *     and flush, so a stale jump-cache entry never matches.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "tb_internal.h"

#define TB_CHUNK 4096u             /* descriptors per pool chunk */
#define TB_MAX_CHUNKS 65536u       /* 2^28 descriptors */
#define TB_HASH_MIN_BITS 12

typedef struct TbHash {
    unsigned bits;
    TbDesc *b[];
} TbHash;

static Jit *jit;

static TbDesc *chunks[TB_MAX_CHUNKS];  /* chunks[i]: TB_CHUNK descriptors */
static size_t nb_chunks;
static size_t nb_tbs;              /* committed descriptors */

static TbHash *hash;

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        fputs("rvtcg: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static inline TbDesc *tb_at(size_t i)
{
    return &chunks[i / TB_CHUNK][i % TB_CHUNK];
}

static inline size_t hash_of(unsigned bits, uint64_t pc, RvTbFlags f)
{
    uint64_t h = (pc ^ ((uint64_t)f.frm << 59)) * 0x9e3779b97f4a7c15ull;
    return (size_t)(h >> (64 - bits));
}

static TbHash *hash_new(unsigned bits)
{
    TbHash *h = xcalloc(1, sizeof *h + ((size_t)1 << bits) * sizeof(TbDesc *));
    h->bits = bits;
    return h;
}

void tb_cache_init(Jit *j)
{
    jit = j;
    hash = hash_new(TB_HASH_MIN_BITS);
    tb_exec_init();
}

Jit *tb_jit(void)
{
    return jit;
}

TbDesc *tb_alloc(void)
{
    size_t c = nb_tbs / TB_CHUNK;
    if (c == nb_chunks) {
        if (nb_chunks == TB_MAX_CHUNKS) {
            fputs("rvtcg: too many translation blocks\n", stderr);
            exit(1);
        }
        TbDesc *chunk = xcalloc(TB_CHUNK, sizeof(TbDesc));
        for (unsigned i = 0; i < TB_CHUNK; i++) {
            chunk[i].pc = TB_PC_INVALID;
            chunk[i].flags.frm = TB_FRM_INVALID;
        }
        __atomic_store_n(&chunks[nb_chunks], chunk, __ATOMIC_RELEASE);
        nb_chunks++;
    }
    TbDesc *tb = tb_at(nb_tbs);
    /* a stale jump cache entry may point here: poison the key before
     * anything else changes (tb_key_matches) */
    __atomic_store_n(&tb->pc, TB_PC_INVALID, __ATOMIC_RELEASE);
    __atomic_store_n(&tb->flags.frm, TB_FRM_INVALID, __ATOMIC_RELEASE);
    tb->invalid = 0;
    tb->guest_size = 0;
    memset(&tb->jt, 0, sizeof tb->jt);
    tb->hash_next = NULL;
    tb->jmp_dest[0] = tb->jmp_dest[1] = NULL;
    tb->jmp_in = 0;
    tb->jmp_in_next[0] = tb->jmp_in_next[1] = 0;
    tb->page_next[0] = tb->page_next[1] = 0;
    return tb;
}

static void hash_insert(TbHash *h, TbDesc *tb)
{
    TbDesc **head = &h->b[hash_of(h->bits, tb->pc, tb->flags)];
    tb->hash_next = *head;
    __atomic_store_n(head, tb, __ATOMIC_RELEASE);
}

static void rehash(unsigned bits)
{
    /* the old table stays allocated: readers may be walking it */
    TbHash *h = hash_new(bits);
    for (size_t i = 0; i < nb_tbs; i++) {
        TbDesc *tb = tb_at(i);
        if (!tb->invalid)
            hash_insert(h, tb);
    }
    __atomic_store_n(&hash, h, __ATOMIC_RELEASE);
}

void tb_commit(TbDesc *tb, uint64_t pc, RvTbFlags flags)
{
    /* the descriptor tb_alloc handed out: pool order == code order */
    if (tb != tb_at(nb_tbs)) {
        fputs("rvtcg: internal error: TB committed out of order\n", stderr);
        abort();
    }
    /* the key last, pc after flags (tb_key_matches) */
    __atomic_store_n(&tb->flags.frm, flags.frm, __ATOMIC_RELEASE);
    __atomic_store_n(&tb->pc, pc, __ATOMIC_RELEASE);
    __atomic_store_n(&nb_tbs, nb_tbs + 1, __ATOMIC_RELEASE);
    if (nb_tbs > ((size_t)2 << hash->bits))
        rehash(hash->bits + 2);       /* includes tb */
    else
        hash_insert(hash, tb);
    tb_pages_add(tb);
    RT_STAT_INC(tb_translated);
    RT_STAT_ADD(guest_insns, tb->jt.nb_insns);
}

TbDesc *tb_lookup(uint64_t pc, RvTbFlags flags)
{
    TbHash *h = __atomic_load_n(&hash, __ATOMIC_ACQUIRE);
    TbDesc *tb = __atomic_load_n(&h->b[hash_of(h->bits, pc, flags)],
                                 __ATOMIC_ACQUIRE);
    for (; tb; tb = __atomic_load_n(&tb->hash_next, __ATOMIC_ACQUIRE))
        if (tb_key_matches(tb, pc, flags))
            return tb;
    return NULL;
}

/* ---- chaining: goto_tb slots and the incoming-edge lists ---- */

static void edge_remove(TbDesc *to, TbDesc *from, unsigned slot)
{
    uintptr_t want = (uintptr_t)from | slot;
    uintptr_t *p = &to->jmp_in;
    while (*p) {
        if (*p == want) {
            *p = from->jmp_in_next[slot];
            from->jmp_in_next[slot] = 0;
            return;
        }
        p = &tb_tag_tb(*p)->jmp_in_next[tb_tag_n(*p)];
    }
}

void tb_link(TbDesc *from, unsigned slot, TbDesc *to, uint64_t gen)
{
    if (from->jt.jmp_insn[slot] == JIT_NO_JMP ||
        __atomic_load_n(&from->jmp_dest[slot], __ATOMIC_ACQUIRE) == to)
        return;
    tb_lock();
    if (gen == tb_flush_count() && !from->invalid && !to->invalid &&
        !from->jmp_dest[slot]) {
        jit_tb_link(jit, &from->jt, slot, to->jt.code);
        __atomic_store_n(&from->jmp_dest[slot], to, __ATOMIC_RELEASE);
        from->jmp_in_next[slot] = to->jmp_in;
        to->jmp_in = (uintptr_t)from | slot;
        RT_STAT_INC(chain_links);
    }
    tb_unlock();
}

void tb_invalidate(TbDesc *tb)
{
    if (tb->invalid)
        return;
    tb->invalid = 1;
    RT_STAT_INC(tb_invalidated);
    RvTbFlags key = tb->flags;
    /* unmatchable from now on (jump caches, lookups racing with us) */
    __atomic_store_n(&tb->flags.frm, TB_FRM_INVALID, __ATOMIC_RELEASE);

    TbHash *h = hash;
    TbDesc **p = &h->b[hash_of(h->bits, tb->pc, key)];
    while (*p && *p != tb)
        p = &(*p)->hash_next;
    if (*p)
        __atomic_store_n(p, tb->hash_next, __ATOMIC_RELEASE);

    tb_jc_forget(tb);

    /* chained jumps into tb go back to their exits (to the loop) */
    for (uintptr_t e = tb->jmp_in; e; ) {
        TbDesc *from = tb_tag_tb(e);
        unsigned slot = tb_tag_n(e);
        e = from->jmp_in_next[slot];
        jit_tb_unlink(jit, &from->jt, slot);
        __atomic_store_n(&from->jmp_dest[slot], NULL, __ATOMIC_RELEASE);
        from->jmp_in_next[slot] = 0;
    }
    tb->jmp_in = 0;
    /* and its own: nothing will be linked to it again */
    for (unsigned slot = 0; slot < 2; slot++) {
        TbDesc *to = tb->jmp_dest[slot];
        if (!to)
            continue;
        edge_remove(to, tb, slot);
        jit_tb_unlink(jit, &tb->jt, slot);
        __atomic_store_n(&tb->jmp_dest[slot], NULL, __ATOMIC_RELEASE);
    }
    tb_pages_remove(tb);
}

/* ---- flush ---- */

void tb_flush_locked(void)
{
    size_t n = nb_tbs;
    for (size_t i = 0; i < n; i++) {
        TbDesc *tb = tb_at(i);
        __atomic_store_n(&tb->flags.frm, TB_FRM_INVALID, __ATOMIC_RELEASE);
        jit_tb_free(&tb->jt);
    }
    __atomic_store_n(&nb_tbs, 0, __ATOMIC_RELEASE);
    TbHash *h = hash;
    memset(h->b, 0, ((size_t)1 << h->bits) * sizeof *h->b);
    tb_jc_forget(NULL);
    tb_pages_reset();
    jit_flush(jit);
    RT_STAT_INC(flushes);
}

/* ---- host pc -> TB (signal handlers: no locks, no allocation) ---- */

TbDesc *tb_find_by_host_pc(uintptr_t hpc)
{
    /* find the last code <= hpc; only a thread in generated code asks,
     * so no flush runs meanwhile */
    size_t lo = 0, hi = __atomic_load_n(&nb_tbs, __ATOMIC_ACQUIRE);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)tb_at(mid)->jt.code <= hpc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    TbDesc *tb = tb_at(lo - 1);
    return hpc < (uintptr_t)tb->jt.code + tb->jt.size ? tb : NULL;
}

uint64_t tb_guest_pc(const TbDesc *tb, uintptr_t hpc)
{
    uint32_t off = (uint32_t)(hpc - (uintptr_t)tb->jt.code);
    uint64_t pc = tb->jt.nb_insns ? tb->jt.pc_map[0].guest_pc : tb->pc;
    for (uint32_t i = 0; i < tb->jt.nb_insns; i++) {
        if (tb->jt.pc_map[i].host_off > off)
            break;
        pc = tb->jt.pc_map[i].guest_pc;
    }
    return pc;
}
