/*
 * The counters a user-mode RISC-V program can read (RISC-V Unprivileged
 * ISA 20191213, 10.1 "Base Counters and Timers": RDCYCLE, RDTIME,
 * RDINSTRET; the CSRs cycle 0xC00, time 0xC01, instret 0xC02).
 *
 *  - time: the host's CLOCK_MONOTONIC converted to a 10 MHz timebase,
 *    the timebase-frequency that QEMU's virt machine (and so most riscv64
 *    Linux setups) reports; a guest that reads the frequency from the
 *    device tree is not running under rvtcg, so 10 MHz is the convention.
 *  - cycle: the host's time-stamp counter (rdtsc): monotonic per core at a
 *    constant rate on current x86-64 hosts, the same choice as QEMU's user
 *    mode (cpu_get_host_ticks).
 *  - instret is computed inline by trans_zicsr.c (RvCpu.instret plus the
 *    instructions before the reading one in its block).
 */
#include "rv_helpers.h"

#include <time.h>
#include <x86intrin.h>

uint64_t rv_rdcycle(void)
{
    return __rdtsc();
}

uint64_t rv_rdtime(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * RV_TIMEBASE_HZ +
           (uint64_t)ts.tv_nsec / (1000000000u / RV_TIMEBASE_HZ);
}

/* Neither touches the guest registers; both may be dropped if unused. */
const IrHelper rv_helper_rdcycle = {
    "rv_rdcycle", (void (*)(void))rv_rdcycle,
    IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB | IR_HELPER_NO_SIDE,
};

const IrHelper rv_helper_rdtime = {
    "rv_rdtime", (void (*)(void))rv_rdtime,
    IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB | IR_HELPER_NO_SIDE,
};
