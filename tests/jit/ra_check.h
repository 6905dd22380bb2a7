/*
 * Test support for the register allocator (suite regalloc): a mock RaHost
 * that records every hook call, and a checker that proves a recorded
 * allocation correct by simulating it on abstract values.
 *
 * The checker runs the recorded host code along execution paths (branch
 * directions chosen per path), keeping an abstract machine (registers,
 * the CPU state at env, the spill frame) and, in step, the value every
 * IR temp must have by the IR's own semantics.  Values are symbols (one
 * fresh symbol per executed output) or constants, each with a width, so
 * a move of the wrong width is caught too.  It fails when:
 *   - an op input's register does not hold the temp's value, or is not
 *     allowed by the op's constraint set; an immediate is not the value,
 *     or of a kind the constraint does not allow;
 *   - a tied output is not in its input's register; a `&` output shares
 *     a register with an input other than its tied one; a scratch
 *     register is not distinct; an input sits in a clobbered register
 *     without its constraint naming that register;
 *   - a global's memory is wrong at an rglob/fault/tb_exit op, at a
 *     block end or at a label;
 *   - a hook touches a reserved register or memory outside the globals
 *     and the spill area, or mixes register classes;
 *   - ops are missing, repeated or out of order.
 * Clobbered and scratch registers hold poison after an op, every
 * register holds poison at a label, and a wglob op gives every global a
 * fresh value in memory: a later read of a stale register then fails.
 */
#ifndef RA_CHECK_H
#define RA_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "regalloc.h"

typedef enum RaEvKind {
    RA_EV_MOV,
    RA_EV_MOVI,
    RA_EV_LOAD,
    RA_EV_STORE,
    RA_EV_OP,
} RaEvKind;

typedef struct RaEvent {
    uint8_t kind;          /* RaEvKind */
    uint8_t type;          /* IrType of mov/movi/load/store */
    int8_t reg;            /* dst (mov, movi, load) or src (store) */
    int8_t reg2;           /* src (mov) or base (load, store) */
    int32_t off;
    uint64_t val;          /* movi */
    uint32_t op_index;     /* RA_EV_OP */
    const IrConsSet *cs;
    uint8_t nargs;
    RaArg args[IR_CONS_MAX_ARGS];
} RaEvent;

typedef struct RaMock {
    IrCtx *ctx;
    RaHost host;
    RaEvent *ev;
    size_t nb_ev, cap_ev;
} RaMock;

/* The host of the tests: rbp = env, rsp = frame, r15 = guest base. */
void ra_mock_init(RaMock *m, IrCtx *ctx, uint32_t features);
void ra_mock_reset(RaMock *m);   /* drops the recorded events */
void ra_mock_free(RaMock *m);

/* Counts of hook calls, for tests about code quality. */
size_t ra_mock_count(const RaMock *m, RaEvKind kind);
/* Stores to the env field at OFF. */
size_t ra_mock_env_stores(const RaMock *m, int32_t off);

/*
 * Checks the recorded allocation of m->ctx: one linear pass over the
 * record, then NPATHS simulated paths (path 0 never takes a conditional
 * branch, path 1 always does, the others choose at random from SEED).
 * Returns true, or false with a message in ERR.
 */
bool ra_check(const RaMock *m, unsigned npaths, uint64_t seed, char *err,
              size_t errlen);

#endif
