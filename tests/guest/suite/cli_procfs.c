/* The guest's /proc/self: exe (readlink and its contents), cmdline and
 * auxv, also under /proc/PID, compared with what the program knows
 * (argv, getauxval); prints only what is the same under any emulator. */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

static ssize_t slurp(const char *path, char *buf, size_t len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("open %s: %m\n", path);
        return -1;
    }
    size_t n = 0;
    ssize_t r;
    while (n < len && (r = read(fd, buf + n, len - n)) > 0)
        n += r;
    close(fd);
    return n;
}

static void exe(void)
{
    char link[PATH_MAX], real[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", link, sizeof link - 1);
    if (n < 0) {
        printf("readlink: %m\n");
        return;
    }
    link[n] = 0;
    const char *base = strrchr(link, '/');
    printf("exe: absolute %s, name %s\n", link[0] == '/' ? "yes" : "no",
           base ? base + 1 : link);
    if (realpath("/proc/self/exe", real))
        printf("exe: realpath %s\n", strcmp(real, link) ? "differs" : "same");
    /* truncation, as readlink(2): no NUL, the length given */
    char small[4];
    printf("exe: readlink into 4 bytes: %zd\n",
           readlink("/proc/self/exe", small, sizeof small));
    unsigned char h[64];
    if (slurp("/proc/self/exe", (char *)h, sizeof h) == sizeof h) {
        Elf64_Ehdr *e = (Elf64_Ehdr *)h;
        printf("exe: ELF %s, machine %d\n",
               memcmp(h, ELFMAG, SELFMAG) ? "no" : "yes", e->e_machine);
    }
}

static void cmdline(const char *path, int argc, char **argv)
{
    char buf[4096];
    ssize_t n = slurp(path, buf, sizeof buf);
    if (n < 0)
        return;
    size_t want = 0;
    for (int i = 0; i < argc; i++) {
        if (want + strlen(argv[i]) + 1 > sizeof buf ||
            memcmp(buf + want, argv[i], strlen(argv[i]) + 1)) {
            printf("cmdline: argv[%d] differs\n", i);
            return;
        }
        want += strlen(argv[i]) + 1;
    }
    printf("cmdline: %s (%s)\n", (size_t)n == want ? "match" : "length differs",
           path[6] == 's' ? "self" : "pid");
    printf("cmdline args:");
    for (size_t i = strlen(buf) + 1; i < (size_t)n; i += strlen(buf + i) + 1)
        printf(" [%s]", buf + i);
    printf("\n");
}

static void auxv(const char *path)
{
    uint64_t v[512];
    ssize_t n = slurp(path, (char *)v, sizeof v);
    if (n < 0)
        return;
    int pairs = n / 16, checked = 0, bad = 0, null_last = 0;
    for (int i = 0; i < pairs; i++) {
        uint64_t type = v[2 * i], val = v[2 * i + 1];
        if (type == AT_NULL) {
            null_last = i == pairs - 1;
            break;
        }
        checked++;
        if (getauxval(type) != val) {
            printf("auxv: type %lu differs\n", (unsigned long)type);
            bad++;
        }
    }
    printf("auxv: %s, AT_NULL last %s, size multiple of 16 %s\n",
           bad ? "differs" : "match", null_last ? "yes" : "no",
           n % 16 ? "no" : "yes");
    printf("auxv: at least 10 entries %s\n", checked >= 10 ? "yes" : "no");
}

/* /proc/self/maps: the program's text mapped r-x with its path, and the
 * [stack] line holds the address of a local variable. */
static void maps(const char *name)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f) {
        printf("maps: %m\n");
        return;
    }
    char line[1024];
    int text = 0, stack = 0;
    unsigned long lo, hi, local = (unsigned long)&line;
    while (fgets(line, sizeof line, f)) {
        const char *base = strrchr(line, '/');
        if (strstr(line, " r-xp ") && base && !strncmp(base + 1, name,
                                                        strlen(name)))
            text = 1;
        if (strstr(line, "[stack]") &&
            sscanf(line, "%lx-%lx", &lo, &hi) == 2 && lo <= local &&
            local < hi)
            stack = 1;
    }
    fclose(f);
    printf("maps: text r-xp with the program's path %s, [stack] holds a "
           "local %s\n", text ? "yes" : "no", stack ? "yes" : "no");
}

int main(int argc, char **argv)
{
    char path[64];
    exe();
    const char *base = strrchr(argv[0], '/');
    maps(base ? base + 1 : argv[0]);
    cmdline("/proc/self/cmdline", argc, argv);
    snprintf(path, sizeof path, "/proc/%d/cmdline", (int)getpid());
    cmdline(path, argc, argv);
    auxv("/proc/self/auxv");
    snprintf(path, sizeof path, "/proc/%d/auxv", (int)getpid());
    auxv(path);
    /* the emulated files are read-only */
    int fd = open("/proc/self/auxv", O_WRONLY);
    printf("auxv for writing: %s\n", fd < 0 ? "refused" : "opened");
    return 0;
}
