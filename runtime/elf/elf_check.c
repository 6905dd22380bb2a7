/*
 * Checks of an executable's program headers before anything is mapped
 * (ELF-64 Object File Format 1.5, "Program Header"; the Linux loader's
 * rules in fs/binfmt_elf.c): executable type, at least one PT_LOAD, each
 * segment inside the file, file size <= memory size, addresses in range,
 * no two segments overlapping; the PT_INTERP path inside the file and
 * NUL-terminated.  Every problem is one short reason for
 * "rvtcg: PATH: ...".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf_check.h"

static bool fail(char *err, size_t errlen, const char *msg, unsigned i)
{
    snprintf(err, errlen, msg, i);
    return false;
}

static int by_vaddr(const void *a, const void *b)
{
    const ElfSeg *x = a, *y = b;
    return x->vaddr < y->vaddr ? -1 : x->vaddr > y->vaddr;
}

bool elf_check(const ElfFile *ef, ElfSeg *segs, unsigned *nseg, char *err,
               size_t errlen)
{
    const Elf64_Ehdr *eh = ef->ehdr;
    if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
        return fail(err, errlen, "not an executable (e_type %u)", eh->e_type);
    if (!ef->phdr)
        return fail(err, errlen, "no program headers%.0u", 0);

    unsigned n = 0;
    for (unsigned i = 0; i < ef->phnum; i++) {
        const Elf64_Phdr *ph = &ef->phdr[i];
        if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
            continue;
        if (ph->p_filesz > ph->p_memsz)
            return fail(err, errlen,
                        "segment %u: file size larger than memory size", i);
        if (ph->p_offset > ef->size || ph->p_filesz > ef->size - ph->p_offset)
            return fail(err, errlen, "segment %u lies outside the file", i);
        if (ph->p_vaddr >= ELF_ADDR_LIMIT ||
            ph->p_memsz > ELF_ADDR_LIMIT - ph->p_vaddr)
            return fail(err, errlen, "segment %u: address out of range", i);
        segs[n++] = (ElfSeg){ ph->p_vaddr, ph->p_memsz, ph->p_offset,
                              ph->p_filesz, ph->p_flags, i };
    }
    if (n == 0)
        return fail(err, errlen, "no loadable segments%.0u", 0);

    /* the ELF spec asks for ascending p_vaddr; sort rather than trust it */
    qsort(segs, n, sizeof *segs, by_vaddr);
    for (unsigned i = 0; i + 1 < n; i++) {
        if (segs[i].vaddr + segs[i].memsz > segs[i + 1].vaddr) {
            snprintf(err, errlen, "segments %u and %u overlap",
                     segs[i].index, segs[i + 1].index);
            return false;
        }
    }
    uint64_t lo = segs[0].vaddr, hi = segs[n - 1].vaddr + segs[n - 1].memsz;
    if (hi - lo > ELF_SPAN_LIMIT)
        return fail(err, errlen, "segments span more than 1 TiB%.0u", 0);
    *nseg = n;
    return true;
}

int elf_interp(const ElfFile *ef, const char **path, char *err, size_t errlen)
{
    *path = NULL;
    for (unsigned i = 0; i < ef->phnum; i++) {
        const Elf64_Phdr *ph = &ef->phdr[i];
        if (ph->p_type != PT_INTERP)
            continue;
        if (*path) {
            fail(err, errlen, "more than one PT_INTERP%.0u", 0);
            return -1;
        }
        /* fs/binfmt_elf.c: at least 2 bytes, at most PATH_MAX, ending in
         * a NUL */
        if (ph->p_offset > ef->size || ph->p_filesz > ef->size - ph->p_offset) {
            fail(err, errlen, "segment %u lies outside the file", i);
            return -1;
        }
        const char *s = (const char *)ef->data + ph->p_offset;
        if (ph->p_filesz < 2 || ph->p_filesz > 4096 ||
            s[ph->p_filesz - 1] != 0) {
            fail(err, errlen, "bad interpreter path (segment %u)", i);
            return -1;
        }
        *path = s;
    }
    return *path ? 1 : 0;
}
