/*
 * The mapping system calls on the guest address space (guest_mem.h):
 * mmap, munmap, mremap, mprotect, madvise, with the argument checks and
 * results of man 2 mmap / munmap / mremap / mprotect / madvise and
 * Linux mm/mmap.c, mm/mremap.c.
 *
 * Every guest mapping lives inside the reservation (space.c).  An
 * anonymous mapping is made in place (MAP_FIXED); a file mapping is made
 * by the host wherever it likes (mmap(NULL)) and then moved into place
 * with mremap(MREMAP_FIXED), which atomically replaces what was there: an
 * error (bad fd, EACCES, ENODEV) leaves the guest range untouched.
 * Unmapping maps fresh PROT_NONE reservation pages.
 * The mmap(2) flag bits, the prot bits and the madvise(2) advice values
 * are the asm-generic ones on both riscv64 and x86-64 (asm-generic/
 * mman-common.h; x86 only adds MAP_32BIT, which riscv64 lacks), so they
 * pass through unchanged.  Guest PROT_EXEC is host PROT_READ.
 *
 * Before any change to a range, tb_invalidate_range() drops its
 * translations and rvtcg's write-protection there.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guest_mem.h"
#include "mem_internal.h"
#include "tb.h"

#define PROT_ALL (PROT_READ | PROT_WRITE | PROT_EXEC)
#define MAP_TYPE_MASK 0x0f
#ifndef MAP_UNINITIALIZED
#define MAP_UNINITIALIZED 0x4000000      /* asm-generic/mman-common.h */
#endif
#ifndef MAP_HUGE_MASK
#define MAP_HUGE_SHIFT 26
#define MAP_HUGE_MASK 0x3f
#endif
/* flags given to the host as they are */
#define MAP_PASS (MAP_NORESERVE | MAP_POPULATE | MAP_LOCKED | MAP_NONBLOCK)

static void unsupported(const char *what)
{
    static const char *said[8];
    for (unsigned i = 0; i < 8; i++) {
        if (said[i] == what)
            return;
        if (!said[i]) {
            said[i] = what;
            break;
        }
    }
    fprintf(stderr, "rvtcg: unsupported %s\n", what);
}

/* Is [start, start + len) a valid guest range (no wrap, inside)? */
static bool in_space(uint64_t start, uint64_t len)
{
    return start >= mem_space_lo && start <= mem_space_hi &&
           len <= mem_space_hi - start;
}

/* Moves the host mapping at HOST (LEN bytes) to guest START, replacing
 * what is there; unmaps HOST on failure.  0 or -errno. */
static int move_into_place(void *host, uint64_t len, uint64_t start)
{
    void *p = mremap(host, len, len, MREMAP_MAYMOVE | MREMAP_FIXED,
                     g2h(start));
    if (p == MAP_FAILED) {
        int e = errno;
        munmap(host, len);
        return -e;
    }
    return 0;
}

/* The name and identity of the file behind host fd FD, for the maps. */
static void file_info(int fd, const struct stat *st, MemInfo *info,
                      char *buf, size_t len)
{
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, buf, len - 1);
    buf[n > 0 ? n : 0] = 0;
    info->name = buf;
    info->dev = st->st_dev;
    info->ino = st->st_ino;
    if (info->ino == 0)         /* keep "file-backed" distinguishable */
        info->ino = 1;
}

