// std::string, std::vector, std::map, std::unordered_map, std::set,
// std::deque, std::list, algorithms (sort, stable_sort, lower_bound,
// accumulate, transform, unique), std::pair/tuple, and move semantics.
#include <algorithm>
#include <cstdio>
#include <deque>
#include <list>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

int main()
{
    std::string s = "The quick brown fox jumps over the lazy dog";
    std::vector<std::string> words;
    size_t pos = 0;
    while (pos < s.size()) {
        size_t e = s.find(' ', pos);
        if (e == std::string::npos) e = s.size();
        words.push_back(s.substr(pos, e - pos));
        pos = e + 1;
    }
    std::sort(words.begin(), words.end());
    for (auto &w : words) std::printf("%s ", w.c_str());
    std::printf("\n");
    std::string up = s;
    std::transform(up.begin(), up.end(), up.begin(), [](unsigned char c) { return std::toupper(c); });
    std::printf("%s | rfind 'o' at %zu | replace: %s\n", up.c_str(), s.rfind('o'),
                std::string(s).replace(4, 5, "slow").c_str());

    std::map<std::string, int> freq;
    for (char c : s) if (c != ' ') freq[std::string(1, (char)std::tolower(c))]++;
    for (auto &[k, v] : freq) if (v > 1) std::printf("%s=%d ", k.c_str(), v);
    std::printf("\n");

    std::unordered_map<long, long> um;
    for (long i = 0; i < 100000; i++) um[i * 7919 % 100003] += i;
    long acc = 0;
    for (long i = 0; i < 100003; i += 1000) { auto it = um.find(i); if (it != um.end()) acc += it->second; }
    std::printf("unordered_map size %zu acc %ld\n", um.size(), acc);

    std::vector<int> v(1000);
    std::iota(v.begin(), v.end(), -500);
    std::stable_sort(v.begin(), v.end(), [](int a, int b) { return std::abs(a) < std::abs(b); });
    std::printf("stable by abs: %d %d %d %d ... %d\n", v[0], v[1], v[2], v[3], v.back());
    auto lb = std::lower_bound(words.begin(), words.end(), std::string("fox"));
    std::printf("lower_bound(fox) index %ld\n", (long)(lb - words.begin()));
    std::printf("accumulate %ld\n", std::accumulate(v.begin(), v.end(), 0L, [](long a, int b) { return a + (long)b * b; }));
    std::vector<int> d = { 1, 1, 2, 3, 3, 3, 4, 5, 5 };
    d.erase(std::unique(d.begin(), d.end()), d.end());
    std::printf("unique size %zu\n", d.size());

    std::set<int> st;
    for (int i = 0; i < 50; i++) st.insert((i * 17) % 23);
    std::printf("set size %zu first %d last %d\n", st.size(), *st.begin(), *st.rbegin());
    std::deque<int> dq;
    for (int i = 0; i < 10; i++) { if (i % 2) dq.push_front(i); else dq.push_back(i); }
    for (int x : dq) std::printf("%d ", x);
    std::printf("\n");
    std::list<std::string> l = { "c", "a", "b" };
    l.sort();
    l.reverse();
    for (auto &x : l) std::printf("%s", x.c_str());
    std::printf("\n");
    auto t = std::make_tuple(1, 2.5, std::string("three"));
    std::printf("tuple %d %g %s\n", std::get<0>(t), std::get<1>(t), std::get<2>(t).c_str());
    std::vector<std::string> moved = std::move(words);
    std::printf("moved %zu, source now %zu\n", moved.size(), words.size());
    std::string big(100000, 'x');
    big += "end";
    std::printf("big string %zu %s\n", big.size(), big.substr(big.size() - 5).c_str());
    return 0;
}
