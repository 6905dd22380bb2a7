/*
 * Mapping an executable's PT_LOAD segments (elf_load.h).
 *
 * Placement: guest_base 0 when the whole page range [lo, hi) can be mapped
 * at its own address without replacing anything (MAP_FIXED_NOREPLACE: a
 * collision with the emulator's own mappings, or an address below
 * vm.mmap_min_addr, fails; below 64 KiB is not even tried); otherwise
 * one PROT_NONE reservation of [0, hi + brk area) anywhere, whose start
 * becomes guest_base.
 *
 * Contents: the range is mapped anonymous read/write, the file bytes of
 * each segment are copied in (the rest, bss included, is already zero),
 * then each segment's pages get their protection (a page shared by two
 * segments gets the union, as two overlapping kernel mappings would give
 * the later one's; gaps between segments become PROT_NONE and count as
 * unmapped).  ET_DYN executables without an interpreter (static PIE) are
 * loaded at a fixed bias, ELF_ET_DYN_BASE below.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "elf_check.h"
#include "elf_load.h"
#include "guest_mem.h"

/* Where a static PIE goes: 2/3 of the Sv39 user space, like the riscv64
 * kernel's ELF_ET_DYN_BASE (arch/riscv/include/asm/elf.h). */
#define ELF_ET_DYN_BASE 0x2aaaaaa000ull

/* The lowest address mapped with guest_base 0 (the usual vm.mmap_min_addr). */
#define ELF_MIN_DIRECT 0x10000ull

static int seg_prot(uint32_t flags)
{
    return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
           (flags & PF_X ? PROT_EXEC : 0);
}

/* Chooses guest_base and maps [lo, hi) read/write; reserves the brk area. */
static bool place(uint64_t lo, uint64_t hi, char *err, size_t errlen)
{
    const int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    void *want = (void *)(uintptr_t)lo;
    void *p = MAP_FAILED;
    /* never at host address 0 (even where root may map it): NULL must
     * stay an invalid host pointer */
    if (lo >= ELF_MIN_DIRECT)
        p = mmap(want, hi - lo, PROT_READ | PROT_WRITE,
                 anon | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == want) {
        guest_base = 0;
        /* the brk area: as much of MEM_BRK_RESERVE as is free */
        uint64_t res = MEM_BRK_RESERVE;
        for (; res >= MEM_PAGE_SIZE; res /= 4) {
            void *b = mmap((void *)(uintptr_t)hi, res, PROT_NONE,
                           anon | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
            if (b == (void *)(uintptr_t)hi)
                break;
            if (b != MAP_FAILED)
                munmap(b, res);
        }
        mem_brk_init(hi, res >= MEM_PAGE_SIZE ? res : 0);
        return true;
    }
    if (p != MAP_FAILED)          /* an old kernel ignoring NOREPLACE */
        munmap(p, hi - lo);

    p = mmap(NULL, hi + MEM_BRK_RESERVE, PROT_NONE, anon | MAP_NORESERVE,
             -1, 0);
    if (p == MAP_FAILED) {
        snprintf(err, errlen, "cannot reserve %#llx bytes for the image: %s",
                 (unsigned long long)(hi + MEM_BRK_RESERVE), strerror(errno));
        return false;
    }
    guest_base = (uintptr_t)p;
    if (mmap(g2h(lo), hi - lo, PROT_READ | PROT_WRITE, anon | MAP_FIXED, -1,
             0) == MAP_FAILED) {
        snprintf(err, errlen, "cannot map the image: %s", strerror(errno));
        return false;
    }
    mem_brk_init(hi, MEM_BRK_RESERVE);
    return true;
}

/* The guest address of the program headers: PT_PHDR if present, else the
 * segment holding e_phoff, else first segment's address - offset + e_phoff
 * (what Linux computes). */
static uint64_t phdr_addr(const ElfFile *ef, const ElfSeg *segs, unsigned n)
{
    uint64_t off = ef->ehdr->e_phoff;
    for (unsigned i = 0; i < ef->phnum; i++)
        if (ef->phdr[i].p_type == PT_PHDR)
            return ef->phdr[i].p_vaddr;
    for (unsigned i = 0; i < n; i++)
        if (off >= segs[i].offset && off - segs[i].offset < segs[i].filesz)
            return segs[i].vaddr + (off - segs[i].offset);
    return segs[0].vaddr - segs[0].offset + off;
}

bool elf_load(const ElfFile *ef, ElfImage *img, char *err, size_t errlen)
{
    ElfSeg *segs = calloc(ef->phnum ? ef->phnum : 1, sizeof *segs);
    unsigned n;
    if (!segs || !elf_check(ef, segs, &n, err, errlen)) {
        free(segs);
        return false;
    }

    memset(img, 0, sizeof *img);
    uint64_t lo = mem_page_down(segs[0].vaddr);
    uint64_t hi = mem_page_up(segs[n - 1].vaddr + segs[n - 1].memsz);
    if (ef->ehdr->e_type == ET_DYN)
        img->load_bias = ELF_ET_DYN_BASE - lo;
    lo += img->load_bias;
    hi += img->load_bias;

    if (!place(lo, hi, err, errlen)) {
        free(segs);
        return false;
    }
    for (unsigned i = 0; i < n; i++)
        memcpy(g2h(segs[i].vaddr + img->load_bias), ef->data + segs[i].offset,
               segs[i].filesz);

    /* protections, page by page range; shared pages get the union */
    uint64_t done = lo;       /* pages below this one are settled */
    int prev_prot = 0;
    for (unsigned i = 0; i < n; i++) {
        uint64_t s = mem_page_down(segs[i].vaddr + img->load_bias);
        uint64_t e = mem_page_up(segs[i].vaddr + img->load_bias +
                                 segs[i].memsz);
        int prot = seg_prot(segs[i].flags);
        if (s < done) {                           /* shares a page */
            int u = prot | prev_prot;
            mprotect(g2h(s), MEM_PAGE_SIZE, mem_host_prot(u));
            mem_note(s, s + MEM_PAGE_SIZE, u);
            s += MEM_PAGE_SIZE;
        } else if (s > done) {                    /* a gap */
            mprotect(g2h(done), s - done, PROT_NONE);
        }
        if (s < e) {
            mprotect(g2h(s), e - s, mem_host_prot(prot));
            mem_note(s, e, prot);
        }
        if (e > done)
            done = e;
        prev_prot = prot;
    }

    img->entry = ef->ehdr->e_entry + img->load_bias;
    img->phdr = phdr_addr(ef, segs, n) + img->load_bias;
    img->phnum = ef->phnum;
    img->lo = lo;
    img->hi = hi;
    img->brk = hi;
    free(segs);
    return true;
}
