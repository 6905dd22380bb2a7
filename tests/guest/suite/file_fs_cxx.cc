// std::fstream and std::filesystem: directory trees, iteration, copy,
// rename, permissions, remove_all (openat/getdents64/statx/unlinkat...).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main()
{
    fs::create_directories("tree/a/b/c");
    fs::create_directory("tree/d");
    for (int i = 0; i < 5; i++) {
        std::ofstream out("tree/a/file" + std::to_string(i) + ".txt");
        for (int j = 0; j <= i * 10; j++)
            out << "line " << j << " of file " << i << "\n";
    }
    std::ifstream in("tree/a/file3.txt");
    std::string line;
    int n = 0;
    while (std::getline(in, line))
        n++;
    std::cout << "file3 lines " << n << " last '" << line << "'\n";

    std::vector<std::string> names;
    for (auto &e : fs::recursive_directory_iterator("tree"))
        names.push_back(e.path().string() + (e.is_directory() ? "/" : "") +
                        (e.is_regular_file() ? " " + std::to_string(e.file_size()) : ""));
    std::sort(names.begin(), names.end());
    for (auto &s : names)
        std::cout << s << "\n";

    fs::copy_file("tree/a/file4.txt", "tree/d/copy.txt");
    std::cout << "copy size " << fs::file_size("tree/d/copy.txt") << "\n";
    fs::copy("tree/a", "tree/acopy", fs::copy_options::recursive);
    fs::rename("tree/acopy/file0.txt", "tree/renamed.txt");
    fs::permissions("tree/renamed.txt", fs::perms::owner_read | fs::perms::group_read);
    std::cout << "perms " << std::oct << (int)fs::status("tree/renamed.txt").permissions()
              << std::dec << "\n";
    fs::create_symlink("a/file1.txt", "tree/sym");
    std::cout << "symlink -> " << fs::read_symlink("tree/sym").string()
              << " canonical ends " << fs::canonical("tree/sym").filename().string() << "\n";
    fs::resize_file("tree/d/copy.txt", 10);
    std::cout << "resized " << fs::file_size("tree/d/copy.txt") << "\n";
    std::cout << "removed " << fs::remove_all("tree/a/b") << "\n";
    std::cout << "exists " << fs::exists("tree/a/b") << " " << fs::exists("tree/a") << "\n";
    std::error_code ec;
    auto missing_size = fs::file_size("tree/missing", ec);
    (void)missing_size;
    std::cout << "missing: " << ec.message() << "\n";
    auto space = fs::space(".");
    std::cout << "space ok " << (space.capacity > 0) << "\n";
    std::cout << "cwd relative " << fs::relative(fs::current_path() / "tree/d").string() << "\n";
    return 0;
}
