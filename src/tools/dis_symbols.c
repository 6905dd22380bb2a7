/* objdump-compatible symbol ordering and lookup for rvtcg-dis. */
#include "dis_symbols.h"

#include <stdlib.h>
#include <string.h>

/* RISC-V mapping symbols mark code ($x, $xISA) and data ($d). */
static bool is_mapping_symbol(const char *name)
{
    return !strcmp(name, "$d") || !strcmp(name, "$x") ||
           !strncmp(name, "$xrv", 4);
}

static bool names_compiler(const char *n)
{
    return strstr(n, "gnu_compiled") || strstr(n, "gcc2_compiled");
}

static bool looks_like_file(const char *n)
{
    size_t l = strlen(n);
    return l >= 2 && n[l - 2] == '.' && (n[l - 1] == 'o' || n[l - 1] == 'a');
}

/* -1 if a sorts first, 1 if b does, 0 if the criterion does not decide. */
static int prefer(bool a_first, bool b_first)
{
    return a_first == b_first ? 0 : a_first ? -1 : 1;
}

static int sym_cmp(const void *pa, const void *pb)
{
    const DisSym *a = pa, *b = pb;
    int r;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    if (a->shndx != b->shndx)
        return a->shndx < b->shndx ? -1 : 1;
    if ((r = prefer(!names_compiler(a->name), !names_compiler(b->name))))
        return r;
    if ((r = prefer(!looks_like_file(a->name), !looks_like_file(b->name))))
        return r;
    if ((r = prefer(a->type == STT_FUNC, b->type == STT_FUNC)))
        return r;
    if ((r = prefer(a->bind != STB_LOCAL, b->bind != STB_LOCAL)))
        return r;
    if ((r = prefer(a->bind == STB_GLOBAL, b->bind == STB_GLOBAL)))
        return r;
    if ((r = prefer(a->name[0] != '.', b->name[0] != '.')))
        return r;
    return strcmp(a->name, b->name);
}

bool dis_symtab_load(DisSymtab *t, const ElfFile *ef)
{
    memset(t, 0, sizeof *t);
    ElfSymbols es;
    if (!elf_symbols(ef, &es) || es.count == 0)
        return false;
    t->v = calloc(es.count, sizeof *t->v);
    if (!t->v)
        return false;
    for (size_t i = 0; i < es.count; i++) {
        const Elf64_Sym *s = &es.syms[i];
        const char *name = elf_symbol_name(&es, s);
        int type = ELF64_ST_TYPE(s->st_info);
        if (!*name || type == STT_SECTION || type == STT_FILE ||
            s->st_shndx == SHN_UNDEF || s->st_shndx == SHN_COMMON)
            continue;
        t->v[t->n++] = (DisSym){
            .value = s->st_value,
            .shndx = s->st_shndx,
            .name = name,
            .type = (unsigned char)type,
            .bind = (unsigned char)ELF64_ST_BIND(s->st_info),
            .valid = !is_mapping_symbol(name),
        };
    }
    qsort(t->v, t->n, sizeof *t->v, sym_cmp);
    return true;
}

void dis_symtab_free(DisSymtab *t)
{
    free(t->v);
    memset(t, 0, sizeof *t);
}

static bool usable(const DisSym *s, unsigned shndx, bool require_sec)
{
    return s->valid && (!require_sec || s->shndx == shndx);
}

const DisSym *dis_sym_find(const DisSymtab *t, uint64_t vma, unsigned shndx,
                           bool require_sec, size_t *place)
{
    if (t->n == 0)
        return NULL;
    /* Binary search over (lo, hi] for the last symbol at or below vma;
     * lo stays 0 when every symbol lies above vma. */
    size_t lo = 0, hi = t->n;
    while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->v[mid].value > vma)
            hi = mid;
        else if (t->v[mid].value < vma)
            lo = mid;
        else {
            lo = mid;
            break;
        }
    }
    size_t at = lo;
    while (at > 0 && t->v[at - 1].value == t->v[at].value)
        at--;
    /* Among equal addresses, the first usable one in this section. */
    size_t end = at;
    for (; end < t->n && t->v[end].value == t->v[at].value; end++)
        if (t->v[end].shndx == shndx && t->v[end].valid) {
            *place = end;
            return &t->v[end];
        }
    if (!usable(&t->v[at], shndx, require_sec)) {
        /* Walk back to the nearest lower address with a usable symbol, and
         * take the first one at that address. */
        size_t best = t->n;
        for (size_t i = end; i-- > 0;) {
            if (!usable(&t->v[i], shndx, require_sec))
                continue;
            if (best != t->n && t->v[i].value != t->v[best].value)
                break;
            best = i;
        }
        if (best == t->n) {
            for (size_t i = at + 1; i < t->n; i++)
                if (usable(&t->v[i], shndx, require_sec)) {
                    best = i;
                    break;
                }
        }
        if (best == t->n)
            return NULL;
        at = best;
    }
    *place = at;
    return &t->v[at];
}

const DisSym *dis_sym_next(const DisSymtab *t, size_t place, unsigned shndx,
                           uint64_t above, size_t *next)
{
    for (size_t i = place; i < t->n; i++)
        if (t->v[i].shndx == shndx && t->v[i].value > above &&
            t->v[i].valid) {
            *next = i;
            return &t->v[i];
        }
    return NULL;
}
