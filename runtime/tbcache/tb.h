/*
 * Translation blocks (TBs) and the TB cache (docs/runtime.md, "TB cache").
 *
 * A TbDesc describes one compiled block: its key (guest pc + RvTbFlags),
 * the host code (JitTb) and its hash-chain link.  Descriptors live in a
 * pool of fixed chunks (stable addresses: a descriptor's address is the
 * exit_tb token of its code, rv_cpu.h), allocated in the same order as the
 * code in the code cache, so a host pc maps back to its TB by binary
 * search.  Lookups go through a per-thread direct-mapped jump cache, then a
 * global hash table.  tb_flush() drops everything: the code cache, the
 * descriptors, the hash table and every registered jump cache; single TBs
 * are invalidated (self-modifying code, unmapped code) by unlinking them
 * everywhere and poisoning their key, their memory stays until a flush.
 */
#ifndef TB_H
#define TB_H

#include <stdbool.h>
#include <stdint.h>

#include "jit.h"
#include "rv_translate.h"

typedef struct TbDesc {
    uint64_t pc;                  /* key: first guest instruction */
    RvTbFlags flags;              /* key: translation-time state; frm
                                     TB_FRM_INVALID never matches */
    uint8_t invalid;              /* dropped (SMC, unmap): under the lock */
    uint32_t guest_size;          /* guest bytes covered */
    JitTb jt;                     /* host code, goto_tb slots, pc map */
    struct TbDesc *hash_next;
    struct TbDesc *jmp_dest[2];   /* what each goto_tb slot is linked to */
    /* incoming chained jumps: a list of (TB | slot) through the source's
     * jmp_in_next[slot] (tbcache.c) */
    uintptr_t jmp_in;
    uintptr_t jmp_in_next[2];
    /* the TB lists of the (at most two) guest pages it covers: (TB | n)
     * through page_next[n] (tbpage.c) */
    uintptr_t page_next[2];
} TbDesc;

_Static_assert(_Alignof(TbDesc) >= 4, "exit tokens need 2 free low bits");

/* A key no lookup asks for: frm is 0..7 (rv_fcsr.h). */
#define TB_FRM_INVALID 0xff
#define TB_PC_INVALID UINT64_MAX

#define TB_JC_BITS 12
#define TB_JC_SIZE (1u << TB_JC_BITS)

/* Per-thread direct-mapped cache: pc -> TB (checked against the key). */
typedef struct TbJumpCache {
    TbDesc *e[TB_JC_SIZE];
} TbJumpCache;

static inline unsigned tb_jc_index(uint64_t pc)
{
    return (unsigned)((pc >> 1) ^ (pc >> (1 + TB_JC_BITS))) & (TB_JC_SIZE - 1);
}

static inline bool tb_flags_eq(RvTbFlags a, RvTbFlags b)
{
    return a.frm == b.frm;
}

/*
 * Does TB (found without the lock: a jump cache entry may be stale) have
 * key (PC, FLAGS)?  A translator writes the key last (flags, then pc with
 * release) and a descriptor being reused first gets TB_PC_INVALID, so pc
 * is read again after flags: a match means the rest of TB is complete.
 */
static inline bool tb_key_matches(const TbDesc *tb, uint64_t pc,
                                  RvTbFlags flags)
{
    return __atomic_load_n(&tb->pc, __ATOMIC_ACQUIRE) == pc &&
           __atomic_load_n(&tb->flags.frm, __ATOMIC_ACQUIRE) == flags.frm &&
           __atomic_load_n(&tb->pc, __ATOMIC_ACQUIRE) == pc;
}

/*
 * Threads (docs/runtime.md, "TB cache"): lookups (tb_lookup, tb_jc_find,
 * so rt_lookup_hook from generated code) take no lock; translation and
 * every change (tb_alloc/tb_commit, tb_link, invalidation, flush) happen
 * under one recursive mutex, tb_lock.  Nothing a lock-free reader may hold
 * is freed except by tb_flush, which first waits until every other thread
 * is out of generated code and, for lookups made outside generated code,
 * changes tb_flush_count(): a TbDesc * found before is stale (the loop
 * checks the count again once inside tb_exec_enter).
 */
