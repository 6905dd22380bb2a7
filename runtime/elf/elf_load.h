/*
 * Loading a static riscv64 ELF executable into the guest address space,
 * and building the initial stack the program starts with.
 *
 * elf_load() checks the program headers (ELF-64 Object File Format 1.5,
 * "Program Header"), chooses guest_base (0 when the image fits where it
 * asks to be, else an offset), maps the PT_LOAD segments with their
 * protections, zeroes bss and reserves the brk area behind the image.
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
    uint64_t entry;        /* guest entry point (after the load bias) */
    uint64_t load_bias;    /* 0 for ET_EXEC */
    uint64_t phdr;         /* guest address of the program headers */
    unsigned phnum;
    uint64_t lo, hi;       /* page-aligned extent of the segments */
    uint64_t brk;          /* initial program break (hi) */
} ElfImage;

/* Maps EF's segments; false with a one-line reason in ERR. */
bool elf_load(const ElfFile *ef, ElfImage *img, char *err, size_t errlen);

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
