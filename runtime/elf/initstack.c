/*
 * The initial guest stack (elf_load.h), laid out as the Linux kernel does
 * for a new program (fs/binfmt_elf.c create_elf_tables, fs/exec.c
 * copy_strings; the riscv64 psABI "Process Initialization" only asks for
 * sp 16-byte aligned pointing at argc):
 *
 *   top:   8 zero bytes
 *          AT_EXECFN string, envp strings, argv strings (argv[0] lowest)
 *          (align 16) 16 random bytes for AT_RANDOM
 *          padding so that sp ends up 16-byte aligned
 *          auxv pairs ... AT_NULL
 *          envp[0..envc-1], NULL
 *          argv[0..argc-1], NULL
 *   sp ->  argc
 *
 * The stack is rt_stack_size (default ELF_STACK_SIZE) bytes below
 * ELF_STACK_TOP (where qemu-riscv64 puts it) with an unmapped guard page
 * under it, or wherever the guest address space has room.  The auxv
 * entries and their order are fs/binfmt_elf.c create_elf_tables' (no
 * vDSO: no AT_SYSINFO_EHDR), plus riscv's AT_MINSIGSTKSZ.
 */
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#include "elf_load.h"
#include "guest_mem.h"
#include "cpu_opt.h"
#include "options.h"

#define GUARD_SIZE MEM_PAGE_SIZE

/* RISC-V AT_HWCAP has one bit per single-letter extension, bit (letter -
 * 'A') (Linux arch/riscv/kernel/cpufeature.c): rt_cpu_hwcap() ORs them
 * for the extensions -cpu enables (IMAFDC; multi-letter ones have none). */

/* AT_MINSIGSTKSZ: the riscv64 kernel's get_rt_frame_size(true) without
 * the V extension (arch/riscv/kernel/signal.c): sizeof(struct
 * rt_sigframe) = siginfo (128) + ucontext (960), rounded to 16. */
#define RV_MINSIGSTKSZ 1088

#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif

static bool in_brk_area(uint64_t base, uint64_t len)
{
    uint64_t lo, hi;
    mem_brk_area(&lo, &hi);
    return base < hi && base + len > lo;
}

/* Maps the stack (SIZE bytes and a guard page under it) inside the guest
 * reservation; returns its top (guest) or 0 with errno set. */
static uint64_t map_stack(uint64_t size)
{
    uint64_t len = size + GUARD_SIZE;
    uint64_t base = ELF_STACK_TOP - len;
    if (ELF_STACK_TOP < len || base < mem_space_lo ||
        ELF_STACK_TOP > mem_space_hi ||
        !mem_range_free(base, ELF_STACK_TOP) || in_brk_area(base, len))
        base = mem_find_free(0, len);
    if (!base) {
        errno = ENOMEM;
        return 0;
    }
    int r = mem_host_map(base + GUARD_SIZE, base + len,
                         PROT_READ | PROT_WRITE);
    if (r < 0) {
        errno = -r;
        return 0;
    }
    MemInfo stack = { .name = "[stack]" };
    mem_note_info(base + GUARD_SIZE, base + len, PROT_READ | PROT_WRITE,
                  &stack);
    /* further mmaps go below the stack (Linux: mmap_base under it) */
    mem_set_mmap_base(base);
    return base + len;
}

/* Pushes a string below *p; returns its guest address. */
static uint64_t push_str(uint64_t *p, const char *s)
{
    size_t n = strlen(s) + 1;
    *p -= n;
    memcpy(g2h(*p), s, n);
    return *p;
}

static void put64(uint64_t at, uint64_t v)
{
    memcpy(g2h(at), &v, 8);
}

uint64_t elf_auxv_addr, elf_auxv_len;
uint64_t elf_args_addr, elf_args_len;

