/*
 * Program-header checks of the loader (elf_check.c): what elf_load() may
 * rely on once they pass.
 */
#ifndef ELF_CHECK_H
#define ELF_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "elf_file.h"

/* Guest addresses stay below the x86-64 user address space (47 bits). */
#define ELF_ADDR_LIMIT ((uint64_t)1 << 46)
#define ELF_SPAN_LIMIT ((uint64_t)1 << 40)

/* One PT_LOAD segment with a non-zero memory size. */
typedef struct ElfSeg {
    uint64_t vaddr, memsz;
    uint64_t offset, filesz;
    uint32_t flags;        /* PF_R | PF_W | PF_X */
    unsigned index;        /* in the program header table, for messages */
} ElfSeg;

/* Fills SEGS (room for ef->phnum) sorted by address; false with a reason. */
bool elf_check(const ElfFile *ef, ElfSeg *segs, unsigned *nseg, char *err,
               size_t errlen);

/* The PT_INTERP path: 1 and *PATH (inside EF's data), 0 when there is
 * none, -1 with a reason in ERR when it is malformed. */
int elf_interp(const ElfFile *ef, const char **path, char *err,
               size_t errlen);

#endif
