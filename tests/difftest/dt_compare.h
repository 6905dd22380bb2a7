/*
 * Comparing the runs of one test program under the reference (qemu-riscv64)
 * and the emulator under test (rvtcg): the per-case records byte for byte
 * (except registers holding a counter CSR read, whose values differ between
 * any two runs), how each run ended, and stderr.  A difference is reported
 * with the pattern, the case (instruction word, disassembly, inputs) and
 * the differing registers decoded.
 */
#ifndef DT_COMPARE_H
#define DT_COMPARE_H

#include <stdio.h>

#include "dt_case.h"
#include "dt_proc.h"

typedef struct DtCompare {
    const DtShape *s;
    const DtCase *cases;
    int n;
    const char *ref_name, *dut_name;
    FILE *log;              /* TAP diagnostics ("# " lines) */
    int max_reports;        /* detailed reports per pattern */
    const char *repro;      /* how to rerun this pattern alone */
    /* results */
    int reports;
    int mismatches;         /* cases that differ */
    int terminated;         /* cases that ended both processes alike */
    int compared;           /* cases compared */
    int divergences;        /* runs that ended differently */
} DtCompare;

/* Compares two runs that started at case `start`.  Returns where to
 * restart (after a case that ended a process), or n when done. */
int dt_compare_runs(DtCompare *cx, int start, const DtRunResult *ref,
                    const DtRunResult *dut);

/* Prints a case's instruction and inputs. */
void dt_describe_case(FILE *log, const DtShape *s, const DtCase *c);

/* Prints every case of a run (--show): inputs, then the registers, fcsr
 * and buffer words whose values the case changed. */
void dt_show_run(FILE *log, const DtShape *s, const DtCase *cases, int n,
                 const DtRunResult *run);

#endif
