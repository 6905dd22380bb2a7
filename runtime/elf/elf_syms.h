/*
 * Guest symbols for the -d logs: the executable's function and object
 * symbols, sorted, looked up by address (the symbol containing it, or the
 * nearest one below within the same run).
 */
#ifndef ELF_SYMS_H
#define ELF_SYMS_H

#include <stdint.h>

#include "elf_file.h"

/* Loads the symbols of EF shifted by BIAS (EF must stay open). */
void elf_syms_load(const ElfFile *ef, uint64_t bias);
/* The name of the symbol covering ADDR and the offset into it, or NULL. */
const char *elf_syms_lookup(uint64_t addr, uint64_t *offset);

#endif
