/*
 * rv_frontend_pin_x (rv_translate.h): finds the IR global of a guest
 * integer register by its slot in RvCpu and pins it to a host register.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "rv_cpu.h"
#include "rv_translate.h"

void rv_frontend_pin_x(IrCtx *ir, unsigned xreg, int host_reg)
{
    int32_t ofs = (int32_t)offsetof(RvCpu, x[xreg]);
    for (uint32_t t = 1; xreg && xreg < 32 && t <= ir->nb_globals; t++)
        if (ir->temps[t].offset == ofs && ir->temps[t].type == IR_I64) {
            ir_global_set_fixed_reg(ir, (IrTemp){ .id = t }, host_reg);
            return;
        }
    fprintf(stderr, "rvtcg: no IR global for guest register x%u\n", xreg);
    abort();
}
