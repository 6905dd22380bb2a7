/*
 * Symbol lookup for logs (elf_syms.h).  Keeps named STT_FUNC, STT_OBJECT
 * and STT_NOTYPE symbols with a non-zero value (RISC-V mapping symbols,
 * "$x" and "$d", are skipped), sorted by address; a lookup takes the last
 * symbol at or below the address, and accepts it if the address is inside
 * its size, or it has no size.
 */
#include <stdlib.h>

#include "elf_syms.h"

typedef struct Sym {
    uint64_t addr, size;
    const char *name;
} Sym;

static Sym *syms;
static size_t nb_syms;

static int by_addr(const void *a, const void *b)
{
    const Sym *x = a, *y = b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    /* at one address prefer the sized (function) symbol, then global */
    return (y->size != 0) - (x->size != 0);
}

void elf_syms_load(const ElfFile *ef, uint64_t bias)
{
    ElfSymbols s;
    if (!elf_symbols(ef, &s))
        return;
    syms = calloc(s.count ? s.count : 1, sizeof *syms);
    if (!syms)
        return;
    for (size_t i = 0; i < s.count; i++) {
        const Elf64_Sym *e = &s.syms[i];
        unsigned type = ELF64_ST_TYPE(e->st_info);
        const char *name = elf_symbol_name(&s, e);
        if (!e->st_value || !name || !name[0] || name[0] == '$' ||
            e->st_shndx == SHN_UNDEF ||
            (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE))
            continue;
        syms[nb_syms++] = (Sym){ e->st_value + bias, e->st_size, name };
    }
    qsort(syms, nb_syms, sizeof *syms, by_addr);
}

const char *elf_syms_lookup(uint64_t addr, uint64_t *offset)
{
    size_t lo = 0, hi = nb_syms;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (syms[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    /* the first of the run of symbols at that address (sorted preferred) */
    size_t i = lo - 1;
    while (i > 0 && syms[i - 1].addr == syms[i].addr)
        i--;
    const Sym *s = &syms[i];
    if (s->size && addr - s->addr >= s->size)
        return NULL;
    *offset = addr - s->addr;
    return s->name;
}
