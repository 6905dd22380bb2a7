/*
 * ir_verify(): well-formedness of a context.  It checks, at least: every
 * opcode, type and argument count against ir_op_info (variadic groups within
 * their maximum); operand temps exist and have the types the op requires;
 * no input reads a temp before some op defines it on every path from the TB
 * start (globals and constants are always defined; a TB temp defined only
 * after a label it is read behind counts as undefined); basic-block temps
 * are not read across a basic-block boundary; outputs are never constants;
 * labels used by a branch are set exactly once; constants of each kind are
 * in range (conditions, memops, barriers, rounding modes, offsets); meta ops
 * carry nothing they should not.
 *
 * The optimizer and the code generator run it after every pass in debug
 * builds (IR_VERIFY_DEBUG) and abort with the message if it fails.
 */
#ifndef IR_VERIFY_H
#define IR_VERIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "ir.h"

/* Returns true if CTX is well formed; else false with "op N: message". */
bool ir_verify(const IrCtx *ctx, char *err, size_t errlen);

/* In debug builds: verify after pass WHAT, print the IR and abort on error. */
void ir_verify_or_die(const IrCtx *ctx, const char *what);

#ifdef NDEBUG
#define IR_VERIFY_DEBUG(ctx, what) ((void)0)
#else
#define IR_VERIFY_DEBUG(ctx, what) ir_verify_or_die((ctx), (what))
#endif

#endif
