/* Small helpers shared by irgen's emitters (names, lists, limits). */
#include "emit.h"
#include "vocab.h"

#include <ctype.h>
#include <stdlib.h>

const char *irgen_where(SrcLoc loc)
{
    static char buf[4][256];
    static int next;
    char *b = buf[next++ & 3];
    snprintf(b, sizeof(buf[0]), "%s:%d", repo_relative(loc.file), loc.line);
    return b;
}

char *irgen_upper(const char *s)
{
    char *u = xstrdup(s);
    for (char *p = u; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return u;
}

char *irgen_type_list(unsigned tmask)
{
    StrBuf b = {0};
    for (int i = 0; i < IRGEN_NB_TYPES; i++)
        if (tmask & (1u << i))
            sb_printf(&b, "%s%s", b.len ? ", " : "", irgen_type_names[i]);
    return sb_take(&b);
}

char *irgen_flag_list(uint32_t mask)
{
    StrBuf b = {0};
    for (int i = 0; i < irgen_nb_flags; i++)
        if (mask & (1u << i))
            sb_printf(&b, "%s%s", b.len ? "," : "", irgen_flags[i].name);
    if (!b.len)
        sb_puts(&b, "-");
    return sb_take(&b);
}

IrgenLimits irgen_limits(IrgenFile *f)
{
    IrgenLimits l = { 1, 1, 1, 1, 1, 1, 1 };
    for (size_t i = 0; i < f->ops.len; i++) {
        IrgenOp *op = f->ops.items[i];
        int nc = (int)op->consts.len;
#define MAXTO(field, v) do { if ((v) > l.field) l.field = (v); } while (0)
        MAXTO(max_out, op->nb_out);
        MAXTO(max_in, op->nb_in);
        MAXTO(max_const, nc);
        MAXTO(max_temps, op->nb_out + op->nb_in);
        MAXTO(max_args, op->nb_out + op->nb_in + nc);
        for (int c = 0; c < IRGEN_TC_COUNT; c++)
            for (size_t k = 0; k < op->alts[c].len; k++) {
                IrgenConsSet *s = op->alts[c].items[k];
                int ns = (int)s->scratch.len;
                MAXTO(max_scratch, ns);
                MAXTO(max_cons, op->nb_out + op->nb_in + ns);
            }
#undef MAXTO
    }
    return l;
}
