/*
 * Guest page bookkeeping (guest_mem.h): a sorted array of disjoint
 * [start, end) regions with their guest protection, split and merged as
 * the loader, brk and mprotect(2) change them.  Lookups are a binary
 * search; the array stays short (a few regions per loaded segment, brk,
 * the stack).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "guest_mem.h"
#include "tb.h"

uintptr_t guest_base;

typedef struct MemRegion {
    uint64_t start, end;
    int prot;
} MemRegion;

static MemRegion *regions;
static size_t nb_regions, cap_regions;

int mem_host_prot(int guest_prot)
{
    int p = guest_prot & (PROT_READ | PROT_WRITE);
    if (guest_prot & PROT_EXEC)
        p |= PROT_READ;
    return p;
}

static void insert_at(size_t i, MemRegion r)
{
    if (nb_regions == cap_regions) {
        cap_regions = cap_regions ? 2 * cap_regions : 16;
        regions = realloc(regions, cap_regions * sizeof *regions);
        if (!regions) {
            fputs("rvtcg: out of memory\n", stderr);
            exit(1);
        }
    }
    memmove(&regions[i + 1], &regions[i], (nb_regions - i) * sizeof *regions);
    regions[i] = r;
    nb_regions++;
}

static void remove_at(size_t i)
{
    memmove(&regions[i], &regions[i + 1],
            (nb_regions - i - 1) * sizeof *regions);
    nb_regions--;
}

/* Index of the first region whose end is above addr. */
static size_t first_ending_after(uint64_t addr)
{
    size_t lo = 0, hi = nb_regions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (regions[mid].end <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void mem_note(uint64_t start, uint64_t end, int prot)
{
    if (start >= end)
        return;
    size_t i = first_ending_after(start);
    /* cut away everything overlapping [start, end) */
    while (i < nb_regions && regions[i].start < end) {
        MemRegion r = regions[i];
        if (r.start < start && r.end > end) {           /* split in two */
            regions[i].end = start;
            insert_at(i + 1, (MemRegion){ end, r.end, r.prot });
            i++;
            break;
        }
        if (r.start < start) {                          /* keep the head */
            regions[i].end = start;
            i++;
        } else if (r.end > end) {                       /* keep the tail */
            regions[i].start = end;
            break;
        } else {
            remove_at(i);
        }
    }
    if (prot < 0)
        return;
    insert_at(i, (MemRegion){ start, end, prot });
    /* merge with equal neighbours */
    if (i + 1 < nb_regions && regions[i + 1].start == end &&
        regions[i + 1].prot == prot) {
        regions[i].end = regions[i + 1].end;
        remove_at(i + 1);
    }
    if (i > 0 && regions[i - 1].end == start && regions[i - 1].prot == prot) {
        regions[i - 1].end = regions[i].end;
        remove_at(i);
    }
}

bool mem_check(uint64_t addr, uint64_t len, int prot)
{
    if (len == 0)
        return true;
    uint64_t end = addr + len;
    if (end < addr)
        return false;
    size_t i = first_ending_after(addr);
    while (addr < end) {
        if (i >= nb_regions || regions[i].start > addr ||
            (regions[i].prot & prot) != prot)
            return false;
        addr = regions[i].end;
        i++;
    }
    return true;
}

bool mem_can_fetch(void *opaque, uint64_t pc, unsigned len)
{
    (void)opaque;
    return mem_check(pc, len, PROT_EXEC);
}

int mem_protect(uint64_t start, uint64_t len, int prot)
{
    /* mprotect(2): EINVAL for an unaligned addr or unknown prot bits,
     * ENOMEM when the range is not entirely mapped */
    if (start & MEM_PAGE_MASK)
        return -EINVAL;
    if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
        return -EINVAL;
    if (len == 0)
        return 0;
    uint64_t end = mem_page_up(start + len);
    if (end <= start)
        return -ENOMEM;
    if (!mem_check(start, end - start, 0))
        return -ENOMEM;
    if (mprotect(g2h(start), end - start, mem_host_prot(prot)) != 0)
        return -errno;
    mem_note(start, end, prot);
    return 0;
}

bool mem_read_ok(uint64_t addr, uint64_t len)
{
    return len == 0 || mem_check(addr, len, PROT_READ);
}

int mem_prepare_write(uint64_t addr, uint64_t len)
{
    if (len == 0)
        return 0;
    if (!mem_check(addr, len, PROT_WRITE))
        return -EFAULT;
    tb_prepare_guest_write(addr, len);
    return 0;
}

int64_t mem_strlen(uint64_t addr, uint64_t max)
{
    for (uint64_t n = 0; n <= max; n++) {
        if (!mem_check(addr + n, 1, PROT_READ))
            return -EFAULT;
        if (!*(const char *)g2h(addr + n))
            return (int64_t)n;
    }
    return -ENAMETOOLONG;
}

int mem_write_maps(int fd)
{
    (void)fd;
    return -ENOSYS;
}
