/*
 * Diagnostics for the generator tools.
 *
 * Every error a generator reports has the form
 *     FILE:LINE:COL: error: MESSAGE
 * (the format of GCC and of QEMU's decodetree), so editors can jump to it.
 * Generators keep going after an error where they can, then exit with
 * status 1 if any error was reported (diag_exit_if_errors).
 */
#ifndef GEN_DIAG_H
#define GEN_DIAG_H

#include <stdarg.h>

/* A position in a spec file; line and column count from 1 (0 = unknown). */
typedef struct SrcLoc {
    const char *file;
    int line;
    int col;
} SrcLoc;

/* The program name used for errors that have no source position. */
void diag_set_progname(const char *name);

__attribute__((format(printf, 2, 3)))
void diag_error(SrcLoc loc, const char *fmt, ...);
void diag_verror(SrcLoc loc, const char *fmt, va_list ap);

/* An error with no source location: "PROG: error: MESSAGE", then exit 1. */
__attribute__((format(printf, 1, 2), noreturn))
void diag_fatal(const char *fmt, ...);

int diag_error_count(void);

/* Exit with status 1 if any error has been reported. */
void diag_exit_if_errors(void);

#endif
