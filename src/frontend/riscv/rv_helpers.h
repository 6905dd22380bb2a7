/*
 * The C helpers that the frontend's generated code calls through IR `call`
 * ops, as IrHelper descriptors (named for -d op dumps and ir_parse):
 * the user-readable counters of RISC-V Unprivileged ISA 20191213, 10.1
 * "Base Counters and Timers" (cycle, time) and the FP CSR accessors of
 * rv_fcsr.h (11.2).  rv_helpers_register() registers all of them.
 */
#ifndef RV_HELPERS_H
#define RV_HELPERS_H

#include <stdint.h>

#include "ir.h"

/* The time CSR counts at this rate (ticks per second). */
#define RV_TIMEBASE_HZ 10000000u

uint64_t rv_rdcycle(void);   /* the host's time-stamp counter */
uint64_t rv_rdtime(void);    /* CLOCK_MONOTONIC in RV_TIMEBASE_HZ ticks */

extern const IrHelper rv_helper_rdcycle;
extern const IrHelper rv_helper_rdtime;
extern const IrHelper rv_helper_fcsr_read;
extern const IrHelper rv_helper_fcsr_write;

#endif
