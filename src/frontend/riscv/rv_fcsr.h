/*
 * The floating-point CSRs fflags, frm and fcsr as seen by the Zicsr
 * instructions (RISC-V Unprivileged ISA 20191213, 11.2 "Floating-Point
 * Control and Status Register": fcsr = frm << 5 | fflags; chapter 9 Zicsr).
 *
 * Declarations only: the frontend's trans_zicsr.c calls these through IR
 * `call` ops (helpers named "rv_fcsr_read" / "rv_fcsr_write"); the FP code
 * (fpu helpers) implements them, since only it knows where accrued flags
 * live between the host MXCSR and RvCpu.fflags and how frm maps onto the
 * host rounding mode.
 *
 * Contract:
 *  - csr is RV_CSR_FFLAGS, RV_CSR_FRM or RV_CSR_FCSR (never anything else);
 *  - rv_fcsr_read returns the CSR's value, zero-extended (fflags 5 bits,
 *    frm 3 bits, fcsr 8 bits), including every flag accrued so far;
 *  - rv_fcsr_write sets the CSR to val, ignoring the bits above its width
 *    (fflags: val & 0x1f; frm: val & 7; fcsr: val & 0xff, the upper bits
 *    of fcsr are reserved and read as zero).  Accrued flags that the write
 *    replaces must not reappear on a later read.
 *  - Both are called from generated code with the guest's globals written
 *    back; neither touches cpu->x[] or cpu->f[] nor the reservation.  A
 *    read-modify-write instruction (csrrs/csrrc/csrrw with a read) calls
 *    rv_fcsr_read, then rv_fcsr_write with the new value.
 *  - After a write to frm or fcsr the frontend ends the translation block
 *    (frm is part of the TB key, RvTbFlags.frm), so the next block is
 *    looked up for the new cpu->frm.
 */
#ifndef RV_FCSR_H
#define RV_FCSR_H

#include <stdint.h>

#include "rv_cpu.h"

#define RV_CSR_FFLAGS 0x001
#define RV_CSR_FRM    0x002
#define RV_CSR_FCSR   0x003

uint64_t rv_fcsr_read(RvCpu *cpu, uint64_t csr);
void rv_fcsr_write(RvCpu *cpu, uint64_t csr, uint64_t val);

#endif
