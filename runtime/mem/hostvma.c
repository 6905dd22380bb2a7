/*
 * Moving and growing host mappings that back a guest mapping
 * (mem_internal.h).  One guest mapping may be backed by several host
 * VMAs (an anonymous mapping grown in place, a moved one next to a fresh
 * one: the host kernel does not merge VMAs whose page offsets do not
 * line up), and mremap(2) refuses a range spanning VMAs (EFAULT).  Then
 * the pieces, read from the host's /proc/self/maps, are moved one by
 * one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "guest_mem.h"
#include "mem_internal.h"

typedef struct Piece {
    uintptr_t lo, hi;
} Piece;

/* The host VMAs covering [s, e), clipped; NULL when they do not cover it
 * contiguously.  *N receives their count; the caller frees. */
static Piece *host_pieces(uintptr_t s, uintptr_t e, size_t *n)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f)
        return NULL;
    Piece *v = NULL;
    size_t cnt = 0, cap = 0;
    uintptr_t next = s;
    char line[512];
    while (fgets(line, sizeof line, f) && next < e) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx", &lo, &hi) != 2 || hi <= next)
            continue;
        if (lo > next)
            break;                                  /* a gap */
        if (cnt == cap) {
            cap = cap ? 2 * cap : 8;
            Piece *nv = realloc(v, cap * sizeof *v);
            if (!nv)
                break;
            v = nv;
        }
        v[cnt++] = (Piece){ next, hi < e ? hi : e };
        next = hi < e ? hi : e;
    }
    fclose(f);
    if (next < e) {
        free(v);
        return NULL;
    }
    *n = cnt;
    return v;
}

static _Noreturn void lost(const char *what)
{
    fprintf(stderr, "rvtcg: mremap: cannot %s: %s\n", what, strerror(errno));
    abort();
}

int mem_host_move(uint64_t old, uint64_t keep, uint64_t dest,
                  uint64_t new_len)
{
    if (mremap(g2h(old), keep, new_len, MREMAP_MAYMOVE | MREMAP_FIXED,
               g2h(dest)) != MAP_FAILED)
        return 0;
    if (errno != EFAULT)
        return -errno;
    size_t n;
    uintptr_t s = (uintptr_t)g2h(old);
    Piece *v = host_pieces(s, s + keep, &n);
    if (!v)
        return -EFAULT;
    for (size_t i = 0; i < n; i++) {
        size_t len = v[i].hi - v[i].lo;
        size_t grow = i + 1 == n ? new_len - keep : 0;
        if (mremap((void *)v[i].lo, len, len + grow,
                   MREMAP_MAYMOVE | MREMAP_FIXED,
                   (char *)g2h(dest) + (v[i].lo - s)) == MAP_FAILED) {
            if (i == 0) {
                int e = errno;
                free(v);
                return -e;
            }
            lost("move a mapping piece by piece");
        }
    }
    free(v);
    return 0;
}

int mem_host_grow(uint64_t old, uint64_t old_len, uint64_t new_len)
{
    uintptr_t s = (uintptr_t)g2h(old), e = s + old_len;
    uint64_t delta = new_len - old_len;
    /* move away while growing, then back over the reservation */
    void *h = mremap((void *)s, old_len, new_len, MREMAP_MAYMOVE);
    if (h == MAP_FAILED && errno == EFAULT) {
        /* several VMAs: only the last one grows */
        size_t n;
        Piece *v = host_pieces(s, e, &n);
        if (!v)
            return -EFAULT;
        s = v[n - 1].lo;
        free(v);
        h = mremap((void *)s, e - s, e - s + delta, MREMAP_MAYMOVE);
    }
    if (h == MAP_FAILED)
        return -errno;
    if (mremap(h, e - s + delta, e - s + delta, MREMAP_MAYMOVE | MREMAP_FIXED,
               (void *)s) == MAP_FAILED)
        lost("move a mapping back into guest space");
    return 0;
}
