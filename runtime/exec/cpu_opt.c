/*
 * -cpu parsing (cpu_opt.h).  Models: rv64 (QEMU's generic RV64 CPU) and
 * any/max, which mean the same here: everything the translator has.
 * Extension names are QEMU's riscv CPU property names (target/riscv/cpu.c,
 * lower case, single letters for the base ISA); values on/off/true/false
 * (QEMU's boolean property syntax also takes yes/no).  Known extensions
 * the translator lacks can be switched off (they are off), not on; the
 * implemented ones (IMAFDC, Zicsr, Zifencei) can't be switched off yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu_opt.h"

static const struct {
    const char *name;
    bool implemented;      /* on by default, can't be turned off yet */
} exts[] = {
    { "i", true },        { "m", true },         { "a", true },
    { "f", true },        { "d", true },         { "c", true },
    { "zicsr", true },    { "zifencei", true },
    { "e", false },       { "g", false },        { "h", false },
    { "s", false },       { "u", false },        { "v", false },
    { "zba", false },     { "zbb", false },      { "zbc", false },
    { "zbs", false },     { "zbkb", false },     { "zbkc", false },
    { "zbkx", false },    { "zk", false },       { "zkn", false },
    { "zknd", false },    { "zkne", false },     { "zknh", false },
    { "zkr", false },     { "zks", false },      { "zksed", false },
    { "zksh", false },    { "zkt", false },      { "zfh", false },
    { "zfhmin", false },  { "zfa", false },      { "zfinx", false },
    { "zdinx", false },   { "zhinx", false },    { "zhinxmin", false },
    { "zve32f", false },  { "zve64f", false },   { "zve64d", false },
    { "zihintpause", false }, { "zihintntl", false },
    { "zicond", false },  { "zicbom", false },   { "zicboz", false },
    { "zicbop", false },  { "zawrs", false },    { "zmmul", false },
    { "zca", false },     { "zcb", false },      { "zcd", false },
    { "zcf", false },     { "zcmp", false },     { "zcmt", false },
    { "zacas", false },   { "svinval", false },  { "svnapot", false },
    { "svpbmt", false },  { "sstc", false },
};
#define N_EXTS (sizeof exts / sizeof exts[0])
_Static_assert(N_EXTS <= 64, "RtCpuConfig.ext has 64 bits");

static const char *const models[] = { "rv64", "any", "max" };

int rt_cpu_ext_bit(const char *name)
{
    for (size_t i = 0; i < N_EXTS; i++)
        if (!strcmp(exts[i].name, name))
            return (int)i;
    return -1;
}

RtCpuConfig rt_cpu_default(void)
{
    RtCpuConfig c = { .model = "rv64", .ext = 0 };
    for (size_t i = 0; i < N_EXTS; i++)
        if (exts[i].implemented)
            c.ext |= 1ull << i;
    return c;
}

/* QEMU's boolean property values; -1 if VALUE is none of them. */
static int parse_bool(const char *v)
{
    if (!strcmp(v, "on") || !strcmp(v, "true") || !strcmp(v, "yes"))
        return 1;
    if (!strcmp(v, "off") || !strcmp(v, "false") || !strcmp(v, "no"))
        return 0;
    return -1;
}

bool rt_cpu_parse(const char *spec, RtCpuConfig *c, char *err, size_t errlen)
{
    RtCpuConfig r = rt_cpu_default();
    char *copy = strdup(spec);
    if (!copy) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    bool ok = false;
    char *save = NULL;
    char *model = strtok_r(copy, ",", &save);
    size_t m;
    for (m = 0; model && m < sizeof models / sizeof models[0]; m++)
        if (!strcmp(model, models[m]))
            break;
    if (!model || m == sizeof models / sizeof models[0]) {
        snprintf(err, errlen, "unknown CPU model '%s' (rv64, any, max)",
                 model ? model : "");
        goto out;
    }
    r.model = models[m];
    for (char *f; (f = strtok_r(NULL, ",", &save));) {
        char *eq = strchr(f, '=');
        if (!eq) {
            snprintf(err, errlen, "-cpu: expected NAME=on|off, found '%s'",
                     f);
            goto out;
        }
        *eq = 0;
        int bit = rt_cpu_ext_bit(f);
        int on = parse_bool(eq + 1);
        if (bit < 0) {
            snprintf(err, errlen, "-cpu: unknown extension '%s'", f);
            goto out;
        }
        if (on < 0) {
            snprintf(err, errlen,
                     "-cpu: bad value '%s' for '%s' (on, off, true, false)",
                     eq + 1, f);
            goto out;
        }
        if (on && !exts[bit].implemented) {
            snprintf(err, errlen, "-cpu: extension '%s' is not supported",
                     f);
            goto out;
        }
        if (!on && exts[bit].implemented) {
            snprintf(err, errlen,
                     "-cpu: extension '%s' can't be turned off", f);
            goto out;
        }
        if (on)
            r.ext |= 1ull << bit;
        else
            r.ext &= ~(1ull << bit);
    }
    *c = r;
    ok = true;
out:
    free(copy);
    return ok;
}

void rt_cpu_help(FILE *f)
{
    fprintf(f, "Available CPUs (all RV64GC: IMAFDC, Zicsr, Zifencei):\n");
    for (size_t i = 0; i < sizeof models / sizeof models[0]; i++)
        fprintf(f, "  %s\n", models[i]);
    fprintf(f, "Extensions (NAME=on|off; the RV64GC ones are on and can't "
               "be turned off,\nthe others are off and can't be turned "
               "on yet):\n ");
    for (size_t i = 0; i < N_EXTS; i++)
        fprintf(f, " %s", exts[i].name);
    fprintf(f, "\n");
}
