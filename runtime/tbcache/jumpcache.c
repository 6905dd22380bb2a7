/*
 * The per-thread jump cache (tb.h): a direct-mapped array indexed by a
 * hash of the guest pc, consulted before the global hash table by the
 * execution loop and by lookup_tb in generated code (indirect jumps).
 * An entry is only a hint: its key is checked on every hit.
 */
#include <stddef.h>

#include "stats.h"
#include "tb.h"

TbDesc *tb_jc_find(TbJumpCache *jc, uint64_t pc, RvTbFlags flags)
{
    unsigned i = tb_jc_index(pc);
    TbDesc *tb = jc->e[i];
    if (tb && tb->pc == pc && tb_flags_eq(tb->flags, flags))
        return tb;
    RT_STAT_INC(jc_misses);
    tb = tb_lookup(pc, flags);
    if (!tb) {
        RT_STAT_INC(hash_misses);
        return NULL;
    }
    jc->e[i] = tb;
    return tb;
}
