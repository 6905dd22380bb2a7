/*
 * The per-op test for memory ops: ld_env/st_env on the scratch fields and
 * ld_guest/st_guest on guest memory with every memop that fits the type
 * (sizes, sign extension, big-endian, alignment), aligned and misaligned
 * addresses, address and value in a register or as a constant, output in
 * a global or a temp; the atomics with every size, sign, byte order and
 * alignment flag, addresses and operands as registers or constants, the
 * output aliased to an operand, cmpxchg with a comparand that matches and
 * one that does not.  Loaded and stored bits must match exactly, FP
 * values included.  A misaligned access with IR_MO_ALIGN must fault, the
 * state at the fault matching the interpreter's.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edge_values.h"
#include "ir-build.h"
#include "ops_test.h"

static unsigned type_size(IrType t)
{
    return t == IR_I32 || t == IR_F32 ? 4 : 8;
}

/* The memops an access of type T may use (no IR_MO_ALIGN: the caller
   adds it). */
static unsigned memops(IrType t, bool load, IrMemOp *out)
{
    unsigned n = 0;
    if (ir_type_class(t) == IR_TC_FP) {
        out[n++] = t == IR_F32 ? IR_MO_32 : IR_MO_64;
        out[n++] = (t == IR_F32 ? IR_MO_32 : IR_MO_64) | IR_MO_BE;
        return n;
    }
    for (unsigned sz = 0; (1u << sz) <= type_size(t); sz++)
        for (unsigned sign = 0; sign <= (load ? 1u : 0u); sign++)
            for (unsigned be = 0; be <= 1; be++)
                out[n++] = sz | (sign ? IR_MO_SIGN : 0) | (be ? IR_MO_BE : 0);
    return n;
}

static const char *mop_str(IrMemOp m, char *buf)
{
    static const char *const sz[] = { "8", "16", "32", "64" };
    sprintf(buf, "%s%s%s%s", sz[m & IR_MO_SIZE], m & IR_MO_SIGN ? "|sign" : "",
            m & IR_MO_BE ? "|be" : "", m & IR_MO_ALIGN ? "|align" : "");
    return buf;
}

/* Values to put in memory / registers for an access of SIZE bytes. */
static unsigned mem_values(IrType t, uint64_t *out)
{
    if (ir_type_class(t) == IR_TC_FP)
        return ops_values(t, out, 0);
    return ops_values(IR_I64, out, 0);
}

/* ---- env ---------------------------------------------------------------- */

