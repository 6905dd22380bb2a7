// Modern C++: templates and constexpr evaluation, std::variant/visit,
// std::optional, std::shared_ptr/weak_ptr reference counting, lambdas
// capturing by move, std::regex, std::chrono duration arithmetic (no
// clock reads), std::sort on a custom struct with operator<=>-style
// comparisons, and std::to_chars/from_chars for doubles.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <variant>
#include <vector>

template <typename T, int N> struct Matrix {
    T a[N][N]{};
    constexpr Matrix operator*(const Matrix &o) const
    {
        Matrix r{};
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                for (int k = 0; k < N; k++) r.a[i][j] += a[i][k] * o.a[k][j];
        return r;
    }
};
constexpr long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static_assert(fib(20) == 6765);

using Value = std::variant<long, double, std::string>;
struct Printer {
    std::string operator()(long v) const { return "long " + std::to_string(v); }
    std::string operator()(double v) const { char b[32]; std::snprintf(b, sizeof b, "double %.3f", v); return b; }
    std::string operator()(const std::string &s) const { return "string '" + s + "'"; }
};

static std::optional<int> parse_int(const std::string &s)
{
    int v;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

struct Node { int v; std::vector<std::shared_ptr<Node>> kids; std::weak_ptr<Node> parent; };

int main()
{
    Matrix<long, 3> m{};
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) m.a[i][j] = i + j + 1;
    auto p = m * m * m;
    std::printf("matrix^3 corners %ld %ld, fib(30) %ld\n", p.a[0][0], p.a[2][2], fib(30));

    std::vector<Value> vals = { 42L, 2.5, std::string("text"), -7L };
    for (auto &v : vals) std::printf("%s (index %zu)\n", std::visit(Printer{}, v).c_str(), v.index());

    for (const char *s : { "123", "12x", "", "-2147483648", "99999999999" }) {
        auto r = parse_int(s);
        std::printf("parse_int(\"%s\") = %s\n", s, r ? std::to_string(*r).c_str() : "nullopt");
    }

    auto root = std::make_shared<Node>();
    root->v = 1;
    for (int i = 0; i < 3; i++) {
        auto k = std::make_shared<Node>();
        k->v = 10 + i;
        k->parent = root;
        root->kids.push_back(k);
    }
    std::weak_ptr<Node> w = root->kids[1];
    std::printf("use_count root %ld kid %ld, parent of kid %d\n", root.use_count(), w.use_count(), w.lock()->parent.lock()->v);
    root.reset();
    std::printf("after reset: kid expired %d\n", w.expired());

    std::regex re(R"((\w+)@(\w+)\.(com|org))");
    std::string text = "mail alice@example.com or bob@test.org, not carol@bad.net";
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        std::printf("regex match %s user %s domain %s\n", (*it)[0].str().c_str(), (*it)[1].str().c_str(), (*it)[2].str().c_str());
    std::printf("regex_replace: %s\n", std::regex_replace(text, std::regex("[aeiou]"), "*").c_str());

    using namespace std::chrono;
    auto d = hours(1) + minutes(23) + seconds(45) + milliseconds(678);
    std::printf("duration %lld ms = %lld s, %lld min\n", (long long)duration_cast<milliseconds>(d).count(),
                (long long)duration_cast<seconds>(d).count(), (long long)duration_cast<minutes>(d).count());

    std::vector<std::unique_ptr<int>> owned;
    for (int i = 0; i < 5; i++) owned.push_back(std::make_unique<int>(i * i));
    auto sum = [v = std::move(owned)] { int s = 0; for (auto &p : v) s += *p; return s; };
    std::printf("moved-capture lambda sum %d, source empty %d\n", sum(), owned.empty());

    char buf[64];
    for (double x : { 0.1, 1.0 / 3, 1e300, 5e-324, 123456.789 }) {
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
        *end = 0;
        double back = 0;
        std::from_chars(buf, end, back);
        std::printf("to_chars %s round trip %d\n", buf, back == x);
    }
    std::map<std::string, std::vector<int>> groups;
    for (int i = 0; i < 20; i++) groups[i % 3 == 0 ? "three" : i % 2 ? "odd" : "even"].push_back(i);
    for (auto &[k, v] : groups) std::printf("%s: %zu items, max %d\n", k.c_str(), v.size(), *std::max_element(v.begin(), v.end()));
    return 0;
}
