/* dlopen/dlsym/dlclose in a dynamically linked program: libm.so.6 is
 * loaded at run time through the sysroot (-L), cos/pow are looked up and
 * called; a missing library and a missing symbol give dlerror messages;
 * dladdr names the library a symbol came from. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    void *h = dlopen("libm.so.6", RTLD_NOW);
    if (!h) { printf("dlopen failed: %s\n", dlerror()); return 1; }
    double (*c)(double) = (double (*)(double))dlsym(h, "cos");
    double (*p)(double, double) = (double (*)(double, double))dlsym(h, "pow");
    printf("cos(1) = %a, pow(2, 0.5) = %a\n", c(1.0), p(2.0, 0.5));
    void *none = dlsym(h, "no_such_symbol");
    const char *err = dlerror();
    printf("missing symbol: %s, error mentions it: %d\n", none ? "found" : "NULL",
           err && strstr(err, "no_such_symbol") != NULL);
    Dl_info info;
    if (dladdr((void *)c, &info) && info.dli_fname) {
        const char *base = strrchr(info.dli_fname, '/');
        printf("cos comes from %s, symbol %s\n", base ? base + 1 : info.dli_fname,
               info.dli_sname ? info.dli_sname : "?");
    }
    printf("dlclose: %d\n", dlclose(h));
    void *bad = dlopen("libdoesnotexist.so.1", RTLD_LAZY);
    err = dlerror();
    printf("missing library: %s, error mentions it: %d\n", bad ? "loaded" : "NULL",
           err && strstr(err, "libdoesnotexist") != NULL);
    void *self = dlopen(NULL, RTLD_NOW);
    printf("main program handle: %s, printf found: %d\n", self ? "ok" : "NULL",
           dlsym(self, "printf") != NULL);
    return 0;
}
