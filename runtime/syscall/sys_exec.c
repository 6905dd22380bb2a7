/*
 * execve(2) and execveat(2).  A riscv64 ELF executable (checked by its
 * ELF header: ELFCLASS64, little-endian, EM_RISCV) runs under rvtcg again:
 * we execve our own binary (/proc/self/exe) with the options in effect
 * (sys_exec_set_options: -L, -d, -D, -strace, -cpu, -s, code cache...),
 * "-0 ARGV0" so the new program sees its own argv[0], the program, and
 * its arguments, and the guest's envp as the environment.  This is what
 * a binfmt_misc registration of rvtcg would do, without needing one.
 * Anything else (host programs, scripts, missing files) goes to the
 * host's execveat(2), which also gives the kernel's errors; as under
 * qemu-riscv64, a host program such as /bin/echo runs natively.
 *
 * The checks the kernel makes before running a file (fs/exec.c
 * do_open_execat: a regular file, execute permission) are made here for
 * the riscv64 case, with the kernel's errors (EACCES).  Guest strings are
 * checked as the kernel copies them (fs/exec.c copy_strings): a bad
 * pointer is EFAULT, a string longer than MAX_ARG_STRLEN E2BIG.
 * /proc/self/exe names the guest program, as it does for open.
 * The guest's signal mask becomes the new program's (rt_signal_before_exec).
 * AT_EXECFN of the new program is the path rvtcg is given: the guest
 * path (through the -L sysroot if there), or for a path relative to a
 * directory fd, the file's absolute path.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guest_mem.h"
#include "log.h"
#include "rt_signal.h"
#include "syscall.h"
#include "sys_exec.h"
#include "sys_procfs.h"
#include "sysroot.h"

#define MAX_ARG_STRLEN (32 * 4096)     /* include/uapi/linux/binfmts.h */
#define MAX_ARG_STRINGS 0x7fffffff

static char **exec_words;
static int n_exec_words;

void sys_exec_set_options(char **words, int n)
{
    exec_words = words;
    n_exec_words = n;
}

/* The guest's NULL-terminated string array at ADDR (NULL: empty, as
 * Linux takes it) as a malloc'd host array of its strings (pointers into
 * guest memory, each checked); *N receives the count.  -errno on error. */
static int64_t read_strv(uint64_t addr, char ***out, size_t *n)
{
    size_t cap = 16, k = 0;
    char **v = malloc(cap * sizeof *v);
    if (!v)
        return -ENOMEM;
    for (; addr; k++) {
        uint64_t pa = addr + 8 * k, p;
        if (!mem_read_ok(pa, 8)) {
            free(v);
            return -EFAULT;
        }
        memcpy(&p, g2h(pa), 8);
        if (!p)
            break;
        int64_t len = mem_strlen(p, MAX_ARG_STRLEN);
        if (len < 0 || k >= MAX_ARG_STRINGS) {
            free(v);
            return len == -ENAMETOOLONG || len >= 0 ? -E2BIG : len;
        }
        if (k + 1 >= cap) {
            char **nv = realloc(v, (cap *= 2) * sizeof *v);
            if (!nv) {
                free(v);
                return -ENOMEM;
            }
            v = nv;
        }
        v[k] = g2h(p);
    }
    v[k] = NULL;
    *out = v;
    *n = k;
    return 0;
}

/* Opens what execveat(DIRFD, PATH, ..., FLAGS) would run, for reading;
 * -1 if it can't. */
static int open_target(int dirfd, const char *path, int flags)
{
    if (!path[0] && (flags & AT_EMPTY_PATH)) {
        char fdpath[64];
        snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", dirfd);
        return open(fdpath, O_RDONLY | O_CLOEXEC);
    }
    return openat(dirfd, path, O_RDONLY | O_CLOEXEC |
                  ((flags & AT_SYMLINK_NOFOLLOW) ? O_NOFOLLOW : 0));
}

/* Is FD a riscv64 ELF file? */
static bool is_riscv64_elf(int fd)
{
    Elf64_Ehdr h;
    if (pread(fd, &h, sizeof h, 0) != (ssize_t)sizeof h)
        return false;
    return !memcmp(h.e_ident, ELFMAG, SELFMAG) &&
           h.e_ident[EI_CLASS] == ELFCLASS64 &&
           h.e_ident[EI_DATA] == ELFDATA2LSB && h.e_machine == EM_RISCV;
}

