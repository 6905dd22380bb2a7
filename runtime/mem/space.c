/*
 * The guest address space reservation and the free-range search
 * (guest_mem.h).
 *
 * mem_space_init() maps one PROT_NONE, MAP_NORESERVE host range covering
 * every guest address the guest may use: [MEM_MIN_DIRECT, limit) at its
 * own address (guest_base 0) when the host has it free, else [0, limit)
 * wherever the host puts it (guest_base = its start).  limit is
 * MEM_SPACE_DEFAULT, or less when RLIMIT_AS refuses that, but never below
 * the end of the image plus the brk area and 1 GiB.  Guest mappings replace parts of it with MAP_FIXED and
 * unmapping puts the reservation back, so host allocations (malloc, the
 * code cache, thread stacks) can never land in guest space and a guest
 * MAP_FIXED can never destroy a host mapping.
 *
 * Free ranges are found like Linux's top-down allocator (mm/mmap.c,
 * arch_get_unmapped_area_topdown): the highest gap below the mmap base
 * (just under the stack), skipping the brk area behind the image.
 */
#include <errno.h>
#include <pthread.h>
#include <sys/mman.h>

#include "guest_mem.h"
#include "mem_internal.h"

uint64_t mem_space_lo, mem_space_hi;
static uint64_t mmap_base;
static pthread_mutex_t map_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * fork(2) while another thread maps: the map lock is held across it.
 * Lock order: map lock, then tb_lock (tb_invalidate_range under the map
 * lock), then the bookkeeping lock.  pthread_atfork runs prepare handlers
 * in reverse order of registration, so this one is registered at the
 * first mapping call, after tb_cache_init registered its own: the map
 * lock is then taken first.
 */
static void fork_prepare(void)
{
    pthread_mutex_lock(&map_lock);
}

static void fork_parent(void)
{
    pthread_mutex_unlock(&map_lock);
}

static void fork_child(void)
{
    pthread_mutex_init(&map_lock, NULL);
}

static void register_fork_handlers(void)
{
    pthread_atfork(fork_prepare, fork_parent, fork_child);
}

void mem_map_lock(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, register_fork_handlers);
    pthread_mutex_lock(&map_lock);
}

void mem_map_unlock(void)
{
    pthread_mutex_unlock(&map_lock);
}

/* Reserves guest [lo, limit); false when the host refuses. */
static bool reserve(uint64_t lo, uint64_t limit)
{
    const int res = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
    mmap_base = limit;
    if (lo >= MEM_MIN_DIRECT) {
        void *want = (void *)(uintptr_t)MEM_MIN_DIRECT;
        void *p = mmap(want, limit - MEM_MIN_DIRECT, PROT_NONE,
                       res | MAP_FIXED_NOREPLACE, -1, 0);
        if (p == want) {
            guest_base = 0;
            mem_space_lo = MEM_MIN_DIRECT;
            mem_space_hi = limit;
            return true;
        }
        if (p != MAP_FAILED)      /* an old kernel ignoring NOREPLACE */
            munmap(p, limit - MEM_MIN_DIRECT);
    }
    void *p = mmap(NULL, limit, PROT_NONE, res, -1, 0);
    if (p == MAP_FAILED)
        return false;
    guest_base = (uintptr_t)p;
    /* guest page 0 stays out of reach where it can: a NULL guest pointer
     * must fault */
    mem_space_lo = lo < MEM_PAGE_SIZE ? 0 : MEM_PAGE_SIZE;
    mem_space_hi = limit;
    return true;
}

bool mem_space_init(uint64_t lo, uint64_t hi)
{
    /* registered before tb_cache_init's handlers, so the bookkeeping lock
     * is taken after tb_lock (the translator holds tb_lock and looks
     * pages up; see mem_map_lock for the other end) */
    pthread_atfork(mem_regions_fork_prepare, mem_regions_fork_parent,
                   mem_regions_fork_child);
    /* as large as the host allows (RLIMIT_AS counts the reservation), but
     * at least the image, its brk area and some room for mmap */
    uint64_t need = mem_page_up(hi + MEM_BRK_RESERVE) + ((uint64_t)1 << 30);
    uint64_t limit = MEM_SPACE_DEFAULT > need ? MEM_SPACE_DEFAULT : need;
    for (;;) {
        if (reserve(lo, limit))
            return true;
        if (limit == need)
            return false;
        limit = limit / 2 > need ? limit / 2 : need;
    }
}

int mem_host_map(uint64_t start, uint64_t end, int hprot)
{
    int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;
    if (hprot < 0) {
        hprot = PROT_NONE;
        flags |= MAP_NORESERVE;
    }
    if (mmap(g2h(start), end - start, hprot, flags, -1, 0) == MAP_FAILED)
        return -errno;
    return 0;
}

void mem_set_mmap_base(uint64_t base)
{
    mmap_base = base;
}

typedef struct Search {
    uint64_t len, top, floor;   /* look for [a, a + len) in [floor, top) */
    uint64_t brk_lo, brk_hi;
    uint64_t found;
} Search;

/* Tries the gap [lo, s->top); false when found (stops the walk). */
static bool try_gap(Search *s, uint64_t lo)
{
    if (lo < s->floor)
        lo = s->floor;
    uint64_t hi = s->top;
    while (hi > lo && hi - lo >= s->len) {
        uint64_t a = hi - s->len;
        if (a < s->brk_hi && hi > s->brk_lo) {   /* keep off the brk area */
            hi = s->brk_lo;
            continue;
        }
        s->found = a;
        return false;
    }
    return true;
}

static bool walk_fn(uint64_t start, uint64_t end, void *opaque)
{
    Search *s = opaque;
    if (start >= s->top)
        return true;                          /* above the search */
    if (end < s->top && !try_gap(s, end))
        return false;
    if (start < s->top)
        s->top = start;
    return s->top > s->floor;
}

static uint64_t search_below(uint64_t top, uint64_t len)
{
    Search s = { .len = len, .top = top, .floor = mem_space_lo };
    mem_brk_area(&s.brk_lo, &s.brk_hi);
    mem_regions_walk_down(walk_fn, &s);
    if (!s.found && s.top > s.floor)
        try_gap(&s, s.floor);
    return s.found;
}

uint64_t mem_find_free(uint64_t hint, uint64_t len)
{
    if (len == 0 || len > mem_space_hi - mem_space_lo)
        return 0;
    if (hint) {
        hint = mem_page_up(hint);
        if (hint >= mem_space_lo && hint <= mem_space_hi - len &&
            mem_range_free(hint, hint + len))
            return hint;
    }
    uint64_t a = search_below(mmap_base, len);
    if (!a && mmap_base < mem_space_hi)
        a = search_below(mem_space_hi, len);
    return a;
}
