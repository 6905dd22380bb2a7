/*
 * The exclusion file (tests/difftest/exclusions.txt): patterns the
 * difftest may leave without cases, each naming the test that covers it
 * instead and why.  Only ecall, ebreak and fence of rv64i may be listed
 * (the project's rule); anything else, an unknown pattern, or a listed
 * pattern that does get cases is an error.
 *
 * The file also names the extensions qemu-riscv64 (7.2) does not
 * implement ("no-qemu" lines): their patterns must still get cases (the
 * coverage rule), but are not compared with qemu; the line names the test
 * that checks them instead (a C reference test).
 */
#ifndef DT_EXCLUDE_H
#define DT_EXCLUDE_H

#include <stdbool.h>
#include <stdio.h>

#include "dt_spec.h"

typedef struct DtExclusion {
    char ext[32];
    char name[64];
    char covered_by[128];
    char reason[256];
    int line;
} DtExclusion;

typedef struct DtExclusions {
    DtExclusion *v;
    int n;
    DtExclusion *noqemu;    /* name unused; ext: an RV_EXT extension */
    int nnoqemu;
} DtExclusions;

/* Reads `path`; on a syntax or policy error prints "# path:line: error: ..."
 * to `log` and returns false. */
bool dt_exclusions_load(DtExclusions *ex, const char *path, FILE *log);

/* The exclusion for p, or NULL. */
DtExclusion *dt_exclusion_find(DtExclusions *ex, const DtPattern *p);

/* The no-qemu line of p's extension, or NULL. */
DtExclusion *dt_no_qemu_find(DtExclusions *ex, const DtPattern *p);

void dt_exclusions_free(DtExclusions *ex);

#endif
