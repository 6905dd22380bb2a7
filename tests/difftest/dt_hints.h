/*
 * What the difftest must know about an instruction that its spec does not
 * say.  The .decode templates give each operand's syntax (register, FP
 * register, immediate, pc-relative target, "imm(rs1)" address, rounding
 * mode, CSR...) and the generator derives everything it can from them; the
 * few semantic facts below cannot be read from a template.  Each entry says
 * why it is needed.  A new pattern needs an entry here only if it shares
 * one of these properties.
 */
#ifndef DT_HINTS_H
#define DT_HINTS_H

#include <stdbool.h>
#include <stdint.h>

#include "dt_spec.h"

typedef struct DtHints {
    bool code_address;      /* its "imm(rs1)" operand is a jump target */
    bool terminates;        /* kills the process (SIGILL/SIGTRAP): few cases */
    bool syscall;           /* reads a7, a0..a5 and writes a0 implicitly */
    const DtPattern *lr_for_sc;   /* SC: the LR that makes a reservation */
    uint64_t rs1_nonzero;   /* keep rs1 & this != 0: the reference (QEMU
                               7.2) is wrong for the other values */
} DtHints;

void dt_hints_for(const DtPattern *p, DtHints *h);

/* System call numbers (riscv64 Linux) whose results are the same under
 * any two emulators on one host: unknown numbers (-ENOSYS), sched_yield,
 * get[e]uid, get[e]gid.  Not getpid (two processes) nor any I/O. */
extern const int64_t dt_safe_syscalls[];
extern const int dt_nsafe_syscalls;

/* The CSRs a user-mode program may access (Privileged ISA 2.2, Table 2.2):
 * fflags, frm, fcsr (read/write) and the counters cycle, time, instret
 * (read-only; their values differ between any two runs).  Numbers are
 * looked up by name in defs/riscv/csr.def. */
typedef struct DtUserCsr {
    const char *name;
    unsigned num;
    bool read_only;         /* and its value is not reproducible */
} DtUserCsr;
int dt_user_csrs(const DtUserCsr **out);

#endif
