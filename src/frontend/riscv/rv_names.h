/*
 * Names of RISC-V registers and CSRs for disassembly and logs.
 *
 * Register names are the standard ABI names (RISC-V ELF psABI, "Register
 * Convention"), the ones objdump prints; CSR names come from
 * defs/riscv/csr.def.
 */
#ifndef RV_NAMES_H
#define RV_NAMES_H

#include <stddef.h>

const char *rv_xreg_name(unsigned r);   /* "zero", "ra", ... (r < 32) */
const char *rv_freg_name(unsigned r);   /* "ft0", ... (r < 32) */

/* Writes the CSR's name into buf; returns false (buf empty) if unnamed. */
int rv_csr_name(unsigned csr, char *buf, size_t n);

#endif
