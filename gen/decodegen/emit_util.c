/*
 * decodegen's C writer: indented lines, width-sized hex constants, C string
 * literals, and atomic output files with the standard banner.
 */
#include "emit.h"

#include <stdarg.h>
#include <string.h>

#include "outfile.h"

void dg_emit(DgEmit *e, const char *fmt, ...)
{
    va_list ap;
    if (*fmt) {
        for (int i = 0; i < e->indent; i++)
            fputs("    ", e->fp);
    }
    va_start(ap, fmt);
    vfprintf(e->fp, fmt, ap);
    va_end(ap);
    fputc('\n', e->fp);
}

const char *dg_hex(const DgEmit *e, uint32_t v)
{
    static char ring[8][16];
    static int next;
    char *b = ring[next++ % 8];
    snprintf(b, sizeof(ring[0]), "0x%0*xu", e->prog->insnwidth / 4, v);
    return b;
}

char *dg_c_string(const char *s)
{
    StrBuf b = {0};
    sb_putc(&b, '"');
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        switch (*c) {
        case '"':  sb_puts(&b, "\\\""); break;
        case '\\': sb_puts(&b, "\\\\"); break;
        case '\n': sb_puts(&b, "\\n"); break;
        case '\t': sb_puts(&b, "\\t"); break;
        default:
            if (*c < 0x20 || *c >= 0x7f || *c == '?')
                sb_printf(&b, "\\%03o", *c);   /* '?': no trigraphs */
            else
                sb_putc(&b, (char)*c);
        }
    }
    sb_putc(&b, '"');
    char *r = dg_strdup(sb_str(&b));
    sb_free(&b);
    return r;
}

const char *dg_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

void dg_write_output(const DgProgram *p, const DgOptions *opt,
                     const char *path, void (*body)(DgEmit *e))
{
    OutFile of = {0};
    outfile_open(&of, path);
    outfile_banner(&of, "decodegen", (int)opt->inputs.len,
                   (char **)opt->inputs.items);
    DgEmit e = { of.fp, 0, p, opt };
    body(&e);
    outfile_close(&of, 1);
}
