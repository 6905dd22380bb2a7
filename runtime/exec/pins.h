/*
 * Guest registers pinned to host registers (docs/performance.md, "Pinned
 * guest registers"; --no-pin turns it off): one table in pins.c gives
 * the JIT configuration (prologue/epilogue), the IR globals' fixed
 * registers (the allocator) and the host-fault handler's copy back from
 * the interrupted context, so the three always agree.
 */
#ifndef RT_PINS_H
#define RT_PINS_H

#include <stdbool.h>
#include <ucontext.h>

#include "ir.h"
#include "jit.h"
#include "rv_cpu.h"

/* Chooses the pinned registers (none when !ON) for a JIT whose guest
 * base is GUEST_BASE, and writes them into JC. */
void rt_pins_setup(JitConfig *jc, bool on);
/* Marks the pinned guest registers' IR globals in IR (after
 * rv_frontend_init). */
void rt_pins_apply_ir(IrCtx *ir);
/* A fault in generated code: copies the pinned registers' guest values
 * from the interrupted host context UC into CPU (async-signal-safe). */
void rt_pins_from_context(RvCpu *cpu, const ucontext_t *uc);

#endif
