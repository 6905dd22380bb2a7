/* wc on standard input (stdin=g_stdin_text.txt): lines, words, bytes,
 * the longest line and a letter histogram. */
#include <ctype.h>
#include <stdio.h>

int main(void)
{
    long lines = 0, words = 0, bytes = 0, cur = 0, longest = 0;
    long hist[26] = { 0 };
    int c, inword = 0;
    while ((c = getchar()) != EOF) {
        bytes++;
        if (c == '\n') {
            lines++;
            if (cur > longest)
                longest = cur;
            cur = 0;
        } else {
            cur++;
        }
        if (isspace(c)) {
            inword = 0;
        } else if (!inword) {
            inword = 1;
            words++;
        }
        if (isalpha(c))
            hist[tolower(c) - 'a']++;
    }
    printf("%ld lines, %ld words, %ld bytes, longest line %ld\n", lines, words, bytes,
           longest);
    for (int i = 0; i < 26; i++)
        if (hist[i])
            printf("%c:%ld%c", 'a' + i, hist[i], i % 13 == 12 ? '\n' : ' ');
    printf("\n");
    return 0;
}
