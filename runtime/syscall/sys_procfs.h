/*
 * The guest's view of /proc/self (and /proc/PID for its own pid): maps,
 * exe, auxv, cmdline are the guest's, not rvtcg's.  Used by the file
 * syscalls before they touch the host file system.
 */
#ifndef SYS_PROCFS_H
#define SYS_PROCFS_H

#include <stddef.h>
#include <stdint.h>

/* If host-side path PATH (dirfd already resolved: absolute or relative to
 * the cwd) names one of the emulated files, returns an open host fd (or
 * -errno); returns SYS_PROCFS_PASS when the real file is to be used. */
#define SYS_PROCFS_PASS (-100000)
int sys_procfs_open(const char *path, int flags);

/* readlink(2) of an emulated link (/proc/self/exe): the length written to
 * BUF, or SYS_PROCFS_PASS. */
int64_t sys_procfs_readlink(const char *path, char *buf, size_t len);

#endif
