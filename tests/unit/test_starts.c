/* Unit tests of the start lists (src/recognize/starts.c): the tokens each
 * recogniser's scan walks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "internal.h"
#include "unit.h"

typedef struct listed {
    concur_engine *e;
    cc_vec toks, sents;
    cc_starts s;
    const char *text;
} listed;

static void list_text(listed *l, const char *text, unsigned want)
{
    l->text = text;
    assert_true(cc_segment(l->e, text, 0, strlen(text), &l->toks, &l->sents));
    assert_true(cc_starts_list(l->e, l->toks.data, l->toks.len, want, &l->s));
}

static void listed_open(listed *l)
{
    l->e = concur_engine_new(NULL, NULL);
    assert_non_null(l->e);
    cc_vec_init(&l->toks, sizeof(cc_token));
    cc_vec_init(&l->sents, sizeof(cc_sentence));
    l->s.all = NULL;
    l->s.cap = 0;
}

static void listed_close(listed *l)
{
    cc_starts_clear(&l->s);
    cc_vec_free(&l->toks);
    cc_vec_free(&l->sents);
    concur_engine_free(l->e);
}

/* Is the token spelled w in list k? */
static bool in_list(const listed *l, int k, const char *w)
{
    const cc_token *tk = l->toks.data;
    for (size_t q = 0; q < l->s.n[k]; q++) {
        const cc_token *t = &tk[l->s.at[k][q]];
        if (t->end - t->start == strlen(w) && !memcmp(l->text + t->start, w, strlen(w))) return true;
    }
    return false;
}

/* Every list in token order, and holding exactly the tokens whose word
 * carries its bit, and (dates, numbers) the numbers. */
static void check_lists(const listed *l, unsigned want)
{
    const cc_token *tk = l->toks.data;
    for (int k = 0; k < CC_START_KINDS; k++) {
        size_t q = 0;
        for (size_t i = 0; i < l->toks.len; i++) {
            bool num = tk[i].type == CC_TOK_NUM && k != CC_START_COUNT;
            bool expect = ((want >> k) & 1) && (((l->e->start_bits[tk[i].wid] >> k) & 1) || num);
            if (!expect) continue;
            assert_true(q < l->s.n[k]);
            assert_int_equal(l->s.at[k][q], i);
            q++;
        }
        assert_int_equal(q, l->s.n[k]);
    }
}

static void lists_hold_the_starts(void **st)
{
    (void)st;
    listed l;
    listed_open(&l);
    const unsigned all = cc_starts_wanted(CONCUR_KIND_ALL);
    list_text(&l, "In 1992 40 people were killed on 25 February. Some .5 of them walked to the city.", all);
    check_lists(&l, all);
    assert_true(in_list(&l, CC_START_DATE, "1992") && in_list(&l, CC_START_NUMBER, "1992"));
    assert_false(in_list(&l, CC_START_COUNT, "1992"));
    assert_true(in_list(&l, CC_START_DATE, "February"));
    assert_false(in_list(&l, CC_START_NUMBER, "February"));
    assert_true(in_list(&l, CC_START_COUNT, "killed"));
    assert_false(in_list(&l, CC_START_DATE, "killed"));
    /* the "." of ".5" is found by the number scan at the "5" */
    assert_true(in_list(&l, CC_START_NUMBER, "5"));
    assert_false(in_list(&l, CC_START_NUMBER, "."));
    for (int k = 0; k < CC_START_KINDS; k++) assert_false(in_list(&l, k, "walked"));
    listed_close(&l);
}

static void lists_for_the_kinds_asked(void **st)
{
    (void)st;
    assert_int_equal(cc_starts_wanted(CONCUR_KIND_DATE), 1u << CC_START_DATE);
    assert_int_equal(cc_starts_wanted(CONCUR_KIND_QUANTITY), (1u << CC_START_DATE) | (1u << CC_START_NUMBER));
    assert_int_equal(cc_starts_wanted(CONCUR_KIND_COUNT), (1u << CC_START_KINDS) - 1);
    listed l;
    listed_open(&l);
    const char *text = "On 25 February 2 people were killed; a year later, three more.";
    list_text(&l, text, cc_starts_wanted(CONCUR_KIND_DATE));
    check_lists(&l, 1u << CC_START_DATE);
    assert_int_equal(l.s.n[CC_START_NUMBER], 0);
    assert_int_equal(l.s.n[CC_START_COUNT], 0);
    size_t nd = l.s.n[CC_START_DATE];
    assert_true(nd >= 3);
    list_text(&l, text, cc_starts_wanted(CONCUR_KIND_NUMBER));
    check_lists(&l, cc_starts_wanted(CONCUR_KIND_NUMBER));
    assert_int_equal(l.s.n[CC_START_DATE], nd);
    assert_int_equal(l.s.n[CC_START_COUNT], 0);
    listed_close(&l);
}

static void lists_of_long_and_short_paragraphs(void **st)
{
    (void)st;
    listed l;
    listed_open(&l);
    const unsigned all = cc_starts_wanted(CONCUR_KIND_ALL);
    /* 3,000 numbers: past the block inside cc_starts */
    size_t n = 3000;
    char *big = malloc(2 * n + 1);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++) memcpy(big + 2 * i, "7 ", 2);
    big[2 * n - 1] = 0;
    list_text(&l, big, all);
    assert_int_equal(l.s.n[CC_START_DATE], n);
    assert_int_equal(l.s.n[CC_START_NUMBER], n);
    assert_int_equal(l.s.n[CC_START_COUNT], 0);
    assert_int_equal(l.s.at[CC_START_NUMBER][n - 1], n - 1);
    /* then a short one in the same memory, then none at all */
    list_text(&l, "Two were killed in 2001.", all);
    check_lists(&l, all);
    list_text(&l, "", all);
    for (int k = 0; k < CC_START_KINDS; k++) assert_int_equal(l.s.n[k], 0);
    free(big);
    listed_close(&l);
}

int run_starts_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lists_hold_the_starts),
        cmocka_unit_test(lists_for_the_kinds_asked),
        cmocka_unit_test(lists_of_long_and_short_paragraphs),
    };
    return cmocka_run_group_tests_name("starts", tests, NULL, NULL);
}
