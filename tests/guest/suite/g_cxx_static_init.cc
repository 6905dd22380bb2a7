// Static constructors and destructors: global objects constructed before
// main in definition order (.init_array), function-local statics
// initialized on first use (guard variables), destructors after main in
// reverse order, and atexit interleaving with static destructors.
#include <cstdio>
#include <cstdlib>
#include <string>

struct Tracer {
    std::string name;
    explicit Tracer(const char *n) : name(n) { std::printf("construct %s\n", name.c_str()); }
    ~Tracer() { std::printf("destruct %s\n", name.c_str()); }
};

Tracer first("global first");
static int computed = [] { std::printf("lambda initializer runs\n"); return 42; }();
Tracer second("global second");

static Tracer &local()
{
    static Tracer t("function-local static");
    return t;
}

__attribute__((constructor(200))) static void early() { std::printf("constructor attribute (priority 200)\n"); }
__attribute__((destructor)) static void late() { std::printf("destructor attribute\n"); }

int main()
{
    std::printf("main starts, computed = %d\n", computed);
    std::atexit([] { std::printf("atexit handler\n"); });
    local();
    local();
    std::printf("main returns\n");
    return 0;
}
