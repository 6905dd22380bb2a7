/* Register and CSR names (ABI names; CSR table from defs/riscv/csr.def). */
#include "rv_names.h"

#include <stdio.h>

static const char *const xreg_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
    "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
    "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

static const char *const freg_names[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7",
    "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
    "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7",
    "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

const char *rv_xreg_name(unsigned r)
{
    return r < 32 ? xreg_names[r] : "?";
}

const char *rv_freg_name(unsigned r)
{
    return r < 32 ? freg_names[r] : "?";
}

int rv_csr_name(unsigned csr, char *buf, size_t n)
{
    buf[0] = 0;
#define RV_CSR(num, name)                                               \
    if (csr == (num)) {                                                 \
        snprintf(buf, n, "%s", name);                                   \
        return 1;                                                       \
    }
#define RV_CSR_SERIES(first, fmt, lo, hi)                               \
    if (csr >= (first) && csr <= (first) + ((hi) - (lo))) {             \
        snprintf(buf, n, fmt, (int)(csr - (first) + (lo)));             \
        return 1;                                                       \
    }
#include "defs/riscv/csr.def"
#undef RV_CSR
#undef RV_CSR_SERIES
    return 0;
}
