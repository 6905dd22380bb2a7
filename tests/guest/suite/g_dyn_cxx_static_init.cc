// Dynamically linked static constructors
// (the same source as g_cxx_static_init.cc, linked dynamically: run with -L sysroot).
#include "g_cxx_static_init.cc"
