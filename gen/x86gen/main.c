/*
 * x86gen: compiles defs/x86_64/encodings.def into x86-64 emitter C.
 *
 *   x86gen INPUT.def --emit-h F --emit-c F --forms-h F --forms-c F
 *
 * Parses and checks the whole file first; on any error it prints
 * FILE:LINE:COL: error: MESSAGE for each, removes the output files (so no
 * stale generated code survives) and exits 1.  Outputs are written to
 * NAME.tmp and renamed into place.
 */
#include "ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    fprintf(stderr, "usage: x86gen INPUT.def --emit-h FILE --emit-c FILE "
            "--forms-h FILE --forms-c FILE\n");
    exit(2);
}

int main(int argc, char **argv)
{
    X86genOutputs out = {0};
    char *input = NULL;

    diag_set_progname("x86gen");
    for (int i = 1; i < argc; i++) {
        const char **slot = NULL;
        if (!strcmp(argv[i], "--emit-h"))
            slot = &out.emit_h;
        else if (!strcmp(argv[i], "--emit-c"))
            slot = &out.emit_c;
        else if (!strcmp(argv[i], "--forms-h"))
            slot = &out.forms_h;
        else if (!strcmp(argv[i], "--forms-c"))
            slot = &out.forms_c;
        else if (argv[i][0] == '-' || input)
            usage();
        else
            input = argv[i];
        if (slot) {
            if (++i >= argc)
                usage();
            *slot = argv[i];
        }
    }
    if (!input || !out.emit_h || !out.emit_c || !out.forms_h || !out.forms_c)
        usage();

    x86gen_parse_file(input);
    x86gen_check_all();   /* also after syntax errors: report everything */
    if (!diag_error_count() && x86gen_forms.len == 0)
        diag_error((SrcLoc){ input, 0, 0 }, "no forms defined");
    if (diag_error_count()) {
        remove(out.emit_h);
        remove(out.emit_c);
        remove(out.forms_h);
        remove(out.forms_c);
        return 1;
    }
    x86gen_write_all(&out, input);
    return 0;
}
