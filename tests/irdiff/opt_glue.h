/*
 * The optimizer as the difftests see it: diff_optimize() runs opt_run with
 * every rule on when the optimizer is built (src/opt exports opt_dep),
 * and does nothing otherwise (diff_have_opt tells which).
 */
#ifndef IRDIFF_OPT_GLUE_H
#define IRDIFF_OPT_GLUE_H

#include <stdbool.h>

#include "ir.h"

extern const bool diff_have_opt;
/* Ops (not counting nops) going into and coming out of diff_optimize. */
extern unsigned long diff_opt_ops_in, diff_opt_ops_out;
void diff_optimize(IrCtx *ctx);

#endif
