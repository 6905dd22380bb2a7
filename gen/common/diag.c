/* Diagnostics for the generator tools: "file:line:col: error: message". */
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>

static const char *progname = "gen";
static int nerrors;

void diag_set_progname(const char *name)
{
    progname = name;
}

void diag_verror(SrcLoc loc, const char *fmt, va_list ap)
{
    if (loc.file && loc.line > 0 && loc.col > 0)
        fprintf(stderr, "%s:%d:%d: error: ", loc.file, loc.line, loc.col);
    else if (loc.file && loc.line > 0)
        fprintf(stderr, "%s:%d: error: ", loc.file, loc.line);
    else if (loc.file)
        fprintf(stderr, "%s: error: ", loc.file);
    else
        fprintf(stderr, "%s: error: ", progname);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    nerrors++;
}

void diag_error(SrcLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_verror(loc, fmt, ap);
    va_end(ap);
}

void diag_fatal(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: error: ", progname);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

int diag_error_count(void)
{
    return nerrors;
}

void diag_exit_if_errors(void)
{
    if (nerrors)
        exit(1);
}
