// iostreams formatting: std::cout with manipulators (setw, setfill,
// setprecision, fixed, scientific, hex, showbase, boolalpha, left/right),
// std::ostringstream/istringstream parsing, std::cerr, and std::getline.
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

int main()
{
    std::cout << "int " << 42 << " neg " << -7 << " long " << 1234567890123LL << '\n';
    std::cout << std::setw(8) << 42 << '|' << std::left << std::setw(8) << 42 << '|'
              << std::right << std::setfill('0') << std::setw(8) << 42 << std::setfill(' ') << '\n';
    std::cout << std::hex << 255 << ' ' << std::showbase << 255 << ' ' << std::uppercase << 255
              << std::nouppercase << std::noshowbase << std::dec << ' ' << std::oct << 8 << std::dec << '\n';
    double pi = 3.14159265358979;
    std::cout << pi << ' ' << std::setprecision(3) << pi << ' ' << std::fixed << pi << ' '
              << std::scientific << pi << ' ' << std::setprecision(10) << std::fixed << pi << '\n';
    std::cout.unsetf(std::ios::floatfield);
    std::cout << std::setprecision(6) << 1e-5 << ' ' << 1e20 << ' ' << 0.1 + 0.2 << '\n';
    std::cout << std::boolalpha << true << ' ' << false << std::noboolalpha << ' ' << true << '\n';
    std::cout << std::showpos << 5 << ' ' << 0 << std::noshowpos << ' ' << std::showpoint << 2.0 << '\n';
    std::cout << std::noshowpoint;

    std::ostringstream os;
    os << "x=" << 10 << ", y=" << std::setprecision(4) << 2.0 / 3 << ", s=" << std::quoted("a \"q\"");
    std::cout << os.str() << " (" << os.str().size() << " chars)\n";

    std::istringstream is("12 3.5 word 0x1f\nsecond line here\nthird");
    int i; double d; std::string w; int h;
    is >> i >> d >> w >> std::hex >> h;
    std::cout << "parsed " << i << ' ' << d << ' ' << w << ' ' << h << '\n';
    std::string line;
    std::getline(is, line);
    while (std::getline(is, line)) std::cout << "line: [" << line << "]\n";
    std::istringstream bad("abc");
    int x = 5;
    bad >> x;
    std::cout << "failed parse: fail=" << bad.fail() << " x=" << x << '\n';
    std::cerr << "to stderr " << 99 << std::endl;
    std::cout << std::flush;
    return 0;
}
