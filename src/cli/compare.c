/* compare.c -- concur compare (see issue 5; not yet built). */
#include "cli.h"

int cmd_compare(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "concur: compare is not available yet\n");
    return 2;
}
