/*
 * Loading an executable and its interpreter (elf_load.h).
 *
 * Placement: the guest address space is reserved first (runtime/mem
 * space.c: guest_base 0 when the image's addresses are free on the host,
 * else an offset).  An ET_EXEC image goes at its addresses; an ET_DYN
 * one (PIE, static PIE) at ELF_ET_DYN_BASE like the riscv64 kernel
 * (arch/riscv/include/asm/elf.h); the brk area follows the image.
 *
 * Contents: each image's page range is mapped anonymous read/write, the
 * file bytes of each segment are copied in (the rest, bss included, is
 * already zero), then each segment's pages get their protection (a page
 * shared by two segments gets the union, as two overlapping kernel
 * mappings would give the later one's; gaps between segments go back to
 * the reservation).  /proc/self/maps shows the pages holding file bytes
 * as mappings of the file (its path, device, inode, offset), like the
 * kernel's file mappings.
 *
 * A PT_INTERP program (fs/binfmt_elf.c load_elf_binary): the interpreter
 * is opened under the sysroot (rt_path: -L, RVTCG_LD_PREFIX), checked like
 * an executable (ET_DYN or ET_EXEC, no PT_INTERP of its own), loaded at a
 * free address (the mmap area below the stack, as load_elf_interp), and
 * the program starts at its entry; AT_BASE is its load bias, AT_ENTRY the
 * program's entry.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "elf_check.h"
#include "elf_load.h"
#include "guest_mem.h"
#include "options.h"
#include "sysroot.h"

/* Where an ET_DYN executable goes: 2/3 of the Sv39 user space, like the
 * riscv64 kernel's ELF_ET_DYN_BASE (arch/riscv/include/asm/elf.h). */
#define ELF_ET_DYN_BASE 0x2aaaaaa000ull
/* ... or here when the host limits the address space (RLIMIT_AS) */
#define ELF_DYN_LOW_BASE 0x100000ull

