/*
 * The recording RaHost of the regalloc tests: every hook call becomes an
 * RaEvent, in order, for ra_check() to simulate.  The host has the
 * x86-64 backend's layout: env in rbp, spill frame at rsp, guest base in
 * r15, every other register allocatable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ra_check.h"

static RaEvent *push(RaMock *m)
{
    if (m->nb_ev == m->cap_ev) {
        m->cap_ev = m->cap_ev ? 2 * m->cap_ev : 256;
        m->ev = realloc(m->ev, m->cap_ev * sizeof(*m->ev));
        if (!m->ev)
            abort();
    }
    RaEvent *e = &m->ev[m->nb_ev++];
    memset(e, 0, sizeof(*e));
    return e;
}

static void h_mov(void *be, IrType t, int dst, int src)
{
    RaEvent *e = push(be);
    e->kind = RA_EV_MOV;
    e->type = (uint8_t)t;
    e->reg = (int8_t)dst;
    e->reg2 = (int8_t)src;
}

static void h_movi(void *be, IrType t, int dst, uint64_t val)
{
    RaEvent *e = push(be);
    e->kind = RA_EV_MOVI;
    e->type = (uint8_t)t;
    e->reg = (int8_t)dst;
    e->val = val;
}

static void h_load(void *be, IrType t, int dst, int base, int32_t off)
{
    RaEvent *e = push(be);
    e->kind = RA_EV_LOAD;
    e->type = (uint8_t)t;
    e->reg = (int8_t)dst;
    e->reg2 = (int8_t)base;
    e->off = off;
}

static void h_store(void *be, IrType t, int src, int base, int32_t off)
{
    RaEvent *e = push(be);
    e->kind = RA_EV_STORE;
    e->type = (uint8_t)t;
    e->reg = (int8_t)src;
    e->reg2 = (int8_t)base;
    e->off = off;
}

static void h_op(void *be, const IrOp *op, const IrConsSet *cs,
                 const RaArg *args)
{
    RaMock *m = be;
    RaEvent *e = push(m);
    e->kind = RA_EV_OP;
    e->op_index = (uint32_t)(op - m->ctx->ops);
    e->cs = cs;
    if (cs) {
        e->nargs = (uint8_t)(op->nb_out + op->nb_in + cs->nb_scratch);
        memcpy(e->args, args, e->nargs * sizeof(*args));
    }
}

void ra_mock_init(RaMock *m, IrCtx *ctx, uint32_t features)
{
    memset(m, 0, sizeof(*m));
    m->ctx = ctx;
    m->host = (RaHost){
        .features = features,
        .allocatable = 0xffffffffu & ~(1u << IR_X86_RSP),
        .reserved = (1u << IR_X86_RSP) | (1u << IR_X86_RBP) |
                    (1u << IR_X86_R15),
        .env_reg = IR_X86_RBP,
        .frame_reg = IR_X86_RSP,
        .frame_offset = 16,
        .frame_size = 4096,
        .be = m,
        .mov = h_mov,
        .movi = h_movi,
        .load = h_load,
        .store = h_store,
        .op = h_op,
    };
}

void ra_mock_reset(RaMock *m)
{
    m->nb_ev = 0;
}

void ra_mock_free(RaMock *m)
{
    free(m->ev);
    m->ev = NULL;
    m->nb_ev = m->cap_ev = 0;
}

size_t ra_mock_count(const RaMock *m, RaEvKind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nb_ev; i++)
        n += m->ev[i].kind == kind;
    return n;
}

size_t ra_mock_env_stores(const RaMock *m, int32_t off)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nb_ev; i++)
        n += m->ev[i].kind == RA_EV_STORE &&
             m->ev[i].reg2 == m->host.env_reg && m->ev[i].off == off;
    return n;
}
