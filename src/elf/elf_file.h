/*
 * A validated, read-only view of a 64-bit little-endian ELF file.
 *
 * elf_file_open() maps the file and checks everything later accessors rely
 * on (ELF-64 Object File Format, version 1.5: header, section header table,
 * section bounds, string table indices), so a corrupt or truncated file is
 * reported once, as one line, instead of crashing a tool later.  Used by
 * rvtcg-dis now and by the loader later.
 */
#ifndef ELF_FILE_H
#define ELF_FILE_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ElfFile {
    const uint8_t *data;
    size_t size;
    const Elf64_Ehdr *ehdr;
    const Elf64_Shdr *shdr;      /* NULL when the file has no sections */
    unsigned shnum;
    const Elf64_Phdr *phdr;      /* NULL when the file has no segments */
    unsigned phnum;
    const Elf64_Shdr *shstrtab;  /* section name table, or NULL */
} ElfFile;

/* Opens and validates PATH.  On failure returns false and writes a short
 * reason ("not an ELF file", "truncated section header table", ...) to err. */
bool elf_file_open(ElfFile *ef, const char *path, uint16_t machine,
                   char *err, size_t errlen);
/* The same for a file already in memory (not copied; ef borrows it). */
bool elf_file_parse(ElfFile *ef, const uint8_t *data, size_t size,
                    uint16_t machine, char *err, size_t errlen);
void elf_file_close(ElfFile *ef);

/* A section's name ("" when unnamed or out of range). */
const char *elf_section_name(const ElfFile *ef, const Elf64_Shdr *sh);
/* A section's contents; NULL for SHT_NOBITS. Bounds were checked at open. */
const uint8_t *elf_section_data(const ElfFile *ef, const Elf64_Shdr *sh);

/* Symbols of the first SHT_SYMTAB section (or SHT_DYNSYM if none). */
typedef struct ElfSymbols {
    const Elf64_Sym *syms;
    size_t count;
    const char *strtab;
    size_t strsize;
} ElfSymbols;

bool elf_symbols(const ElfFile *ef, ElfSymbols *out);
const char *elf_symbol_name(const ElfSymbols *s, const Elf64_Sym *sym);

#endif
