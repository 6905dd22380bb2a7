/* The auxiliary vector and initial stack the loader builds (compiled
 * static here, dynamic as mem_auxv_dyn): values that are the same under
 * every correct loader, and address values checked for consistency
 * (AT_PHDR holds this program's headers, AT_ENTRY is _start, AT_BASE is
 * the dynamic loader's ELF header or 0, AT_RANDOM is readable, AT_EXECFN
 * is the program's path). */
#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char _start[];
extern char **environ;

int main(int argc, char **argv)
{
    printf("argc %d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d] %s\n", i, argv[i]);
    /* argv, envp and auxv follow each other on the stack */
    char **e = environ;
    while (*e)
        e++;
    printf("envp after argv: %d\n", environ == argv + argc + 1);
    Elf64_auxv_t *av = (Elf64_auxv_t *)(e + 1);
    int n = 0, last_null = 0;
    for (; av[n].a_type != AT_NULL; n++)
        ;
    last_null = av[n].a_un.a_val == 0;
    printf("auxv entries > 10: %d, AT_NULL value 0: %d\n", n > 10, last_null);
    printf("stack aligned: %d\n", ((uintptr_t)(argv - 1) & 15) == 0);

    printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
    printf("AT_PHENT %lu\n", getauxval(AT_PHENT));
    printf("AT_HWCAP %#lx\n", getauxval(AT_HWCAP));
    printf("AT_CLKTCK %lu\n", getauxval(AT_CLKTCK));
    printf("AT_FLAGS %lu\n", getauxval(AT_FLAGS));
    printf("AT_SECURE %lu\n", getauxval(AT_SECURE));
    printf("ids match: %d %d %d %d\n", getauxval(AT_UID) == getuid(),
           getauxval(AT_EUID) == geteuid(), getauxval(AT_GID) == getgid(),
           getauxval(AT_EGID) == getegid());
    printf("AT_ENTRY is _start: %d\n",
           getauxval(AT_ENTRY) == (uintptr_t)_start);

    const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
    unsigned long phnum = getauxval(AT_PHNUM);
    int loads = 0, self = 0;
    for (unsigned long i = 0; i < phnum; i++) {
        loads += ph[i].p_type == PT_LOAD;
        /* the PT_LOAD holding _start is executable */
        if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_X))
            self = 1;
    }
    printf("AT_PHDR: %lu headers, PT_LOADs %d, executable one %d\n", phnum,
           loads, self);

    const unsigned char *base = (const unsigned char *)getauxval(AT_BASE);
    if (base)
        printf("AT_BASE: interpreter ELF header %d type %d\n",
               memcmp(base, ELFMAG, SELFMAG) == 0,
               ((const Elf64_Ehdr *)base)->e_type);
    else
        printf("AT_BASE: 0\n");

    const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
    unsigned x = 0;
    for (int i = 0; i < 16; i++)
        x |= rnd[i];
    printf("AT_RANDOM readable: %d\n", rnd != NULL && (x | 1));
    const char *fn = (const char *)getauxval(AT_EXECFN);
    printf("AT_EXECFN is argv[0]: %d\n", fn && strcmp(fn, argv[0]) == 0);
    printf("sysconf page size %ld\n", sysconf(_SC_PAGESIZE));
    return 0;
}
