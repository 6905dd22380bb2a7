/*
 * The perf map of the generated code (perfmap.h), for profiling guest
 * programs with `perf record` / `perf report`: samples in the code cache
 * are named after the guest function a TB comes from.
 *
 * Each line is written with one write(2) (O_APPEND) as its TB is
 * committed, so the file is complete whenever the process ends (exit,
 * exit_group, a fatal guest signal: rt_exit's _exit skips stdio buffers).
 * One syscall per translated TB is small next to the translation itself,
 * and only paid with -perfmap.  Commits are serialized by tb_lock, so the
 * static buffer needs no lock of its own.
 *
 * After a code cache flush the cache is reused and the map keeps the old
 * lines: perf lets a later entry for an address win over an earlier one,
 * so the stale lines are harmless (samples are attributed by the latest
 * TB at the address, which is the one that ran, except for samples taken
 * before the reuse).
 *
 * A fork()ed child (pid changed) starts its own /tmp/perf-PID.map on its
 * first commit; the code inherited from the parent is not in it.  A guest
 * execve runs a new rvtcg in the same process, which truncates the map:
 * it describes the last program.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "elf_syms.h"
#include "perfmap.h"

bool rt_perfmap_on;
static int fd = -1;
static pid_t owner;          /* the pid the open map belongs to */

static bool open_map(char *err, size_t errlen)
{
    char path[64];
    owner = getpid();
    snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)owner);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC,
              0644);
    if (fd < 0) {
        if (err)
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return false;
    }
    return true;
}

bool rt_perfmap_open(char *err, size_t errlen)
{
    rt_perfmap_on = open_map(err, errlen);
    return rt_perfmap_on;
}

void rt_perfmap_add(const void *code, uint32_t size, uint64_t pc)
{
    if (!rt_perfmap_on || size == 0)
        return;
    if (getpid() != owner) {        /* a forked child: its own map */
        close(fd);
        if (!open_map(NULL, 0)) {
            rt_perfmap_on = false;
            return;
        }
    }
    static char line[512];
    uint64_t off;
    const char *sym = elf_syms_lookup(pc, &off);
    int n;
    if (sym)
        n = snprintf(line, sizeof line, "%lx %x guest:%s+0x%llx\n",
                     (unsigned long)(uintptr_t)code, (unsigned)size, sym,
                     (unsigned long long)off);
    else
        n = snprintf(line, sizeof line, "%lx %x guest:0x%llx\n",
                     (unsigned long)(uintptr_t)code, (unsigned)size,
                     (unsigned long long)pc);
    if (n >= (int)sizeof line) {    /* a huge symbol name: cut, keep '\n' */
        n = sizeof line - 1;
        line[n - 1] = '\n';
    }
    ssize_t w;
    do
        w = write(fd, line, (size_t)n);
    while (w < 0 && errno == EINTR);
}
