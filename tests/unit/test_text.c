/* Unit tests of the text layer: UTF-8, normalisation, offset map,
 * paragraphs, sentences, tokens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "internal.h"
#include "unit.h"

static concur_doc *doc_of(const char *s)
{
    concur_engine *e = concur_engine_new(NULL, NULL);
    assert_non_null(e);
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = CONCUR_INPUT_TEXT;
    concur_doc *d = concur_extract(e, s, strlen(s), &o, NULL);
    assert_non_null(d);
    concur_engine_free(e);   /* the doc does not need the engine after extract */
    return d;
}

static void invalid_utf8_replaced(void **st)
{
    (void)st;
    concur_doc *d = doc_of("a" "\xff" "b " "\xe2\x82" " c");
    size_t n;
    const char *t = concur_doc_text(d, &n);
    assert_string_equal(t, "a\xEF\xBF\xBD" "b \xEF\xBF\xBD c");
    /* the replacement maps back to the bad byte */
    assert_int_equal(concur_doc_source_offset(d, 1), 1);
    assert_int_equal(concur_doc_source_offset(d, 4), 2);
    assert_int_equal(concur_doc_warning_count(d), 1);
    concur_doc_free(d);
}

static void typographic_variants(void **st)
{
    (void)st;
    /* curly quotes, en dash, no-break space, soft hyphen, ligature */
    concur_doc *d = doc_of("\xE2\x80\x9C" "five" "\xE2\x80\x9D" " 25" "\xE2\x80\x93" "26" "\xC2\xA0" "Feb co" "\xC2\xAD" "op " "\xEF\xAC\x81" "ve");
    assert_string_equal(concur_doc_text(d, NULL), "\"five\" 25-26 Feb coop five");
    concur_doc_free(d);
}

static void offsets_survive_cleaning(void **st)
{
    (void)st;
    const char *src = "  x\xE2\x80\x94  y\n\nz";
    concur_doc *d = doc_of(src);
    const char *t = concur_doc_text(d, NULL);
    assert_string_equal(t, "x- y\n\nz");
    assert_int_equal(concur_doc_source_offset(d, 0), 2);   /* x */
    assert_int_equal(concur_doc_source_offset(d, 1), 3);   /* the dash's 3 bytes */
    assert_int_equal(concur_doc_source_offset(d, 3), 8);   /* y */
    assert_int_equal(concur_doc_source_offset(d, 6), 11);  /* z */
    concur_doc_free(d);
}

static void wrapped_lines_rejoined(void **st)
{
    (void)st;
    const char *src =
        "The first line of a paragraph that was wrapped at a fixed width by\n"
        "the program that made the text, and it goes on for a while longer so\n"
        "that the wrapping is plain to see, with a newly-\n"
        "independent country.\n"
        "A second paragraph starts here after a short line that ended above.\n"
        "It also wraps at the same width as the lines before it did, which is\n"
        "the sign of hard wrapping in the text.\n";
    concur_doc *d = doc_of(src);
    const char *t = concur_doc_text(d, NULL);
    assert_non_null(strstr(t, "made the text, and it goes"));
    assert_non_null(strstr(t, "newly-independent country.\n\nA second"));
    concur_doc_free(d);
}

static size_t sentences_of(const char *s, cc_vec *toks, cc_vec *sents)
{
    concur_engine *e = concur_engine_new(NULL, NULL);
    cc_vec_init(toks, sizeof(cc_token));
    cc_vec_init(sents, sizeof(cc_sentence));
    assert_true(cc_segment(e, s, 0, strlen(s), toks, sents));
    concur_engine_free(e);
    return sents->len;
}

static void sentence_boundaries(void **st)
{
    (void)st;
    cc_vec t, s;
    assert_int_equal(sentences_of("Dr. Smith met Mr. J. Jones in the U.S. capital. He left.", &t, &s), 2);
    cc_vec_free(&t); cc_vec_free(&s);
    assert_int_equal(sentences_of("Resolution No. 822 was passed on Jan. 5 in 1993. It said 1.275 people.", &t, &s), 2);
    cc_vec_free(&t); cc_vec_free(&s);
    assert_int_equal(sentences_of("They were left orphaned.[1] The report said so... Then \"Yes.\" He went.", &t, &s), 4);
    cc_vec_free(&t); cc_vec_free(&s);
    assert_int_equal(sentences_of("It cost 3.5 million. prices rose", &t, &s), 1);
    cc_vec_free(&t); cc_vec_free(&s);
}

static void tokens_have_types(void **st)
{
    (void)st;
    cc_vec t, s;
    sentences_of("Khojaly's 366th \xC3\xA9t\xC3\xA9 1,275", &t, &s);
    cc_token *k = t.data;
    assert_int_equal(t.len, 9);  /* Khojaly ' s 366 th été 1 , 275 */
    assert_int_equal(k[0].type, CC_TOK_WORD);
    assert_int_equal(k[1].type, CC_TOK_PUNCT);
    assert_int_equal(k[3].type, CC_TOK_NUM);
    assert_int_equal(k[4].type, CC_TOK_WORD);
    assert_int_equal(k[4].flags & CC_TF_SPACE_BEFORE, 0);
    assert_int_equal(k[5].type, CC_TOK_WORD);
    assert_int_equal(k[5].end - k[5].start, 5);
    cc_vec_free(&t); cc_vec_free(&s);
}

int run_text_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(invalid_utf8_replaced),
        cmocka_unit_test(typographic_variants),
        cmocka_unit_test(offsets_survive_cleaning),
        cmocka_unit_test(wrapped_lines_rejoined),
        cmocka_unit_test(sentence_boundaries),
        cmocka_unit_test(tokens_have_types),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
