/* unit.h -- each group of unit tests exposes one runner. */
#ifndef UNIT_H
#define UNIT_H
int run_text_tests(void);
int run_dates_tests(void);
int run_api_tests(void);
int run_numbers_tests(void);
int run_counts_tests(void);
int run_compare_tests(void);
int run_html_tests(void);
int run_starts_tests(void);
#endif
