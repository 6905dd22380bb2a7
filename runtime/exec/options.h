/*
 * The rvtcg command line (options.c), modelled on qemu-riscv64's:
 *   rvtcg [options] program [args...]
 * Options stop at the first argument that is not one (the program).
 */
#ifndef OPTIONS_H
#define OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "opt.h"

typedef struct RtOptions {
    unsigned log_mask;          /* -d */
    const char *log_file;       /* -D */
    const char *dfilter;        /* -dfilter */
    bool one_insn_per_tb;
    bool no_chain;
    bool wx;
    bool stats;
    size_t code_size;           /* 0: the JIT's default */
    OptConfig opt;
    int prog_index;             /* argv index of the program */
} RtOptions;

/* Parses ARGV.  Exits with status 0 after -h/-version/-d help, with status
 * 1 and a one-line error on bad usage. */
void rt_options_parse(RtOptions *o, int argc, char **argv);

#endif
