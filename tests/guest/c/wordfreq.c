/*
 * The example program of scripts/run-example: counts the words of its
 * standard input (a hash table, qsort, printf of doubles) and prints the
 * most frequent ones, then a line about itself (argv, getauxval).  Built
 * for riscv64 with riscv64-linux-gnu-gcc, run under rvtcg.
 *
 *   wordfreq [N]     the N most frequent words (default 10)
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

typedef struct Word {
    char *text;
    unsigned count;
    struct Word *next;
} Word;

#define BUCKETS 4096

static Word *table[BUCKETS];
static size_t n_words, n_distinct;

static unsigned hash(const char *s)
{
    unsigned h = 2166136261u;          /* FNV-1a */
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static void add(const char *w)
{
    Word **b = &table[hash(w) % BUCKETS];
    for (Word *p = *b; p; p = p->next)
        if (!strcmp(p->text, w)) {
            p->count++;
            n_words++;
            return;
        }
    Word *p = malloc(sizeof *p);
    p->text = strdup(w);
    p->count = 1;
    p->next = *b;
    *b = p;
    n_words++;
    n_distinct++;
}

static int by_count(const void *a, const void *b)
{
    const Word *x = *(Word *const *)a, *y = *(Word *const *)b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->text, y->text);
}

int main(int argc, char **argv)
{
    int top = argc > 1 ? atoi(argv[1]) : 10;
    char w[64];
    size_t len = 0;
    for (int c; (c = getchar()) != EOF;) {
        if (isalpha(c) && len < sizeof w - 1) {
            w[len++] = (char)tolower(c);
        } else if (len) {
            w[len] = 0;
            add(w);
            len = 0;
        }
    }
    if (len) {
        w[len] = 0;
        add(w);
    }
    Word **all = malloc((n_distinct + 1) * sizeof *all);
    size_t k = 0;
    for (int i = 0; i < BUCKETS; i++)
        for (Word *p = table[i]; p; p = p->next)
            all[k++] = p;
    qsort(all, k, sizeof *all, by_count);
    printf("%zu words, %zu different; the %d most frequent:\n", n_words,
           n_distinct, top);
    for (size_t i = 0; i < k && i < (size_t)top; i++)
        printf("%4zu. %-14s %5u  %5.2f%%\n", i + 1, all[i]->text,
               all[i]->count, 100.0 * all[i]->count / n_words);
    unsigned long hw = getauxval(AT_HWCAP);
    printf("I am %s, running on a RISC-V CPU with extensions ", argv[0]);
    for (int b = 0; b < 26; b++)
        if (hw & (1ul << b))
            putchar('A' + b);
    printf(" (page size %lu)\n", getauxval(AT_PAGESZ));
    return 0;
}
