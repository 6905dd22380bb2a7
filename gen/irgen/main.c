/*
 * irgen: compiles the IR opcode table defs/ir/ops.def into C.
 *
 *   irgen --output-header ir-ops.h --output-source ir-ops.c \
 *         --output-builders ir-build.h ops.def
 *
 * Parses (parser.y), checks (check.c, check_cons.c) and, only if there was
 * no error, writes the three files (emit_ops_h.c, emit_ops_c.c,
 * emit_build.c), each through a
 * temporary file renamed into place.  On any error it prints
 * "file:line:col: error: message" lines, removes the output files, and
 * exits with status 1.
 */
#include "ast.h"
#include "check.h"
#include "emit.h"
#include "outfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *fp)
{
    fprintf(fp, "usage: irgen --output-header FILE.h --output-source FILE.c "
                "--output-builders FILE.h OPS.def\n");
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

int main(int argc, char **argv)
{
    const char *out_h = NULL, *out_c = NULL, *out_b = NULL, *input = NULL;
    diag_set_progname("irgen");
    for (int i = 1; i < argc; i++) {
        const char **dst = NULL;
        if (!strcmp(argv[i], "--output-header"))
            dst = &out_h;
        else if (!strcmp(argv[i], "--output-source"))
            dst = &out_c;
        else if (!strcmp(argv[i], "--output-builders"))
            dst = &out_b;
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage(stdout);
            return 0;
        } else if (argv[i][0] == '-' || input) {
            usage(stderr);
            return 2;
        } else {
            input = argv[i];
            continue;
        }
        if (++i == argc) {
            usage(stderr);
            return 2;
        }
        *dst = argv[i];
    }
    if (!out_h || !out_c || !out_b || !input) {
        usage(stderr);
        return 2;
    }

    IrgenFile file = { 0 };
    if (!irgen_parse(input, &file))
        diag_fatal("cannot read %s", input);
    /* check what did parse, so one run reports as much as it can */
    bool ok = irgen_check(&file);
    if (!ok) {
        /* never leave a stale generated file behind a failed run */
        remove(out_h);
        remove(out_c);
        remove(out_b);
        vec_free(&file.ops);
        vec_free(&file.regsets);
        irgen_free_all();
        return 1;
    }

    char *inputs[] = { (char *)input };
    OutFile oh, oc, ob;
    outfile_open(&oh, out_h);
    outfile_banner(&oh, "irgen", 1, inputs);
    irgen_emit_ops_h(oh.fp, &file);
    outfile_open(&oc, out_c);
    outfile_banner(&oc, "irgen", 1, inputs);
    irgen_emit_ops_c(oc.fp, &file, base_name(out_h));
    outfile_open(&ob, out_b);
    outfile_banner(&ob, "irgen", 1, inputs);
    irgen_emit_build_h(ob.fp, &file, base_name(out_h));
    outfile_close(&oh, 1);
    outfile_close(&oc, 1);
    outfile_close(&ob, 1);

    vec_free(&file.ops);
    vec_free(&file.regsets);
    irgen_free_all();
    return 0;
}
