/*
 * Facts the allocator derives once per process from the generated
 * constraint table (pthread_once): per constraint set, the registers it
 * fixes, and a preference order of host registers (those no constraint
 * fixes and no op clobbers first).  Both keep the per-op work and the
 * choice of registers free of host-specific lists.
 */
#include <pthread.h>

#include "ra_internal.h"

static RaSetInfo set_info[IR_CONS_X86_64_COUNT];
static int8_t cost_order[IR_X86_NB_REGS];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void table_init(void)
{
    unsigned cost[IR_X86_NB_REGS] = { 0 };
    for (unsigned i = 0; i < IR_CONS_X86_64_COUNT; i++) {
        const IrConsSet *cs = &ir_cons_x86_64[i];
        RaSetInfo *si = &set_info[i];
        unsigned n = (unsigned)cs->nb_out + cs->nb_in + cs->nb_scratch;
        for (unsigned a = 0; a < n; a++) {
            const IrArgCons *ac = &cs->args[a];
            bool is_out = a < cs->nb_out;
            bool is_scr = a >= (unsigned)cs->nb_out + cs->nb_in;
            if (!ac->fixed)
                continue;
            si->fixed |= ac->regs;
            if (is_out || is_scr)
                si->out_scr_fixed |= ac->regs;
            if (is_scr)
                si->scr_fixed |= ac->regs;
            for (int r = 0; r < IR_X86_NB_REGS; r++)
                cost[r] += ra_reg_in(ac->regs, r) ? 4 : 0;
        }
        for (int r = 0; r < IR_X86_NB_REGS; r++)
            cost[r] += ra_reg_in(cs->clobber, r);
    }
    /* stable insertion sort by cost */
    for (int r = 0; r < IR_X86_NB_REGS; r++) {
        int j = r;
        while (j > 0 && cost[cost_order[j - 1]] > cost[r]) {
            cost_order[j] = cost_order[j - 1];
            j--;
        }
        cost_order[j] = (int8_t)r;
    }
}

void ra_table_init(void)
{
    pthread_once(&table_once, table_init);
}

const RaSetInfo *ra_set_info(const IrConsSet *cs)
{
    return &set_info[cs - ir_cons_x86_64];
}

void ra_init_order(Ra *ra)
{
    ra_table_init();
    ra->pref_order_len = 0;
    for (int i = 0; i < IR_X86_NB_REGS; i++)
        if (ra_reg_in(ra->avail, cost_order[i]))
            ra->pref_order[ra->pref_order_len++] = cost_order[i];
}
