/* A small interpreter: a tokenizer, a recursive-descent parser building
 * an AST, and a tree-walking evaluator for a language with variables,
 * while loops, if, print and functions of one argument; it runs a few
 * programs (primes, Collatz, factorial by recursion). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { T_NUM, T_ID, T_OP, T_END };
typedef struct { int kind; long num; char text[16]; } Tok;
static Tok toks[4096];
static int ntok, pos;

static void lex(const char *s)
{
    ntok = pos = 0;
    while (*s) {
        if (isspace((unsigned char)*s)) { s++; continue; }
        Tok *t = &toks[ntok++];
        if (isdigit((unsigned char)*s)) {
            t->kind = T_NUM;
            t->num = strtol(s, (char **)&s, 10);
        } else if (isalpha((unsigned char)*s)) {
            int n = 0;
            t->kind = T_ID;
            while (isalnum((unsigned char)*s) && n < 15) t->text[n++] = *s++;
            t->text[n] = 0;
        } else {
            t->kind = T_OP;
            t->text[0] = *s++;
            t->text[1] = 0;
            if ((t->text[0] == '=' || t->text[0] == '!' || t->text[0] == '<' ||
                 t->text[0] == '>') && *s == '=') {
                t->text[1] = *s++;
                t->text[2] = 0;
            }
        }
    }
    toks[ntok].kind = T_END;
}

typedef struct Node { int op; long val; int var; struct Node *a, *b, *c; } Node;
enum { N_NUM, N_VAR, N_BIN, N_ASSIGN, N_WHILE, N_IF, N_PRINT, N_SEQ, N_CALL, N_DEF };
static char names[64][16];
static int nnames;
static int var(const char *n)
{
    for (int i = 0; i < nnames; i++)
        if (!strcmp(names[i], n)) return i;
    strcpy(names[nnames], n);
    return nnames++;
}
static Node *mk(int op, Node *a, Node *b)
{
    Node *n = calloc(1, sizeof *n);
    n->op = op; n->a = a; n->b = b;
    return n;
}
static int is(const char *s) { return toks[pos].kind != T_END && !strcmp(toks[pos].text, s) && toks[pos].kind != T_NUM; }
static void expect(const char *s)
{
    if (!is(s)) { printf("parse error at token %d: expected %s\n", pos, s); exit(2); }
    pos++;
}
static Node *expr(void);
static Node *primary(void)
{
    Tok *t = &toks[pos++];
    if (t->kind == T_NUM) { Node *n = mk(N_NUM, 0, 0); n->val = t->num; return n; }
    if (t->kind == T_ID) {
        if (is("(")) { pos++; Node *n = mk(N_CALL, expr(), 0); n->var = var(t->text); expect(")"); return n; }
        Node *n = mk(N_VAR, 0, 0); n->var = var(t->text); return n;
    }
    if (!strcmp(t->text, "(")) { Node *n = expr(); expect(")"); return n; }
    if (!strcmp(t->text, "-")) { Node *n = mk(N_BIN, mk(N_NUM, 0, 0), primary()); n->val = '-'; return n; }
    printf("parse error: unexpected %s\n", t->text);
    exit(2);
}
static int prec(const char *op)
{
    static const char *lv[] = { "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%" };
    static const int p[] = { 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 4 };
    for (int i = 0; i < 11; i++) if (!strcmp(op, lv[i])) return p[i];
    return 0;
}
static Node *binary(int min)
{
    Node *l = primary();
    while (toks[pos].kind == T_OP && prec(toks[pos].text) >= min) {
        const char *op = toks[pos++].text;
        int p = prec(op);
        Node *r = binary(p + 1);
        Node *n = mk(N_BIN, l, r);
        n->val = op[1] ? op[0] * 256 + op[1] : op[0];
        l = n;
    }
    return l;
}
static Node *expr(void) { return binary(1); }
static Node *stmt(void);
static Node *block(void)
{
    expect("{");
    Node *seq = NULL, **tail = &seq;
    while (!is("}")) { *tail = mk(N_SEQ, stmt(), NULL); tail = &(*tail)->b; }
    pos++;
    return seq;
}
static Node *funcs[64];
static int params[64];
static Node *stmt(void)
{
    Tok *t = &toks[pos];
    if (t->kind == T_ID && !strcmp(t->text, "while")) { pos++; Node *c = expr(); return mk(N_WHILE, c, block()); }
    if (t->kind == T_ID && !strcmp(t->text, "if")) {
        pos++; Node *c = expr(); Node *n = mk(N_IF, c, block());
        if (toks[pos].kind == T_ID && !strcmp(toks[pos].text, "else")) { pos++; n->c = block(); }
        return n;
    }
    if (t->kind == T_ID && !strcmp(t->text, "print")) { pos++; Node *n = mk(N_PRINT, expr(), 0); expect(";"); return n; }
    if (t->kind == T_ID && !strcmp(t->text, "def")) {
        pos++; int f = var(toks[pos++].text); expect("("); params[f] = var(toks[pos++].text); expect(")");
        funcs[f] = block();
        return mk(N_DEF, 0, 0);
    }
    pos++;
    expect("=");
    Node *n = mk(N_ASSIGN, expr(), 0);
    n->var = var(t->text);
    expect(";");
    return n;
}

static long vars[64];
static long steps;
static long eval(Node *n)
{
    steps++;
    switch (n->op) {
    case N_NUM: return n->val;
    case N_VAR: return vars[n->var];
    case N_ASSIGN: return vars[n->var] = eval(n->a);
    case N_PRINT: printf("%ld\n", eval(n->a)); return 0;
    case N_SEQ: for (; n; n = n->b) eval(n->a); return 0;
    case N_WHILE: while (eval(n->a)) if (n->b) eval(n->b); return 0;
    case N_IF: if (eval(n->a)) { if (n->b) eval(n->b); } else if (n->c) eval(n->c); return 0;
    case N_DEF: return 0;
    case N_CALL: {
        long arg = eval(n->a), saved[64];
        memcpy(saved, vars, sizeof vars);
        vars[params[n->var]] = arg;
        vars[var("ret")] = 0;
        if (funcs[n->var]) eval(funcs[n->var]);
        long r = vars[var("ret")];
        memcpy(vars, saved, sizeof vars);
        return r;
    }
    }
    long a = eval(n->a), b = eval(n->b);
    switch (n->val) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b ? a / b : 0;
    case '%': return b ? a % b : 0;
    case '<': return a < b;
    case '>': return a > b;
    case '=' * 256 + '=': return a == b;
    case '!' * 256 + '=': return a != b;
    case '<' * 256 + '=': return a <= b;
    case '>' * 256 + '=': return a >= b;
    }
    return 0;
}

static void run(const char *src)
{
    lex(src);
    Node *prog = NULL, **tail = &prog;
    while (toks[pos].kind != T_END) { *tail = mk(N_SEQ, stmt(), NULL); tail = &(*tail)->b; }
    steps = 0;
    eval(prog);
    printf("-- %ld evaluation steps\n", steps);
}

int main(void)
{
    run("n = 2; count = 0; while n < 300 { d = 2; p = 1; while d * d <= n { if n % d == 0 { p = 0; } d = d + 1; }"
        " if p { count = count + 1; if n > 270 { print n; } } n = n + 1; } print count;");
    run("x = 27; s = 0; while x != 1 { if x % 2 == 0 { x = x / 2; } else { x = 3 * x + 1; } s = s + 1; } print s;");
    run("def fact(k) { if k <= 1 { ret = 1; } else { ret = k * fact(k - 1); } } print fact(20);"
        " def fib(k) { if k < 2 { ret = k; } else { ret = fib(k - 1) + fib(k - 2); } } print fib(18);");
    run("a = -5; b = 3; print a / b; print a % b; print (a + b) * -2;");
    return 0;
}
