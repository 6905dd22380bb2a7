// Dynamically linked C++ exceptions (libstdc++.so, libgcc_s unwinder)
// (the same source as g_cxx_except.cc, linked dynamically: run with -L sysroot).
#include "g_cxx_except.cc"
