/*
 * Memory accesses of the reference interpreter (docs/ir.md, "Memory"):
 * loads and stores through an IrMemOp (size, sign extension, byte order)
 * and the atomic read-modify-write ops with their single-threaded
 * meaning.  Pointers are host addresses; bounds and alignment are the
 * caller's business.
 */
#ifndef INTERP_MEM_H
#define INTERP_MEM_H

#include <stdint.h>

#include "ir.h"

/* The mop-size value at P in the mop's byte order, zero-extended. */
uint64_t im_load_raw(const void *p, IrMemOp mop);
/* The low mop-size bytes of V at P in the mop's byte order. */
void im_store(void *p, IrMemOp mop, uint64_t v);
/* RAW (a mop-size value) extended to width W as the mop says (sign or
   zero), held zero-extended from W. */
uint64_t im_extend(uint64_t raw, IrMemOp mop, unsigned w);

/*
 * An atomic op on P (cmpxchg xchg fetch_*) of width W: returns the old
 * value extended per mop; V is the operand (newv for cmpxchg), CMPV the
 * comparand of cmpxchg.  Returns false (and does nothing) for an opcode
 * that is not an atomic.
 */
bool im_atomic(IrOpcode opc, void *p, IrMemOp mop, unsigned w, uint64_t cmpv,
               uint64_t v, uint64_t *old);

#endif