static int64_t mmap_locked(uint64_t addr, uint64_t len, int prot, int flags,
                           int fd, uint64_t off)
{
    int type = flags & MAP_TYPE_MASK;
    bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
    bool anon = flags & MAP_ANONYMOUS;
    if (type != MAP_SHARED && type != MAP_PRIVATE &&
        type != MAP_SHARED_VALIDATE)
        return -EINVAL;
    if (len == 0 || (off & MEM_PAGE_MASK) || (prot & ~PROT_ALL))
        return -EINVAL;
    if (fixed && (addr & MEM_PAGE_MASK))
        return -EINVAL;
    /* mm/mmap.c: MAP_SHARED_VALIDATE refuses flags it does not know */
    if (type == MAP_SHARED_VALIDATE &&
        (flags & ~(MAP_TYPE_MASK | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE |
                   MAP_EXECUTABLE | MAP_UNINITIALIZED | MAP_GROWSDOWN |
                   MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK |
                   MAP_STACK | MAP_HUGETLB | MAP_SYNC | MAP_FIXED_NOREPLACE |
                   (MAP_HUGE_MASK << MAP_HUGE_SHIFT))))
        return -EOPNOTSUPP;
    if (flags & MAP_HUGETLB) {
        unsupported("mmap MAP_HUGETLB");
        return -EINVAL;
    }
    len = mem_page_up(len);
    if (len == 0 || len > mem_space_hi - mem_space_lo)
        return -ENOMEM;
    if (!anon && off + len < off)
        return -EOVERFLOW;

    /* the host flags, and what /proc/self/maps will show */
    int hflags = (type == MAP_PRIVATE ? MAP_PRIVATE : type) |
                 (flags & (MAP_PASS | MAP_SYNC));
    MemInfo info = { .shared = type != MAP_PRIVATE };
    char path[4096];
    struct stat st;
    if (anon) {
        hflags |= MAP_ANONYMOUS;
        fd = -1;
        off = 0;
        if (info.shared)
            info.name = "/dev/zero (deleted)";
    } else {
        if (fstat(fd, &st) != 0)
            return -errno;
        file_info(fd, &st, &info, path, sizeof path);
        info.offset = off;
    }

    uint64_t start;
    if (fixed) {
        if (addr < mem_space_lo)
            return -EPERM;        /* below mmap_min_addr */
        if (!in_space(addr, len))
            return -ENOMEM;
        if ((flags & MAP_FIXED_NOREPLACE) && !mem_range_free(addr, addr + len))
            return -EEXIST;
        start = addr;
    } else {
        start = mem_find_free(addr, len);
        if (!start)
            return -ENOMEM;
    }

    tb_invalidate_range(start, start + len);
    if (anon) {
        /* directly in place: the host then merges neighbouring anonymous
         * mappings as the guest's kernel would */
        if (mmap(g2h(start), len, mem_host_prot(prot), hflags | MAP_FIXED,
                 -1, 0) == MAP_FAILED) {
            int e = errno;
            if (mem_host_map(start, start + len, -1) == 0)
                mem_note(start, start + len, -1);
            return -e;
        }
    } else {
        void *h = mmap(NULL, len, mem_host_prot(prot), hflags, fd,
                       (off_t)off);
        if (h == MAP_FAILED)
            return -errno;
        int r = move_into_place(h, len, start);
        if (r < 0)
            return r;
    }
    mem_note_info(start, start + len, prot, &info);
    return (int64_t)start;
}

int64_t mem_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd,
                 uint64_t off)
{
    mem_map_lock();
    int64_t r = mmap_locked(addr, len, prot, flags, fd, off);
    mem_map_unlock();
    return r;
}

/* Returns [start, end) to the reservation (caller holds the map lock). */
static int unmap_locked(uint64_t start, uint64_t end)
{
    tb_invalidate_range(start, end);
    int r = mem_host_map(start, end, -1);
    if (r == 0)
        mem_note(start, end, -1);
    return r;
}

int64_t mem_munmap(uint64_t addr, uint64_t len)
{
    /* man 2 munmap: EINVAL for an unaligned address, a zero length or a
     * range outside the address space; unmapped pages are no error */
    if ((addr & MEM_PAGE_MASK) || len == 0)
        return -EINVAL;
    len = mem_page_up(len);
    if (len == 0 || !in_space(addr, len))
        return -EINVAL;
    mem_map_lock();
    int r = unmap_locked(addr, addr + len);
    mem_map_unlock();
    return r;
}

int mem_protect(uint64_t start, uint64_t len, int prot)
{
    /* mprotect(2): EINVAL for an unaligned addr or unknown prot bits,
     * ENOMEM when the range is not entirely mapped; PROT_GROWSDOWN
     * extends the range down to the start of a grows-down mapping */
    if (start & MEM_PAGE_MASK)
        return -EINVAL;
    if (prot & ~(PROT_ALL | PROT_GROWSDOWN))
        return -EINVAL;
    if (len == 0)
        return 0;
    uint64_t end = mem_page_up(start + len);
    if (end <= start)
        return -ENOMEM;
    if (prot & PROT_GROWSDOWN) {
        /* down to the start of the mapping, which must grow down: only
         * the stack does (glibc asks this to make the stack executable) */
        uint64_t rs, re;
        int rp;
        MemInfo info;
        if (!mem_lookup(start, &rs, &re, &rp, &info))
            return -ENOMEM;
        if (!info.name || strcmp(info.name, "[stack]") != 0)
            return -EINVAL;
        start = rs;
        prot &= ~PROT_GROWSDOWN;
    }
    mem_map_lock();
    int r = 0;
    if (!mem_check(start, end - start, 0)) {
        r = -ENOMEM;
    } else {
        tb_invalidate_range(start, end);
        if (mprotect(g2h(start), end - start, mem_host_prot(prot)) != 0)
            r = -errno;
        else
            mem_note_prot(start, end, prot);
    }
    mem_map_unlock();
    return r;
}

