/* A small JSON parser and pretty-printer: objects, arrays, strings with
 * escapes (\n \" \u00e9), numbers (strtod), true/false/null; it parses a
 * document, prints it re-indented, sums the numbers and reports a syntax
 * error position for bad input. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *p;
static double numsum;
static int err;

static void ws(void) { while (isspace((unsigned char)*p)) p++; }
static void indent(int d) { for (int i = 0; i < d; i++) printf("  "); }
static void value(int d);

static void string(void)
{
    p++;
    putchar('"');
    while (*p && *p != '"') {
        if (*p == '\\') {
            p++;
            if (*p == 'u') {
                unsigned cp = (unsigned)strtoul((char[5]){ p[1], p[2], p[3], p[4], 0 }, NULL, 16);
                printf("<U+%04X>", cp);
                p += 5;
                continue;
            }
            printf("\\%c", *p++);
            continue;
        }
        putchar(*p++);
    }
    if (*p != '"') { err = 1; return; }
    p++;
    putchar('"');
}

static void value(int d)
{
    ws();
    if (err) return;
    if (*p == '{' || *p == '[') {
        char close = *p == '{' ? '}' : ']';
        int obj = *p == '{';
        printf("%c\n", *p++);
        ws();
        int first = 1;
        while (*p != close) {
            if (!first) {
                if (*p != ',') { err = 1; return; }
                p++;
                printf(",\n");
            }
            first = 0;
            ws();
            indent(d + 1);
            if (obj) {
                if (*p != '"') { err = 1; return; }
                string();
                ws();
                if (*p != ':') { err = 1; return; }
                p++;
                printf(": ");
            }
            value(d + 1);
            if (err) return;
            ws();
        }
        p++;
        printf("\n");
        indent(d);
        printf("%c", close);
    } else if (*p == '"') {
        string();
    } else if (!strncmp(p, "true", 4) || !strncmp(p, "null", 4)) {
        printf("%.4s", p);
        p += 4;
    } else if (!strncmp(p, "false", 5)) {
        printf("false");
        p += 5;
    } else {
        char *end;
        double v = strtod(p, &end);
        if (end == p) { err = 1; return; }
        numsum += v;
        printf("%.15g", v);
        p = end;
    }
}

static void parse(const char *doc)
{
    p = doc;
    err = 0;
    numsum = 0;
    value(0);
    ws();
    if (!err && *p) err = 1;
    if (err) printf("\nsyntax error at offset %ld\n", (long)(p - doc));
    else printf("\nnumber sum %.15g\n", numsum);
}

int main(void)
{
    parse("{\"name\": \"rvtcg\", \"version\": 1.5, \"tags\": [\"jit\", \"riscv\", \"x86\\n64\"],"
          " \"nested\": {\"a\": [1, 2, [3, 4e2, -5.25]], \"b\": {}, \"c\": []},"
          " \"flags\": [true, false, null], \"text\": \"caf\\u00e9 \\\"quoted\\\"\"}");
    parse("[1, 2, {\"x\": 3}");
    parse("{\"a\" 1}");
    parse("[1e308, 1e308, -2e308]");
    return 0;
}
