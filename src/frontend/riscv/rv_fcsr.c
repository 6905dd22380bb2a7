/*
 * The floating-point CSRs fflags, frm and fcsr (RISC-V Unprivileged ISA
 * 20191213, 11.2 "Floating-Point Control and Status Register"), kept
 * between RvCpu and the host MXCSR as rv_fcsr_host.h describes: frm in
 * RvCpu.frm and in MXCSR.RC, the accrued flags in RvCpu.fflags and in
 * MXCSR's sticky flags.  rv_fcsr_read/rv_fcsr_write implement rv_fcsr.h
 * for the Zicsr instructions; rv_fpu_host_load/save are for the runtime.
 */
#include <xmmintrin.h>

#include "rv_fcsr.h"
#include "rv_fcsr_host.h"

unsigned rv_mxcsr_for_frm(uint32_t frm)
{
    /* MXCSR.RC: 0 nearest, 1 down, 2 up, 3 toward zero */
    static const unsigned rc[4] = { 0, 3, 1, 2 };   /* RNE RTZ RDN RUP */
    unsigned r = frm < 4 ? rc[frm] : 0;             /* RMM, invalid: RNE */
    return RV_MXCSR_MASKS | r << RV_MXCSR_RC_SHIFT;
}

void rv_fpu_host_load(const RvCpu *cpu)
{
    _mm_setcsr(rv_mxcsr_for_frm(cpu->frm));
}

void rv_fpu_host_save(RvCpu *cpu)
{
    unsigned mx = _mm_getcsr();
    cpu->fflags |= rv_mxcsr_to_fflags(mx);
    _mm_setcsr(mx & ~RV_MXCSR_FLAGS);
}

static uint32_t fflags_now(const RvCpu *cpu)
{
    return (cpu->fflags | rv_mxcsr_to_fflags(_mm_getcsr())) & 0x1f;
}

uint64_t rv_fcsr_read(RvCpu *cpu, uint64_t csr)
{
    switch (csr) {
    case RV_CSR_FFLAGS:
        return fflags_now(cpu);
    case RV_CSR_FRM:
        return cpu->frm & 7;
    default:
        return (cpu->frm & 7) << 5 | fflags_now(cpu);
    }
}

void rv_fcsr_write(RvCpu *cpu, uint64_t csr, uint64_t val)
{
    unsigned mx = _mm_getcsr();
    if (csr != RV_CSR_FRM) {                /* fflags, fcsr */
        cpu->fflags = (uint32_t)val & 0x1f;
        mx &= ~RV_MXCSR_FLAGS;
    }
    if (csr != RV_CSR_FFLAGS) {             /* frm, fcsr */
        cpu->frm = (uint32_t)(csr == RV_CSR_FRM ? val : val >> 5) & 7;
        mx = (mx & RV_MXCSR_FLAGS) | rv_mxcsr_for_frm(cpu->frm);
    }
    _mm_setcsr(mx);
}
