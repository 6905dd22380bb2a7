/*
 * The -cpu option (RVTCG_CPU), as qemu-riscv64 -cpu MODEL[,EXT=on|off...]:
 * a model name and extension switches, parsed into RtCpuConfig.  The
 * extensions, their defaults and their AT_HWCAP / riscv_hwprobe bits are
 * those of rv_ext_table (defs/riscv/extensions.def, src/frontend/riscv/
 * rv_ext.h); there is no other list.  The base ones (RV64GC: IMAFDC,
 * Zicsr, Zifencei) can't be switched off; the others can be switched
 * either way.  The resulting mask is RvTranslateCfg.ext for every
 * translation (a disabled extension's encodings are illegal: SIGILL), and
 * gives AT_HWCAP (initstack.c) and RISCV_HWPROBE_KEY_IMA_EXT_0
 * (sys_info.c).
 */
#ifndef CPU_OPT_H
#define CPU_OPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct RtCpuConfig {
    const char *model;     /* "rv64", "any" or "max" */
    uint64_t ext;          /* bit i: rv_ext_table[i] is on */
} RtCpuConfig;

/* The default: rv64, every base extension and the default_on ones. */
RtCpuConfig rt_cpu_default(void);

/* Parses SPEC ("rv64,zba=on,zbb=off"); false with a one-line reason in
 * ERR (unknown model, unknown extension, bad value, base extension off). */
bool rt_cpu_parse(const char *spec, RtCpuConfig *c, char *err, size_t errlen);

/* The bit of extension NAME in RtCpuConfig.ext, or -1 if unknown. */
int rt_cpu_ext_bit(const char *name);

/* -cpu help: the models and extensions (from rv_ext_table). */
void rt_cpu_help(FILE *f);

/* The configuration the process runs with (main.c sets it before the
 * first translation; rt_cpu_default() until then). */
void rt_cpu_set(const RtCpuConfig *c);
const RtCpuConfig *rt_cpu_get(void);

/* AT_HWCAP: the hwcap bits of the enabled extensions. */
uint64_t rt_cpu_hwcap(void);

/* RISCV_HWPROBE_KEY_IMA_EXT_0: the hwprobe bits of the enabled
 * extensions (IMA itself is RISCV_HWPROBE_BASE_BEHAVIOR_IMA). */
uint64_t rt_cpu_hwprobe_ima_ext0(void);

#endif
