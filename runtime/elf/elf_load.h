/*
 * Loading a riscv64 ELF executable (static, static PIE, or dynamically
 * linked with its interpreter) into the guest address space, and building
 * the initial stack the program starts with.
 *
 * elf_load() checks the program headers (ELF-64 Object File Format 1.5,
 * "Program Header"), reserves the guest address space (guest_base 0 when
 * the image fits where it asks to be, else an offset), maps the PT_LOAD
 * segments with their protections, zeroes bss, sets up the brk area
 * behind the image, and loads the PT_INTERP interpreter if there is one.
 * elf_init_stack() maps the stack and lays out argc, argv, envp and the
 * auxiliary vector the way the Linux kernel does (fs/binfmt_elf.c,
 * create_elf_tables).  docs/runtime.md describes both.
 */
#ifndef ELF_LOAD_H
#define ELF_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "elf_file.h"

typedef struct ElfImage {
    uint64_t entry;        /* where to start: the interpreter's entry, or
                              the program's */
    uint64_t prog_entry;   /* the program's entry (AT_ENTRY) */
    uint64_t interp_base;  /* the interpreter's load bias (AT_BASE), or 0 */
    uint64_t load_bias;    /* 0 for ET_EXEC */
    uint64_t phdr;         /* guest address of the program headers */
    unsigned phnum;
    uint64_t lo, hi;       /* page-aligned extent of the segments */
    uint64_t brk;          /* initial program break (hi) */
} ElfImage;

/* Maps EF's segments (and its interpreter's); false with a one-line
 * reason in ERR.  PATH is EF's host path, for /proc/self/maps (elf_load:
 * the image is shown as anonymous memory). */
bool elf_load_named(const ElfFile *ef, const char *path, ElfImage *img,
                    char *err, size_t errlen);
bool elf_load(const ElfFile *ef, ElfImage *img, char *err, size_t errlen);

/* The stack (initstack.c): its top, where qemu-riscv64 puts it, and its
 * default size (rt_stack_size, -s, overrides it). */
#define ELF_STACK_TOP 0x4000800000ull
#define ELF_STACK_SIZE (8ull << 20)

typedef struct ElfStackArgs {
    int argc;
    char *const *argv;     /* argc strings */
    char *const *envp;     /* NULL-terminated */
    const char *execfn;    /* AT_EXECFN: the program's path */
} ElfStackArgs;

/* Maps the stack, writes the strings and tables; *SP receives the guest
 * stack pointer for the program's entry.  False with a reason in ERR. */
bool elf_init_stack(const ElfImage *img, const ElfStackArgs *args,
                    uint64_t *sp, char *err, size_t errlen);

/* The guest's auxiliary vector as elf_init_stack wrote it (pairs of u64,
 * AT_NULL included) and its argv strings, for /proc/self/auxv and
 * /proc/self/cmdline: guest addresses and byte lengths (0 before). */
extern uint64_t elf_auxv_addr, elf_auxv_len;
extern uint64_t elf_args_addr, elf_args_len;

#endif
