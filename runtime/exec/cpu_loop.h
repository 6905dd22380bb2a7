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

/* Sets the loop configuration for every thread (once, before the first). */
void rt_loop_config_set(const RtLoopConfig *cfg);

/* Runs guest thread T (registered, rt_self) until it exits; never returns. */
_Noreturn void rt_cpu_loop(RtThread *t);

/* Serves T's exit_request (rt_thread.h): tb_safepoint, then pending
 * signals.  Called by the loop, outside generated code, MXCSR saved. */
void rt_handle_exit_request(RtThread *t);

/* Ends the process with STATUS after flushing logs (and --stats). */
_Noreturn void rt_exit(int status);

/* Makes guest code stores visible (fence.i): tb_icache_sync(0, 0). */
void rt_flush_translations(void);


#endif
