/*
 * The execution loop (cpu_loop.c) and the process-wide runtime services the
 * syscall and signal code call back into.
 */
#ifndef CPU_LOOP_H
#define CPU_LOOP_H

#include <stdbool.h>
#include <stdint.h>

#include "jit.h"
#include "rt_thread.h"

typedef struct RtLoopConfig {
    bool chain;               /* patch goto_tb slots / indirect lookups */
    bool stats;               /* print the counters at exit */
} RtLoopConfig;

/* The JitConfig.lookup hook: jump cache, then hash table (no translation);
 * NULL (back to the loop) on a miss or when chaining is off. */
const void *rt_lookup_hook(void *env, uint64_t pc);

/* Runs the guest thread until it exits (never returns). */
_Noreturn void rt_cpu_loop(RtThread *t, const RtLoopConfig *cfg);

/* Ends the process with STATUS after flushing logs (and --stats). */
_Noreturn void rt_exit(int status);

/* Drops every translation (fence.i, riscv_flush_icache). */
void rt_flush_translations(void);

/* Set while the loop is inside jit_enter (read by the fault handler). */
extern volatile int rt_in_generated_code;
extern RtThread *rt_current;

#endif
