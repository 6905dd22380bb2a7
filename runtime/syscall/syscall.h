/*
 * System calls of the guest (riscv64 Linux ABI: ecall with the number in
 * a7, arguments in a0..a5, the result or -errno in a0; syscall(2) "Architecture
 * calling conventions").  sys_dispatch() runs one through the table of
 * syscalls.def.  Guest pointers become host pointers with g2h(); errno
 * values are the same on riscv64 and x86-64 (asm-generic/errno*.h).
 */
#ifndef SYSCALL_H
#define SYSCALL_H

#include <stdint.h>

#include "rt_thread.h"

typedef int64_t SysHandler(RtThread *t, const uint64_t *a);

/* Special handler results, never seen by the guest:
 *   SYS_RET_KEEP         the handler set the registers and pc itself
 *                        (rt_sigreturn, execve): a0 and pc are left alone;
 *   -SYS_ERESTARTSYS     a blocking call was interrupted by a host signal
 *                        (the kernel's ERESTARTSYS): pc stays at the ecall
 *                        and a0 keeps the first argument, so the call runs
 *                        again, unless the signal delivered now has a
 *                        handler without SA_RESTART, in which case the
 *                        signal code makes it return -EINTR (pc + 4). */
#define SYS_RET_KEEP INT64_MIN
#define SYS_ERESTARTSYS 512

/* Runs system call NR with arguments A[0..5]; returns a0's new value. */
int64_t sys_dispatch(RtThread *t, uint64_t nr, const uint64_t *a);

/* The name of syscall NR, or NULL. */
const char *sys_name(uint64_t nr);

/* The handlers, declared from the table (a handler needs no declaration
 * of its own; sys_unsupported and sys_enosys are the placeholders for
 * calls not implemented, see syscalls.def). */
#define SYSCALL(nr, name, handler, args) SysHandler handler;
#include "syscalls.def"
#undef SYSCALL

#endif
