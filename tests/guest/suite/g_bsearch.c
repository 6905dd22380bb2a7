/* bsearch, lfind/lsearch and the tsearch binary tree of <search.h>. */
#define _GNU_SOURCE
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int visited;
static void walk(const void *node, VISIT which, int depth)
{
    (void)depth;
    if (which == postorder || which == leaf) {
        if (visited < 10)
            printf("%d ", **(int *const *)node);
        visited++;
    }
}

int main(void)
{
    static int a[1000];
    for (int i = 0; i < 1000; i++)
        a[i] = i * 3 + 1;
    int found = 0, missing = 0;
    for (int k = -5; k < 3010; k++) {
        int *p = bsearch(&k, a, 1000, sizeof a[0], cmp);
        if (p) {
            found++;
            if (*p != k || (p - a) != (k - 1) / 3)
                printf("wrong hit for %d\n", k);
        } else {
            missing++;
        }
    }
    printf("bsearch: %d found, %d missing\n", found, missing);

    int small[10] = { 9, 4, 7 };
    size_t n = 3;
    int key = 7;
    int *p = lfind(&key, small, &n, sizeof small[0], cmp);
    printf("lfind 7 at index %ld\n", p ? (long)(p - small) : -1L);
    key = 5;
    lsearch(&key, small, &n, sizeof small[0], cmp);
    printf("lsearch added: n = %zu, last = %d\n", n, small[n - 1]);

    void *root = NULL;
    static int vals[200];
    for (int i = 0; i < 200; i++) {
        vals[i] = (i * 37) % 200;
        tsearch(&vals[i], &root, cmp);
    }
    int k = 111;
    int **hit = tfind(&k, &root, cmp);
    printf("tfind 111: %d\n", hit ? **hit : -1);
    twalk(root, walk);
    printf("... %d nodes\n", visited);
    for (int i = 0; i < 200; i += 2)
        tdelete(&vals[i], &root, cmp);
    visited = 0;
    twalk(root, walk);
    printf("... %d nodes after deleting half\n", visited);
    return 0;
}
