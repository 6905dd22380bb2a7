/*
 * The guest's /proc/self/maps (guest_mem.h mem_write_maps): one line per
 * region of the bookkeeping, in the kernel's format (fs/proc/task_mmu.c
 * show_map_vma; man 5 proc_pid_maps):
 *
 *   start-end perms offset dev inode [padding path]
 *
 * addresses in hex, at least 8 digits; perms rwx plus p (private) or s
 * (shared); the file offset (8 hex digits); the device major:minor (2 hex
 * digits each); the inode; then for a file or a named region the path
 * (or [heap], [stack]) after column 73.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "guest_mem.h"
#include "mem_internal.h"

static int write_all(int fd, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Formats one line into BUF (at least 4200 bytes); returns its length. */
static size_t format_line(char *buf, size_t size, uint64_t start,
                          uint64_t end, int prot, const MemInfo *info)
{
    int n = snprintf(buf, size, "%08llx-%08llx %c%c%c%c %08llx %02x:%02x %llu ",
                     (unsigned long long)start, (unsigned long long)end,
                     prot & PROT_READ ? 'r' : '-',
                     prot & PROT_WRITE ? 'w' : '-',
                     prot & PROT_EXEC ? 'x' : '-', info->shared ? 's' : 'p',
                     (unsigned long long)(info->ino ? info->offset : 0),
                     info->ino ? major(info->dev) : 0,
                     info->ino ? minor(info->dev) : 0,
                     (unsigned long long)info->ino);
    if (info->name) {
        /* the kernel pads to 25 + 6 * sizeof(void *) - 1 columns, then a
         * space (seq_setwidth, seq_pad) */
        int pad = 25 + 6 * 8 - 1 - n;
        n += snprintf(buf + n, size - (size_t)n, "%*s %s", pad > 0 ? pad : 0,
                      "", info->name);
    }
    n += snprintf(buf + n, size - (size_t)n, "\n");
    return (size_t)n;
}

int mem_write_maps(int fd)
{
    char line[4200];
    uint64_t start, end;
    int prot;
    MemInfo info;
    for (size_t i = 0; mem_region_get(i, &start, &end, &prot, &info); i++) {
        size_t n = format_line(line, sizeof line, start, end, prot, &info);
        int r = write_all(fd, line, n);
        if (r < 0)
            return r;
    }
    return 0;
}
