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
 * descriptors, the hash table and every registered jump cache.
 */
#ifndef TB_H
#define TB_H

#include <stdbool.h>
#include <stdint.h>

#include "jit.h"
#include "rv_translate.h"

typedef struct TbDesc {
    uint64_t pc;                  /* key: first guest instruction */
    RvTbFlags flags;              /* key: translation-time state */
    uint32_t guest_size;          /* guest bytes covered */
    JitTb jt;                     /* host code, goto_tb slots, pc map */
    struct TbDesc *hash_next;
    struct TbDesc *jmp_dest[2];   /* what each goto_tb slot is linked to */
} TbDesc;

_Static_assert(_Alignof(TbDesc) >= 4, "exit tokens need 2 free low bits");

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

/* Sets up the cache over JIT's code cache. */
void tb_cache_init(Jit *jit);
Jit *tb_jit(void);

/* The descriptor the next TB will use (not visible to lookups until
 * tb_commit; the next tb_alloc returns the same one if it was not
 * committed).  Its address is the TB's exit token. */
TbDesc *tb_alloc(void);
/* Makes TB (filled in: key, jt) visible to lookups. */
void tb_commit(TbDesc *tb);

/* The hash table lookup; NULL on a miss. */
TbDesc *tb_lookup(uint64_t pc, RvTbFlags flags);
/* Jump cache, then the hash table (filling the jump cache); NULL on miss. */
TbDesc *tb_jc_find(TbJumpCache *jc, uint64_t pc, RvTbFlags flags);

/* Registers a thread's jump cache (cleared by every flush). */
void tb_jc_register(TbJumpCache *jc);

/* Drops every TB and all compiled code.  No thread may be running
 * generated code. */
void tb_flush(void);
/* Incremented by every flush: a TbDesc * taken before a flush is stale. */
uint64_t tb_flush_count(void);

/*
 * Execution (tbexec.c).  A thread runs generated code only between
 * tb_exec_enter and tb_exec_leave; tb_safepoint is where it stops while
 * another thread flushes (called by rt_handle_exit_request).
 */
struct RtThread;
void tb_exec_enter(struct RtThread *t);
void tb_exec_leave(struct RtThread *t);
void tb_safepoint(struct RtThread *t);

/*
 * Guest memory changes (tbexec.c for now).
 *   tb_invalidate_range   the guest mapping of [start, end) changed
 *                         (munmap, mmap over it, mprotect): drop its TBs
 *                         and any write-protection rvtcg put there;
 *   tb_prepare_guest_write  the host (a syscall) is about to write guest
 *                         [addr, addr + len): make pages rvtcg write-
 *                         protected for self-modifying-code detection
 *                         writable again, dropping their TBs;
 *   tb_smc_fault          from the host SIGSEGV handler: a write fault at
 *                         HOST_ADDR; true if it hit such a page and was
 *                         handled (the faulting access can simply retry).
 */
void tb_invalidate_range(uint64_t start, uint64_t end);
void tb_prepare_guest_write(uint64_t addr, uint64_t len);
bool tb_smc_fault(uintptr_t host_addr);

/* Patches goto_tb SLOT of FROM to jump to TO's code. */
void tb_link(TbDesc *from, unsigned slot, TbDesc *to);

/* The TB whose code contains host address HPC, or NULL.  Safe in a signal
 * handler (no locks, no allocation). */
TbDesc *tb_find_by_host_pc(uintptr_t hpc);
/* The guest pc of the instruction whose host code contains HPC. */
uint64_t tb_guest_pc(const TbDesc *tb, uintptr_t hpc);

#endif
