/*
 * -d logging, like QEMU's (qemu-riscv64 -d help): which items are on, the
 * log file (-D, else stderr), the -dfilter pc ranges, and the writers of
 * each item's output (log_tb.c: in_asm, op, op_opt, out_asm; log_exec.c:
 * exec, cpu, int).  docs/runtime.md shows the formats.
 */
#ifndef LOG_H
#define LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ir.h"
#include "jit.h"
#include "rv_cpu.h"
#include "tb.h"

enum {
    RT_LOG_IN_ASM = 1u << 0,
    RT_LOG_OP = 1u << 1,
    RT_LOG_OP_OPT = 1u << 2,
    RT_LOG_OUT_ASM = 1u << 3,
    RT_LOG_EXEC = 1u << 4,
    RT_LOG_CPU = 1u << 5,
    RT_LOG_NOCHAIN = 1u << 6,
    RT_LOG_INT = 1u << 7,
    RT_LOG_UNIMP = 1u << 8,
    RT_LOG_STRACE = 1u << 9,
};

extern unsigned rt_log_mask;
extern FILE *rt_logfile;          /* stderr unless -D */

/* Adds the comma-separated items of LIST to *MASK; false and *BAD = the
 * offending item (valid until the next call) when one is unknown. */
bool rt_log_parse(const char *list, unsigned *mask, const char **bad);
/* The -d help text. */
void rt_log_help(FILE *f);
/* -dfilter A..B | A+LEN | A-LEN[,...]; false with a reason in ERR. */
bool rt_log_set_dfilter(const char *ranges, char *err, size_t errlen);
/* -D FILE; false with a reason in ERR. */
bool rt_log_open(const char *path, char *err, size_t errlen);
void rt_log_flush(void);

/* Is ITEM on for a TB starting at PC (the -dfilter ranges)? */
bool rt_log_wants(unsigned item, uint64_t pc);

/* Symbol names for the logs (set by main from the ELF file). */
typedef const char *RtSymbolizer(uint64_t addr, uint64_t *offset);
void rt_log_set_symbolizer(RtSymbolizer *fn);
const char *rt_log_symbol(uint64_t addr, uint64_t *offset);

/* log_tb.c */
void rt_log_in_asm(uint64_t pc, uint32_t size);
void rt_log_ir(const char *title, const char *text);
void rt_log_out_asm(const JitTb *tb, uint32_t code_bytes);

/* log_exec.c */
void rt_log_exec(const TbDesc *tb);
void rt_log_cpu(const RvCpu *cpu);

#endif
