/* Mandelbrot set as ASCII art (double arithmetic in a tight loop) and a
 * float version of the same rows summed; the picture is the output. */
#include <stdio.h>

int main(void)
{
    const char *shades = " .:-=+*#%@";
    long total = 0;
    for (int row = 0; row < 32; row++) {
        char line[81];
        for (int col = 0; col < 80; col++) {
            double cr = -2.2 + col * 3.0 / 80, ci = -1.2 + row * 2.4 / 32;
            double zr = 0, zi = 0;
            int it = 0;
            while (it < 200 && zr * zr + zi * zi < 4) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                it++;
            }
            total += it;
            line[col] = shades[it >= 200 ? 9 : it % 9];
        }
        line[80] = 0;
        printf("%s\n", line);
    }
    float ftotal = 0;
    for (int k = 0; k < 5000; k++) {
        float cr = -0.75f + k * 1e-5f, ci = 0.1f;
        float zr = 0, zi = 0;
        int it = 0;
        while (it < 100 && zr * zr + zi * zi < 4) {
            float t = zr * zr - zi * zi + cr;
            zi = 2 * zr * zi + ci;
            zr = t;
            it++;
        }
        ftotal += zr + (float)it;
    }
    printf("iterations %ld, float sum %a\n", total, ftotal);
    return 0;
}
