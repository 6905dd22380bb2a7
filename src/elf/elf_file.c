/* Validated read-only ELF-64 file view (see elf_file.h). */
#include "elf_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Is [off, off+len) inside a file of `size` bytes (no overflow)? */
static bool in_file(size_t size, uint64_t off, uint64_t len)
{
    return off <= size && len <= size - off;
}

static bool fail(char *err, size_t errlen, const char *msg)
{
    snprintf(err, errlen, "%s", msg);
    return false;
}

bool elf_file_parse(ElfFile *ef, const uint8_t *data, size_t size,
                    uint16_t machine, char *err, size_t errlen)
{
    memset(ef, 0, sizeof *ef);
    ef->data = data;
    ef->size = size;

    if (size < SELFMAG || memcmp(data, ELFMAG, SELFMAG) != 0)
        return fail(err, errlen, "not an ELF file");
    if (size < EI_NIDENT)
        return fail(err, errlen, "truncated ELF header");
    if (data[EI_CLASS] != ELFCLASS64)
        return fail(err, errlen, "not a 64-bit ELF file");
    if (data[EI_DATA] != ELFDATA2LSB)
        return fail(err, errlen, "not a little-endian ELF file");
    if (data[EI_VERSION] != EV_CURRENT)
        return fail(err, errlen, "unsupported ELF version");
    if (size < sizeof(Elf64_Ehdr))
        return fail(err, errlen, "truncated ELF header");

    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)data;
    ef->ehdr = eh;
    if (machine != EM_NONE && eh->e_machine != machine) {
        snprintf(err, errlen, "not a RISC-V ELF file (e_machine %u)",
                 eh->e_machine);
        return false;
    }

    if (eh->e_shnum) {
        if (eh->e_shentsize != sizeof(Elf64_Shdr))
            return fail(err, errlen, "bad section header size");
        if (!in_file(size, eh->e_shoff,
                     (uint64_t)eh->e_shnum * sizeof(Elf64_Shdr)))
            return fail(err, errlen, "truncated section header table");
        if (eh->e_shoff % 8)
            return fail(err, errlen, "misaligned section header table");
        ef->shdr = (const Elf64_Shdr *)(data + eh->e_shoff);
        ef->shnum = eh->e_shnum;
        for (unsigned i = 0; i < ef->shnum; i++) {
            const Elf64_Shdr *sh = &ef->shdr[i];
            if (sh->sh_type != SHT_NOBITS && sh->sh_type != SHT_NULL &&
                !in_file(size, sh->sh_offset, sh->sh_size)) {
                snprintf(err, errlen, "section %u lies outside the file", i);
                return false;
            }
        }
        if (eh->e_shstrndx != SHN_UNDEF) {
            if (eh->e_shstrndx >= ef->shnum)
                return fail(err, errlen, "bad section name table index");
            ef->shstrtab = &ef->shdr[eh->e_shstrndx];
            if (ef->shstrtab->sh_type != SHT_STRTAB)
                ef->shstrtab = NULL;
        }
    }

    if (eh->e_phnum) {
        if (eh->e_phentsize != sizeof(Elf64_Phdr))
            return fail(err, errlen, "bad program header size");
        if (!in_file(size, eh->e_phoff,
                     (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr)))
            return fail(err, errlen, "truncated program header table");
        if (eh->e_phoff % 8)
            return fail(err, errlen, "misaligned program header table");
        ef->phdr = (const Elf64_Phdr *)(data + eh->e_phoff);
        ef->phnum = eh->e_phnum;
    }
    return true;
}

bool elf_file_open(ElfFile *ef, const char *path, uint16_t machine,
                   char *err, size_t errlen)
{
    memset(ef, 0, sizeof *ef);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(err, errlen, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return fail(err, errlen, strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return fail(err, errlen, "not a regular file");
    }
    if (st.st_size == 0) {
        close(fd);
        return fail(err, errlen, "not an ELF file");
    }
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    int e = errno;
    close(fd);
    if (p == MAP_FAILED)
        return fail(err, errlen, strerror(e));
    if (!elf_file_parse(ef, p, (size_t)st.st_size, machine, err, errlen)) {
        munmap(p, (size_t)st.st_size);
        memset(ef, 0, sizeof *ef);
        return false;
    }
    return true;
}

void elf_file_close(ElfFile *ef)
{
    if (ef->data)
        munmap((void *)ef->data, ef->size);
    memset(ef, 0, sizeof *ef);
}

/* A NUL-terminated string at offset off of string-table section st. */
static const char *strtab_at(const ElfFile *ef, const Elf64_Shdr *st,
                             uint64_t off)
{
    if (!st || st->sh_type != SHT_STRTAB || off >= st->sh_size)
        return "";
    const char *s = (const char *)ef->data + st->sh_offset + off;
    if (!memchr(s, 0, st->sh_size - off))
        return "";
    return s;
}

const char *elf_section_name(const ElfFile *ef, const Elf64_Shdr *sh)
{
    return strtab_at(ef, ef->shstrtab, sh->sh_name);
}

const uint8_t *elf_section_data(const ElfFile *ef, const Elf64_Shdr *sh)
{
    if (sh->sh_type == SHT_NOBITS)
        return NULL;
    return ef->data + sh->sh_offset;
}

bool elf_symbols(const ElfFile *ef, ElfSymbols *out)
{
    memset(out, 0, sizeof *out);
    const Elf64_Shdr *best = NULL;
    for (unsigned i = 0; i < ef->shnum; i++) {
        const Elf64_Shdr *sh = &ef->shdr[i];
        if (sh->sh_type == SHT_SYMTAB) {
            best = sh;
            break;
        }
        if (sh->sh_type == SHT_DYNSYM && !best)
            best = sh;
    }
    if (!best || best->sh_entsize != sizeof(Elf64_Sym) ||
        best->sh_link >= ef->shnum)
        return false;
    const Elf64_Shdr *st = &ef->shdr[best->sh_link];
    if (st->sh_type != SHT_STRTAB)
        return false;
    out->syms = (const Elf64_Sym *)(ef->data + best->sh_offset);
    out->count = best->sh_size / sizeof(Elf64_Sym);
    out->strtab = (const char *)ef->data + st->sh_offset;
    out->strsize = st->sh_size;
    if (best->sh_offset % 8)
        return false;
    return true;
}

const char *elf_symbol_name(const ElfSymbols *s, const Elf64_Sym *sym)
{
    if (sym->st_name >= s->strsize)
        return "";
    const char *n = s->strtab + sym->st_name;
    if (!memchr(n, 0, s->strsize - sym->st_name))
        return "";
    return n;
}
