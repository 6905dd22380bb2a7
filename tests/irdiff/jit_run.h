/*
 * Running a program of the difftests through the real pipeline: a copy of
 * the context, optionally optimized (opt_run), compiled by jit_compile and
 * entered with jit_enter on the same buffers and in the same rounding mode
 * as the interpreter (diff_run.h), FP flags read back from the host (the
 * JIT's MXCSR).  A crash (SIGSEGV, SIGILL, SIGBUS, SIGFPE) is caught: a
 * SIGSEGV, SIGBUS or SIGILL (the backend's trap for a misaligned
 * IR_MO_ALIGN access) inside the block counts as a guest fault, compared
 * with the interpreter's; anything else as a failed run, minimized like
 * any other mismatch.  A hang makes the process print the
 * program it was running and exit.
 */
#ifndef IRDIFF_JIT_RUN_H
#define IRDIFF_JIT_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diff_run.h"
#include "ir.h"

typedef struct JitRunner JitRunner;

/* A runner whose code may use the host features in FEATURES (masked with
   what the host has; 0 = baseline x86-64 only). */
JitRunner *jit_runner_new(uint32_t features);
/* The same with a code cache of CODE_SIZE bytes (small: frequent
   jit_flush; programs compiled before a flush are recompiled). */
JitRunner *jit_runner_new_sized(uint32_t features, size_t code_size);
/* How many times the runner's cache was flushed. */
unsigned jit_runner_flushes(const JitRunner *jr);
void jit_runner_free(JitRunner *jr);

/* What the hang watchdog prints if a run does not come back. */
void jit_runner_set_label(const char *label);

/*
 * Copies CTX, runs the optimizer on the copy if OPTIMIZE (and the
 * optimizer is built in), compiles and runs it from INIT in rounding mode
 * ROUND.  out->ok is false when compilation failed or the code crashed
 * (out->err says which).
 */
void jit_run(JitRunner *jr, const IrCtx *ctx, bool optimize,
             const DiffState *init, int round, DiffOutcome *out);

/* The same in two steps, to run one compiled program on many states:
   NULL (and ERR) if compilation failed. */
typedef struct JitProg JitProg;
JitProg *jit_prog_new(JitRunner *jr, const IrCtx *ctx, bool optimize,
                      char *err, size_t errlen);
void jit_prog_run(JitProg *jp, const DiffState *init, int round,
                  DiffOutcome *out);
void jit_prog_free(JitProg *jp);

#endif