static int seg_prot(uint32_t flags)
{
    return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
           (flags & PF_X ? PROT_EXEC : 0);
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

/* Records [s, e) of segment SEG (at BIAS): the pages with file bytes as a
 * file mapping (when FILE names one), the rest anonymous. */
static void note_segment(uint64_t s, uint64_t e, int prot, const ElfSeg *seg,
                         uint64_t bias, const MemInfo *file)
{
    uint64_t fend = mem_page_up(seg->vaddr + seg->filesz) + bias;
    if (file && seg->filesz && fend > s) {
        uint64_t fe = fend < e ? fend : e;
        MemInfo fi = *file;
        /* the file offset of page s: congruent to the address mod 4K */
        fi.offset = mem_page_down(seg->offset) +
                    (s - (mem_page_down(seg->vaddr) + bias));
        mem_note_info(s, fe, prot, &fi);
        s = fe;
    }
    if (s < e)
        mem_note(s, e, prot);
}

/* Maps the segments of EF at BIAS into the (free) guest range they cover;
 * PATH (host path, or NULL) names the file in /proc/self/maps. */
static bool map_segments(const ElfFile *ef, const ElfSeg *segs, unsigned n,
                         uint64_t bias, const char *path, char *err,
                         size_t errlen)
{
    uint64_t lo = mem_page_down(segs[0].vaddr) + bias;
    uint64_t hi = mem_page_up(segs[n - 1].vaddr + segs[n - 1].memsz) + bias;
    if (lo < mem_space_lo || hi > mem_space_hi || !mem_range_free(lo, hi)) {
        snprintf(err, errlen, "cannot map segments at %#llx-%#llx",
                 (unsigned long long)lo, (unsigned long long)hi);
        return false;
    }
    int r = mem_host_map(lo, hi, PROT_READ | PROT_WRITE);
    if (r < 0) {
        snprintf(err, errlen, "cannot map the image: %s", strerror(-r));
        return false;
    }
    for (unsigned i = 0; i < n; i++)
        memcpy(g2h(segs[i].vaddr + bias), ef->data + segs[i].offset,
               segs[i].filesz);

    char real[4096];
    struct stat st;
    MemInfo file = { 0 }, *fp = NULL;
    if (path && realpath(path, real) && stat(real, &st) == 0) {
        file = (MemInfo){ .name = real, .dev = st.st_dev,
                          .ino = st.st_ino ? st.st_ino : 1 };
        fp = &file;
    }

    /* protections, page by page range; shared pages get the union */
    uint64_t done = lo;       /* pages below this one are settled */
    int prev_prot = 0;
    for (unsigned i = 0; i < n; i++) {
        uint64_t s = mem_page_down(segs[i].vaddr + bias);
        uint64_t e = mem_page_up(segs[i].vaddr + bias + segs[i].memsz);
        int prot = seg_prot(segs[i].flags);
        if (s < done) {                           /* shares a page */
            int u = prot | prev_prot;
            mprotect(g2h(s), MEM_PAGE_SIZE, mem_host_prot(u));
            note_segment(s, s + MEM_PAGE_SIZE, u, &segs[i], bias, fp);
            s += MEM_PAGE_SIZE;
        } else if (s > done) {                    /* a gap */
            mem_host_map(done, s, -1);
        }
        if (s < e) {
            mprotect(g2h(s), e - s, mem_host_prot(prot));
            note_segment(s, e, prot, &segs[i], bias, fp);
        }
        if (e > done)
            done = e;
        prev_prot = prot;
    }
    return true;
}

/* Checks EF's segments into a fresh array (*SEGS, *N); false with a
 * reason. */
static bool check(const ElfFile *ef, ElfSeg **segs, unsigned *n, char *err,
                  size_t errlen)
{
    *segs = calloc(ef->phnum ? ef->phnum : 1, sizeof **segs);
    if (!*segs) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    if (!elf_check(ef, *segs, n, err, errlen)) {
        free(*segs);
        *segs = NULL;
        return false;
    }
    return true;
}

/* Loads the interpreter named INTERP; sets img->entry and img->interp_base. */
static bool load_interp(const char *interp, ElfImage *img, char *err,
                        size_t errlen)
{
    char buf[4096], why[400];
    const char *host = rt_path(interp, buf, sizeof buf);
    ElfFile ief;
    ElfSeg *segs = NULL;
    unsigned n;
    const char *sub;
    if (!elf_file_open(&ief, host, EM_RISCV, why, sizeof why)) {
        snprintf(err, errlen, "interpreter %s: %s", interp, why);
        return false;
    }
    bool ok = false;
    if (!check(&ief, &segs, &n, why, sizeof why))
        goto bad;
    int has = elf_interp(&ief, &sub, why, sizeof why);
    if (has != 0) {
        if (has > 0)
            snprintf(why, sizeof why, "has an interpreter itself");
        goto bad;
    }
    uint64_t lo = mem_page_down(segs[0].vaddr);
    uint64_t hi = mem_page_up(segs[n - 1].vaddr + segs[n - 1].memsz);
    uint64_t bias = 0;
    if (ief.ehdr->e_type == ET_DYN) {
        uint64_t at = mem_find_free(0, hi - lo);
        if (!at) {
            snprintf(why, sizeof why, "no room in the address space");
            goto bad;
        }
        bias = at - lo;
    }
    if (!map_segments(&ief, segs, n, bias, host, why, sizeof why))
        goto bad;
    img->entry = ief.ehdr->e_entry + bias;
    img->interp_base = bias;
    ok = true;
    goto done;
bad:
    snprintf(err, errlen, "interpreter %s: %s", interp, why);
done:
    free(segs);
    elf_file_close(&ief);
    return ok;
}

bool elf_load_named(const ElfFile *ef, const char *path, ElfImage *img,
                    char *err, size_t errlen)
{
    ElfSeg *segs;
    unsigned n;
    const char *interp;
    if (!check(ef, &segs, &n, err, errlen))
        return false;
    if (elf_interp(ef, &interp, err, errlen) < 0) {
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

    bool reserved = mem_space_init(lo, hi);
    if (!reserved && ef->ehdr->e_type == ET_DYN) {
        /* RLIMIT_AS too small for a reservation up to ELF_ET_DYN_BASE:
         * load the PIE low instead */
        lo -= img->load_bias;
        hi -= img->load_bias;
        img->load_bias = ELF_DYN_LOW_BASE - lo;
        lo += img->load_bias;
        hi += img->load_bias;
        reserved = mem_space_init(lo, hi);
    }
    if (!reserved) {
        snprintf(err, errlen, "cannot reserve the guest address space: %s",
                 strerror(errno));
        free(segs);
        return false;
    }
    /* the mmap area starts under the stack (initstack.c) when the image
     * leaves room for it */
    uint64_t stack = rt_stack_size ? rt_stack_size : ELF_STACK_SIZE;
    if (ELF_STACK_TOP > stack + MEM_PAGE_SIZE &&
        ELF_STACK_TOP - stack - MEM_PAGE_SIZE >= hi + MEM_BRK_RESERVE &&
        ELF_STACK_TOP <= mem_space_hi)
        mem_set_mmap_base(ELF_STACK_TOP - stack - MEM_PAGE_SIZE);
    if (!map_segments(ef, segs, n, img->load_bias, path, err, errlen)) {
        free(segs);
        return false;
    }
    uint64_t brk_room = mem_space_hi - hi;
    mem_brk_init(hi, brk_room < MEM_BRK_RESERVE ? brk_room : MEM_BRK_RESERVE);

    img->entry = img->prog_entry = ef->ehdr->e_entry + img->load_bias;
    img->phdr = phdr_addr(ef, segs, n) + img->load_bias;
    img->phnum = ef->phnum;
    img->lo = lo;
    img->hi = hi;
    img->brk = hi;
    free(segs);
    if (interp && !load_interp(interp, img, err, errlen))
        return false;
    return true;
}

bool elf_load(const ElfFile *ef, ElfImage *img, char *err, size_t errlen)
{
    return elf_load_named(ef, NULL, img, err, errlen);
}
