/*
 * Helper functions the random programs and the per-op test call through
 * the IR `call` op.  They exercise what the allocator and the backend must
 * get right around calls: all six argument registers, i32 arguments and
 * results whose upper register halves are garbage (SysV leaves them
 * undefined), helpers that read or write the globals in the CPU state
 * (rglob/wglob: globals must be written back before and reloaded after),
 * helpers with relaxed flags, void helpers that write scratch memory, and
 * helpers that change the FP rounding mode or raise FP flags.
 *
 * Helpers that touch the CPU state use diff_cur_env, which the runner
 * points at the env before each run.
 */
#ifndef IRDIFF_DIFF_HELPERS_H
#define IRDIFF_DIFF_HELPERS_H

#include "diff_state.h"
#include "ir.h"

extern DiffEnv *diff_cur_env;

typedef struct DiffHelper {
    IrHelper h;
    unsigned nb_args;
    uint8_t arg_types[6];   /* IR_TM_* each argument may have */
    uint8_t ret_types;      /* IR_TM_* for the call's type; IR_TM_VOID ok */
} DiffHelper;

extern const DiffHelper diff_helpers[];
extern const unsigned diff_helper_count;

#endif
