/*
 * Guest page bookkeeping (guest_mem.h): a sorted array of disjoint
 * [start, end) regions with their guest protection and /proc/self/maps
 * attributes, split and merged as the loader, brk and the mapping calls
 * change them.  Lookups are a binary search under a shared rwlock;
 * changes take it exclusively.  Names are interned (never freed: a
 * program maps few distinct files).
 */
#include <errno.h>
#include <pthread.h>
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
    MemInfo info;
} MemRegion;

static MemRegion *regions;
static size_t nb_regions, cap_regions;
static pthread_rwlock_t regions_lock = PTHREAD_RWLOCK_INITIALIZER;

static _Noreturn void oom(void)
{
    fputs("rvtcg: out of memory\n", stderr);
    exit(1);
}

int mem_host_prot(int guest_prot)
{
    int p = guest_prot & (PROT_READ | PROT_WRITE);
    if (guest_prot & PROT_EXEC)
        p |= PROT_READ;
    return p;
}

/* The interned copy of NAME (caller holds the write lock). */
static const char *intern(const char *name)
{
    static const char **names;
    static size_t nb_names;
    if (!name)
        return NULL;
    for (size_t i = 0; i < nb_names; i++)
        if (strcmp(names[i], name) == 0)
            return names[i];
    const char **n = realloc(names, (nb_names + 1) * sizeof *names);
    char *copy = strdup(name);
    if (!n || !copy)
        oom();
    names = n;
    names[nb_names++] = copy;
    return copy;
}

