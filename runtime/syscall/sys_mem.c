/*
 * Memory system calls: brk(2) and mprotect(2) on the guest address space
 * (runtime/mem), and riscv_flush_icache (arch/riscv/kernel/sys_riscv.c),
 * which drops every translation like fence.i does.
 */
#include <errno.h>

#include "cpu_loop.h"
#include "guest_mem.h"
#include "syscall.h"

int64_t sys_brk(RtThread *t, const uint64_t *a)
{
    (void)t;
    return (int64_t)mem_brk(a[0]);
}

int64_t sys_mprotect(RtThread *t, const uint64_t *a)
{
    (void)t;
    return mem_protect(a[0], a[1], (int)a[2]);
}

int64_t sys_riscv_flush_icache(RtThread *t, const uint64_t *a)
{
    (void)t;
    if (a[2] & ~(uint64_t)1)               /* SYS_RISCV_FLUSH_ICACHE_LOCAL */
        return -EINVAL;
    rt_flush_translations();
    return 0;
}
