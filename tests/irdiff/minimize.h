/*
 * Delta debugging of a failing IR program: removes ops, in chunks that
 * halve down to single ops, as long as the candidate passes ir_verify and
 * the caller's predicate says it still fails.  The predicate must reject
 * candidates that do not run to an exit in the interpreter (it runs the
 * interpreter first, so a removed loop decrement is never handed to the
 * JIT).
 */
#ifndef IRDIFF_MINIMIZE_H
#define IRDIFF_MINIMIZE_H

#include "ir.h"

typedef bool MinPredicate(const IrCtx *cand, void *opaque);

/* A minimized copy of CTX (which must fail); at most MAX_TRIES
   candidates are tested. */
IrCtx *minimize(const IrCtx *ctx, MinPredicate *still_fails, void *opaque,
                unsigned max_tries);

#endif
