/* Unit tests of the date recogniser: calendar arithmetic seen through
 * values (leap days, ISO weeks across a year end, month shifts), the two
 * reference modes, the numeric day/month order, and rejections. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"
#include "unit.h"

/* Extracts s with an optional reference date and mode; writes the date
 * mentions as "text=value[/mod]" joined by "; " into out. */
static void dates_of(const char *s, const char *ref, concur_date_mode mode, char *out, size_t cap)
{
    concur_engine *e = concur_engine_new(NULL, NULL);
    assert_non_null(e);
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = CONCUR_INPUT_TEXT;
    o.ref_date = ref;
    o.date_mode = mode;
    concur_doc *d = concur_extract(e, s, strlen(s), &o, NULL);
    assert_non_null(d);
    size_t used = 0;
    out[0] = 0;
    for (size_t i = 0; i < concur_doc_count(d); i++) {
        const concur_mention *m = concur_doc_get(d, i);
        if (concur_mention_kind(m) != CONCUR_KIND_DATE) continue;
        size_t n;
        const char *t = concur_mention_text(m, &n);
        const char *mod = concur_mention_timex_mod(m);
        int w = snprintf(out + used, cap - used, "%s%.*s=%s%s%s", used ? "; " : "", (int)n, t,
                         concur_mention_timex_value(m), mod ? "/" : "", mod ? mod : "");
        assert_true(w > 0 && (size_t)w < cap - used);
        used += (size_t)w;
    }
    concur_doc_free(d);
    concur_engine_free(e);
}

static void leap_days(void **st)
{
    (void)st;
    char b[512];
    dates_of("On 29 February 1992 and on 29 February 1993.", NULL, CONCUR_DATES_AUTO, b, sizeof b);
    /* 1993 had no 29 February: the day is dropped, the month stays */
    assert_string_equal(b, "29 February 1992=1992-02-29; February 1993=1993-02");
}

static void iso_weeks_across_year_end(void **st)
{
    (void)st;
    char b[512];
    dates_of("It rose last week and will fall next week.", "2021-01-04", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "last week=2020-W53; next week=2021-W02");
    dates_of("It fell this week.", "2019-12-30", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "this week=2020-W01");
}

static void relative_shifts(void **st)
{
    (void)st;
    char b[512];
    dates_of("Yesterday and last month, and two years ago, and tomorrow.", "2013-03-01", CONCUR_DATES_NEWS, b,
             sizeof b);
    assert_string_equal(b, "Yesterday=2013-02-28; last month=2013-02; two years ago=2011; tomorrow=2013-03-02");
    dates_of("Last month it snowed.", "2013-01-15", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "Last month=2012-12");
}

static void weekdays_follow_tense(void **st)
{
    (void)st;
    char b[512];
    /* 2013-03-22 is a Friday */
    dates_of("He spoke on Monday.", "2013-03-22", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "Monday=2013-03-18");
    dates_of("He will speak on Monday.", "2013-03-22", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "Monday=2013-03-25");
    dates_of("He spoke on Friday.", "2013-03-22", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "Friday=2013-03-22");
}

static void narrative_timeline(void **st)
{
    (void)st;
    char b[512];
    const char *s = "From October 1991, the town was cut off. On 30 October, traffic stopped. "
                    "Over the night of 25-26 February 1992 it fell. On 1 March, reporters came.";
    dates_of(s, NULL, CONCUR_DATES_AUTO, b, sizeof b);
    assert_string_equal(b, "October 1991=1991-10; 30 October=1991-10-30; "
                           "the night of 25-26 February 1992=1992-02-25TNI; 1 March=1992-03-01");
    /* forced news mode: the reference year wins for a partial date */
    dates_of("In 1992 the siege tightened. On 1 March, reporters came.", "2010-06-01", CONCUR_DATES_NEWS, b,
             sizeof b);
    assert_string_equal(b, "1992=1992; 1 March=2010-03-01");
}

static void numeric_order_per_document(void **st)
{
    (void)st;
    char b[512];
    dates_of("Paid 03/04/2001; due 13/04/2001.", NULL, CONCUR_DATES_AUTO, b, sizeof b);
    assert_string_equal(b, "03/04/2001=2001-04-03; 13/04/2001=2001-04-13");
    dates_of("Paid 03/04/2001; due 04/13/2001.", NULL, CONCUR_DATES_AUTO, b, sizeof b);
    assert_string_equal(b, "03/04/2001=2001-03-04; 04/13/2001=2001-04-13");
    /* version numbers and IP addresses are not dates */
    dates_of("Version 1.2.2003.4 at 10.1.1.1.", NULL, CONCUR_DATES_AUTO, b, sizeof b);
    assert_string_equal(b, "");
}

static void not_dates(void **st)
{
    (void)st;
    char b[512];
    dates_of("One may ask. Theresa May said so. They march. 1275 were taken hostage; 2000 soldiers left.", NULL,
             CONCUR_DATES_AUTO, b, sizeof b);
    assert_string_equal(b, "");
    dates_of("Children between 2 and 15 years old, a 15-year-old, and men in their 30s.", NULL,
             CONCUR_DATES_AUTO, b, sizeof b);
    assert_string_equal(b, "");
}

static void fuzzy_and_mods(void **st)
{
    (void)st;
    char b[512];
    dates_of("In late 1991, by the mid-1990s, at the end of 1993, about three weeks.", NULL, CONCUR_DATES_AUTO, b,
             sizeof b);
    assert_string_equal(b, "late 1991=1991/END; the mid-1990s=199X/MID; the end of 1993=1993/END; "
                           "about three weeks=P3W/APPROX");
}

static void days_and_clock_times(void **st)
{
    (void)st;
    char b[512];
    /* a day and a clock time written together are one TIME; a range keeps its start */
    dates_of("Call me tomorrow 8:00am, or next Monday 1-3 pm.", "2016-11-07", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "tomorrow 8:00am=2016-11-08T08:00; next Monday 1-3 pm=2016-11-14T13");
    /* a time with no day in its sentence stays date-less */
    dates_of("The blast came at 10:30 pm.", "2016-11-07", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "10:30 pm=T22:30");
    /* the day named later in the sentence dates it */
    dates_of("The blast came at 10:35 a.m. Friday.", "1998-08-08", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "10:35 a.m. Friday=1998-08-07T10:35");
    dates_of("The club meets each Monday at 4pm, and tonight around 7.", "2019-12-26", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "each Monday at 4pm=XXXX-WXX-1T16; tonight around 7=2019-12-26T19");
}

static void durations_placed(void **st)
{
    (void)st;
    char b[512];
    dates_of("I will leave in two weeks.", "2018-07-05", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "two weeks=2018-07-19");
    dates_of("Prices hit the highest level in two weeks, traders said.", "2018-07-05", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "two weeks=P2W");
    dates_of("It is due 4 months from tomorrow.", "2016-11-07", CONCUR_DATES_NEWS, b, sizeof b);
    assert_string_equal(b, "4 months from tomorrow=2017-03-08");
}

int run_dates_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(leap_days),
        cmocka_unit_test(iso_weeks_across_year_end),
        cmocka_unit_test(relative_shifts),
        cmocka_unit_test(weekdays_follow_tense),
        cmocka_unit_test(narrative_timeline),
        cmocka_unit_test(numeric_order_per_document),
        cmocka_unit_test(not_dates),
        cmocka_unit_test(fuzzy_and_mods),
        cmocka_unit_test(days_and_clock_times),
        cmocka_unit_test(durations_placed),
    };
    return cmocka_run_group_tests_name("dates", tests, NULL, NULL);
}
