/* Unit tests (cmocka): the text layer, the readers, the output. Each
 * tests/unit/test_*.c file adds a group; this file runs them all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "unit.h"

int main(void)
{
    int failed = 0;
    failed += run_text_tests();
    failed += run_dates_tests();
    failed += run_api_tests();
    failed += run_numbers_tests();
    failed += run_counts_tests();
    failed += run_compare_tests();
    failed += run_html_tests();
    failed += run_starts_tests();
    return failed ? 1 : 0;
}