bool elf_init_stack(const ElfImage *img, const ElfStackArgs *args,
                    uint64_t *sp_out, char *err, size_t errlen)
{
    int envc = 0;
    size_t strbytes = strlen(args->execfn) + 1;
    for (int i = 0; i < args->argc; i++)
        strbytes += strlen(args->argv[i]) + 1;
    for (; args->envp[envc]; envc++)
        strbytes += strlen(args->envp[envc]) + 1;
    /* the kernel allows a quarter of the stack limit for the strings */
    size_t tables = ((size_t)args->argc + envc + 64) * 8 + 64;
    uint64_t size = rt_stack_size ? rt_stack_size : ELF_STACK_SIZE;
    size = mem_page_up(size);
    if (strbytes + tables > size / 4) {
        snprintf(err, errlen, "argument list too long");
        return false;
    }

    uint64_t top = map_stack(size);
    if (!top) {
        snprintf(err, errlen, "cannot map the stack: %s", strerror(errno));
        return false;
    }

    uint64_t p = top - 8;                         /* zero word at the top */
    put64(p, 0);
    uint64_t execfn = push_str(&p, args->execfn);
    uint64_t *envp = calloc((size_t)envc + 1, 8);
    uint64_t *argv = calloc((size_t)args->argc + 1, 8);
    if (!envp || !argv) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    for (int i = envc - 1; i >= 0; i--)
        envp[i] = push_str(&p, args->envp[i]);
    uint64_t args_end = p;
    for (int i = args->argc - 1; i >= 0; i--)
        argv[i] = push_str(&p, args->argv[i]);
    elf_args_addr = p;
    elf_args_len = args_end - p;

    p &= ~(uint64_t)15;
    p -= 16;                                      /* AT_RANDOM bytes */
    uint64_t random = p;
    uint8_t rnd[16];
    if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) {
        snprintf(err, errlen, "getrandom: %s", strerror(errno));
        return false;
    }
    memcpy(g2h(random), rnd, sizeof rnd);

    uint64_t auxv[][2] = {
        { AT_MINSIGSTKSZ, RV_MINSIGSTKSZ },       /* riscv ARCH_DLINFO */
        { AT_HWCAP, rt_cpu_hwcap() },            /* -cpu's single letters */
        { AT_PAGESZ, MEM_PAGE_SIZE },
        { AT_CLKTCK, 100 },                       /* USER_HZ */
        { AT_PHDR, img->phdr },
        { AT_PHENT, sizeof(Elf64_Phdr) },
        { AT_PHNUM, img->phnum },
        { AT_BASE, img->interp_base },            /* 0: no interpreter */
        { AT_FLAGS, 0 },
        { AT_ENTRY, img->prog_entry },
        { AT_UID, getuid() },
        { AT_EUID, geteuid() },
        { AT_GID, getgid() },
        { AT_EGID, getegid() },
        { AT_SECURE, 0 },
        { AT_RANDOM, random },
        { AT_EXECFN, execfn },
        { AT_NULL, 0 },
    };
    size_t nauxv = sizeof auxv / sizeof auxv[0];
    size_t items = 1 + (size_t)args->argc + 1 + (size_t)envc + 1 + 2 * nauxv;
    uint64_t sp = (p - items * 8) & ~(uint64_t)15;   /* STACK_ROUND */

    uint64_t w = sp;
    put64(w, (uint64_t)args->argc);
    w += 8;
    for (int i = 0; i < args->argc; i++, w += 8)
        put64(w, argv[i]);
    put64(w, 0);
    w += 8;
    for (int i = 0; i < envc; i++, w += 8)
        put64(w, envp[i]);
    put64(w, 0);
    w += 8;
    elf_auxv_addr = w;
    elf_auxv_len = 16 * nauxv;
    for (size_t i = 0; i < nauxv; i++, w += 16) {
        put64(w, auxv[i][0]);
        put64(w + 8, auxv[i][1]);
    }
    free(envp);
    free(argv);
    *sp_out = sp;
    return true;
}
