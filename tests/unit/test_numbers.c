/* Unit tests of the number and quantity recogniser, through the public
 * API: the tricky readings (document decimal evidence, multipliers,
 * ranges, vague amounts, currencies, percentages, ordinals). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "concur.h"
#include "unit.h"

static concur_engine *num_engine;

static int setup(void **st)
{
    (void)st;
    num_engine = concur_engine_new(NULL, NULL);
    return num_engine ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    concur_engine_free(num_engine);
    return 0;
}

static concur_doc *doc(const char *s)
{
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = CONCUR_INPUT_TEXT;
    o.kinds = CONCUR_KIND_NUMBER | CONCUR_KIND_QUANTITY;
    concur_doc *d = concur_extract(num_engine, s, strlen(s), &o, NULL);
    assert_non_null(d);
    return d;
}

/* The number or quantity mention whose text is exactly `text`. */
static const concur_mention *find(const concur_doc *d, const char *text)
{
    for (size_t i = 0; i < concur_doc_count(d); i++) {
        const concur_mention *m = concur_doc_get(d, i);
        size_t n;
        const char *t = concur_mention_text(m, &n);
        if ((concur_mention_kind(m) & (CONCUR_KIND_NUMBER | CONCUR_KIND_QUANTITY)) && n == strlen(text) &&
            !memcmp(t, text, n))
            return m;
    }
    fail_msg("no mention \"%s\"", text);
    return NULL;
}

static void assert_value(const concur_mention *m, double want)
{
    double v = NAN;
    assert_true(concur_mention_value(m, &v));
    assert_true(fabs(v - want) <= 1e-9 * fmax(1, fabs(want)));
}

static void no_decimal_document_reads_thousands(void **st)
{
    (void)st;
    concur_doc *d = doc("1.275 people were taken hostage and more than 1.000 people were injured.");
    const concur_mention *m = find(d, "1.275");
    assert_value(m, 1275);
    assert_int_equal(concur_mention_alternative_count(m), 1);
    assert_true(fabs(concur_mention_alternative(m, 0) - 1.275) < 1e-12);
    m = find(d, "more than 1.000");
    double lo, hi;
    assert_true(concur_mention_min(m, &lo));
    assert_true(lo == 1000);
    assert_false(concur_mention_max(m, &hi));
    assert_int_equal(concur_mention_qualifier(m), CONCUR_QUAL_MORE_THAN);
    concur_doc_free(d);
}

static void decimal_document_reads_decimals(void **st)
{
    (void)st;
    /* the document writes "2.5": a lone "1.275" is a decimal, unless it counts people */
    concur_doc *d = doc("Growth was 2.5 points, the index 1.275 higher, and 1.275 people fled.");
    assert_value(find(d, "2.5"), 2.5);
    concur_doc *d2 = doc("The index was 1.275 higher after growth of 2.5 points.");
    assert_value(find(d2, "1.275"), 1.275);
    concur_doc_free(d2);
    /* two "1.275" in d: the one before "people" is 1275 */
    size_t n1275 = 0;
    for (size_t i = 0; i < concur_doc_count(d); i++) {
        double v;
        if (concur_mention_value(concur_doc_get(d, i), &v) && v == 1275) n1275++;
    }
    assert_int_equal(n1275, 1);
    concur_doc_free(d);
}

static void multipliers(void **st)
{
    (void)st;
    concur_doc *d = doc("It has 3.5 million residents, debts of $11.1bn and a loan of \xC2\xA3" "600m.");
    assert_value(find(d, "3.5 million"), 3500000);
    const concur_mention *m = find(d, "$11.1bn");
    assert_value(m, 11100000000.0);
    assert_string_equal(concur_mention_unit(m), "USD");
    assert_int_equal(concur_mention_kind(m), CONCUR_KIND_QUANTITY);
    m = find(d, "\xC2\xA3" "600m");
    assert_value(m, 600000000);
    assert_string_equal(concur_mention_unit(m), "GBP");
    concur_doc_free(d);
}

static void ranges(void **st)
{
    (void)st;
    concur_doc *d = doc("children between 2 and 15 years old");
    const concur_mention *m = find(d, "between 2 and 15 years old");
    double lo, hi, v;
    assert_false(concur_mention_value(m, &v));
    assert_true(concur_mention_min(m, &lo) && lo == 2);
    assert_true(concur_mention_max(m, &hi) && hi == 15);
    assert_int_equal(concur_mention_qualifier(m), CONCUR_QUAL_RANGE);
    assert_string_equal(concur_mention_unit(m), "age_year");
    concur_doc_free(d);
}

static void vague_amounts(void **st)
{
    (void)st;
    concur_doc *d = doc("dozens upon dozens of children and tens of thousands of people");
    const concur_mention *m = find(d, "dozens upon dozens");
    double v, lo;
    assert_false(concur_mention_value(m, &v));
    assert_true(concur_mention_min(m, &lo) && lo == 48);
    assert_int_equal(concur_mention_qualifier(m), CONCUR_QUAL_VAGUE);
    assert_true(concur_mention_approx(m));
    m = find(d, "tens of thousands");
    assert_true(concur_mention_min(m, &lo) && lo == 20000);
    concur_doc_free(d);
}

static void percent_and_ordinal(void **st)
{
    (void)st;
    concur_doc *d = doc("Karabakh is 14 per cent of the territory; the 366th regiment.");
    const concur_mention *m = find(d, "14 per cent");
    assert_value(m, 14);
    assert_string_equal(concur_mention_unit(m), "percent");
    assert_int_equal(concur_mention_kind(m), CONCUR_KIND_NUMBER);
    m = find(d, "366th");
    assert_value(m, 366);
    assert_true(concur_mention_ordinal(m));
    concur_doc_free(d);
}

static void words_and_approx(void **st)
{
    (void)st;
    concur_doc *d = doc("around 2,500 inhabitants, one hundred and three cars, two thirds of them");
    const concur_mention *m = find(d, "around 2,500");
    assert_value(m, 2500);
    assert_true(concur_mention_approx(m));
    assert_int_equal(concur_mention_qualifier(m), CONCUR_QUAL_ABOUT);
    assert_value(find(d, "one hundred and three"), 103);
    assert_value(find(d, "two thirds"), 2.0 / 3.0);
    concur_doc_free(d);
}

static void identifiers_are_not_numbers(void **st)
{
    (void)st;
    concur_doc *d = doc("Resolution 822 (No. 874) and Article 2 of the G7 text.[1] Call 555-1234-567 at 10:30.");
    for (size_t i = 0; i < concur_doc_count(d); i++)
        assert_false(concur_mention_kind(concur_doc_get(d, i)) & (CONCUR_KIND_NUMBER | CONCUR_KIND_QUANTITY));
    concur_doc_free(d);
}

int run_numbers_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_decimal_document_reads_thousands),
        cmocka_unit_test(decimal_document_reads_decimals),
        cmocka_unit_test(multipliers),
        cmocka_unit_test(ranges),
        cmocka_unit_test(vague_amounts),
        cmocka_unit_test(percent_and_ordinal),
        cmocka_unit_test(words_and_approx),
        cmocka_unit_test(identifiers_are_not_numbers),
    };
    return cmocka_run_group_tests_name("numbers", tests, setup, teardown);
}
