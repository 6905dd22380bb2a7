/*
 * /proc/self emulation (sys_procfs.h).  Placeholder: nothing emulated yet.
 */
#include "sys_procfs.h"

int sys_procfs_open(const char *path, int flags)
{
    (void)path, (void)flags;
    return SYS_PROCFS_PASS;
}

int64_t sys_procfs_readlink(const char *path, char *buf, size_t len)
{
    (void)path, (void)buf, (void)len;
    return SYS_PROCFS_PASS;
}
