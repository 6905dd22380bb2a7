/*
 * The -cpu option (RVTCG_CPU), as qemu-riscv64 -cpu MODEL[,EXT=on|off...]:
 * a model name and extension switches, parsed into RtCpuConfig.  The
 * translator implements RV64IMAFDC with Zicsr and Zifencei (RV64GC); a
 * switch asking for anything else is refused with a clear error rather
 * than silently ignored.  A later issue gives more extensions (and uses
 * the config for decoding and AT_HWCAP).
 */
#ifndef CPU_OPT_H
#define CPU_OPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct RtCpuConfig {
    const char *model;     /* "rv64", "any" or "max" */
    uint64_t ext;          /* bit rt_cpu_ext_bit(name): the extension is on */
} RtCpuConfig;

/* The default: rv64 (RV64GC). */
RtCpuConfig rt_cpu_default(void);

/* Parses SPEC ("rv64,zba=on,c=off"); false with a one-line reason in ERR
 * (unknown model, unknown extension, bad value, unsupported switch). */
bool rt_cpu_parse(const char *spec, RtCpuConfig *c, char *err, size_t errlen);

/* The bit of extension NAME in RtCpuConfig.ext, or -1 if unknown. */
int rt_cpu_ext_bit(const char *name);

/* -cpu help: the models and extensions. */
void rt_cpu_help(FILE *f);

#endif
