/*
 * Memory accesses for the reference interpreter: memop-sized loads and
 * stores (little- or big-endian), extension per the memop, and the
 * atomics.  A cmpxchg compares at the memop size; fetch_smin/smax compare
 * the memop-size values as signed, fetch_umin/umax as unsigned; every
 * atomic returns the old memory value extended per the memop.
 */
#include "interp_mem.h"

#include <stdbool.h>
#include <string.h>

#include "interp_int.h"

static uint64_t swap_size(uint64_t v, unsigned size)
{
    switch (size) {
    case 2: return __builtin_bswap16((uint16_t)v);
    case 4: return __builtin_bswap32((uint32_t)v);
    case 8: return __builtin_bswap64(v);
    default: return v;
    }
}

uint64_t im_load_raw(const void *p, IrMemOp mop)
{
    unsigned size = ir_memop_size(mop);
    uint64_t v = 0;
    memcpy(&v, p, size);            /* the host is little-endian */
    return mop & IR_MO_BE ? swap_size(v, size) : v;
}

void im_store(void *p, IrMemOp mop, uint64_t v)
{
    unsigned size = ir_memop_size(mop);
    v &= ii_mask(size * 8);
    if (mop & IR_MO_BE)
        v = swap_size(v, size);
    memcpy(p, &v, size);
}

uint64_t im_extend(uint64_t raw, IrMemOp mop, unsigned w)
{
    unsigned bits = ir_memop_size(mop) * 8;
    raw &= ii_mask(bits);
    if (mop & IR_MO_SIGN)
        return (uint64_t)ii_sext(raw, bits) & ii_mask(w);
    return raw & ii_mask(w);
}

bool im_atomic(IrOpcode opc, void *p, IrMemOp mop, unsigned w, uint64_t cmpv,
               uint64_t v, uint64_t *old)
{
    unsigned bits = ir_memop_size(mop) * 8;
    uint64_t m = ii_mask(bits);
    uint64_t o = im_load_raw(p, mop);
    uint64_t n;
    switch (opc) {
    case IR_OP_cmpxchg:
        n = o == (cmpv & m) ? v : o;
        break;
    case IR_OP_xchg: n = v; break;
    case IR_OP_fetch_add: n = o + v; break;
    case IR_OP_fetch_and: n = o & v; break;
    case IR_OP_fetch_or: n = o | v; break;
    case IR_OP_fetch_xor: n = o ^ v; break;
    case IR_OP_fetch_smin:
        n = ii_sext(v, bits) < ii_sext(o, bits) ? v : o;
        break;
    case IR_OP_fetch_smax:
        n = ii_sext(v, bits) > ii_sext(o, bits) ? v : o;
        break;
    case IR_OP_fetch_umin: n = (v & m) < o ? v : o; break;
    case IR_OP_fetch_umax: n = (v & m) > o ? v : o; break;
    default: return false;
    }
    im_store(p, mop, n);
    *old = im_extend(o, mop, w);
    return true;
}
