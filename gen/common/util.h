/*
 * Small utilities shared by the generator tools: checked allocation, a
 * growable pointer vector and a string builder.  Allocation failure is fatal
 * (these are short-lived build-time programs).
 */
#ifndef GEN_UTIL_H
#define GEN_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
__attribute__((format(printf, 1, 2)))
char *xasprintf(const char *fmt, ...);

/* A growable array of pointers. */
typedef struct PtrVec {
    void **items;
    size_t len, cap;
} PtrVec;

void vec_push(PtrVec *v, void *item);
void vec_free(PtrVec *v);   /* frees the array, not the items */

/* A growable NUL-terminated string. */
typedef struct StrBuf {
    char *s;
    size_t len, cap;
} StrBuf;

void sb_putc(StrBuf *b, char c);
void sb_puts(StrBuf *b, const char *s);
__attribute__((format(printf, 2, 3)))
void sb_printf(StrBuf *b, const char *fmt, ...);
void sb_vprintf(StrBuf *b, const char *fmt, va_list ap);
const char *sb_str(StrBuf *b);  /* never NULL */
char *sb_take(StrBuf *b);       /* returns the string, resets the builder */
void sb_free(StrBuf *b);

/*
 * The repository-relative name of a spec path as meson passes it
 * ("../defs/riscv/rv64i.decode" -> "defs/riscv/rv64i.decode"): the suffix from
 * the last "defs/" or "tests/" path component (whichever is later), else from
 * the last "gen/" component, else PATH itself.
 * Used in banners and in the "defs/FILE:LINE" comments of generated code.
 */
const char *repo_relative(const char *path);

/* Is s a C identifier ([A-Za-z_][A-Za-z0-9_]*)? */
int is_c_ident(const char *s);

#endif
