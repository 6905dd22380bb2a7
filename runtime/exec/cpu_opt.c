/*
 * -cpu parsing (cpu_opt.h).  Models: rv64 (QEMU's generic RV64 CPU) and
 * any/max, which mean the same here: the default extension set.
 * Extension names are those of rv_ext_table, which are QEMU's riscv CPU
 * property names (target/riscv/cpu.c: lower case, single letters for the
 * base ISA); values on/off/true/false (QEMU's boolean property syntax also
 * takes yes/no).  A name outside the table is an error, as a switch that
 * would turn a base extension off (the translator always decodes RV64GC).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu_opt.h"
#include "rv_ext.h"

static const char *const models[] = { "rv64", "any", "max" };
#define N_MODELS (sizeof models / sizeof models[0])

static RtCpuConfig active;
static bool active_set;

int rt_cpu_ext_bit(const char *name)
{
    return rv_ext_find(name);
}

RtCpuConfig rt_cpu_default(void)
{
    return (RtCpuConfig){ .model = "rv64", .ext = rv_ext_default_mask() };
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
    for (m = 0; model && m < N_MODELS; m++)
        if (!strcmp(model, models[m]))
            break;
    if (!model || m == N_MODELS) {
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
            snprintf(err, errlen, "-cpu: unknown extension '%s' "
                     "(-cpu help lists them)", f);
            goto out;
        }
        if (on < 0) {
            snprintf(err, errlen,
                     "-cpu: bad value '%s' for '%s' (on, off, true, false)",
                     eq + 1, f);
            goto out;
        }
        if (!on && rv_ext_table[bit].base) {
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
    fprintf(f, "Available CPUs (the same extensions by default):\n");
    for (size_t i = 0; i < N_MODELS; i++)
        fprintf(f, "  %s\n", models[i]);
    fprintf(f, "Extensions (-cpu rv64,NAME=on|off; the base ones can't be "
               "turned off):\n");
    for (unsigned i = 0; i < rv_ext_count; i++) {
        const RvExtInfo *e = &rv_ext_table[i];
        fprintf(f, "  %-10s %-8s %s\n", e->name,
                e->base ? "base" : e->default_on ? "on" : "off",
                e->description);
    }
}

void rt_cpu_set(const RtCpuConfig *c)
{
    active = *c;
    active_set = true;
}

const RtCpuConfig *rt_cpu_get(void)
{
    if (!active_set)
        rt_cpu_set(&(RtCpuConfig){ .model = "rv64",
                                   .ext = rv_ext_default_mask() });
    return &active;
}

/* The OR of BIT(ext) over the enabled extensions with such a bit. */
static uint64_t enabled_bits(bool hwcap)
{
    uint64_t mask = rt_cpu_get()->ext, bits = 0;
    for (unsigned i = 0; i < rv_ext_count; i++) {
        int b = hwcap ? rv_ext_table[i].hwcap : rv_ext_table[i].hwprobe;
        if ((mask >> i & 1) && b >= 0)
            bits |= 1ull << b;
    }
    return bits;
}

uint64_t rt_cpu_hwcap(void)
{
    return enabled_bits(true);
}

uint64_t rt_cpu_hwprobe_ima_ext0(void)
{
    return enabled_bits(false);
}
