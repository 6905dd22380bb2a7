/*
 * The textual IR: what ir_dump() prints and ir_parse() reads back.  The two
 * round-trip exactly: dump(parse(dump(ctx))) == dump(ctx).  Used by tools
 * (rvtcg-irbackend, rvtcg-irdump, -d op), by tests (optimizer rules written
 * as before/after text, minimized failing programs), and for bug reports.
 * The grammar is in docs/ir.md ("Textual form").
 *
 * Helper functions (the `call` op's constant) are named in the text; the
 * parser finds them in a registry that the program fills with
 * ir_helper_register().
 */
#ifndef IR_TEXT_H
#define IR_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ir.h"

/* Prints the whole context: globals, then one op per line. */
void ir_dump(const IrCtx *ctx, FILE *f);
/* Prints one op (no newline) as it appears in ir_dump. */
void ir_dump_op(const IrCtx *ctx, const IrOp *op, FILE *f);
/* ir_dump into a malloc'ed string. */
char *ir_dump_str(const IrCtx *ctx);
/* The text-form name of temp T (a global's name, t3, b0, or a constant
 * $5:i64) into BUF (NUL-terminated, truncated to LEN), for messages. */
void ir_temp_name(const IrCtx *ctx, IrTemp t, char *buf, size_t len);

/*
 * Parses TEXT into CTX, which must be fresh (ir_ctx_new) or reset: globals
 * the text declares are created if CTX has none yet, and must match exactly
 * if it already has some.  On error returns false and writes
 * "NAME:LINE:COL: message" into err (NAME = the name given for the text).
 */
bool ir_parse(IrCtx *ctx, const char *text, const char *name, char *err,
              size_t errlen);

/* The helper registry used by ir_parse (helpers are identified by name). */
void ir_helper_register(const IrHelper *h);
const IrHelper *ir_helper_find(const char *name);

#endif
