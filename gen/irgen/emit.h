/*
 * irgen's emitters: ir-ops.h (emit_ops_h.c), ir-ops.c (emit_ops_c.c) and
 * ir-build.h (emit_build.c).  They read a file that irgen_check accepted.
 */
#ifndef IRGEN_EMIT_H
#define IRGEN_EMIT_H

#include "ast.h"

#include <stdio.h>

void irgen_emit_ops_h(FILE *out, IrgenFile *file);
void irgen_emit_ops_c(FILE *out, IrgenFile *file, const char *header_name);
void irgen_emit_build_h(FILE *out, IrgenFile *file, const char *ops_header_name);

/* Shared helpers (emit_util.c). */
const char *irgen_where(SrcLoc loc);            /* "defs/ir/ops.def:42" */
char *irgen_upper(const char *s);               /* caller frees */
/* "i32, i64" for a type mask; caller frees. */
char *irgen_type_list(unsigned tmask);
/* The op's flags as written ("fold,commut" or "-"); caller frees. */
char *irgen_flag_list(uint32_t mask);
/* Largest counts over all ops. */
typedef struct IrgenLimits {
    int max_out, max_in, max_const, max_temps, max_args, max_scratch, max_cons;
} IrgenLimits;
IrgenLimits irgen_limits(IrgenFile *file);

#endif
