/*
 * Memory system calls on the guest address space (runtime/mem): brk,
 * mmap, munmap, mremap, mprotect, madvise (mem/mmap.c does the work),
 * msync, mincore, mlock, mlock2, munlock, mlockall, munlockall (checked
 * here, then done by the host on the guest's pages), and
 * riscv_flush_icache (arch/riscv/kernel/sys_riscv.c), which makes code
 * stores visible like fence.i and drops the translations of its range.
 */
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cpu_loop.h"
#include "guest_mem.h"
#include "sys_gbuf.h"
#include "syscall.h"
#include "tb.h"

int64_t sys_brk(RtThread *t, const uint64_t *a)
{
    (void)t;
    return (int64_t)mem_brk(a[0]);
}

int64_t sys_mmap(RtThread *t, const uint64_t *a)
{
    (void)t;
    return mem_mmap(a[0], a[1], (int)a[2], (int)a[3], (int)a[4], a[5]);
}

int64_t sys_munmap(RtThread *t, const uint64_t *a)
{
    (void)t;
    return mem_munmap(a[0], a[1]);
}

int64_t sys_mremap(RtThread *t, const uint64_t *a)
{
    (void)t;
    return mem_mremap(a[0], a[1], a[2], (int)a[3], a[4]);
}

int64_t sys_mprotect(RtThread *t, const uint64_t *a)
{
    (void)t;
    return mem_protect(a[0], a[1], (int)a[2]);
}

int64_t sys_madvise(RtThread *t, const uint64_t *a)
{
    (void)t;
    return mem_madvise(a[0], a[1], (int)a[2]);
}

/* The page range of [addr, addr + len) for msync/mincore/mlock: 0, or
 * -EINVAL (unaligned where ALIGNED asks), -ENOMEM (wraps or unmapped). */
static int page_range(uint64_t addr, uint64_t len, bool aligned,
                      uint64_t *start, uint64_t *end)
{
    if (aligned && (addr & MEM_PAGE_MASK))
        return -EINVAL;
    *start = mem_page_down(addr);
    *end = mem_page_up(addr + len);
    if (addr + len < addr || (len && *end <= *start))
        return -ENOMEM;
    if (*end > *start && !mem_check(*start, *end - *start, 0))
        return -ENOMEM;
    return 0;
}

int64_t sys_msync(RtThread *t, const uint64_t *a)
{
    /* msync(2): EINVAL for an unaligned address or bad flags, ENOMEM for
     * unmapped pages */
    (void)t;
    int flags = (int)a[2];
    if ((flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) ||
        ((flags & MS_ASYNC) && (flags & MS_SYNC)))
        return -EINVAL;
    uint64_t s, e;
    int r = page_range(a[0], a[1], true, &s, &e);
    if (r < 0)
        return r;
    return sys_host_ret(msync(g2h(s), e - s, flags));
}

int64_t sys_mincore(RtThread *t, const uint64_t *a)
{
    /* mincore(2): EINVAL for an unaligned address, ENOMEM for unmapped
     * pages, EFAULT for a bad vector (one byte per page) */
    (void)t;
    uint64_t s, e;
    int r = page_range(a[0], a[1], true, &s, &e);
    if (r < 0)
        return r;
    uint64_t pages = (e - s) / MEM_PAGE_SIZE;
    r = mem_prepare_write(a[2], pages);
    if (r < 0)
        return r;
    return sys_host_ret(mincore(g2h(s), e - s, g2h(a[2])));
}

int64_t sys_mlock(RtThread *t, const uint64_t *a)
{
    (void)t;
    uint64_t s, e;
    int r = page_range(a[0], a[1], false, &s, &e);
    if (r < 0)
        return r;
    return sys_host_ret(mlock(g2h(s), e - s));
}

int64_t sys_mlock2(RtThread *t, const uint64_t *a)
{
    (void)t;
    uint64_t s, e;
    int r = page_range(a[0], a[1], false, &s, &e);
    if (r < 0)
        return r;
    return sys_host_ret((int)syscall(SYS_mlock2, g2h(s), e - s, (unsigned)a[2]));
}

int64_t sys_munlock(RtThread *t, const uint64_t *a)
{
    (void)t;
    uint64_t s, e;
    int r = page_range(a[0], a[1], false, &s, &e);
    if (r < 0)
        return r;
    return sys_host_ret(munlock(g2h(s), e - s));
}

/* mlockall/munlockall act on the whole host process (rvtcg's own memory
 * too; the PROT_NONE reservation is never populated). */
int64_t sys_mlockall(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(mlockall((int)a[0]));
}

int64_t sys_munlockall(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return sys_host_ret(munlockall());
}

int64_t sys_riscv_flush_icache(RtThread *t, const uint64_t *a)
{
    (void)t;
    if (a[2] & ~(uint64_t)1)               /* SYS_RISCV_FLUSH_ICACHE_LOCAL */
        return -EINVAL;
    tb_icache_sync(a[0], a[1]);    /* the range, and every pending drop */
    return 0;
}