static void insert_at(size_t i, MemRegion r)
{
    if (nb_regions == cap_regions) {
        size_t cap = cap_regions ? 2 * cap_regions : 16;
        MemRegion *n = realloc(regions, cap * sizeof *regions);
        if (!n)
            oom();
        regions = n;
        cap_regions = cap;
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

static bool is_file(const MemRegion *r)
{
    return r->info.ino != 0;
}

/* Makes ADDR a region boundary (no region straddles it). */
static void split_at(uint64_t addr)
{
    size_t i = first_ending_after(addr);
    if (i >= nb_regions || regions[i].start >= addr)
        return;
    MemRegion tail = regions[i];
    tail.start = addr;
    if (is_file(&tail))
        tail.info.offset += addr - regions[i].start;
    regions[i].end = addr;
    insert_at(i + 1, tail);
}

/* Can B (right behind A) be merged into A? */
static bool mergeable(const MemRegion *a, const MemRegion *b)
{
    if (a->end != b->start || a->prot != b->prot ||
        a->info.shared != b->info.shared || a->info.name != b->info.name ||
        a->info.dev != b->info.dev || a->info.ino != b->info.ino)
        return false;
    return !is_file(a) || a->info.offset + (a->end - a->start) ==
                              b->info.offset;
}

/* Merges equal neighbours among regions [from, to] (indices clamped). */
static void merge_around(size_t from, size_t to)
{
    if (from > 0)
        from--;
    if (to + 1 > nb_regions)
        to = nb_regions ? nb_regions - 1 : 0;
    for (size_t i = from; i < to && i + 1 < nb_regions;) {
        if (mergeable(&regions[i], &regions[i + 1])) {
            regions[i].end = regions[i + 1].end;
            remove_at(i + 1);
            to--;
        } else {
            i++;
        }
    }
}

void mem_note_info(uint64_t start, uint64_t end, int prot,
                   const MemInfo *info)
{
    if (start >= end)
        return;
    pthread_rwlock_wrlock(&regions_lock);
    split_at(start);
    split_at(end);
    size_t i = first_ending_after(start);
    while (i < nb_regions && regions[i].start < end)
        remove_at(i);
    if (prot >= 0) {
        MemRegion r = { start, end, prot, { 0 } };
        if (info) {
            r.info = *info;
            r.info.name = intern(info->name);
        }
        insert_at(i, r);
        merge_around(i, i + 1);
    }
    pthread_rwlock_unlock(&regions_lock);
}

void mem_note(uint64_t start, uint64_t end, int prot)
{
    mem_note_info(start, end, prot, NULL);
}

void mem_note_prot(uint64_t start, uint64_t end, int prot)
{
    if (start >= end)
        return;
    pthread_rwlock_wrlock(&regions_lock);
    split_at(start);
    split_at(end);
    size_t i = first_ending_after(start), first = i;
    for (; i < nb_regions && regions[i].start < end; i++)
        regions[i].prot = prot;
    merge_around(first, i);
    pthread_rwlock_unlock(&regions_lock);
}

bool mem_lookup(uint64_t addr, uint64_t *start, uint64_t *end, int *prot,
                MemInfo *info)
{
    pthread_rwlock_rdlock(&regions_lock);
    size_t i = first_ending_after(addr);
    bool found = i < nb_regions && regions[i].start <= addr;
    if (found) {
        *start = regions[i].start;
        *end = regions[i].end;
        *prot = regions[i].prot;
        if (info)
            *info = regions[i].info;
    }
    pthread_rwlock_unlock(&regions_lock);
    return found;
}

bool mem_range_free(uint64_t start, uint64_t end)
{
    pthread_rwlock_rdlock(&regions_lock);
    size_t i = first_ending_after(start);
    bool free_ = i >= nb_regions || regions[i].start >= end;
    pthread_rwlock_unlock(&regions_lock);
    return free_;
}

static bool check_locked(uint64_t addr, uint64_t end, int prot)
{
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

bool mem_check(uint64_t addr, uint64_t len, int prot)
{
    if (len == 0)
        return true;
    uint64_t end = addr + len;
    if (end < addr)
        return false;
    pthread_rwlock_rdlock(&regions_lock);
    bool ok = check_locked(addr, end, prot);
    pthread_rwlock_unlock(&regions_lock);
    return ok;
}

bool mem_can_fetch(void *opaque, uint64_t pc, unsigned len)
{
    (void)opaque;
    return mem_check(pc, len, PROT_EXEC);
}

/* fork(2) with other threads running (space.c registers these with
 * pthread_atfork): the lock is held across the fork, so the child's copy
 * of the bookkeeping is consistent and its lock free. */
void mem_regions_fork_prepare(void)
{
    pthread_rwlock_wrlock(&regions_lock);
}

void mem_regions_fork_parent(void)
{
    pthread_rwlock_unlock(&regions_lock);
}

void mem_regions_fork_child(void)
{
    pthread_rwlock_init(&regions_lock, NULL);
}

/* For the free-range search (space.c): calls FN on each region from the
 * highest down until it returns false. */
void mem_regions_walk_down(bool (*fn)(uint64_t start, uint64_t end,
                                      void *opaque),
                           void *opaque)
{
    pthread_rwlock_rdlock(&regions_lock);
    for (size_t i = nb_regions; i > 0; i--)
        if (!fn(regions[i - 1].start, regions[i - 1].end, opaque))
            break;
    pthread_rwlock_unlock(&regions_lock);
}

/* For /proc/self/maps (maps.c): a copy of region I, false past the end. */
bool mem_region_get(size_t i, uint64_t *start, uint64_t *end, int *prot,
                    MemInfo *info)
{
    pthread_rwlock_rdlock(&regions_lock);
    bool ok = i < nb_regions;
    if (ok) {
        *start = regions[i].start;
        *end = regions[i].end;
        *prot = regions[i].prot;
        *info = regions[i].info;
    }
    pthread_rwlock_unlock(&regions_lock);
    return ok;
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
    uint64_t n = 0;
    while (n <= max) {
        /* check page by page, then scan the readable page */
        uint64_t a = addr + n;
        if (a < addr || !mem_check(a, 1, PROT_READ))
            return -EFAULT;
        uint64_t chunk = MEM_PAGE_SIZE - (a & MEM_PAGE_MASK);
        if (chunk > max + 1 - n)
            chunk = max + 1 - n;
        const char *p = g2h(a);
        const char *z = memchr(p, 0, chunk);
        if (z)
            return (int64_t)(n + (uint64_t)(z - p));
        n += chunk;
    }
    return -ENAMETOOLONG;
}
