/* zhibu: the composition root. setlocale comes before anything else so
 * that ncursesw speaks the terminal's encoding (UTF-8 or GB18030). */
#include <locale.h>

#include "cli.h"
#include "screens.h"

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    return cli_main(argc, argv, screens_run);
}
