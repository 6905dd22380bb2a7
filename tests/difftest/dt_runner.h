/*
 * One pattern, end to end: derive its shape, make its cases, write and
 * assemble its program, run it under the reference and the emulator under
 * test (restarting after each case that ends the process) and compare.
 */
#ifndef DT_RUNNER_H
#define DT_RUNNER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "dt_case.h"
#include "dt_proc.h"

typedef struct DtOptions {
    const char *qemu;           /* reference: qemu-riscv64 */
    const char *dut;            /* emulator under test, or NULL: the
                                   reference against itself */
    const char *dut_args[16];
    int ndut_args;
    const char *cc;             /* riscv64-linux-gnu-gcc */
    const char *workdir;        /* programs are written here */
    uint64_t seed;
    int cases;                  /* per pattern */
    int only_case;              /* -1, or run this one case alone */
    int timeout;                /* watchdog per run, seconds */
    int max_reports;            /* detailed mismatch reports per pattern */
    bool generate_only;         /* no programs: make the cases only */
    const char *drop;           /* pretend this pattern gets no cases */
    bool show;                  /* print every case and what it changed */
    bool keep;                  /* keep the programs of passing patterns */
    bool no_fp;                 /* programs without FP state (for an
                                   emulator without F/D yet) */
} DtOptions;

typedef struct DtPatternResult {
    int cases;                  /* cases made */
    int compared;               /* cases compared */
    int terminated;             /* of which ended both processes alike */
    int mismatches;
    bool error;                 /* could not build or run the program */
    char message[512];          /* why not ok */
} DtPatternResult;

/* The per-pattern seed: the run's seed mixed with the pattern's id. */
uint64_t dt_pattern_seed(uint64_t seed, const DtPattern *p);

/* A pattern's cases and, unless o->generate_only, its assembled program. */
typedef struct DtProgram {
    DtShape *shape;
    DtCase *cases;
    int n;
    char src[600], elf[600];
} DtProgram;

/* Builds pg; false with a message in err (pg->n = 0: no cases). */
bool dt_program_build(const DtOptions *o, const DtPattern *p, DtProgram *pg,
                      char *err, size_t errlen);
void dt_program_free(DtProgram *pg);

/* Runs the program from case `start` under the reference or the emulator
 * under test. */
void dt_program_run(const DtOptions *o, const DtProgram *pg, int start,
                    bool under_test, DtRunResult *r);

void dt_run_pattern(const DtOptions *o, const DtPattern *p, FILE *log,
                    DtPatternResult *res);

#endif
