/*
 * Registration of the frontend's IR helpers (rv_helpers.h), so the textual
 * IR (-d op, rvtcg-irdump, ir_parse) names them, and the descriptors of the
 * FP CSR accessors (rv_fcsr.h; RISC-V Unprivileged ISA 20191213, 11.2),
 * which the FP code implements.
 */
#include "rv_helpers.h"

#include "ir_text.h"
#include "rv_disas_ctx.h"
#include "rv_fcsr.h"
#include "rv_fpu.h"

/* They read and write RvCpu's FP CSR state and the host MXCSR, never the
 * IR globals (x, f, pc). */
const IrHelper rv_helper_fcsr_read = {
    "rv_fcsr_read", (void (*)(void))rv_fcsr_read,
    IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB,
};

const IrHelper rv_helper_fcsr_write = {
    "rv_fcsr_write", (void (*)(void))rv_fcsr_write,
    IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB,
};

void rv_helpers_register(void)
{
    ir_helper_register(&rv_helper_rdcycle);
    ir_helper_register(&rv_helper_rdtime);
    ir_helper_register(&rv_helper_fcsr_read);
    ir_helper_register(&rv_helper_fcsr_write);
    rv_fpu_helpers_register();
}