/* Runs the riscv64 program open as FD under rvtcg; returns -errno if
 * that fails.  PATH: the path rvtcg is to open, or NULL to use FD's. */
/* execve(2) with the guest's signal state handed over (rt_signal.h: the
 * guest's mask becomes the host mask the new program inherits);
 * returns -errno. */
static int64_t host_exec(RtThread *t, int dirfd, const char *path,
                         char **argv, char **envp, int flags)
{
    rt_log_flush();
    rt_signal_before_exec(t);
    execveat(dirfd, path, argv, envp, flags);
    int64_t r = -errno;
    rt_signal_exec_failed(t);
    return r;
}

static int64_t exec_rvtcg(RtThread *t, int fd, const char *path, char **argv,
                          size_t argc, char **envp)
{
    struct stat st;
    char fdpath[64], abspath[PATH_MAX];
    if (fstat(fd, &st) < 0)
        return -errno;
    if (!S_ISREG(st.st_mode))
        return -EACCES;
    snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", fd);
    if (faccessat(AT_FDCWD, fdpath, X_OK, AT_EACCESS) < 0)
        return -errno;
    if (!path) {
        ssize_t n = readlink(fdpath, abspath, sizeof abspath - 1);
        if (n < 0)
            return -errno;
        abspath[n] = 0;
        path = abspath;
    }
    size_t total = 1 + n_exec_words + 4 + (argc ? argc - 1 : 0) + 1;
    char **hv = calloc(total, sizeof *hv);
    if (!hv)
        return -ENOMEM;
    size_t k = 0;
    hv[k++] = "rvtcg";
    for (int i = 0; i < n_exec_words; i++)
        hv[k++] = exec_words[i];
    hv[k++] = "-0";
    hv[k++] = argc ? argv[0] : "";
    hv[k++] = "--";
    hv[k++] = (char *)path;
    for (size_t i = 1; i < argc; i++)
        hv[k++] = argv[i];
    hv[k] = NULL;
    int64_t r = host_exec(t, AT_FDCWD, "/proc/self/exe", hv, envp, 0);
    free(hv);
    return r;
}

static int64_t do_exec(RtThread *t, int dirfd, uint64_t gpath, uint64_t gargv,
                       uint64_t genvp, int flags)
{
    int64_t len = mem_strlen(gpath, PATH_MAX);
    if (len < 0)
        return len;
    if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW))
        return -EINVAL;
    char buf[PATH_MAX + 256], exe[PATH_MAX];
    const char *path = rt_path(g2h(gpath), buf, sizeof buf);
    if (dirfd == AT_FDCWD || path[0] == '/') {
        /* /proc/self/exe is the guest program (sys_procfs.h) */
        int64_t n = sys_procfs_readlink(path, exe, sizeof exe - 1);
        if (n >= 0) {
            exe[n] = 0;
            path = exe;
        }
    }
    char **argv, **envp;
    size_t argc, envc;
    int64_t r = read_strv(gargv, &argv, &argc);
    if (r < 0)
        return r;
    r = read_strv(genvp, &envp, &envc);
    if (r < 0) {
        free(argv);
        return r;
    }
    int fd = open_target(dirfd, path, flags);
    if (fd >= 0 && is_riscv64_elf(fd)) {
        bool own_path = path[0] == '/' || (dirfd == AT_FDCWD && path[0]);
        r = exec_rvtcg(t, fd, own_path ? path : NULL, argv, argc, envp);
    } else {
        r = host_exec(t, dirfd, path, argv, envp, flags);
    }
    if (fd >= 0)
        close(fd);
    free(argv);
    free(envp);
    return r;
}

int64_t sys_execve(RtThread *t, const uint64_t *a)
{
    return do_exec(t, AT_FDCWD, a[0], a[1], a[2], 0);
}

int64_t sys_execveat(RtThread *t, const uint64_t *a)
{
    return do_exec(t, (int)a[0], a[1], a[2], a[3], (int)a[4]);
}
