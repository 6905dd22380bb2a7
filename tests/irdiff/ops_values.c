/*
 * Shared helpers of the per-op test: where inputs and outputs live in the
 * env (global slots), and the edge values per type.
 */
#include <stddef.h>
#include <string.h>

#include "edge_values.h"
#include "ops_test.h"

IrTemp ops_slot(const DiffGlobals *g, IrType t, unsigned n)
{
    switch (t) {
    case IR_I32: return g->g32[n];
    case IR_I64: return g->g64[n];
    case IR_F32: return g->f32[n];
    default: return g->f64[n];
    }
}

int32_t ops_slot_offset(IrType t, unsigned n)
{
    switch (t) {
    case IR_I32: return (int32_t)(offsetof(DiffEnv, g32) + 4 * n);
    case IR_I64: return (int32_t)(offsetof(DiffEnv, g64) + 8 * n);
    case IR_F32: return (int32_t)(offsetof(DiffEnv, f32) + 4 * n);
    default: return (int32_t)(offsetof(DiffEnv, f64) + 8 * n);
    }
}

void ops_set_slot(DiffState *s, IrType t, unsigned n, uint64_t v)
{
    unsigned size = t == IR_I32 || t == IR_F32 ? 4 : 8;
    memcpy((char *)&s->env + ops_slot_offset(t, n), &v, size);
}

unsigned ops_values(IrType t, uint64_t *out, unsigned limit)
{
    unsigned n = 0;
    switch (t) {
    case IR_F64:
        for (unsigned i = 0; i < edge_f64_count; i++)
            out[n++] = edge_f64[i];
        break;
    case IR_F32:
        for (unsigned i = 0; i < edge_f32_count; i++)
            out[n++] = edge_f32[i];
        break;
    default:
        for (unsigned i = 0; i < edge_int_count; i++) {
            uint64_t v = t == IR_I32 ? edge_int[i] & 0xffffffffu : edge_int[i];
            bool dup = false;
            for (unsigned k = 0; k < n; k++)
                dup = dup || out[k] == v;
            if (!dup)
                out[n++] = v;
        }
        break;
    }
    if (limit && n > limit) {       /* LIMIT values spread over the list */
        for (unsigned i = 0; i < limit; i++)
            out[i] = out[i * n / limit];
        n = limit;
    }
    return n;
}
