/*
 * System call dispatch and -strace: one table built from syscalls.def,
 * indexed by the riscv64 syscall number, gives each call's name, handler
 * and argument format.  Unknown or unimplemented numbers return -ENOSYS
 * (what Linux returns for a number it lacks); the ones marked
 * sys_unsupported also say so on stderr, once per number (every time with
 * -d unimp).
 *
 * strace formats (the fourth column of syscalls.def), one letter per
 * argument, printed the way qemu-riscv64 -strace prints them:
 *   d  signed decimal          u  unsigned decimal     x  hex (flags)
 *   o  octal (modes)           p  pointer (0x..., NULL) s  guest C string
 *   a  directory fd (AT_FDCWD) S  signal number
 *   V  guest string array ({"a","b",NULL}: execve's argv and envp)
 *   "??????"  not described: six raw hex values
 * A result is printed as a number, or as "-1 errno=N (message)"; a format
 * ending in "=p" prints a successful result as an address (mmap, brk).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "guest_mem.h"
#include "log.h"
#include "stats.h"
#include "syscall.h"

#define SYS_TABLE_SIZE 512

typedef struct SysEntry {
    const char *name;
    SysHandler *fn;
    const char *args;
} SysEntry;

static const SysEntry sys_table[SYS_TABLE_SIZE] = {
#define SYSCALL(nr, name, handler, args) [nr] = { #name, handler, args },
#include "syscalls.def"
#undef SYSCALL
};

static bool warned[SYS_TABLE_SIZE + 1];

int64_t sys_unsupported(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return -ENOSYS;
}

int64_t sys_enosys(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return -ENOSYS;
}

const char *sys_name(uint64_t nr)
{
    return nr < SYS_TABLE_SIZE ? sys_table[nr].name : NULL;
}

/* A guest string for -strace: at most 64 bytes, only if readable. */
static void print_string(FILE *f, uint64_t addr)
{
    if (!addr) {
        fputs("NULL", f);
        return;
    }
    fputc('"', f);
    for (unsigned i = 0; i < 64; i++) {
        if (!mem_check(addr + i, 1, PROT_READ)) {
            fprintf(f, "\"...<0x%" PRIx64 " unreadable>", addr);
            return;
        }
        unsigned char c = *(unsigned char *)g2h(addr + i);
        if (!c) {
            fputc('"', f);
            return;
        }
        if (c == '\n')
            fputs("\\n", f);
        else if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 32 || c >= 127)
            fprintf(f, "\\%03o", c);
        else
            fputc(c, f);
    }
    fputs("\"...", f);
}

/* A guest NULL-terminated string array for -strace: at most 16 shown. */
static void print_string_array(FILE *f, uint64_t addr)
{
    if (!addr) {
        fputs("NULL", f);
        return;
    }
    fputc('{', f);
    for (unsigned i = 0;; i++) {
        uint64_t p;
        if (!mem_read_ok(addr + 8 * i, 8)) {
            fputs("...}", f);
            return;
        }
        memcpy(&p, g2h(addr + 8 * i), 8);
        if (!p)
            break;
        if (i == 16) {
            fputs("...,", f);
            break;
        }
        print_string(f, p);
        fputc(',', f);
    }
    fputs("NULL}", f);
}

static void print_arg(FILE *f, char kind, uint64_t v)
{
    switch (kind) {
    case 'd': fprintf(f, "%" PRId64, (int64_t)v); break;
    case 'u': fprintf(f, "%" PRIu64, v); break;
    case 'o': fprintf(f, "0%" PRIo64, v); break;
    case 'p':
        if (v)
            fprintf(f, "0x%" PRIx64, v);
        else
            fputs("NULL", f);
        break;
    case 's': print_string(f, v); break;
    case 'V': print_string_array(f, v); break;
    case 'a':
        if ((int32_t)v == AT_FDCWD)
            fputs("AT_FDCWD", f);
        else
            fprintf(f, "%d", (int32_t)v);
        break;
    case 'S':
        if ((int)v > 0 && (int)v < 32 && sigabbrev_np((int)v))
            fprintf(f, "SIG%s", sigabbrev_np((int)v));
        else
            fprintf(f, "%d", (int32_t)v);
        break;
    case 'x':
    default: fprintf(f, "0x%" PRIx64, v); break;
    }
}

static void strace_call(uint64_t nr, const SysEntry *e, const uint64_t *a)
{
    FILE *f = rt_logfile;
    if (e && e->name) {
        fprintf(f, "%d %s(", (int)getpid(), e->name);
        const char *fmt = e->args ? e->args : "??????";
        for (unsigned i = 0; fmt[i] && fmt[i] != '=' && i < 6; i++) {
            if (i)
                fputc(',', f);
            print_arg(f, fmt[i] == '?' ? 'x' : fmt[i], a[i]);
        }
        fputc(')', f);
    } else
        fprintf(f, "%d Unknown syscall %" PRIu64, (int)getpid(), nr);
}

static void strace_result(const SysEntry *e, int64_t r)
{
    FILE *f = rt_logfile;
    const char *ret = e && e->args ? strchr(e->args, '=') : NULL;
    if (r < 0 && r >= -4095)
        fprintf(f, " = -1 errno=%d (%s)\n", (int)-r, strerror((int)-r));
    else if (ret && ret[1] == 'p')
        fprintf(f, " = 0x%" PRIx64 "\n", (uint64_t)r);
    else
        fprintf(f, " = %" PRId64 "\n", r);
    fflush(f);
}

int64_t sys_dispatch(RtThread *t, uint64_t nr, const uint64_t *a)
{
    RT_STAT_INC(syscalls);
    const SysEntry *e = nr < SYS_TABLE_SIZE ? &sys_table[nr] : NULL;
    bool strace = rt_log_mask & RT_LOG_STRACE;
    if (strace) {
        strace_call(nr, e, a);
        if (e && (e->fn == sys_exit || e->fn == sys_exit_group)) {
            fputc('\n', rt_logfile);      /* they do not return */
            fflush(rt_logfile);
        }
    }
    int64_t r;
    if (e && e->fn && e->fn != sys_unsupported) {
        r = e->fn(t, a);
    } else {
        size_t w = nr < SYS_TABLE_SIZE ? nr : SYS_TABLE_SIZE;
        if (!warned[w] || (rt_log_mask & RT_LOG_UNIMP)) {
            warned[w] = true;
            if (strace)
                fputc('\n', rt_logfile);
            fprintf(stderr, "rvtcg: unsupported syscall %" PRIu64 " (%s)\n",
                    nr, e && e->name ? e->name : "unknown");
        }
        r = -ENOSYS;
    }
    if (strace && r != SYS_RET_KEEP)
        strace_result(e, r);
    else if (strace)
        fputc('\n', rt_logfile);
    return r;
}
