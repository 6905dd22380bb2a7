/*
 * System call dispatch: a table built from syscalls.def, indexed by the
 * riscv64 syscall number.  Unknown or unimplemented numbers return -ENOSYS
 * (what Linux returns for a number it lacks); the ones marked
 * sys_unsupported also say so on stderr, once per number.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>

#include "stats.h"
#include "syscall.h"

#define SYS_TABLE_SIZE 512

typedef struct SysEntry {
    const char *name;
    SysHandler *fn;
} SysEntry;

static const SysEntry sys_table[SYS_TABLE_SIZE] = {
#define SYSCALL(nr, name, handler) [nr] = { #name, handler },
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

int64_t sys_dispatch(RtThread *t, uint64_t nr, const uint64_t *a)
{
    RT_STAT_INC(syscalls);
    const SysEntry *e = nr < SYS_TABLE_SIZE ? &sys_table[nr] : NULL;
    if (e && e->fn && e->fn != sys_unsupported)
        return e->fn(t, a);
    size_t w = nr < SYS_TABLE_SIZE ? nr : SYS_TABLE_SIZE;
    if (!warned[w]) {
        warned[w] = true;
        fprintf(stderr, "rvtcg: unsupported syscall %" PRIu64 " (%s)\n", nr,
                e && e->name ? e->name : "unknown");
    }
    return -ENOSYS;
}
