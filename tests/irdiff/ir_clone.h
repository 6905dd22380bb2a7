/*
 * Copying an IrCtx, optionally keeping only some of its ops: the JIT and
 * the optimizer get a fresh copy (both may change the context), and the
 * minimizer builds its candidates this way.  All globals are copied in
 * order; other temps are created in the order the kept ops first use them,
 * so a copy with ops removed dumps without unused temps.  Labels keep
 * their ids.
 */
#ifndef IRDIFF_IR_CLONE_H
#define IRDIFF_IR_CLONE_H

#include <stdbool.h>

#include "ir.h"

/* A copy of SRC with the ops i for which KEEP[i] (all if KEEP is NULL). */
IrCtx *ir_clone(const IrCtx *src, const bool *keep);

#endif
