// Dynamically linked C++ containers
// (the same source as g_cxx_stl.cc, linked dynamically: run with -L sysroot).
#include "g_cxx_stl.cc"
