/*
 * Shared declarations of the x86 objdump oracle (x86_oracle.c: driver,
 * objdump and comparison; oracle_forms.c: instances of every form and the
 * text objdump must print for them; oracle_checks.c: short-form layer,
 * CodeBuf and encoding-length checks).
 *
 * A Group is one TAP test point: a range of emitted bytes and the
 * instructions objdump must find in it.
 */
#ifndef X86_ORACLE_H
#define X86_ORACLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "x86-forms.h"

#define UNKNOWN_OFF UINT32_MAX

typedef struct Expect {
    uint32_t off;       /* instruction start, or UNKNOWN_OFF (short forms) */
    uint32_t len;
    char *text;         /* normalized objdump text */
    char *what;         /* instance description for messages, or NULL */
} Expect;

typedef struct Group {
    char *name;           /* TAP test name */
    uint32_t start, end;  /* bytes of the group, padding excluded */
    Expect *ex;
    size_t nex, cap;
    int nfail;
    char *msgs[6];        /* the first mismatches */
    char *setup_error;    /* failed before objdump (coverage) */
} Group;

/* All code goes here; the file objdump reads is its contents. */
extern CodeBuf cb;
extern int oracle_verbose;

void *oracle_xmalloc(size_t n);
char *oracle_strdup(const char *s);
__attribute__((format(printf, 1, 2)))
char *oracle_fmt(const char *f, ...);

Group *oracle_new_group(char *name);
void oracle_expect(Group *g, uint32_t off, uint32_t len, char *text, char *what);
void oracle_fail(Group *g, char *msg);
void oracle_end_group(Group *g);

/* oracle_forms.c */
void oracle_build_lists(void);
void oracle_emit_form(const X86FormInfo *f);
const X86Arg *oracle_mem_list(int *n);

/* oracle_checks.c */
typedef void OracleShortFn(Group *g);
typedef struct OracleShortCheck {
    const char *name;
    OracleShortFn *fn;
} OracleShortCheck;
extern const OracleShortCheck oracle_short_checks[];
extern const size_t oracle_nshort_checks;

typedef const char *OracleCheckFn(void);   /* NULL = pass, else why not */
typedef struct OracleCheck {
    const char *name;
    OracleCheckFn *fn;
} OracleCheck;
extern const OracleCheck oracle_checks[];
extern const size_t oracle_nchecks;

#endif
