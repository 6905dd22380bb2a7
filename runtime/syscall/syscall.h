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

/* Runs system call NR with arguments A[0..5]; returns a0's new value. */
int64_t sys_dispatch(RtThread *t, uint64_t nr, const uint64_t *a);

/* The name of syscall NR, or NULL. */
const char *sys_name(uint64_t nr);

/* Handlers (syscalls.def names them). */
SysHandler sys_unsupported, sys_enosys;
SysHandler sys_read, sys_write, sys_writev;
SysHandler sys_exit, sys_exit_group, sys_set_tid_address, sys_prlimit64,
    sys_getrandom, sys_getpid, sys_getppid, sys_gettid, sys_getuid,
    sys_geteuid, sys_getgid, sys_getegid, sys_sched_yield;
SysHandler sys_brk, sys_mprotect, sys_riscv_flush_icache;

#endif
