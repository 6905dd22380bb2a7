/*
 * irgen's semantic pass over a parsed ops.def: irgen_check reports every
 * error through diag_error and returns false if there was any.  The rest
 * is shared by check.c (names, signatures, flags) and check_cons.c
 * (constraint sets).
 */
#ifndef IRGEN_CHECK_H
#define IRGEN_CHECK_H

#include "ast.h"

bool irgen_check(IrgenFile *file);

/* Operand roles, for messages. */
enum { IRGEN_ROLE_OUT, IRGEN_ROLE_IN, IRGEN_ROLE_SCRATCH };
extern const char *const irgen_role_names[];

/* Limits of the generated tables (IrOp args, variadic groups). */
enum { IRGEN_MAX_GROUP = 8, IRGEN_MAX_ARGS = 16 };

/* Resolves SPEC's mask (registers, ranges, earlier regsets); false on error. */
bool irgen_resolve_regspec(IrgenFile *file, IrgenRegSpec *spec);

bool irgen_has_flag(IrgenOp *op, const char *name);

/* Checks one constraint set of OP and appends it to OP's alternatives. */
void irgen_check_set(IrgenFile *file, IrgenOp *op, IrgenConsSet *set);

/* Every class of a non-meta op must end with an unconditional alternative
   (an op without operands gets an implicit empty set). */
void irgen_check_alternatives(IrgenOp *op);

#endif
