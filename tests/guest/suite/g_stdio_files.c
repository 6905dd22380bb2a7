/* stdio on files in the working directory: fopen/fwrite/fread/fseek/
 * ftell/fgets/fscanf/append mode/ungetc/rename/remove.  Run with `files`:
 * the files left behind are compared too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    FILE *f = fopen("data.bin", "wb");
    if (!f) { perror("fopen"); return 1; }
    unsigned char buf[4096];
    for (int i = 0; i < 4096; i++)
        buf[i] = (unsigned char)(i * 7 + 3);
    for (int i = 0; i < 10; i++)
        fwrite(buf, 1, sizeof buf, f);
    printf("ftell after write: %ld\n", ftell(f));
    fclose(f);

    f = fopen("data.bin", "rb");
    fseek(f, 12345, SEEK_SET);
    int c = fgetc(f);
    printf("byte at 12345: %d (expect %d)\n", c, (unsigned char)(12345 % 4096 * 7 + 3));
    fseek(f, -10, SEEK_END);
    size_t got = fread(buf, 1, 100, f);
    printf("read %zu bytes near the end, feof=%d\n", got, feof(f) != 0);
    fclose(f);

    f = fopen("text.txt", "w");
    for (int i = 1; i <= 20; i++)
        fprintf(f, "line %d value %d\n", i, i * i);
    fclose(f);
    f = fopen("text.txt", "a");
    fputs("appended line\n", f);
    fclose(f);

    f = fopen("text.txt", "r");
    char line[100];
    int lines = 0, sum = 0, a, b;
    while (fscanf(f, "line %d value %d\n", &a, &b) == 2) {
        lines++;
        sum += b;
    }
    fgets(line, sizeof line, f);
    printf("scanned %d lines, sum %d, then: %s", lines, sum, line);
    ungetc('X', f);
    printf("after ungetc: %c\n", fgetc(f));
    fclose(f);

    f = fopen("temp.txt", "w+");
    fputs("hello, world\n", f);
    rewind(f);
    fgets(line, sizeof line, f);
    printf("w+ read back: %s", line);
    fclose(f);
    if (rename("temp.txt", "renamed.txt") != 0)
        perror("rename");
    f = fopen("gone.txt", "w");
    fclose(f);
    printf("remove: %d\n", remove("gone.txt"));
    printf("fopen missing: %s\n", fopen("missing.txt", "r") ? "found" : "NULL");
    return 0;
}