static int64_t mremap_locked(uint64_t old, uint64_t old_len, uint64_t new_len,
                             int flags, uint64_t new_addr)
{
    if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
        return -EINVAL;
    if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
        return -EINVAL;
    if (old & MEM_PAGE_MASK)
        return -EINVAL;
    if (flags & MREMAP_DONTUNMAP) {
        unsupported("mremap MREMAP_DONTUNMAP");
        return -EINVAL;
    }
    old_len = mem_page_up(old_len);
    new_len = mem_page_up(new_len);
    if (new_len == 0)
        return -EINVAL;
    if (old_len == 0) {
        unsupported("mremap of old_size 0 (duplicating a shared mapping)");
        return -EINVAL;
    }
    if (!in_space(old, old_len))
        return -EFAULT;

    /* the old range must lie in one mapping (mm/mremap.c vma_to_resize) */
    uint64_t rs, re;
    int prot;
    MemInfo info;
    if (!mem_lookup(old, &rs, &re, &prot, &info) || old + old_len > re)
        return -EFAULT;
    info.offset += (info.ino ? old - rs : 0);

    uint64_t dest;
    if (flags & MREMAP_FIXED) {
        if (new_addr & MEM_PAGE_MASK)
            return -EINVAL;
        if (!in_space(new_addr, new_len))
            return -EINVAL;
        if (new_addr < old + old_len && old < new_addr + new_len)
            return -EINVAL;
        dest = new_addr;
    } else if (new_len <= old_len) {
        /* shrinking in place */
        if (new_len < old_len) {
            int r = unmap_locked(old + new_len, old + old_len);
            if (r < 0)
                return r;
        }
        return (int64_t)old;
    } else if (in_space(old, new_len) &&
               mem_range_free(old + old_len, old + new_len)) {
        /* growing in place */
        tb_invalidate_range(old, old + new_len);
        if (!info.shared && !info.ino) {
            /* anonymous private: the new pages are fresh zero pages */
            int r = mem_host_map(old + old_len, old + new_len,
                                 mem_host_prot(prot));
            if (r < 0)
                return r;
        } else {
            int r = mem_host_grow(old, old_len, new_len);
            if (r < 0)
                return r;
        }
        mem_note_info(old, old + new_len, prot, &info);
        return (int64_t)old;
    } else if (!(flags & MREMAP_MAYMOVE)) {
        return -ENOMEM;
    } else {
        dest = mem_find_free(0, new_len);
        if (!dest)
            return -ENOMEM;
    }

    /* moving to dest (replacing what is there) */
    tb_invalidate_range(old, old + old_len);
    tb_invalidate_range(dest, dest + new_len);
    uint64_t keep = old_len < new_len ? old_len : new_len;
    if (new_len < old_len) {
        int r = unmap_locked(old + new_len, old + old_len);
        if (r < 0)
            return r;
    }
    int r = mem_host_move(old, keep, dest, new_len);
    if (r < 0)
        return r;
    /* the old range is a hole now: give it back to the reservation */
    if (mem_host_map(old, old + keep, -1) != 0) {
        fprintf(stderr, "rvtcg: mremap: cannot restore the reservation\n");
        abort();
    }
    mem_note(old, old + keep, -1);
    mem_note_info(dest, dest + new_len, prot, &info);
    return (int64_t)dest;
}

int64_t mem_mremap(uint64_t old, uint64_t old_len, uint64_t new_len,
                   int flags, uint64_t new_addr)
{
    mem_map_lock();
    int64_t r = mremap_locked(old, old_len, new_len, flags, new_addr);
    mem_map_unlock();
    return r;
}

int64_t mem_madvise(uint64_t addr, uint64_t len, int advice)
{
    /* madvise(2): EINVAL for an unaligned start; ENOMEM when part of the
     * range is not mapped (the advice still applies to the rest) */
    if (addr & MEM_PAGE_MASK)
        return -EINVAL;
    if (len == 0)
        return 0;
    uint64_t end = mem_page_up(addr + len);
    if (end <= addr || !in_space(addr, end - addr))
        return -ENOMEM;
    /* the host applies it to the guest pages (and harmlessly to the
     * reservation between them) */
    mem_map_lock();
    bool whole = mem_check(addr, end - addr, 0);
    if (advice == MADV_DONTNEED || advice == MADV_FREE ||
        advice == MADV_REMOVE)
        tb_invalidate_range(addr, end);
    int r = madvise(g2h(addr), end - addr, advice) == 0 ? 0 : -errno;
    mem_map_unlock();
    if (r == 0 && !whole)
        r = -ENOMEM;
    return r;
}
