/* Unit tests of the count claims through the public API: structure (parts
 * and their parent), attribution, negation and modality, not-counts, the
 * GKG writer. The case file tests/spec/counts_cases.txt covers many more
 * sentences through the command. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "concur.h"
#include "unit.h"

static concur_engine *engine;

static int setup(void **st)
{
    (void)st;
    engine = concur_engine_new(NULL, NULL);
    return engine ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    concur_engine_free(engine);
    return 0;
}

static concur_doc *extract(const char *s)
{
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = CONCUR_INPUT_TEXT;
    o.kinds = CONCUR_KIND_COUNT;
    concur_doc *d = concur_extract(engine, s, strlen(s), &o, NULL);
    assert_non_null(d);
    return d;
}

/* The i-th count mention (counts only were asked for). */
static const concur_mention *count_at(const concur_doc *d, size_t i)
{
    size_t k = 0;
    for (size_t j = 0; j < concur_doc_count(d); j++) {
        const concur_mention *m = concur_doc_get(d, j);
        if (concur_mention_kind(m) != CONCUR_KIND_COUNT) continue;
        if (k++ == i) return m;
    }
    return NULL;
}

static size_t ncounts(const concur_doc *d)
{
    size_t n = 0;
    for (size_t j = 0; j < concur_doc_count(d); j++)
        n += concur_mention_kind(concur_doc_get(d, j)) == CONCUR_KIND_COUNT;
    return n;
}

static void assert_text(const concur_mention *m, const char *want)
{
    size_t n;
    const char *t = concur_mention_text(m, &n);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(t, want, n);
}

static void parts_point_to_the_whole(void **st)
{
    (void)st;
    concur_doc *d = extract("According to the official data, 613 civilians were massacred including "
                            "106 women, 63 children and 70 elderly people.");
    assert_int_equal(ncounts(d), 4);
    const concur_mention *whole = count_at(d, 0);
    assert_text(whole, "613 civilians");
    assert_string_equal(concur_mention_category(whole), "killed");
    assert_string_equal(concur_mention_group(whole), "civilians");
    assert_string_equal(concur_mention_attribution(whole), "official data");
    assert_null(concur_mention_parent(whole));
    static const char *const groups[] = {"women", "children", "elderly"};
    static const double values[] = {106, 63, 70};
    for (size_t i = 1; i < 4; i++) {
        const concur_mention *m = count_at(d, i);
        assert_ptr_equal(concur_mention_parent(m), whole);
        assert_string_equal(concur_mention_group(m), groups[i - 1]);
        double v;
        assert_true(concur_mention_value(m, &v));
        assert_true(v == values[i - 1]);
        assert_string_equal(concur_mention_attribution(m), "official data");
    }
    concur_doc_free(d);
}

static void either_order_and_distance(void **st)
{
    (void)st;
    concur_doc *d = extract("1275 were taken hostage, while the fate of another 150 people remains unknown. "
                            "A helicopter was brought down over the city of Shusha, killing 40 people.");
    assert_int_equal(ncounts(d), 3);
    assert_string_equal(concur_mention_category(count_at(d, 0)), "hostage");
    assert_string_equal(concur_mention_group(count_at(d, 0)), "people");
    assert_null(concur_mention_group_text(count_at(d, 0)));
    assert_string_equal(concur_mention_category(count_at(d, 1)), "missing");
    const concur_mention *k = count_at(d, 2);
    assert_string_equal(concur_mention_category(k), "killed");
    assert_string_equal(concur_mention_place(k), "Shusha");
    concur_doc_free(d);
}

static void negation_is_zero_and_modality_hedges(void **st)
{
    (void)st;
    concur_doc *d = extract("No one was killed. The rebels threatened to kill 40 hostages. "
                            "The strike could have killed 200 people.");
    assert_int_equal(ncounts(d), 2);
    double v = -1;
    assert_true(concur_mention_value(count_at(d, 0), &v));
    assert_true(v == 0);
    assert_false(concur_mention_hedged(count_at(d, 0)));
    assert_true(concur_mention_hedged(count_at(d, 1)));
    concur_doc_free(d);
}

static void vague_amounts_have_bounds_only(void **st)
{
    (void)st;
    concur_doc *d = extract("The conflict caused thousands of causalities on both sides.");
    assert_int_equal(ncounts(d), 1);
    const concur_mention *m = count_at(d, 0);
    double v;
    assert_false(concur_mention_value(m, &v));
    assert_true(concur_mention_min(m, &v));
    assert_true(v == 2000);
    assert_false(concur_mention_max(m, &v));
    assert_int_equal(concur_mention_qualifier(m), CONCUR_QUAL_VAGUE);
    assert_string_equal(concur_mention_category(m), "casualties");
    concur_doc_free(d);
}

static void not_counts(void **st)
{
    (void)st;
    concur_doc *d = extract("Khojaly had a population of 7,000. The 366th Motorized Infantry Regiment "
                            "moved in. Resolution 853 was adopted. It is 14 per cent of the land.");
    assert_int_equal(ncounts(d), 0);
    concur_doc_free(d);
}

static int collect(void *user, const char *bytes, size_t len)
{
    char **s = user;
    size_t old = *s ? strlen(*s) : 0;
    char *n = realloc(*s, old + len + 1);
    if (!n) return 1;
    memcpy(n + old, bytes, len);
    n[old + len] = 0;
    *s = n;
    return 0;
}

static void gkg_record(void **st)
{
    (void)st;
    concur_doc *d = extract("At least 12 people were killed and 30 wounded in the town of Dera.");
    char *out = NULL;
    assert_int_equal(concur_doc_write(d, CONCUR_FORMAT_GKG, 0, false, collect, &out), 0);
    assert_non_null(out);
    assert_non_null(strstr(out, "\tKILL#12#people#"));
    assert_non_null(strstr(out, ";WOUND#30#people#"));
    /* 27 tab-separated fields, one line */
    size_t tabs = 0, lines = 0;
    for (const char *p = out; *p; p++) tabs += *p == '\t', lines += *p == '\n';
    assert_int_equal(tabs, 26);
    assert_int_equal(lines, 1);
    free(out);
    concur_doc_free(d);
}

int run_counts_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parts_point_to_the_whole),
        cmocka_unit_test(either_order_and_distance),
        cmocka_unit_test(negation_is_zero_and_modality_hedges),
        cmocka_unit_test(vague_amounts_have_bounds_only),
        cmocka_unit_test(not_counts),
        cmocka_unit_test(gkg_record),
    };
    return cmocka_run_group_tests_name("counts", tests, setup, teardown);
}
