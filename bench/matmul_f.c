/* matmul_f: dense float matrix multiply (matmul.h). */
typedef float real;
#define MATMUL_NAME "matmul_f"
#include "matmul.h"
