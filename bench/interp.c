/*
 * interp: a small stack-machine bytecode interpreter running a loop-heavy
 * program (nested counting loops with arithmetic); measures the indirect
 * branch of the dispatch switch.
 */
#include "bench.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, XOR, SHR, AND, JNZ, JMP, DUP, POP,
       LT, HALT };

/*
 * Program: acc = 1; for (i = n; i != 0; i--) { j = 32; while (j) {
 *   acc = acc * 31 + (i ^ j); acc &= 0xffffffff; j--; } } -> acc
 * Variables: 0 = i, 1 = j, 2 = acc, 3 = n.
 */
static const int64_t prog[] = {
    PUSH, 1, STORE, 2,
    LOAD, 3, STORE, 0,
    /* 8: outer */
    PUSH, 32, STORE, 1,
    /* 12: inner */
    LOAD, 2, PUSH, 31, MUL, LOAD, 0, LOAD, 1, XOR, ADD,
    PUSH, 0xffffffff, AND, STORE, 2,
    LOAD, 1, PUSH, 1, SUB, DUP, STORE, 1, JNZ, 12,
    LOAD, 0, PUSH, 1, SUB, DUP, STORE, 0, JNZ, 8,
    LOAD, 2, HALT,
};

static int64_t run(const int64_t *code, int64_t n)
{
    int64_t stack[64], vars[8] = {0};
    int sp = 0;
    long pc = 0;
    vars[3] = n;
    for (;;) {
        int64_t op = code[pc++];
        switch (op) {
        case PUSH: stack[sp++] = code[pc++]; break;
        case LOAD: stack[sp++] = vars[code[pc++]]; break;
        case STORE: vars[code[pc++]] = stack[--sp]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case SHR: sp--; stack[sp - 1] = (int64_t)((uint64_t)stack[sp - 1] >> stack[sp]); break;
        case AND: sp--; stack[sp - 1] &= stack[sp]; break;
        case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case POP: sp--; break;
        case JNZ: if (stack[--sp]) pc = code[pc]; else pc++; break;
        case JMP: pc = code[pc]; break;
        case HALT: return stack[sp - 1];
        default: return -1;
        }
    }
}

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    uint64_t sum = 0;
    for (long r = 0; r < scale; r++)
        sum = bench_mix(sum, (uint64_t)run(prog, 20000 + r));
    bench_result("interp", sum);
    return 0;
}
