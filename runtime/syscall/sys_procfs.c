/*
 * /proc/self emulation (sys_procfs.h), as qemu-riscv64 does it
 * (linux-user/syscall.c, do_openat and its "fake open" table): the real
 * files describe rvtcg, the host process, so
 *   maps     the guest's mappings (mem_write_maps),
 *   auxv     the auxiliary vector the guest started with,
 *   cmdline  the guest's argv strings, read from guest memory now (as the
 *            kernel reads them from the process: proc(5)),
 * are generated into a memfd, rewound (any access mode, as qemu's), and
 * exe opens the guest program.
 * readlink of exe gives the guest program's absolute path.  Paths match
 * /proc/self/NAME, /proc/thread-self/NAME and /proc/PID/NAME for our own
 * pid; a relative path is taken relative to the cwd (e.g. "self/maps"
 * in /proc).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "elf_load.h"
#include "guest_mem.h"
#include "sys_procfs.h"

static char *exe_path;

void sys_procfs_set_exe(const char *abspath)
{
    free(exe_path);
    exe_path = strdup(abspath);
}

/* The NAME of PATH if it is /proc/{self,thread-self,OUR-PID}/NAME (an
 * absolute path built in BUF for a relative one), else NULL. */
static const char *self_file(const char *path, char *buf, size_t len)
{
    if (path[0] != '/') {
        /* only worth a getcwd when it could be one of ours */
        if (strncmp(path, "self/", 5) && strncmp(path, "thread-self/", 12) &&
            (path[0] < '1' || path[0] > '9'))
            return NULL;
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd))
            return NULL;
        int n = snprintf(buf, len, "%s/%s", cwd, path);
        if (n < 0 || (size_t)n >= len)
            return NULL;
        path = buf;
    }
    while (path[1] == '/')
        path++;
    if (strncmp(path, "/proc/", 6))
        return NULL;
    const char *p = path + 6;
    while (*p == '/')
        p++;
    char pid[24];
    snprintf(pid, sizeof pid, "%d/", (int)getpid());
    const char *const dirs[] = { "self/", "thread-self/", pid };
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        size_t n = strlen(dirs[i]);
        if (!strncmp(p, dirs[i], n)) {
            p += n;
            while (*p == '/')
                p++;
            return p;
        }
    }
    return NULL;
}

/* A memfd holding guest memory [ADDR, ADDR + LEN), or the maps when MAPS
 * is set; rewound.  -errno on failure. */
static int generated(int flags, uint64_t addr, uint64_t len, bool maps)
{
    int fd = memfd_create("rvtcg-procfs",
                          (flags & O_CLOEXEC) ? MFD_CLOEXEC : 0);
    if (fd < 0)
        return -errno;
    int r = 0;
    if (maps) {
        r = mem_write_maps(fd);
    } else if (len) {
        if (!mem_read_ok(addr, len)) {
            r = -EFAULT;
        } else {
            const char *p = g2h(addr);
            for (uint64_t done = 0; done < len && !r;) {
                ssize_t w = write(fd, p + done, len - done);
                if (w < 0 && errno != EINTR)
                    r = -errno;
                else if (w > 0)
                    done += (uint64_t)w;
            }
        }
    }
    if (!r && lseek(fd, 0, SEEK_SET) < 0)
        r = -errno;
    if (r) {
        close(fd);
        return r;
    }
    return fd;
}

int sys_procfs_open(const char *path, int flags)
{
    char buf[PATH_MAX];
    const char *name = self_file(path, buf, sizeof buf);
    if (!name)
        return SYS_PROCFS_PASS;
    if (!strcmp(name, "maps"))
        return generated(flags, 0, 0, true);
    if (!strcmp(name, "auxv") && elf_auxv_len)
        return generated(flags, elf_auxv_addr, elf_auxv_len, false);
    if (!strcmp(name, "cmdline") && elf_args_len)
        return generated(flags, elf_args_addr, elf_args_len, false);
    if (!strcmp(name, "exe") && exe_path) {
        int fd = open(exe_path, flags, 0);
        return fd < 0 ? -errno : fd;
    }
    return SYS_PROCFS_PASS;
}

int64_t sys_procfs_readlink(const char *path, char *buf, size_t len)
{
    char tmp[PATH_MAX];
    const char *name = self_file(path, tmp, sizeof tmp);
    if (!name || strcmp(name, "exe") || !exe_path)
        return SYS_PROCFS_PASS;
    size_t n = strlen(exe_path);
    if (n > len)
        n = len;
    memcpy(buf, exe_path, n);
    return (int64_t)n;
}
