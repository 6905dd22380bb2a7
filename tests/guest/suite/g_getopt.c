/* getopt and getopt_long over the program's arguments: short options
 * with and without values, clustering, unknown options (message on
 * stderr), long options with required/optional arguments, "--". */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    static const struct option longs[] = {
        { "verbose", no_argument, NULL, 'v' },
        { "output", required_argument, NULL, 'o' },
        { "level", optional_argument, NULL, 'l' },
        { "flag", no_argument, NULL, 1000 },
        { 0, 0, 0, 0 },
    };
    int c, idx;
    while ((c = getopt_long(argc, argv, "vo:l::ab", longs, &idx)) != -1) {
        switch (c) {
        case 'v': printf("verbose\n"); break;
        case 'o': printf("output = %s\n", optarg); break;
        case 'l': printf("level = %s\n", optarg ? optarg : "(default)"); break;
        case 'a': case 'b': printf("flag %c\n", c); break;
        case 1000: printf("long-only --flag (index %d)\n", idx); break;
        case '?': printf("unknown option, optopt %d\n", optopt); break;
        default: printf("getopt returned %d\n", c);
        }
    }
    for (int i = optind; i < argc; i++)
        printf("operand: %s\n", argv[i]);
    return 0;
}
