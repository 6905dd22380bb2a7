/*
 * The minimizer (see minimize.h): greedy chunk removal in the manner of
 * ddmin, chunk size n/2, n/4, ... 1, then single-op passes until nothing
 * more can go.
 */
#include "minimize.h"

#include <stdlib.h>
#include <string.h>

#include "ir_clone.h"
#include "ir_verify.h"

typedef struct Min {
    const IrCtx *ctx;
    bool *keep;
    MinPredicate *pred;
    void *opaque;
    unsigned tries, max_tries;
} Min;

/* Tries removing the kept ops [from, to) (indices among kept ops). */
static bool try_remove(Min *m, const size_t *kept, size_t from, size_t to)
{
    char err[256];
    for (size_t i = from; i < to; i++)
        m->keep[kept[i]] = false;
    IrCtx *cand = ir_clone(m->ctx, m->keep);
    m->tries++;
    bool ok = ir_verify(cand, err, sizeof err) && m->pred(cand, m->opaque);
    ir_ctx_free(cand);
    if (!ok)
        for (size_t i = from; i < to; i++)
            m->keep[kept[i]] = true;
    return ok;
}

static size_t kept_ops(const Min *m, size_t *kept)
{
    size_t n = 0;
    for (size_t i = 0; i < m->ctx->nb_ops; i++)
        if (m->keep[i])
            kept[n++] = i;
    return n;
}

IrCtx *minimize(const IrCtx *ctx, MinPredicate *still_fails, void *opaque,
                unsigned max_tries)
{
    Min m = { ctx, calloc(ctx->nb_ops + 1, sizeof(bool)), still_fails, opaque,
              0, max_tries };
    size_t *kept = calloc(ctx->nb_ops + 1, sizeof *kept);
    if (!m.keep || !kept)
        abort();
    memset(m.keep, 1, ctx->nb_ops * sizeof(bool));

    size_t n = kept_ops(&m, kept);
    size_t chunk = n / 2 ? n / 2 : 1;
    bool progress = true;
    while (m.tries < m.max_tries && (chunk > 1 || progress)) {
        progress = false;
        n = kept_ops(&m, kept);
        /* from the end: later ops depend on earlier ones */
        for (size_t end = n; end > 0 && m.tries < m.max_tries;) {
            size_t start = end > chunk ? end - chunk : 0;
            if (try_remove(&m, kept, start, end))
                progress = true;
            end = start;
        }
        if (chunk > 1)
            chunk /= 2;
    }
    IrCtx *out = ir_clone(ctx, m.keep);
    free(m.keep);
    free(kept);
    return out;
}
