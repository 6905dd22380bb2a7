/*
 * decodegen: a decodetree-compatible decoder generator.
 *
 *   decodegen --decode NAME --insnwidth 16|32 --output-header H
 *             --output-decoder C --output-disas C
 *             [--header-include FILE]... [--decoder-include FILE]...
 *             INPUT.decode...
 *
 * Reads every INPUT in order into one decoder, checks it, and writes
 * decode-NAME.h (types and prototypes), the decoder (decode_NAME) and the
 * disassembly table (disas_NAME).  Errors are "file:line:col: error: ..."
 * on stderr and exit status 1, with no output written.  The language and
 * the generated API are described in docs/decode-format.md.
 */
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "emit.h"
#include "sema.h"

static DgOptions dg_opt;

static void dg_usage(void)
{
    diag_fatal("usage: decodegen --decode NAME --insnwidth 16|32 "
               "--output-header H --output-decoder C --output-disas C "
               "[--header-include FILE]... [--decoder-include FILE]... "
               "INPUT.decode...");
}

/* The value of option ARGV[*I] (either "--opt=value" or "--opt value"). */
static const char *dg_optval(int argc, char **argv, int *i, const char *opt)
{
    size_t n = strlen(opt);
    const char *a = argv[*i];
    if (strncmp(a, opt, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != 0)
        return NULL;
    if (*i + 1 >= argc)
        diag_fatal("option %s needs a value", opt);
    return argv[++*i];
}

static void dg_parse_args(int argc, char **argv)
{
    const char *v;
    for (int i = 1; i < argc; i++) {
        if ((v = dg_optval(argc, argv, &i, "--decode")))
            dg_opt.name = v;
        else if ((v = dg_optval(argc, argv, &i, "--insnwidth"))) {
            if (strcmp(v, "16") != 0 && strcmp(v, "32") != 0)
                diag_fatal("--insnwidth must be 16 or 32, not '%s'", v);
            dg_opt.insnwidth = atoi(v);
        } else if ((v = dg_optval(argc, argv, &i, "--output-header")))
            dg_opt.out_header = v;
        else if ((v = dg_optval(argc, argv, &i, "--output-decoder")))
            dg_opt.out_decoder = v;
        else if ((v = dg_optval(argc, argv, &i, "--output-disas")))
            dg_opt.out_disas = v;
        else if ((v = dg_optval(argc, argv, &i, "--header-include")))
            vec_push(&dg_opt.header_includes, (void *)v);
        else if ((v = dg_optval(argc, argv, &i, "--decoder-include")))
            vec_push(&dg_opt.decoder_includes, (void *)v);
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            dg_usage();
        else if (argv[i][0] == '-' && argv[i][1] != 0)
            diag_fatal("unknown option %s", argv[i]);
        else
            vec_push(&dg_opt.inputs, argv[i]);
    }
    if (!dg_opt.name || !dg_opt.insnwidth || !dg_opt.out_header ||
        !dg_opt.out_decoder || !dg_opt.out_disas || !dg_opt.inputs.len)
        dg_usage();
    if (!is_c_ident(dg_opt.name))
        diag_fatal("--decode NAME must be a C identifier, not '%s'",
                   dg_opt.name);
}

static void dg_cleanup(void)
{
    dg_free_all();
    vec_free(&dg_opt.header_includes);
    vec_free(&dg_opt.decoder_includes);
    vec_free(&dg_opt.inputs);
}

int main(int argc, char **argv)
{
    diag_set_progname("decodegen");
    dg_parse_args(argc, argv);

    DgProgram *p = &dg_prog;
    p->name = dg_opt.name;
    p->insnwidth = dg_opt.insnwidth;
    p->insnmask = dg_opt.insnwidth == 32 ? 0xffffffffu : 0xffffu;
    for (size_t i = 0; i < dg_opt.inputs.len; i++)
        dg_parse_file(dg_opt.inputs.items[i]);
    /* After syntax errors the tree is partial: stop before cascades. */
    if (diag_error_count() == 0) {
        dg_sema_defs(p);
        dg_layout_all(p);
        dg_check_groups(p);
        dg_check_names(p);
    }
    if (diag_error_count()) {
        dg_cleanup();
        return 1;
    }

    dg_extract_plan(p, &dg_opt);
    dg_write_output(p, &dg_opt, dg_opt.out_header, dg_emit_header);
    dg_write_output(p, &dg_opt, dg_opt.out_decoder, dg_emit_decoder);
    dg_write_output(p, &dg_opt, dg_opt.out_disas, dg_emit_disas);
    dg_cleanup();
    return 0;
}