static void env_access(const OpsEnv *env, IrType t, bool store)
{
    IrOpcode opc = store ? IR_OP_st_env : IR_OP_ld_env;
    Tally *tl = ops_tally(opc, t);
    IrMemOp mops[16];
    unsigned nm = memops(t, !store, mops);
    static const unsigned ofs_list[] = { 0, 1, 3, 8, 13, 24 };
    uint64_t vals[64];
    unsigned nv = mem_values(t, vals);
    char what[160], mb[32];

    for (unsigned m = 0; m < nm; m++) {
        unsigned size = ir_memop_size(mops[m]);
        for (unsigned o = 0; o < 6; o++) {
            /* IR_MO_ALIGN on some aligned offsets (no meaning in the env) */
            IrMemOp mop = mops[m] | ((ofs_list[o] % size == 0 && o % 2) ?
                                     IR_MO_ALIGN : 0);
            int32_t ofs = (int32_t)(offsetof(DiffEnv, sint) + ofs_list[o]);
            DiffState *st = calloc(nv, sizeof *st);
            for (unsigned i = 0; i < nv; i++) {
                ops_base_state(&st[i]);
                if (store)
                    ops_set_slot(&st[i], t, 1, vals[i]);
                else
                    memcpy(st[i].env.sint + ofs_list[o], &vals[i], size);
            }
            Exact ex = store ? (Exact){ ofs, size }
                             : (Exact){ ops_slot_offset(t, 0), type_size(t) };
            /* kind 0: value / output in a global; 1: output in a temp
               (load) or the value a constant, one program each (store) */
            for (unsigned kind = 0; kind < 2; kind++) {
                unsigned nprog = store && kind ? nv : 1;
                for (unsigned p = 0; p < nprog; p++) {
                    IrCtx *ctx = ir_ctx_new();
                    DiffGlobals g;
                    diff_globals_create(ctx, &g);
                    if (store) {
                        IrTemp v = kind ? ir_const(ctx, t, vals[p])
                                        : ops_slot(&g, t, 1);
                        ir_st_env(ctx, t, v, ofs, mop);
                    } else if (kind) {
                        IrTemp d = ir_temp_new(ctx, t);
                        ir_ld_env(ctx, t, d, ofs, mop);
                        ir_mov(ctx, t, ops_slot(&g, t, 0), d);
                    } else {
                        ir_ld_env(ctx, t, ops_slot(&g, t, 0), ofs, mop);
                    }
                    ir_exit_tb(ctx, 1);
                    snprintf(what, sizeof what, "%s.%s [env+%d, %s], %s",
                             ir_op_info[opc].name, ir_type_names[t], ofs,
                             mop_str(mop, mb),
                             !kind ? "global" : store ? "constant" : "temp");
                    if (store && kind)
                        ops_check(env, tl, ctx, &st[p], 1, ops_rne_only, 1, ex, what);
                    else
                        ops_check(env, tl, ctx, st, nv, ops_rne_only, 1, ex, what);
                    ir_ctx_free(ctx);
                }
            }
            free(st);
        }
    }
}

/* ---- guest loads and stores --------------------------------------------- */

static void guest_access(const OpsEnv *env, IrType t, bool store)
{
    IrOpcode opc = store ? IR_OP_st_guest : IR_OP_ld_guest;
    Tally *tl = ops_tally(opc, t);
    IrMemOp mops[16];
    unsigned nm = memops(t, !store, mops);
    static const uint64_t addrs[] = { 0, 8, 1, 3, 7, 13, 504 };
    uint64_t vals[64];
    unsigned nv = mem_values(t, vals);
    char what[160], mb[32];

    for (unsigned m = 0; m < nm; m++) {
        unsigned size = ir_memop_size(mops[m]);
        for (unsigned a = 0; a < 7; a++) {
            for (unsigned kind = 0; kind < 4; kind++) {
                /* bit 0: address constant; bit 1: value constant (store) or
                   output in a temp (load) */
                /* with IR_MO_ALIGN a misaligned address faults: the JIT's
                   trap is compared with the interpreter's fault */
                IrMemOp mop = mops[m] | ((kind & 1) ? IR_MO_ALIGN : 0);
                bool addr_const = kind & 1, other = kind & 2;
                unsigned nprog = store && other ? nv : 1;
                for (unsigned p = 0; p < nprog; p++) {
                    IrCtx *ctx = ir_ctx_new();
                    DiffGlobals g;
                    diff_globals_create(ctx, &g);
                    IrTemp addr = addr_const ? ir_const_i64(ctx, (int64_t)addrs[a])
                                             : g.g64[1];
                    if (store) {
                        IrTemp v = other ? ir_const(ctx, t, vals[p])
                                         : ops_slot(&g, t, 2);
                        ir_st_guest(ctx, t, v, addr, mop);
                    } else if (other) {
                        IrTemp d = ir_temp_new_bb(ctx, t);
                        ir_ld_guest(ctx, t, d, addr, mop);
                        ir_mov(ctx, t, ops_slot(&g, t, 0), d);
                    } else {
                        ir_ld_guest(ctx, t, ops_slot(&g, t, 0), addr, mop);
                    }
                    ir_exit_tb(ctx, 1);
                    unsigned ns = store && other ? 1 : nv;
                    DiffState *st = calloc(ns, sizeof *st);
                    for (unsigned i = 0; i < ns; i++) {
                        uint64_t v = vals[store && other ? p : i];
                        ops_base_state(&st[i]);
                        st[i].env.g64[1] = addrs[a];
                        if (store)
                            ops_set_slot(&st[i], t, 2, v);
                        else
                            memcpy(st[i].guest + addrs[a], &v, size);
                    }
                    snprintf(what, sizeof what, "%s.%s [%s, address %#llx%s, %s]",
                             ir_op_info[opc].name, ir_type_names[t], mop_str(mop, mb),
                             (unsigned long long)addrs[a],
                             addr_const ? " (constant)" : "",
                             store ? (other ? "value constant" : "value in a global")
                                   : (other ? "output in a temp"
                                            : "output in a global"));
                    Exact ex = store ? (Exact){ 0, 0 }
                                     : (Exact){ ops_slot_offset(t, 0), type_size(t) };
                    ops_check(env, tl, ctx, st, ns, ops_rne_only, 1, ex, what);
                    free(st);
                    ir_ctx_free(ctx);
                }
            }
        }
    }
}

