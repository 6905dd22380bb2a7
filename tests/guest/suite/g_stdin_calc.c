/* An RPN calculator reading commands from standard input
 * (stdin=g_stdin_calc.txt) with scanf: numbers, + - * / ^ sqrt dup swap
 * print, and an error message on stderr for stack underflow; the exit
 * status is the number of errors. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double st[64];
static int sp, errors;

static int need(int n, const char *op)
{
    if (sp < n) {
        fprintf(stderr, "error: '%s' needs %d operand(s), stack has %d\n", op, n, sp);
        errors++;
        return 0;
    }
    return 1;
}

int main(void)
{
    char tok[64];
    int line = 0;
    while (scanf("%63s", tok) == 1) {
        double v;
        char *end;
        line++;
        if ((v = strtod(tok, &end)), *end == 0 && end != tok) {
            if (sp < 64) st[sp++] = v;
        } else if (strlen(tok) == 1 && strchr("+-*/^", tok[0])) {
            if (!need(2, tok)) continue;
            double b = st[--sp], a = st[--sp], r = 0;
            switch (tok[0]) {
            case '+': r = a + b; break;
            case '-': r = a - b; break;
            case '*': r = a * b; break;
            case '/': r = a / b; break;
            case '^': r = pow(a, b); break;
            }
            st[sp++] = r;
        } else if (!strcmp(tok, "sqrt")) {
            if (need(1, tok)) st[sp - 1] = sqrt(st[sp - 1]);
        } else if (!strcmp(tok, "dup")) {
            if (need(1, tok)) { st[sp] = st[sp - 1]; sp++; }
        } else if (!strcmp(tok, "swap")) {
            if (need(2, tok)) { double t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; }
        } else if (!strcmp(tok, "print")) {
            if (need(1, tok)) printf("%.17g\n", st[--sp]);
        } else {
            fprintf(stderr, "error: unknown token '%s'\n", tok);
            errors++;
        }
    }
    printf("%d tokens, %d left on the stack\n", line, sp);
    return errors;
}
