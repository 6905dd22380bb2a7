/*
 * Reading and checking the exclusion file (see dt_exclude.h).
 *
 * Format: one exclusion per line, "#" starts a comment:
 *   <spec file stem> <pattern name> <covering test> <reason...>
 * e.g.
 *   rv64i ecall tests/runtime/syscalls  system calls are the runtime's
 * and for an extension qemu-riscv64 lacks:
 *   no-qemu <extension> <covering test> <reason...>
 * e.g.
 *   no-qemu zicond frontend-zicond  qemu-riscv64 7.2 has no Zicond
 */
#include "dt_exclude.h"

#include <stdlib.h>
#include <string.h>

#include "rv_ext.h"

static void append(DtExclusion **v, int *n, const DtExclusion *e)
{
    *v = realloc(*v, sizeof **v * (size_t)(*n + 1));
    if (!*v) {
        perror("difftest: realloc");
        exit(2);
    }
    (*v)[(*n)++] = *e;
}

/* "no-qemu EXT TEST REASON": EXT must be an extension with its own
 * decoder (rv_ext_table, not a base one). */
static bool no_qemu_line(DtExclusions *ex, const char *path, int ln,
                         const char *line, FILE *log)
{
    DtExclusion e = { .line = ln };
    int used = 0;
    int got = sscanf(line, "%*s %31s %127s %n", e.ext, e.covered_by, &used);
    if (got < 2) {
        fprintf(log, "# %s:%d: error: expected no-qemu <extension> "
                "<covering test> <reason>\n", path, ln);
        return false;
    }
    snprintf(e.reason, sizeof e.reason, "%s", line + used);
    e.reason[strcspn(e.reason, "\n")] = 0;
    bool ok = true;
    if (!e.reason[0]) {
        fprintf(log, "# %s:%d: error: no-qemu %s gives no reason\n", path,
                ln, e.ext);
        ok = false;
    }
    int i = rv_ext_find(e.ext);
    if (i < 0 || rv_ext_table[i].base) {
        fprintf(log, "# %s:%d: error: no-qemu %s: not an extension with its "
                "own decoder (defs/riscv/extensions.def RV_EXT)\n", path, ln,
                e.ext);
        ok = false;
    }
    append(&ex->noqemu, &ex->nnoqemu, &e);
    return ok;
}

/* Unprivileged ISA chapter 2: the only patterns the project allows the
 * per-instruction difftest to leave to other tests. */
static const char *const allowed[][2] = {
    { "rv64i", "ecall" }, { "rv64i", "ebreak" }, { "rv64i", "fence" },
};

static bool is_allowed(const DtExclusion *e)
{
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        if (!strcmp(e->ext, allowed[i][0]) && !strcmp(e->name, allowed[i][1]))
            return true;
    return false;
}

static bool pattern_exists(const DtExclusion *e)
{
    for (int i = 0; i < dt_npatterns(); i++) {
        const DtPattern *p = dt_pattern(i);
        if (!strcmp(p->ext, e->ext) && !strcmp(p->dp->name, e->name))
            return true;
    }
    return false;
}

bool dt_exclusions_load(DtExclusions *ex, const char *path, FILE *log)
{
    memset(ex, 0, sizeof *ex);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(log, "# %s: error: cannot open\n", path);
        return false;
    }
    bool ok = true;
    char line[1024];
    for (int ln = 1; fgets(line, sizeof line, f); ln++) {
        char *hash = strchr(line, '#');
        if (hash)
            *hash = 0;
        char first[16];
        if (sscanf(line, "%15s", first) == 1 && !strcmp(first, "no-qemu")) {
            ok &= no_qemu_line(ex, path, ln, line, log);
            continue;
        }
        DtExclusion e = { .line = ln };
        int used = 0;
        int got = sscanf(line, "%31s %63s %127s %n", e.ext, e.name,
                         e.covered_by, &used);
        if (got <= 0)
            continue;
        if (got < 3) {
            fprintf(log, "# %s:%d: error: expected <ext> <pattern> <covering "
                    "test> <reason>\n", path, ln);
            ok = false;
            continue;
        }
        snprintf(e.reason, sizeof e.reason, "%s", line + used);
        e.reason[strcspn(e.reason, "\n")] = 0;
        if (!e.reason[0]) {
            fprintf(log, "# %s:%d: error: exclusion of %s %s gives no reason\n",
                    path, ln, e.ext, e.name);
            ok = false;
        }
        if (!pattern_exists(&e)) {
            fprintf(log, "# %s:%d: error: no pattern %s in %s\n", path, ln,
                    e.name, e.ext);
            ok = false;
        }
        if (!is_allowed(&e)) {
            fprintf(log, "# %s:%d: error: %s %s may not be excluded (only "
                    "ecall, ebreak and fence of rv64i)\n", path, ln, e.ext,
                    e.name);
            ok = false;
        }
        append(&ex->v, &ex->n, &e);
    }
    fclose(f);
    return ok;
}

DtExclusion *dt_exclusion_find(DtExclusions *ex, const DtPattern *p)
{
    for (int i = 0; i < ex->n; i++)
        if (!strcmp(ex->v[i].ext, p->ext) && !strcmp(ex->v[i].name, p->dp->name))
            return &ex->v[i];
    return NULL;
}

DtExclusion *dt_no_qemu_find(DtExclusions *ex, const DtPattern *p)
{
    for (int i = 0; p->rv_ext >= 0 && i < ex->nnoqemu; i++)
        if (!strcmp(ex->noqemu[i].ext, rv_ext_table[p->rv_ext].name))
            return &ex->noqemu[i];
    return NULL;
}

void dt_exclusions_free(DtExclusions *ex)
{
    free(ex->v);
    free(ex->noqemu);
    memset(ex, 0, sizeof *ex);
}
