/*
 * The program break, brk(2).
 *
 * The kernel's semantics (mm/mmap.c, brk(2)): the break starts right after
 * the loaded image (page aligned); brk(0) or any refused request returns the
 * current break; a successful one returns the new break exactly as asked
 * (not page aligned); pages the break uncovers read as zero; shrinking
 * releases the pages above it.
 *
 * The loader reserves up to MEM_BRK_RESERVE bytes behind the image
 * (PROT_NONE, MAP_NORESERVE) so the heap can grow without colliding with
 * host mappings; growing makes pages read/write, shrinking replaces them
 * with fresh PROT_NONE pages so a later growth sees zeros again.
 */
#include <sys/mman.h>

#include "guest_mem.h"

static uint64_t brk_start;     /* guest: first byte after the image */
static uint64_t brk_cur;       /* current break */
static uint64_t brk_limit;     /* end of the reservation */

void mem_brk_init(uint64_t start, uint64_t reserved)
{
    brk_start = brk_cur = start;
    brk_limit = start + reserved;
}

uint64_t mem_brk(uint64_t want)
{
    if (want < brk_start || want > brk_limit)
        return brk_cur;
    uint64_t old_end = mem_page_up(brk_cur), new_end = mem_page_up(want);
    if (new_end > old_end) {
        if (mprotect(g2h(old_end), new_end - old_end,
                     PROT_READ | PROT_WRITE) != 0)
            return brk_cur;
        mem_note(old_end, new_end, PROT_READ | PROT_WRITE);
    } else if (new_end < old_end) {
        void *p = mmap(g2h(new_end), old_end - new_end, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE,
                       -1, 0);
        if (p == MAP_FAILED)
            return brk_cur;
        mem_note(new_end, old_end, -1);
    }
    brk_cur = want;
    return brk_cur;
}
