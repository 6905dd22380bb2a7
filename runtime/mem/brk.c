/*
 * The program break, brk(2).
 *
 * The kernel's semantics (mm/mmap.c, brk(2)): the break starts right after
 * the loaded image (page aligned); brk(0) or any refused request returns the
 * current break; a successful one returns the new break exactly as asked
 * (not page aligned); pages the break uncovers read as zero; shrinking
 * releases the pages above it; growing stops at another mapping.
 *
 * Up to MEM_BRK_RESERVE bytes behind the image are the brk area: inside
 * the guest reservation (space.c), kept clear by mmap's free-range search
 * (a hint or MAP_FIXED may still put a mapping there, which then stops
 * the break).  Growing maps fresh anonymous read/write pages ("[heap]" in
 * /proc/self/maps), shrinking gives the pages back to the reservation.
 */
#include <sys/mman.h>

#include "guest_mem.h"
#include "tb.h"

static uint64_t brk_start;     /* guest: first byte after the image */
static uint64_t brk_cur;       /* current break */
static uint64_t brk_limit;     /* end of the brk area */

void mem_brk_init(uint64_t start, uint64_t reserved)
{
    brk_start = brk_cur = start;
    brk_limit = start + reserved;
}

void mem_brk_area(uint64_t *start, uint64_t *end)
{
    *start = brk_start;
    *end = brk_limit;
}

static uint64_t brk_locked(uint64_t want)
{
    if (want < brk_start || want > brk_limit)
        return brk_cur;
    uint64_t old_end = mem_page_up(brk_cur), new_end = mem_page_up(want);
    if (new_end > old_end) {
        if (!mem_range_free(old_end, new_end))
            return brk_cur;
        tb_invalidate_range(old_end, new_end);
        if (mem_host_map(old_end, new_end, PROT_READ | PROT_WRITE) != 0)
            return brk_cur;
        MemInfo heap = { .name = "[heap]" };
        mem_note_info(old_end, new_end, PROT_READ | PROT_WRITE, &heap);
    } else if (new_end < old_end) {
        tb_invalidate_range(new_end, old_end);
        if (mem_host_map(new_end, old_end, -1) != 0)
            return brk_cur;
        mem_note(new_end, old_end, -1);
    }
    brk_cur = want;
    return brk_cur;
}

uint64_t mem_brk(uint64_t want)
{
    mem_map_lock();
    uint64_t r = brk_locked(want);
    mem_map_unlock();
    return r;
}