/* ---- atomics ------------------------------------------------------------ */

enum {
    A_REG,          /* address, operands, output: globals */
    A_CONST_ADDR,   /* the address a constant */
    A_CONST_V,      /* the operand a constant (one program per value) */
    A_OUT_IS_V,     /* output = the operand's global */
    A_OUT_IS_ADDR,  /* output = the address's global (i64) */
    A_LIVE,         /* operands in TB temps, read again after */
    A_NB_KINDS
};

static const char *const akind_names[] = {
    "globals", "constant address", "constant operand", "out=operand",
    "out=address", "operands live after",
};

static void atomic_program(const OpsEnv *env, Tally *tl, IrOpcode opc,
                           IrType t, IrMemOp mop, uint64_t addr, int kind,
                           const uint64_t *vals, unsigned nv)
{
    bool cx = opc == IR_OP_cmpxchg;
    unsigned nprog = kind == A_CONST_V ? nv : 1;
    char what[200], mb[32];
    for (unsigned p = 0; p < nprog; p++) {
        IrCtx *ctx = ir_ctx_new();
        DiffGlobals g;
        diff_globals_create(ctx, &g);
        IrTemp a = kind == A_CONST_ADDR ? ir_const_i64(ctx, (int64_t)addr) : g.g64[1];
        IrTemp v = ops_slot(&g, t, 2), cmpv = ops_slot(&g, t, 3);
        IrTemp d = ops_slot(&g, t, 0);
        if (kind == A_CONST_V)
            v = ir_const(ctx, t, vals[p]);
        if (kind == A_OUT_IS_V)
            d = v;
        if (kind == A_OUT_IS_ADDR)
            d = a;
        if (kind == A_LIVE) {
            IrTemp tv = ir_temp_new(ctx, t), tc = ir_temp_new(ctx, t);
            IrTemp ta = ir_temp_new(ctx, IR_I64);
            ir_mov(ctx, t, tv, v);
            ir_mov(ctx, t, tc, cmpv);
            ir_mov(ctx, IR_I64, ta, a);
            v = tv;
            cmpv = tc;
            a = ta;
            d = ir_temp_new(ctx, t);
        }
        if (cx) {
            ir_cmpxchg(ctx, t, d, a, cmpv, v, mop);
        } else {
            IrOp *op = ir_emit_op(ctx, opc, t);
            op->args[0].temp = d;
            op->args[1].temp = a;
            op->args[2].temp = v;
            op->args[3].imm = mop;
        }
        if (kind == A_LIVE) {
            ir_mov(ctx, t, ops_slot(&g, t, 0), d);
            ir_st_env(ctx, t, v, (int32_t)offsetof(DiffEnv, sint),
                      t == IR_I32 ? IR_MO_32 : IR_MO_64);
            ir_st_env(ctx, t, cmpv, (int32_t)offsetof(DiffEnv, sint) + 8,
                      t == IR_I32 ? IR_MO_32 : IR_MO_64);
            ir_st_env(ctx, IR_I64, a, (int32_t)offsetof(DiffEnv, sint) + 16, IR_MO_64);
        }
        ir_exit_tb(ctx, 1);

        /* states: memory value x operand value (x comparand: the memory
           value or another) */
        unsigned nmem = nv;
        unsigned nop = kind == A_CONST_V ? 1 : nv;
        unsigned ncmp = cx ? 2 : 1;
        DiffState *st = calloc((size_t)nmem * nop * ncmp, sizeof *st);
        unsigned n = 0;
        for (unsigned i = 0; i < nmem; i++) {
            for (unsigned j = 0; j < nop; j++) {
                for (unsigned c = 0; c < ncmp; c++) {
                    DiffState *s = &st[n++];
                    ops_base_state(s);
                    uint64_t mem = vals[i];
                    memcpy(s->guest + addr, &mem, ir_memop_size(mop));
                    s->env.g64[1] = addr;
                    ops_set_slot(s, t, 2, kind == A_CONST_V ? vals[p] : vals[j]);
                    ops_set_slot(s, t, 3, c == 0 ? mem : vals[(i + 3) % nv]);
                }
            }
        }
        snprintf(what, sizeof what, "%s.%s [%s, address %#llx, %s]",
                 ir_op_info[opc].name, ir_type_names[t], mop_str(mop, mb),
                 (unsigned long long)addr, akind_names[kind]);
        ops_check(env, tl, ctx, st, n, ops_rne_only, 1, (Exact){ 0, 0 }, what);
        free(st);
        ir_ctx_free(ctx);
    }
}

