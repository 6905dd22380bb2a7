/*
 * Guest path -> host path through the sysroot (sysroot.h).
 */
#include <stdio.h>
#include <unistd.h>

#include "sysroot.h"

static const char *sysroot;

void rt_sysroot_set(const char *dir)
{
    sysroot = dir && *dir ? dir : NULL;
}

const char *rt_sysroot(void)
{
    return sysroot;
}

const char *rt_path(const char *path, char *buf, size_t len)
{
    if (!sysroot || !path || path[0] != '/')
        return path;
    int n = snprintf(buf, len, "%s%s", sysroot, path);
    if (n < 0 || (size_t)n >= len)
        return path;
    return access(buf, F_OK) == 0 ? buf : path;
}
