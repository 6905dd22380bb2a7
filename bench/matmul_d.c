/* matmul_d: dense double matrix multiply (matmul.h). */
typedef double real;
#define MATMUL_NAME "matmul_d"
#include "matmul.h"
