/*
 * Where the guest's fcsr lives while generated code runs (RISC-V
 * Unprivileged ISA 20191213, 11.2: fcsr = frm << 5 | fflags), and what the
 * runtime must do to keep it there (docs/fpu.md, "MXCSR protocol"):
 *
 *  - frm is RvCpu.frm; the host MXCSR.RC holds it (RNE when frm is RMM or
 *    invalid), with all exceptions masked and FTZ/DAZ off.
 *  - fflags = RvCpu.fflags | the flags accrued in MXCSR (IE->NV, ZE->DZ,
 *    OE->OF, UE->UF, PE->NX; DE is ignored).  FP ops only ever add MXCSR
 *    flags; reading fflags folds both; writing it sets RvCpu.fflags and
 *    clears MXCSR's.
 *
 * The runtime calls rv_fpu_host_load() on a thread before it first runs
 * guest code (and after anything replaced MXCSR), and rv_fpu_host_save()
 * before it copies or inspects RvCpu's fcsr without rv_fcsr_read (clone,
 * signal frames) or runs C code of its own that computes in floating
 * point (which would accrue its flags to the guest's, and round in the
 * guest's mode).  rv_fcsr_read/rv_fcsr_write (rv_fcsr.h) work any time on
 * the thread running the guest.
 */
#ifndef RV_FCSR_HOST_H
#define RV_FCSR_HOST_H

#include "rv_cpu.h"

/* MXCSR bits (Intel SDM Vol. 1, 10.2.3) */
#define RV_MXCSR_IE 0x0001u
#define RV_MXCSR_DE 0x0002u
#define RV_MXCSR_ZE 0x0004u
#define RV_MXCSR_OE 0x0008u
#define RV_MXCSR_UE 0x0010u
#define RV_MXCSR_PE 0x0020u
#define RV_MXCSR_FLAGS 0x003fu
#define RV_MXCSR_MASKS 0x1f80u      /* every exception masked */
#define RV_MXCSR_RC_SHIFT 13

/* fflags NV DZ OF UF NX are bits 4..0 (11.2). */
static inline unsigned rv_fflags_to_mxcsr(unsigned ff)
{
    return (ff & 16 ? RV_MXCSR_IE : 0) | (ff & 8 ? RV_MXCSR_ZE : 0) |
           (ff & 4 ? RV_MXCSR_OE : 0) | (ff & 2 ? RV_MXCSR_UE : 0) |
           (ff & 1 ? RV_MXCSR_PE : 0);
}

static inline unsigned rv_mxcsr_to_fflags(unsigned mx)
{
    return (mx & RV_MXCSR_IE ? 16 : 0) | (mx & RV_MXCSR_ZE ? 8 : 0) |
           (mx & RV_MXCSR_OE ? 4 : 0) | (mx & RV_MXCSR_UE ? 2 : 0) |
           (mx & RV_MXCSR_PE ? 1 : 0);
}

/* The MXCSR value (no flags) for a guest frm. */
unsigned rv_mxcsr_for_frm(uint32_t frm);

/* Sets this thread's MXCSR for cpu: rounding from frm, no flags (they are
 * all in cpu->fflags). */
void rv_fpu_host_load(const RvCpu *cpu);
/* Moves the flags accrued in this thread's MXCSR into cpu->fflags. */
void rv_fpu_host_save(RvCpu *cpu);

#endif
