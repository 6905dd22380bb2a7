/* A multi-threaded word count: a generated text of 200000 words is split
 * into 4 chunks at word boundaries; each thread counts words into its own
 * hash table; the main thread merges them and prints the top words in a
 * deterministic order (count, then word). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { THREADS = 4, BUCKETS = 1024 };
struct word { char w[16]; long n; struct word *next; };
struct job { const char *begin, *end; struct word *tab[BUCKETS]; long words; };

static unsigned hash(const char *s, size_t n)
{
    unsigned h = 5381;
    while (n--) h = h * 33 + (unsigned char)*s++;
    return h % BUCKETS;
}
static void add(struct word **tab, const char *s, size_t n, long by)
{
    unsigned h = hash(s, n);
    for (struct word *w = tab[h]; w; w = w->next)
        if (strlen(w->w) == n && !memcmp(w->w, s, n)) { w->n += by; return; }
    struct word *w = calloc(1, sizeof *w);
    memcpy(w->w, s, n);
    w->n = by;
    w->next = tab[h];
    tab[h] = w;
}
static void *count(void *arg)
{
    struct job *j = arg;
    const char *p = j->begin;
    while (p < j->end) {
        while (p < j->end && *p == ' ') p++;
        const char *s = p;
        while (p < j->end && *p != ' ') p++;
        if (p > s) { add(j->tab, s, p - s, 1); j->words++; }
    }
    return NULL;
}
static int cmp(const void *a, const void *b)
{
    const struct word *x = *(struct word *const *)a, *y = *(struct word *const *)b;
    if (x->n != y->n) return x->n < y->n ? 1 : -1;
    return strcmp(x->w, y->w);
}

int main(void)
{
    static const char *dict[] = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
                                  "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron",
                                  "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega" };
    size_t cap = 200000 * 9, len = 0;
    char *text = malloc(cap);
    unsigned x = 1;
    for (int i = 0; i < 200000; i++) {
        x = x * 1103515245 + 12345;
        unsigned k = (x >> 16) % 24;
        k = k * k / 24;   /* skewed distribution */
        len += sprintf(text + len, "%s ", dict[k]);
    }
    struct job jobs[THREADS];
    pthread_t t[THREADS];
    memset(jobs, 0, sizeof jobs);
    const char *p = text;
    for (int i = 0; i < THREADS; i++) {
        const char *e = i == THREADS - 1 ? text + len : text + len * (i + 1) / THREADS;
        while (e < text + len && *e != ' ') e++;
        jobs[i].begin = p;
        jobs[i].end = e;
        p = e;
        pthread_create(&t[i], NULL, count, &jobs[i]);
    }
    struct word *all[BUCKETS] = { 0 };
    long words = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        words += jobs[i].words;
        for (int b = 0; b < BUCKETS; b++)
            for (struct word *w = jobs[i].tab[b]; w; w = w->next) add(all, w->w, strlen(w->w), w->n);
    }
    struct word *list[64];
    int n = 0;
    for (int b = 0; b < BUCKETS; b++)
        for (struct word *w = all[b]; w; w = w->next) list[n++] = w;
    qsort(list, n, sizeof list[0], cmp);
    printf("%ld words, %d distinct\n", words, n);
    for (int i = 0; i < n; i++) printf("%7ld %s\n", list[i]->n, list[i]->w);
    return 0;
}
