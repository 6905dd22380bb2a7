/*
 * The execution-time logs: -d exec (one "Trace" line per TB entered from
 * the loop, in QEMU's format "Trace CPU: HOSTPTR [CS_BASE/PC/FLAGS/CFLAGS]
 * SYMBOL"; our FLAGS are RvTbFlags.frm) and -d cpu (the guest registers
 * before the TB runs, laid out like QEMU's riscv_cpu_dump_state).
 */
#include <inttypes.h>

#include "log.h"
#include "rv_names.h"

void rt_log_exec(const TbDesc *tb)
{
    uint64_t off;
    const char *sym = rt_log_symbol(tb->pc, &off);
    fprintf(rt_logfile, "Trace 0: %p [00000000/%016" PRIx64 "/%08x/%08x] %s\n",
            (const void *)tb->jt.code, tb->pc, tb->flags.frm, 0u,
            sym ? sym : "");
}

void rt_log_cpu(const RvCpu *cpu)
{
    FILE *f = rt_logfile;
    char name[16];
    fprintf(f, " %-8s %016" PRIx64 "\n", "pc", cpu->pc);
    for (unsigned i = 0; i < 32; i++) {
        snprintf(name, sizeof name, "x%u/%s", i, rv_xreg_name(i));
        fprintf(f, " %-8s %016" PRIx64 "%s", name, cpu->x[i],
                (i & 3) == 3 ? "\n" : "");
    }
    for (unsigned i = 0; i < 32; i++) {
        snprintf(name, sizeof name, "f%u/%s", i, rv_freg_name(i));
        fprintf(f, " %-8s %016" PRIx64 "%s", name, cpu->f[i],
                (i & 3) == 3 ? "\n" : "");
    }
    fprintf(f, " %-8s %08" PRIx32 " %-8s %08" PRIx32 "\n\n", "frm", cpu->frm,
            "fflags", cpu->fflags);
}
