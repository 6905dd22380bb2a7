// std::thread, std::mutex, std::condition_variable, std::atomic,
// std::async/future and thread_local in C++: results are sums and
// counts, independent of scheduling.
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <mutex>
#include <numeric>
#include <queue>
#include <thread>
#include <vector>

thread_local int tl = 0;

int main()
{
    std::atomic<long> counter{0};
    std::vector<std::thread> ts;
    for (int i = 0; i < 4; i++)
        ts.emplace_back([&counter, i] {
            for (int k = 0; k < 100000; k++) { counter++; tl++; }
            if (tl != 100000) std::printf("thread %d: bad thread_local\n", i);
        });
    for (auto &t : ts) t.join();
    std::printf("atomic counter %ld, main thread_local %d\n", counter.load(), tl);

    std::mutex m;
    std::condition_variable cv;
    std::queue<int> q;
    bool done = false;
    long sum = 0;
    std::thread consumer([&] {
        std::unique_lock<std::mutex> lk(m);
        for (;;) {
            cv.wait(lk, [&] { return !q.empty() || done; });
            while (!q.empty()) { sum += q.front(); q.pop(); }
            if (done) break;
        }
    });
    for (int i = 1; i <= 10000; i++) {
        { std::lock_guard<std::mutex> g(m); q.push(i); }
        cv.notify_one();
    }
    { std::lock_guard<std::mutex> g(m); done = true; }
    cv.notify_one();
    consumer.join();
    std::printf("queue sum %ld\n", sum);

    std::vector<std::future<long>> fs;
    for (long part = 0; part < 4; part++)
        fs.push_back(std::async(std::launch::async, [part] {
            long s = 0;
            for (long i = part * 250000; i < (part + 1) * 250000; i++) s += i % 7;
            return s;
        }));
    long total = 0;
    for (auto &f : fs) total += f.get();
    std::printf("async total %ld\n", total);
    std::printf("hardware_concurrency > 0: %d\n", std::thread::hardware_concurrency() > 0);
    return 0;
}
