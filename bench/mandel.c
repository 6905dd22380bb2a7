/* mandel: Mandelbrot set escape counts over a grid (double mul/add/compare). */
#include "bench.h"

#define W 200
#define H 150
#define MAXIT 200

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    uint64_t sum = 0;
    for (long r = 0; r < scale; r++) {
        double zoom = 1.0 + (double)r * 0.125;
        uint64_t total = 0;
        for (int y = 0; y < H; y++) {
            double ci = ((double)y / H * 2.4 - 1.2) / zoom;
            uint64_t row = 0;
            for (int x = 0; x < W; x++) {
                double cr = ((double)x / W * 3.2 - 2.2) / zoom - 0.2;
                double zr = 0, zi = 0;
                int it = 0;
                while (it < MAXIT && zr * zr + zi * zi <= 4.0) {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2.0 * zr * zi + ci;
                    zr = t;
                    it++;
                }
                row = row * 3 + (uint64_t)it;
            }
            total = bench_mix(total, row);
        }
        sum = bench_mix(sum, total);
    }
    bench_result("mandel", sum);
    return 0;
}
