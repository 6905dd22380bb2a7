/*
 * The guest address space: how guest addresses map to host addresses
 * (host = guest_base + guest, DESIGN.md section 4), and the bookkeeping of
 * which guest pages are mapped with which guest protection.
 *
 * The bookkeeping is what the guest sees (the prot of mmap(2)/mprotect(2));
 * the host protection may be wider: guest-executable pages are only read by
 * the translator, so PROT_EXEC becomes host PROT_READ.  The translator asks
 * mem_can_fetch() before decoding, so code in a page without guest
 * PROT_EXEC faults like on the hardware.  The bookkeeping is thread-safe
 * (a rwlock: lookups share it, changes take it exclusively); the mapping
 * calls (mmap.c) are serialized by one more lock.
 *
 * The whole guest address range is reserved up front (space.c): one
 * PROT_NONE, MAP_NORESERVE host mapping of [mem_space_lo, mem_space_hi),
 * so host allocations never land where the guest maps and guest
 * mappings only ever replace parts of the reservation.
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

/* How a region is shown in /proc/self/maps (maps.c). */
typedef struct MemInfo {
    bool shared;           /* MAP_SHARED ('s') */
    uint64_t offset;       /* file offset of the region's start */
    uint64_t dev, ino;     /* host st_dev / st_ino of the file, or 0 */
    const char *name;      /* path, "[heap]", "[stack]", or NULL */
} MemInfo;

/* The host protection for a guest protection (PROT_EXEC -> PROT_READ). */
int mem_host_prot(int guest_prot);

/* Records [start, end) (page aligned) as mapped with guest protection PROT,
 * replacing what was recorded there; PROT < 0 records it as unmapped. */
void mem_note(uint64_t start, uint64_t end, int prot);

/* The same with the /proc/self/maps attributes (NULL: anonymous private;
 * the name is copied). */
void mem_note_info(uint64_t start, uint64_t end, int prot,
                   const MemInfo *info);

/* Sets the guest protection of the mapped parts of [start, end), keeping
 * their other attributes. */
void mem_note_prot(uint64_t start, uint64_t end, int prot);

/* The region containing ADDR: true and its extent/prot/info, else false. */
bool mem_lookup(uint64_t addr, uint64_t *start, uint64_t *end, int *prot,
                MemInfo *info);

/* Is no byte of [start, end) mapped? */
bool mem_range_free(uint64_t start, uint64_t end);

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

/*
 * The guest address space (space.c).  mem_space_init() reserves it, once,
 * before anything else is mapped: guest_base 0 and [MEM_MIN_DIRECT,
 * limit) when that range is free on the host, else an offset.  LO..HI is
 * the main image (it must lie inside).  Returns false with errno set.
 */
#define MEM_MIN_DIRECT 0x10000ull           /* usual vm.mmap_min_addr */
#define MEM_SPACE_DEFAULT ((uint64_t)1 << 42) /* guest VA limit (4 TiB) */
bool mem_space_init(uint64_t lo, uint64_t hi);
extern uint64_t mem_space_lo, mem_space_hi;

/* Maps [start, end) of the reservation anonymous with host protection
 * HPROT (MAP_FIXED), or returns it to the reservation (hprot < 0): 0 or
 * -errno.  Does not touch the bookkeeping. */
int mem_host_map(uint64_t start, uint64_t end, int hprot);

/* A free page-aligned guest range of LEN bytes: at HINT if it is free
 * (hint 0: none), else the highest free one below the mmap base (under
 * the stack), else any; 0 when there is none.  Keeps clear of the brk
 * area. */
uint64_t mem_find_free(uint64_t hint, uint64_t len);

/* Where the mmap area starts (top-down below it): set by the stack. */
void mem_set_mmap_base(uint64_t base);

/* Serializes the mapping system calls (mmap.c, brk.c). */
void mem_map_lock(void);
void mem_map_unlock(void);

/* The memory system calls (mmap.c): the man 2 semantics, results as
 * the kernel gives them (address or -errno). */
int64_t mem_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd,
                 uint64_t off);
int64_t mem_munmap(uint64_t addr, uint64_t len);
int64_t mem_mremap(uint64_t old, uint64_t old_len, uint64_t new_len,
                   int flags, uint64_t new_addr);
int64_t mem_madvise(uint64_t addr, uint64_t len, int advice);

/* The program break (brk(2)): the area behind the loaded image. */
void mem_brk_init(uint64_t start, uint64_t reserved);
uint64_t mem_brk(uint64_t want);
/* The brk area [start, start + reserved), which mmap keeps clear of. */
void mem_brk_area(uint64_t *start, uint64_t *end);

/* How many bytes behind the image are kept for brk. */
#define MEM_BRK_RESERVE ((uint64_t)1 << 30)

#endif
