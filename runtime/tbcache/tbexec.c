/*
 * Threads entering and leaving generated code (tb.h, "Execution"): the
 * bookkeeping that lets a flush wait until no thread runs code it is
 * about to drop.  Single-threaded placeholder: marks T as inside.
 */
#include "rt_thread.h"
#include "tb.h"

void tb_exec_enter(RtThread *t)
{
    __atomic_store_n(&t->in_gen, 1, __ATOMIC_SEQ_CST);
}

void tb_exec_leave(RtThread *t)
{
    __atomic_store_n(&t->in_gen, 0, __ATOMIC_SEQ_CST);
}

void tb_safepoint(RtThread *t)
{
    (void)t;
}

void tb_invalidate_range(uint64_t start, uint64_t end)
{
    (void)start, (void)end;
}

void tb_prepare_guest_write(uint64_t addr, uint64_t len)
{
    (void)addr, (void)len;
}

bool tb_smc_fault(uintptr_t host_addr)
{
    (void)host_addr;
    return false;
}
