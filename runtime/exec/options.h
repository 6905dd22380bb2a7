/*
 * The rvtcg command line (options.c), modelled on qemu-riscv64's:
 *   rvtcg [options] program [args...]
 * Options stop at the first argument that is not one (the program).
 * Most options also have an environment variable, read before the
 * command line (which wins), as QEMU_* for qemu-riscv64: RVTCG_LD_PREFIX
 * (-L), RVTCG_STACK_SIZE (-s), RVTCG_CPU, RVTCG_SET_ENV (-E),
 * RVTCG_UNSET_ENV (-U), RVTCG_ARGV0 (-0), RVTCG_LOG (-d), RVTCG_DFILTER,
 * RVTCG_LOG_FILENAME (-D), RVTCG_SINGLESTEP, RVTCG_STRACE, RVTCG_VERSION,
 * RVTCG_PERFMAP.
 */
#ifndef OPTIONS_H
#define OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "cpu_opt.h"
#include "opt.h"

/* One -E (set VAR=VALUE) or -U (unset VAR) of the guest's environment. */
typedef struct RtEnvEdit {
    const char *s;
    bool unset;
} RtEnvEdit;

/* The optimizations in effect: perf_switches.def's defaults, changed by
 * --NAME / --no-NAME. */
typedef struct RtPerf {
#define PERF_SWITCH(field, name, on, help) bool field;
#include "perf_switches.def"
#undef PERF_SWITCH
} RtPerf;

typedef struct RtOptions {
    unsigned log_mask;          /* -d, plus RT_LOG_STRACE for -strace */
    const char *log_file;       /* -D */
    const char *dfilter;        /* -dfilter */
    const char *sysroot;        /* -L */
    const char *argv0;          /* -0: the guest's argv[0] */
    size_t stack_size;          /* -s: 0 for the default */
    RtCpuConfig cpu;            /* -cpu */
    RtEnvEdit *env;             /* -E/-U, in order */
    int n_env;
    bool one_insn_per_tb;
    bool no_chain;
    RtPerf perf;                /* --[no-]NAME (perf_switches.def) */
    bool wx;
    bool stats;
    bool perfmap;               /* -perfmap: /tmp/perf-PID.map */
    size_t code_size;           /* 0: the JIT's default */
    OptConfig opt;
    int prog_index;             /* argv index of the program */
    /* The options in effect (from the environment and the command line)
     * as argument words, for running another guest program with the same
     * options (execve): everything but -E, -U and -0, which only shape
     * the first program's start. */
    char **exec_words;
    int n_exec_words;
} RtOptions;

/* Parses the RVTCG_* environment variables, then ARGV.  Exits with status
 * 0 after -h/-version/-d help/-cpu help, with status 1 and a one-line
 * error on bad usage. */
void rt_options_parse(RtOptions *o, int argc, char **argv);

/* The guest's environment: ENVP with O's -E/-U edits applied (a new
 * NULL-terminated array; the strings are shared). */
char **rt_options_guest_env(const RtOptions *o, char **envp);

/* The guest stack size rvtcg uses (-s, else qemu-riscv64's rule: 8 MiB,
 * or RLIMIT_STACK when that is larger and finite), set by main before the
 * stack is built; elf_init_stack reads it. */
extern size_t rt_stack_size;

#endif
