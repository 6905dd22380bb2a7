/*
 * The guest's view of /proc/self (and /proc/PID for its own pid, and
 * /proc/thread-self): maps, exe, auxv, cmdline are the guest's, not
 * rvtcg's.  Used by the file syscalls before they touch the host file
 * system.
 */
#ifndef SYS_PROCFS_H
#define SYS_PROCFS_H

#include <stddef.h>
#include <stdint.h>

/* The guest program's absolute host path (main, once at start-up): what
 * /proc/self/exe names. */
void sys_procfs_set_exe(const char *abspath);

/* If host-side path PATH (dirfd already resolved: absolute or relative to
 * the cwd) names one of the emulated files, returns an open host fd (or
 * -errno); returns SYS_PROCFS_PASS when the real file is to be used.
 * FLAGS are open(2) flags (only the access mode and O_CLOEXEC matter;
 * their bits are the same for riscv64 and x86-64). */
#define SYS_PROCFS_PASS (-100000)
int sys_procfs_open(const char *path, int flags);

/* readlink(2) of an emulated link (/proc/self/exe): the length written to
 * BUF (truncated to LEN, no NUL, as readlink), or SYS_PROCFS_PASS. */
int64_t sys_procfs_readlink(const char *path, char *buf, size_t len);

#endif
