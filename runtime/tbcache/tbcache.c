/*
 * The TB cache (tb.h): descriptor pool, hash table, flush, chaining and the
 * host-pc -> TB search used by the fault handler.
 *
 * Single translator: every mutator runs in the execution loop, outside
 * generated code (the thread issue adds the lock and the "all threads out
 * of generated code" rendezvous for tb_flush).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "tb.h"

#define TB_CHUNK 4096u             /* descriptors per pool chunk */
#define TB_HASH_MIN_BITS 12
#define TB_MAX_JCS 64

static Jit *jit;

static TbDesc **chunks;            /* chunks[i] holds TB_CHUNK descriptors */
static size_t nb_chunks, cap_chunks;
static size_t nb_tbs;              /* committed descriptors */

static TbDesc **buckets;
static unsigned hash_bits;

static TbJumpCache *jcs[TB_MAX_JCS];
static unsigned nb_jcs;

static uint64_t flushes;

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

static inline size_t hash_of(uint64_t pc, RvTbFlags f)
{
    uint64_t h = (pc ^ ((uint64_t)f.frm << 59)) * 0x9e3779b97f4a7c15ull;
    return (size_t)(h >> (64 - hash_bits));
}

void tb_cache_init(Jit *j)
{
    jit = j;
    hash_bits = TB_HASH_MIN_BITS;
    buckets = xcalloc((size_t)1 << hash_bits, sizeof *buckets);
}

Jit *tb_jit(void)
{
    return jit;
}

TbDesc *tb_alloc(void)
{
    size_t c = nb_tbs / TB_CHUNK;
    if (c == nb_chunks) {
        if (nb_chunks == cap_chunks) {
            cap_chunks = cap_chunks ? 2 * cap_chunks : 16;
            chunks = realloc(chunks, cap_chunks * sizeof *chunks);
            if (!chunks) {
                fputs("rvtcg: out of memory\n", stderr);
                exit(1);
            }
        }
        chunks[nb_chunks++] = xcalloc(TB_CHUNK, sizeof(TbDesc));
    }
    TbDesc *tb = tb_at(nb_tbs);
    memset(tb, 0, sizeof *tb);
    return tb;
}

static void rehash(unsigned bits)
{
    free(buckets);
    hash_bits = bits;
    buckets = xcalloc((size_t)1 << bits, sizeof *buckets);
    for (size_t i = 0; i < nb_tbs; i++) {
        TbDesc *tb = tb_at(i);
        size_t h = hash_of(tb->pc, tb->flags);
        tb->hash_next = buckets[h];
        buckets[h] = tb;
    }
}

void tb_commit(TbDesc *tb)
{
    /* the descriptor tb_alloc handed out: pool order == code order */
    if (tb != tb_at(nb_tbs)) {
        fputs("rvtcg: internal error: TB committed out of order\n", stderr);
        abort();
    }
    nb_tbs++;
    if (nb_tbs > ((size_t)2 << hash_bits))
        rehash(hash_bits + 2);       /* includes tb */
    else {
        size_t h = hash_of(tb->pc, tb->flags);
        tb->hash_next = buckets[h];
        buckets[h] = tb;
    }
    RT_STAT_INC(tb_translated);
    RT_STAT_ADD(guest_insns, tb->jt.nb_insns);
}

TbDesc *tb_lookup(uint64_t pc, RvTbFlags flags)
{
    for (TbDesc *tb = buckets[hash_of(pc, flags)]; tb; tb = tb->hash_next)
        if (tb->pc == pc && tb_flags_eq(tb->flags, flags))
            return tb;
    return NULL;
}

void tb_jc_register(TbJumpCache *jc)
{
    if (nb_jcs == TB_MAX_JCS) {
        fputs("rvtcg: too many threads\n", stderr);
        exit(1);
    }
    memset(jc, 0, sizeof *jc);
    jcs[nb_jcs++] = jc;
}

void tb_flush(void)
{
    for (size_t i = 0; i < nb_tbs; i++)
        jit_tb_free(&tb_at(i)->jt);
    nb_tbs = 0;
    memset(buckets, 0, ((size_t)1 << hash_bits) * sizeof *buckets);
    for (unsigned i = 0; i < nb_jcs; i++)
        memset(jcs[i], 0, sizeof *jcs[i]);
    jit_flush(jit);
    flushes++;
    RT_STAT_INC(flushes);
}

uint64_t tb_flush_count(void)
{
    return flushes;
}

void tb_link(TbDesc *from, unsigned slot, TbDesc *to)
{
    if (from->jt.jmp_insn[slot] == JIT_NO_JMP || from->jmp_dest[slot] == to)
        return;
    jit_tb_link(jit, &from->jt, slot, to->jt.code);
    from->jmp_dest[slot] = to;
    RT_STAT_INC(chain_links);
}

TbDesc *tb_find_by_host_pc(uintptr_t hpc)
{
    size_t lo = 0, hi = nb_tbs;          /* find the last code <= hpc */
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
    uint64_t pc = tb->pc;
    for (uint32_t i = 0; i < tb->jt.nb_insns; i++) {
        if (tb->jt.pc_map[i].host_off > off)
            break;
        pc = tb->jt.pc_map[i].guest_pc;
    }
    return pc;
}
