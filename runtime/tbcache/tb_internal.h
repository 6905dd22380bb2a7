/*
 * What the files of the TB cache share (tb.h is the public side):
 *   tbcache.c   descriptors, hash table, chaining, TB invalidation, the
 *               mutations of a flush;
 *   jumpcache.c per-thread jump caches and their registry;
 *   tbpage.c    per-page TB lists, write-protection for self-modifying
 *               code, range invalidation;
 *   tbexec.c    the lock, fork handlers, entering/leaving generated code
 *               and the stop-every-thread rendezvous of tb_flush.
 * Everything here is called under tb_lock unless it says otherwise.
 */
#ifndef TB_INTERNAL_H
#define TB_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tb.h"

/* Tagged pointers of the edge and page lists: TB | index (0 or 1). */
static inline TbDesc *tb_tag_tb(uintptr_t e)
{
    return (TbDesc *)(e & ~(uintptr_t)3);
}

static inline unsigned tb_tag_n(uintptr_t e)
{
    return (unsigned)(e & 3);
}

/* The guest page(s) of TB: page[1] == page[0] when it covers one. */
void tb_pages_of(const TbDesc *tb, uint64_t page[2]);

/* tbcache.c: drops TB from lookups, jump caches, chains and page lists
 * (its code stays until the next flush: a thread may still run it). */
void tb_invalidate(TbDesc *tb);
/* tbcache.c: the flush itself, every other thread out of generated code. */
void tb_flush_locked(void);
/* tbexec.c: is the calling thread holding tb_lock? */
bool tb_lock_held(void);

/* jumpcache.c: clears every jump cache entry pointing to TB (all
 * entries when TB is NULL). */
void tb_jc_forget(TbDesc *tb);
/* jumpcache.c: in a fork child, keeps only the caller's jump cache. */
void tb_jc_after_fork(TbJumpCache *self_jc);
void tb_jc_lock(void);
void tb_jc_unlock(void);
void tb_jc_reinit_lock(void);
/* jumpcache.c, under tb_jc_lock: every registered jump cache; each is
 * the jc of a live RtThread (the flush finds the threads through them). */
TbJumpCache **tb_jc_all(size_t *n);
/* tbexec.c: pthread_atfork handlers (tb_cache_init). */
void tb_exec_init(void);

/* tbpage.c: links TB into its pages' lists and write-protects them when
 * the guest may write them; unlinks it (tb_invalidate). */
void tb_pages_add(TbDesc *tb);
void tb_pages_remove(TbDesc *tb);
/* tbpage.c: a flush: every page forgets its TBs and gets the guest's
 * protection back. */
void tb_pages_reset(void);

#endif