static void atomics(const OpsEnv *env, IrOpcode opc, IrType t)
{
    Tally *tl = ops_tally(opc, t);
    uint64_t vals[64];
    unsigned nv = ops_values(IR_I64, vals, 8);
    for (unsigned sz = 0; (1u << sz) <= type_size(t); sz++) {
        for (unsigned flags = 0; flags < 8; flags++) {
            {
                bool sign = flags & 1, align = flags & 2, be = flags & 4;
                IrMemOp mop = sz | (sign ? IR_MO_SIGN : 0) |
                              (align ? IR_MO_ALIGN : 0) | (be ? IR_MO_BE : 0);
                uint64_t addr = align ? 16 : 24 + (1u << sz) * 3;  /* aligned */
                for (int kind = 0; kind < A_NB_KINDS; kind++) {
                    if (kind == A_OUT_IS_ADDR && t != IR_I64)
                        continue;
                    atomic_program(env, tl, opc, t, mop, addr, kind, vals, nv);
                }
                if (align && sz > 0)        /* misaligned: a guest fault */
                    atomic_program(env, tl, opc, t, mop, 41, A_REG, vals, nv);
            }
        }
    }
}

bool ops_memory(const OpsEnv *env, IrOpcode opc)
{
    const IrOpInfo *info = &ir_op_info[opc];
    if (!(info->types & 15))        /* void-only ops are not memory ops */
        return false;
    for (int t = 0; t < 4; t++) {
        if (!((info->types >> t) & 1))
            continue;
        switch (opc) {
        case IR_OP_ld_env: env_access(env, (IrType)t, false); break;
        case IR_OP_st_env: env_access(env, (IrType)t, true); break;
        case IR_OP_ld_guest: guest_access(env, (IrType)t, false); break;
        case IR_OP_st_guest: guest_access(env, (IrType)t, true); break;
        case IR_OP_cmpxchg: case IR_OP_xchg: case IR_OP_fetch_add:
        case IR_OP_fetch_and: case IR_OP_fetch_or: case IR_OP_fetch_xor:
        case IR_OP_fetch_smin: case IR_OP_fetch_smax: case IR_OP_fetch_umin:
        case IR_OP_fetch_umax:
            atomics(env, opc, (IrType)t);
            break;
        default:
            return false;
        }
    }
    return true;
}
