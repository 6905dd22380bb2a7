/* nbody: a 5-body gravitational simulation (double; sqrt, divide, mul/add). */
#include "bench.h"
#include <math.h>

#define NB 5
#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DPY 365.24

struct body { double x, y, z, vx, vy, vz, m; };

static struct body bodies[NB] = {
    {0, 0, 0, 0, 0, 0, SOLAR_MASS},
    {4.84, -1.16, -0.10, 0.00166 * DPY, 0.00770 * DPY, -0.0000690 * DPY, 0.000954 * SOLAR_MASS},
    {8.34, 4.12, -0.40, -0.00277 * DPY, 0.00500 * DPY, 0.0000230 * DPY, 0.000286 * SOLAR_MASS},
    {12.89, -15.11, -0.22, 0.00296 * DPY, 0.00238 * DPY, -0.0000296 * DPY, 0.0000437 * SOLAR_MASS},
    {15.38, -25.92, 0.18, 0.00268 * DPY, 0.00163 * DPY, -0.0000951 * DPY, 0.0000515 * SOLAR_MASS},
};

static void advance(double dt)
{
    for (int i = 0; i < NB; i++) {
        struct body *a = &bodies[i];
        for (int j = i + 1; j < NB; j++) {
            struct body *b = &bodies[j];
            double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            a->vx -= dx * b->m * mag; a->vy -= dy * b->m * mag; a->vz -= dz * b->m * mag;
            b->vx += dx * a->m * mag; b->vy += dy * a->m * mag; b->vz += dz * a->m * mag;
        }
    }
    for (int i = 0; i < NB; i++) {
        bodies[i].x += dt * bodies[i].vx;
        bodies[i].y += dt * bodies[i].vy;
        bodies[i].z += dt * bodies[i].vz;
    }
}

static double energy(void)
{
    double e = 0;
    for (int i = 0; i < NB; i++) {
        struct body *a = &bodies[i];
        e += 0.5 * a->m * (a->vx * a->vx + a->vy * a->vy + a->vz * a->vz);
        for (int j = i + 1; j < NB; j++) {
            struct body *b = &bodies[j];
            double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
            e -= a->m * b->m / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < NB; i++) {
        px += bodies[i].vx * bodies[i].m;
        py += bodies[i].vy * bodies[i].m;
        pz += bodies[i].vz * bodies[i].m;
    }
    bodies[0].vx = -px / SOLAR_MASS;
    bodies[0].vy = -py / SOLAR_MASS;
    bodies[0].vz = -pz / SOLAR_MASS;
    uint64_t sum = bench_mix_double(0, energy());
    for (long r = 0; r < scale; r++) {
        for (int k = 0; k < 75000; k++)
            advance(0.01);
        sum = bench_mix_double(sum, energy());
    }
    printf("energy %.9f\n", energy());
    bench_result("nbody", sum);
    return 0;
}
