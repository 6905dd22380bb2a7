/* A static PIE (ET_DYN without PT_INTERP; linked -pie
 * --no-dynamic-linker, position-independent code only): the loader
 * must place it at a load bias, start it at the biased entry, and give
 * AT_ENTRY = that entry, AT_BASE = 0, AT_PHDR = the biased program
 * headers (right behind the ELF header here). */
    .macro PRINT str
    li a7, 64                   /* write */
    li a0, 1
    lla a1, \str
    li a2, \str\()_len
    ecall
    .endm

    .data
    .p2align 3
counter: .dword 41
hello: .ascii "static pie\n"
    .set hello_len, . - hello
relocated: .ascii "loaded at a bias\n"
    .set relocated_len, . - relocated
entry_ok: .ascii "AT_ENTRY is _start\n"
    .set entry_ok_len, . - entry_ok
base_ok: .ascii "AT_BASE is 0\n"
    .set base_ok_len, . - base_ok
phdr_ok: .ascii "AT_PHDR follows the ELF header\n"
    .set phdr_ok_len, . - phdr_ok
data_ok: .ascii "data writable\n"
    .set data_ok_len, . - data_ok

    .text
    .globl _start
_start:
    mv s0, sp
    PRINT hello
    ld t0, 0(s0)                /* argc */
    addi t1, s0, 16             /* past argc and argv[0] */
    slli t0, t0, 3
    add t1, t1, t0              /* envp */
1:  ld t2, 0(t1)
    addi t1, t1, 8
    bnez t2, 1b                 /* t1 -> auxv */
    li s1, 0                    /* AT_ENTRY */
    li s2, -1                   /* AT_BASE */
    li s3, 0                    /* AT_PHDR */
2:  ld t2, 0(t1)
    ld t3, 8(t1)
    addi t1, t1, 16
    beqz t2, 3f
    li t4, 9
    bne t2, t4, 4f
    mv s1, t3
4:  li t4, 7
    bne t2, t4, 5f
    mv s2, t3
5:  li t4, 3
    bne t2, t4, 2b
    mv s3, t3
    j 2b
3:  lla t0, _start
    li t1, 0x10000
    bltu t0, t1, 6f
    PRINT relocated
6:  lla t0, _start
    bne s1, t0, 7f
    PRINT entry_ok
7:  bnez s2, 8f
    PRINT base_ok
8:  lla t0, __ehdr_start
    addi t0, t0, 64
    bne s3, t0, 9f
    PRINT phdr_ok
9:  lla t0, counter              /* writable data, pc-relative */
    ld t1, 0(t0)
    addi t1, t1, 1
    sd t1, 0(t0)
    ld t2, 0(t0)
    li t3, 42
    bne t2, t3, 10f
    PRINT data_ok
10: li a7, 93                   /* exit */
    li a0, 0
    ecall

