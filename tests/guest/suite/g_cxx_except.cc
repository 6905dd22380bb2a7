// C++ exceptions thrown across several functions and frames with
// destructors (unwinding through .eh_frame), rethrow, nested try,
// std::exception hierarchy, catch(...), noexcept violation is avoided,
// and exceptions carrying data through std::function calls.
#include <cstdio>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

static int live;
struct Guard {
    std::string name;
    explicit Guard(std::string n) : name(std::move(n)) { live++; }
    ~Guard() { live--; std::printf("  ~Guard(%s)\n", name.c_str()); }
};

struct MyError : std::runtime_error {
    int code;
    MyError(const std::string &m, int c) : std::runtime_error(m), code(c) {}
};

static int level3(int x)
{
    Guard g("level3");
    if (x == 1) throw MyError("custom error", 42);
    if (x == 2) throw std::out_of_range("index out of range");
    if (x == 3) throw 17;
    if (x == 4) { std::vector<int> v(3); return v.at(10); }
    return x * 2;
}
static int level2(int x) { Guard g("level2"); return level3(x) + 1; }
static int level1(int x)
{
    Guard g("level1");
    try {
        return level2(x);
    } catch (const std::logic_error &e) {
        std::printf("  level1 caught logic_error (%s), rethrowing\n", e.what());
        throw;
    }
}

int main()
{
    for (int x = 0; x <= 5; x++) {
        std::printf("case %d:\n", x);
        try {
            std::printf("  result %d\n", level1(x));
        } catch (const MyError &e) {
            std::printf("  MyError %s code %d\n", e.what(), e.code);
        } catch (const std::exception &e) {
            std::printf("  std::exception: %s\n", e.what());
        } catch (...) {
            std::printf("  unknown exception\n");
        }
        std::printf("  live guards: %d\n", live);
    }
    std::function<void(int)> rec = [&](int n) {
        Guard g("lambda" + std::to_string(n));
        if (n == 0) throw std::string("from the bottom");
        rec(n - 1);
    };
    try {
        rec(3);
    } catch (const std::string &s) {
        std::printf("caught string: %s\n", s.c_str());
    }
    try {
        try {
            throw std::runtime_error("inner");
        } catch (const std::exception &e) {
            std::throw_with_nested(std::runtime_error("outer"));
        }
    } catch (const std::exception &e) {
        std::printf("outer: %s\n", e.what());
        try {
            std::rethrow_if_nested(e);
        } catch (const std::exception &in) {
            std::printf("nested: %s\n", in.what());
        }
    }
    return 0;
}
