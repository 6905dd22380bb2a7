// Dynamically linked iostreams
// (the same source as g_cxx_iostream.cc, linked dynamically: run with -L sysroot).
#include "g_cxx_iostream.cc"
