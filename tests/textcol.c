/* For the end-to-end tests: `textcol LINE TEXT` prints the display
 * column (0-based) where TEXT first starts in LINE, or -1. Uses the
 * program's own width oracle, so shell tests can check alignment.
 * -2 counts ambiguous-width characters as 2 columns. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc == 4 && strcmp(argv[1], "-2") == 0) {
        text_set_ambiguous_width(2);
        argv++;
        argc--;
    }
    if (argc != 3) {
        fputs("usage: textcol [-2] LINE TEXT\n", stderr);
        return 2;
    }
    const char *p = strstr(argv[1], argv[2]);
    printf("%d\n", p ? text_width_n(argv[1], (size_t)(p - argv[1])) : -1);
    return 0;
}
