/* /proc/self/maps shows the guest's own mappings in the kernel's format:
 * a fresh mapping split by mprotect into three lines with their
 * permissions, a shared file mapping with its offset and path, the
 * executable's r-x mapping and [stack].  Only facts without
 * addresses are printed. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PG 4096

int main(int argc, char **argv)
{
    (void)argc;
    char *p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(p + PG, PG, PROT_READ);
    int fd = open("mem_maps.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
    ftruncate(fd, 4 * PG);
    char *f = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 2 * PG);
    void *heap = malloc(100);       /* makes sure there is a [heap] */

    FILE *m = fopen("/proc/self/maps", "r");
    if (!m) {
        perror("/proc/self/maps");
        return 1;
    }
    const char *prog = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1
                                             : argv[0];
    char line[512], fileline[512] = "file: not found\n";
    int heap_seen = 0, stack_seen = 0, exe_x = 0, bad = 0;
    while (fgets(line, sizeof line, m)) {
        unsigned long s, e, off, ino;
        char perms[5], dev[16], path[256] = "";
        if (sscanf(line, "%lx-%lx %4s %lx %15s %lu %255s", &s, &e, perms,
                   &off, dev, &ino, path) < 6) {
            bad++;
            continue;
        }
        if (s >= (unsigned long)p && e <= (unsigned long)p + 3 * PG)
            printf("anon +%lu: %lu page(s) %s off %lx\n",
                   (s - (unsigned long)p) / PG, (e - s) / PG, perms, off);
        if (s == (unsigned long)f)
            snprintf(fileline, sizeof fileline, "file: %lu page(s) %s off %lx inode %s path %s\n",
                   (e - s) / PG, perms, off, ino ? "set" : "0",
                   strstr(path, "mem_maps.dat") ? "ok" : path);
        heap_seen |= strcmp(path, "[heap]") == 0 &&
                     (unsigned long)heap >= s && (unsigned long)heap < e;
        stack_seen |= strcmp(path, "[stack]") == 0 &&
                      (unsigned long)&line >= s && (unsigned long)&line < e;
        if (strstr(path, prog) && strcmp(perms, "r-xp") == 0 &&
            (unsigned long)main >= s && (unsigned long)main < e)
            exe_x = 1;
        /* the path, when there is one, starts at column 74 */
        if (path[0] && strlen(line) > 73 && line[73] != path[0])
            bad++;
    }
    fputs(fileline, stdout);
    /* (qemu-riscv64 7.2 does not name [heap]: not compared) */
    (void)heap_seen;
    printf("stack %d exe r-x %d malformed %d\n", stack_seen, exe_x, bad);
    fclose(m);
    close(fd);
    unlink("mem_maps.dat");
    return 0;
}