void tb_lock(void);
void tb_unlock(void);

/* Sets up the cache over JIT's code cache. */
void tb_cache_init(Jit *jit);
Jit *tb_jit(void);

/* Under tb_lock.  The descriptor the next TB will use (not visible to
 * lookups until tb_commit; the next tb_alloc returns the same one if it
 * was not committed).  Its address is the TB's exit token. */
TbDesc *tb_alloc(void);
/* Under tb_lock.  Makes TB (filled in: jt, guest_size; key PC, FLAGS)
 * visible to lookups and write-protects its guest pages if the guest may
 * write them (self-modifying code detection, tbpage.c). */
void tb_commit(TbDesc *tb, uint64_t pc, RvTbFlags flags);

/* The hash table lookup; NULL on a miss. */
TbDesc *tb_lookup(uint64_t pc, RvTbFlags flags);
/* Jump cache, then the hash table (filling the jump cache); NULL on miss. */
TbDesc *tb_jc_find(TbJumpCache *jc, uint64_t pc, RvTbFlags flags);

/* A thread's jump cache, cleared by flushes and invalidations from
 * tb_jc_register until tb_jc_unregister (at thread exit, before the
 * memory is freed).  Neither may be called under rt_threads_lock. */
void tb_jc_register(TbJumpCache *jc);
void tb_jc_unregister(TbJumpCache *jc);

/* Drops every TB and all compiled code: stops every other thread outside
 * generated code first (tbexec.c).  The caller is not in generated code;
 * it may hold tb_lock (the translator does), no other lock. */
void tb_flush(void);
/* Changed by every flush (odd while one runs): a TbDesc * found when the
 * count was different is stale. */
uint64_t tb_flush_count(void);

/*
 * Execution (tbexec.c).  A thread runs generated code only between
 * tb_exec_enter and tb_exec_leave (enter waits while a flush runs);
 * tb_safepoint, called by rt_handle_exit_request, applies pending
 * self-modifying-code invalidations.  Neither holds a lock while waiting.
 */
struct RtThread;
void tb_exec_enter(struct RtThread *t);
void tb_exec_leave(struct RtThread *t);
void tb_safepoint(struct RtThread *t);

/*
 * Guest memory changes (tbpage.c).
 *   tb_invalidate_range   the guest mapping of [start, end) is about to
 *                         change (munmap, mmap over it, mprotect): drop
 *                         its TBs and forget rvtcg's write-protection there
 *                         (the caller sets the new host protection);
 *   tb_prepare_guest_write  the host (a syscall) is about to write guest
 *                         [addr, addr + len): make pages rvtcg write-
 *                         protected for self-modifying-code detection
 *                         writable again, dropping their TBs;
 *   tb_smc_fault          from the host SIGSEGV handler: a write fault at
 *                         HOST_ADDR; true if it hit such a page and was
 *                         handled (the faulting access can simply retry).
 *                         Lock-free and async-signal-safe: the page's TBs
 *                         are dropped at the thread's next TB boundary
 *                         (it kicks itself), or by any fence.i;
 *   tb_icache_sync        fence.i / riscv_flush_icache: apply pending
 *                         invalidations, drop the TBs of every page the
 *                         guest may write, and those overlapping
 *                         [start, end) (nothing more when start >= end).
 */
void tb_invalidate_range(uint64_t start, uint64_t end);
void tb_prepare_guest_write(uint64_t addr, uint64_t len);
bool tb_smc_fault(uintptr_t host_addr);
void tb_icache_sync(uint64_t start, uint64_t end);

/* Patches goto_tb SLOT of FROM to jump to TO's code, unless a flush
 * happened since both were found (GEN: tb_flush_count() then) or either
 * has been invalidated.  Takes tb_lock. */
void tb_link(TbDesc *from, unsigned slot, TbDesc *to, uint64_t gen);

/* The TB whose code contains host address HPC, or NULL.  Safe in a signal
 * handler (no locks, no allocation). */
TbDesc *tb_find_by_host_pc(uintptr_t hpc);
/* The guest pc of the instruction whose host code contains HPC. */
uint64_t tb_guest_pc(const TbDesc *tb, uintptr_t hpc);

#endif
