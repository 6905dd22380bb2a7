/* Calls and returns that a return-address stack predicts well and badly
 * (docs/frontend.md, "Return-address stack"): deep and mutual recursion
 * (the ring overflows and wraps), longjmp out of nested calls (returns
 * that never happen: the ring is out of step afterwards), calls through
 * function pointers and tables, a callback from libc (qsort), calls from
 * a signal handler, and a hand-made return to another address (asm). */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf env;
static volatile long depth_reached;

static long __attribute__((noinline)) deep(long n)
{
    if (n == 0)
        return 1;
    return deep(n - 1) * 3 % 1000003 + (n & 7);
}

static long __attribute__((noinline)) nested_then_jump(int n, int at)
{
    depth_reached = n;
    if (n >= at)
        longjmp(env, n + 1);
    if (n > 100000)
        return 0;
    return nested_then_jump(n + 1, at) + 1;
}

typedef long (*op_fn)(long, long);
static long __attribute__((noinline)) op_add(long a, long b) { return a + b; }
static long __attribute__((noinline)) op_sub(long a, long b) { return a - b; }
static long __attribute__((noinline)) op_mul(long a, long b) { return a * b % 65521; }
static long __attribute__((noinline)) op_xor(long a, long b) { return a ^ b; }
static op_fn const table[] = { op_add, op_sub, op_mul, op_xor };

static long __attribute__((noinline)) apply(op_fn f, long a, long b, int depth)
{
    if (depth == 0)
        return f(a, b);
    return apply(table[(a + depth) & 3], f(a, b), b + 1, depth - 1);
}

static int is_odd(unsigned n);
static int __attribute__((noinline)) is_even(unsigned n)
{
    return n == 0 ? 1 : is_odd(n - 1);
}
static int __attribute__((noinline)) is_odd(unsigned n)
{
    return n == 0 ? 0 : is_even(n - 1);
}

static int cmp_calls;
static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    cmp_calls++;
    return (x > y) - (x < y);
}

static volatile long sig_sum;
static void on_usr1(int sig)
{
    sig_sum += deep(40) + sig;
}

/* Returns 8 bytes past its return address: the call site's next
 * instruction (a jump over the skipped one) is not where it goes. */
__asm__(".text\n"
        ".align 2\n"
        "skip_return:\n"
        "  li a0, 7\n"
        "  addi ra, ra, 4\n"
        "  ret\n");

static long __attribute__((noinline)) call_skip(void)
{
    long r;
    __asm__ volatile(".option push\n"
                     ".option norvc\n"
                     "  call skip_return\n"
                     "  li a0, 1000\n"          /* skipped: 4 bytes */
                     ".option pop\n"
                     "  mv %0, a0\n"
                     : "=r"(r) : : "ra", "a0", "a1", "a2", "a3", "a4", "a5",
                       "a6", "a7", "t0", "t1", "t2", "t3", "t4", "t5", "t6",
                       "memory");
    return r;
}

int main(void)
{
    for (long n = 1; n <= 100000; n *= 10)
        printf("deep(%ld) = %ld\n", n, deep(n));

    long total = 0;
    for (int at = 0; at < 200; at += 7) {
        int v = setjmp(env);
        if (v == 0) {
            nested_then_jump(0, at);
            puts("not reached");
        }
        total += v + depth_reached;
        /* returns right after the longjmp: the ring is out of step */
        total += deep(at % 50);
    }
    printf("longjmp total %ld\n", total);

    long acc = 0;
    for (int i = 0; i < 2000; i++)
        acc += apply(table[i & 3], i, i >> 2, i % 45);
    printf("apply %ld\n", acc);

    printf("even(100001) %d odd(77777) %d\n", is_even(100001), is_odd(77777));

    long arr[500];
    for (int i = 0; i < 500; i++)
        arr[i] = (i * 7919L) % 1009 - 500;
    qsort(arr, 500, sizeof arr[0], cmp_long);
    long chk = 0;
    for (int i = 0; i < 500; i++)
        chk = chk * 31 + arr[i];
    printf("qsort %ld (%s)\n", chk, cmp_calls > 0 ? "called back" : "no calls");

    signal(SIGUSR1, on_usr1);
    for (int i = 0; i < 20; i++) {
        raise(SIGUSR1);
        sig_sum += deep(i);
    }
    printf("signals %ld\n", sig_sum);

    long s = 0;
    for (int i = 0; i < 100; i++)
        s += call_skip();
    printf("skip %ld\n", s);
    return 0;
}
