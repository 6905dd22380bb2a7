/*
 * -d item names, the log file (-D) and the -dfilter ranges (log.h).  Item
 * names and range syntax follow QEMU (qemu-riscv64 -d help; -dfilter
 * "0x1000..0x1fff" inclusive, "0x1000+0x100" start and length, "0x1fff-0x100"
 * end and length).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

unsigned rt_log_mask;
FILE *rt_logfile;

static const struct {
    const char *name;
    unsigned bit;
    const char *help;
} items[] = {
    { "in_asm", RT_LOG_IN_ASM,
      "show target assembly code for each compiled TB" },
    { "op", RT_LOG_OP, "show IR ops for each compiled TB" },
    { "op_opt", RT_LOG_OP_OPT, "show IR ops after optimization" },
    { "out_asm", RT_LOG_OUT_ASM,
      "show generated host assembly code for each compiled TB" },
    { "exec", RT_LOG_EXEC,
      "show trace before each executed TB (implies nochain)" },
    { "cpu", RT_LOG_CPU,
      "show CPU registers before entering a TB (implies nochain)" },
    { "nochain", RT_LOG_NOCHAIN, "do not chain compiled TBs" },
    { "int", RT_LOG_INT, "show guest exceptions and signals" },
    { "unimp", RT_LOG_UNIMP, "log every call of an unimplemented syscall" },
    { "strace", RT_LOG_STRACE, "log every system call (as -strace)" },
};
#define NB_ITEMS (sizeof items / sizeof items[0])

typedef struct Range {
    uint64_t lo, hi;          /* inclusive */
} Range;

static Range *ranges;
static size_t nb_ranges;

bool rt_log_parse(const char *list, unsigned *mask, const char **bad)
{
    static char *copy;              /* kept: *bad may point into it */
    free(copy);
    copy = strdup(list);
    if (!copy) {
        *bad = list;
        return false;
    }
    for (char *save, *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        size_t i;
        if (!strcmp(tok, "all")) {
            for (i = 0; i < NB_ITEMS; i++)
                *mask |= items[i].bit;
            continue;
        }
        for (i = 0; i < NB_ITEMS; i++)
            if (!strcmp(tok, items[i].name))
                break;
        if (i == NB_ITEMS) {
            *bad = tok;
            return false;
        }
        *mask |= items[i].bit;
    }
    return true;
}

void rt_log_help(FILE *f)
{
    fprintf(f, "Log items (comma separated):\n");
    for (size_t i = 0; i < NB_ITEMS; i++)
        fprintf(f, "%-10s %s\n", items[i].name, items[i].help);
    fprintf(f, "all        all of the above\n");
}

static bool parse_u64(const char *s, const char *end, uint64_t *v)
{
    if (s == end || *s == '-' || *s == '+')
        return false;
    char *e;
    errno = 0;
    *v = strtoull(s, &e, 0);
    return errno == 0 && e == end;
}

static bool parse_range(const char *s, Range *r)
{
    const char *dots = strstr(s, "..");
    const char *op = dots ? dots : strpbrk(s + 1, "+-");
    if (!op)
        return false;
    uint64_t a, b;
    if (!parse_u64(s, op, &a) ||
        !parse_u64(op + (dots ? 2 : 1), s + strlen(s), &b))
        return false;
    if (dots) {
        r->lo = a, r->hi = b;
    } else if (*op == '+') {
        if (b == 0 || a + (b - 1) < a)
            return false;
        r->lo = a, r->hi = a + (b - 1);
    } else {
        if (b == 0 || b - 1 > a)
            return false;
        r->lo = a - (b - 1), r->hi = a;
    }
    return r->lo <= r->hi;
}

bool rt_log_set_dfilter(const char *spec, char *err, size_t errlen)
{
    char *copy = strdup(spec);
    nb_ranges = 0;
    for (char *save, *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        Range r;
        if (!parse_range(tok, &r)) {
            snprintf(err, errlen,
                     "bad -dfilter range '%s' (expected A..B, A+LEN or A-LEN)",
                     tok);
            free(copy);
            return false;
        }
        ranges = realloc(ranges, (nb_ranges + 1) * sizeof *ranges);
        ranges[nb_ranges++] = r;
    }
    free(copy);
    if (!nb_ranges) {
        snprintf(err, errlen, "empty -dfilter");
        return false;
    }
    return true;
}

bool rt_log_open(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "we");     /* not inherited by exec'd programs */
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return false;
    }
    rt_logfile = f;
    return true;
}

void rt_log_flush(void)
{
    if (rt_logfile)
        fflush(rt_logfile);
}

bool rt_log_wants(unsigned item, uint64_t pc)
{
    if (!(rt_log_mask & item))
        return false;
    if (!nb_ranges)
        return true;
    for (size_t i = 0; i < nb_ranges; i++)
        if (pc >= ranges[i].lo && pc <= ranges[i].hi)
            return true;
    return false;
}

static RtSymbolizer *symbolizer;

void rt_log_set_symbolizer(RtSymbolizer *fn)
{
    symbolizer = fn;
}

const char *rt_log_symbol(uint64_t addr, uint64_t *offset)
{
    *offset = 0;
    return symbolizer ? symbolizer(addr, offset) : NULL;
}
