/*
 * The semantic facts the .decode specs cannot express (see dt_hints.h).
 */
#include "dt_hints.h"
#include "rv_names.h"

#include <stdio.h>
#include <string.h>

void dt_hints_for(const DtPattern *p, DtHints *h)
{
    const char *name = p->dp->name;
    memset(h, 0, sizeof *h);

    /* JALR (Unprivileged ISA 2.5) and C.JR/C.JALR, which expand to it:
     * "imm(rs1)" has the syntax of a load address, but the pc goes there. */
    if (strcmp(name, "jalr") == 0)
        h->code_address = true;

    /* Reserved encodings raise illegal-instruction (SIGILL); EBREAK raises
     * a breakpoint (SIGTRAP): each case ends its process. */
    if (strcmp(name, "illegal") == 0 || strcmp(name, "ebreak") == 0)
        h->terminates = true;

    /* ECALL (2.8): the Linux system call ABI uses a7, a0..a5 and a0. */
    if (strcmp(name, "ecall") == 0)
        h->syscall = true;

    /* CTZW (Bit-Manipulation ISA-extensions 1.0.0, 2.2 Zbb) counts the
     * trailing zeros of the low word: 32 when it is zero.  QEMU 7.2 gives
     * the count of the whole register then (fixed in QEMU 8.0, "target/
     * riscv: Fix ctzw behavior"), so the reference can only judge inputs
     * whose low word is not zero; the zero case is left to the guest-suite
     * Zbb programs' fixed expectations. */
    if (p->rv_ext >= 0 && strcmp(p->ext, "zbb") == 0 &&
        strcmp(name, "ctzw") == 0)
        h->rs1_nonzero = 0xffffffffu;

    /* SC.W/SC.D (8.2) succeed only after an LR.W/LR.D of the same width on
     * the same address: pair sc_X with lr_X of the same spec. */
    if (strncmp(name, "sc_", 3) == 0) {
        char lr[64];
        snprintf(lr, sizeof lr, "lr_%s", name + 3);
        for (int i = 0; i < dt_npatterns(); i++) {
            const DtPattern *q = dt_pattern(i);
            if (q->width == p->width && strcmp(q->dp->name, lr) == 0)
                h->lr_for_sc = q;
        }
    }
}

const int64_t dt_safe_syscalls[] = {
    124,            /* sched_yield: 0 */
    174, 175,       /* getuid, geteuid */
    176, 177,       /* getgid, getegid */
    500, 1000, 4095, 0x12345678, -1,   /* unknown: -ENOSYS */
};
const int dt_nsafe_syscalls = sizeof dt_safe_syscalls / sizeof dt_safe_syscalls[0];

static DtUserCsr user_csrs[] = {
    { "fflags", 0, false }, { "frm", 0, false }, { "fcsr", 0, false },
    { "cycle", 0, true }, { "time", 0, true }, { "instret", 0, true },
};
enum { NUSER_CSRS = sizeof user_csrs / sizeof user_csrs[0] };

int dt_user_csrs(const DtUserCsr **out)
{
    static bool done;
    if (!done) {
        for (unsigned num = 0; num < 4096; num++) {
            char buf[32];
            if (!rv_csr_name(num, buf, sizeof buf))
                continue;
            for (int i = 0; i < NUSER_CSRS; i++)
                if (strcmp(buf, user_csrs[i].name) == 0)
                    user_csrs[i].num = num;
        }
        done = true;
    }
    *out = user_csrs;
    return NUSER_CSRS;
}
