/*
 * Symbols for rvtcg-dis, ordered and looked up the way GNU objdump does, so
 * that labels and "<symbol+0xoff>" annotations name the same symbol when a
 * location has several (aliases such as __libc_free / free).
 *
 * objdump's rules, as observed in binutils 2.40: it drops unnamed,
 * section, file, undefined and common symbols; sorts the rest by address,
 * then section, then puts functions before other symbols, non-local before
 * local, global before weak, names without a leading '.' first, and finally
 * orders by name; at an address it uses the first symbol in that order.
 * RISC-V mapping symbols ($x, $d, $xrv64...) are kept in the order but are
 * never chosen.
 */
#ifndef DIS_SYMBOLS_H
#define DIS_SYMBOLS_H

#include "elf_file.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct DisSym {
    uint64_t value;
    unsigned shndx;
    const char *name;
    unsigned char type, bind;
    bool valid;           /* may name a location (not a mapping symbol) */
} DisSym;

typedef struct DisSymtab {
    DisSym *v;
    size_t n;
} DisSymtab;

/* Loads and sorts the file's symbols (SHT_SYMTAB, else SHT_DYNSYM). */
bool dis_symtab_load(DisSymtab *t, const ElfFile *ef);
void dis_symtab_free(DisSymtab *t);

/* The symbol objdump names address vma after: the nearest valid symbol at
 * or below vma (or, failing that, above it); when require_sec, only symbols
 * of section shndx.  *place receives its index.  NULL if none. */
const DisSym *dis_sym_find(const DisSymtab *t, uint64_t vma, unsigned shndx,
                           bool require_sec, size_t *place);

/* The next valid symbol of section shndx after index place whose value is
 * greater than `above`; NULL if none.  *next receives its index. */
const DisSym *dis_sym_next(const DisSymtab *t, size_t place, unsigned shndx,
                           uint64_t above, size_t *next);

#endif
