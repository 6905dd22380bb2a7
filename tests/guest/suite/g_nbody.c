/* Floating-point simulation: the n-body benchmark (5 planets, 20000
 * steps of symplectic integration) and a 60x60 matrix multiply/LU solve;
 * results printed with %.17g must match bit for bit (IEEE double, no
 * contraction differences: fma contraction is up to the compiler and the
 * same binary runs under both emulators). */
#include <math.h>
#include <stdio.h>

struct body { double x, y, z, vx, vy, vz, m; };
#define PI 3.141592653589793
#define SOLAR (4 * PI * PI)
#define DPY 365.24

static void advance(struct body *b, int n, double dt)
{
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            b[i].vx -= dx * b[j].m * mag; b[i].vy -= dy * b[j].m * mag; b[i].vz -= dz * b[j].m * mag;
            b[j].vx += dx * b[i].m * mag; b[j].vy += dy * b[i].m * mag; b[j].vz += dz * b[i].m * mag;
        }
    for (int i = 0; i < n; i++) { b[i].x += dt * b[i].vx; b[i].y += dt * b[i].vy; b[i].z += dt * b[i].vz; }
}
static double energy(struct body *b, int n)
{
    double e = 0;
    for (int i = 0; i < n; i++) {
        e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
        for (int j = i + 1; j < n; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
            e -= b[i].m * b[j].m / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

int main(void)
{
    struct body b[5] = {
        { 0, 0, 0, 0, 0, 0, SOLAR },
        { 4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03 * DPY, 7.69901118419740425e-03 * DPY, -6.90460016972063023e-05 * DPY, 9.54791938424326609e-04 * SOLAR },
        { 8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03 * DPY, 4.99852801234917238e-03 * DPY, 2.30417297573763929e-05 * DPY, 2.85885980666130812e-04 * SOLAR },
        { 1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03 * DPY, 2.37847173959480950e-03 * DPY, -2.96589568540237556e-05 * DPY, 4.36624404335156298e-05 * SOLAR },
        { 1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03 * DPY, 1.62824170038242295e-03 * DPY, -9.51592254519715870e-05 * DPY, 5.15138902046611451e-05 * SOLAR },
    };
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < 5; i++) { px += b[i].vx * b[i].m; py += b[i].vy * b[i].m; pz += b[i].vz * b[i].m; }
    b[0].vx = -px / SOLAR; b[0].vy = -py / SOLAR; b[0].vz = -pz / SOLAR;
    printf("energy before %.17g\n", energy(b, 5));
    for (int i = 0; i < 20000; i++) advance(b, 5, 0.01);
    printf("energy after  %.17g\n", energy(b, 5));
    printf("jupiter at %.17g %.17g %.17g\n", b[1].x, b[1].y, b[1].z);

    enum { N = 60 };
    static double A[N][N], B[N][N], C[N][N], x[N], rhs[N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            A[i][j] = sin(i * 0.7 + j * 1.3) + (i == j ? N : 0);
            B[i][j] = cos(i * 0.3 - j * 0.11);
        }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double s = 0;
            for (int k = 0; k < N; k++) s += A[i][k] * B[k][j];
            C[i][j] = s;
        }
    double tr = 0;
    for (int i = 0; i < N; i++) { tr += C[i][i]; rhs[i] = i + 1; }
    printf("trace(AB) %.17g\n", tr);
    for (int k = 0; k < N; k++)            /* Gaussian elimination without pivoting */
        for (int i = k + 1; i < N; i++) {
            double f = A[i][k] / A[k][k];
            for (int j = k; j < N; j++) A[i][j] -= f * A[k][j];
            rhs[i] -= f * rhs[k];
        }
    for (int i = N - 1; i >= 0; i--) {
        double s = rhs[i];
        for (int j = i + 1; j < N; j++) s -= A[i][j] * x[j];
        x[i] = s / A[i][i];
    }
    printf("x[0] %.17g x[59] %.17g\n", x[0], x[N - 1]);
    return 0;
}
