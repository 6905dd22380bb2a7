/*
 * The guest address space: how guest addresses map to host addresses
 * (host = guest_base + guest, DESIGN.md section 4), and the bookkeeping of
 * which guest pages are mapped with which guest protection.
 *
 * The bookkeeping is what the guest sees (the prot of mmap(2)/mprotect(2));
 * the host protection may be wider: guest-executable pages are only read by
 * the translator, so PROT_EXEC becomes host PROT_READ.  The translator asks
 * mem_can_fetch() before decoding, so code in a page without guest
 * PROT_EXEC faults like on the hardware.  Single-threaded for now; the
 * thread issue puts a lock around the mutators.
 */
#ifndef GUEST_MEM_H
#define GUEST_MEM_H

#include <stdbool.h>
#include <stdint.h>

#define MEM_PAGE_SIZE 4096u
#define MEM_PAGE_MASK ((uint64_t)MEM_PAGE_SIZE - 1)

/* Host address of guest address 0 (set once by the loader). */
extern uintptr_t guest_base;

static inline void *g2h(uint64_t guest)
{
    return (void *)(guest_base + (uintptr_t)guest);
}

static inline uint64_t h2g(const void *host)
{
    return (uint64_t)((uintptr_t)host - guest_base);
}

static inline uint64_t mem_page_down(uint64_t a)
{
    return a & ~MEM_PAGE_MASK;
}

/* Rounds up; callers make sure a is not within a page of 2^64. */
static inline uint64_t mem_page_up(uint64_t a)
{
    return (a + MEM_PAGE_MASK) & ~MEM_PAGE_MASK;
}

/* The host protection for a guest protection (PROT_EXEC -> PROT_READ). */
int mem_host_prot(int guest_prot);

/* Records [start, end) (page aligned) as mapped with guest protection PROT,
 * replacing what was recorded there; PROT < 0 records it as unmapped. */
void mem_note(uint64_t start, uint64_t end, int prot);

/* Is every byte of [addr, addr + len) mapped with all of the PROT bits? */
bool mem_check(uint64_t addr, uint64_t len, int prot);

/* mprotect(2) on guest memory: EINVAL for an unaligned start, ENOMEM when
 * part of the range is unmapped; returns 0 or -errno. */
int mem_protect(uint64_t start, uint64_t len, int prot);

/*
 * Guest buffers given to system calls.  A handler checks every guest
 * pointer before it touches the memory through g2h():
 *   mem_read_ok     the guest may read [addr, addr + len)
 *   mem_prepare_write
 *                   the guest may write it: 0, or -EFAULT; also makes
 *                   pages that hold translated code host-writable again
 *                   (dropping their TBs), so the kernel can write there
 *   mem_strlen      length of the guest C string at addr (at most max),
 *                   -EFAULT if unreadable, -ENAMETOOLONG past max
 */
bool mem_read_ok(uint64_t addr, uint64_t len);
int mem_prepare_write(uint64_t addr, uint64_t len);
int64_t mem_strlen(uint64_t addr, uint64_t max);

/* Writes the guest's /proc/self/maps (the kernel's format, guest
 * addresses, only guest mappings) to FD; 0 or -errno. */
int mem_write_maps(int fd);

/* RvTranslateCfg.can_fetch: is [pc, pc + len) mapped executable? */
bool mem_can_fetch(void *opaque, uint64_t pc, unsigned len);

/* The program break (brk(2)): the reservation behind the loaded image. */
void mem_brk_init(uint64_t start, uint64_t reserved);
uint64_t mem_brk(uint64_t want);

/* How many bytes behind the image the loader reserves for brk. */
#define MEM_BRK_RESERVE ((uint64_t)1 << 30)

#endif
