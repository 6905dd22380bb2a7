/*
 * The test program of one pattern: riscv64 assembly (GNU as syntax) for
 * riscv64-linux-gnu-gcc -nostdlib -static.  See dt_asm.c for its layout.
 */
#ifndef DT_ASM_H
#define DT_ASM_H

#include <stdio.h>

#include "dt_case.h"

/* Writes the program running cases[0..n) of pattern s.  Run with no
 * argument it runs them all; with a decimal argument i, cases i..n-1.
 * Without fp, f0..f31 and fcsr are neither set nor dumped (their record
 * slots stay 0): for trying integer instructions on an emulator that does
 * not implement F/D yet. */
void dt_asm_write(FILE *out, const DtShape *s, const DtCase *cases, int n,
                  const char *comment, bool fp);

#endif
