/*
 * Self-test of the difftest: the reference is deterministic on generated
 * programs, and the comparator catches (and names) injected differences
 * in a register, fcsr, the data buffer, the number of records and the exit
 * status, while ignoring masked counter reads.
 */
#ifndef DT_SELFTEST_H
#define DT_SELFTEST_H

#include <stdio.h>

#include "dt_runner.h"

/* TAP on `out`; returns the exit status (0 = all passed). */
int dt_selftest(const DtOptions *o, FILE *out);

#endif
