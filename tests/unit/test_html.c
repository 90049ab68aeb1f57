/* Unit tests of the HTML ingest: charset sniffing and conversion with its
 * map, the residue lexicon, text and offsets of small pages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/html_int.h"
#include "unit.h"

static void conv_identity_for_valid_utf8(void **st)
{
    (void)st;
    const char *s = "<p>caf\xc3\xa9</p>";
    cc_conv c;
    assert_true(cc_conv_page(s, strlen(s), &c));
    assert_true(c.identity);
    assert_ptr_equal(c.buf, s);
    assert_string_equal(c.charset, "utf-8");
    assert_false(c.had_invalid);
    cc_conv_free(&c);
}

static void conv_windows_1252_maps_back(void **st)
{
    (void)st;
    /* "\x93" is a left double quote in Windows-1252; iso-8859-1 reads as it */
    const char *s = "<meta charset=\"ISO-8859-1\"><p>\x93" "caf\xe9\x94 7</p>";
    cc_conv c;
    assert_true(cc_conv_page(s, strlen(s), &c));
    assert_false(c.identity);
    assert_string_equal(c.charset, "windows-1252");
    const char *p = strstr(c.buf, "<p>") + 3;
    assert_memory_equal(p, "\xe2\x80\x9c" "caf\xc3\xa9" "\xe2\x80\x9d 7", 13);
    size_t at = (size_t)(p - c.buf);
    size_t src_p = (size_t)(strstr(s, "<p>") - s) + 3;
    assert_int_equal(cc_conv_orig(&c, at), src_p);             /* the quote: one byte */
    assert_int_equal(cc_conv_orig_end(&c, at + 3), src_p + 1);
    assert_int_equal(cc_conv_orig(&c, at + 3), src_p + 1);     /* "c" */
    assert_int_equal(cc_conv_orig(&c, at + 6), src_p + 4);     /* e-acute: 2 bytes -> 1 */
    assert_int_equal(cc_conv_orig_end(&c, at + 8), src_p + 5);
    assert_int_equal(cc_conv_orig(&c, at + 12), src_p + 7);    /* "7" */
    cc_conv_free(&c);
}

static void conv_invalid_utf8_and_nul(void **st)
{
    (void)st;
    const char s[] = "<p>a\xff" "b\0c</p>";
    cc_conv c;
    assert_true(cc_conv_page(s, sizeof s - 1, &c));
    assert_true(c.had_invalid);
    assert_int_equal(c.first_invalid, 4);
    assert_string_equal(c.buf, "<p>a\xef\xbf\xbd" "b\xef\xbf\xbd" "c</p>");
    assert_int_equal(cc_conv_orig(&c, 4), 4);
    assert_int_equal(cc_conv_orig(&c, 7), 5);
    assert_int_equal(cc_conv_orig(&c, 11), 7);
    cc_conv_free(&c);
}

static void conv_http_equiv_and_bom(void **st)
{
    (void)st;
    const char *a = "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"><p>\xcc\xe8\xf0</p>";
    cc_conv c;
    assert_true(cc_conv_page(a, strlen(a), &c));
    assert_string_equal(c.charset, "windows-1251");
    assert_non_null(strstr(c.buf, "\xd0\x9c\xd0\xb8\xd1\x80"));   /* "Mir" in Cyrillic */
    cc_conv_free(&c);
    const char *b = "\xef\xbb\xbf<meta charset=latin1><p>x</p>";
    assert_true(cc_conv_page(b, strlen(b), &c));
    assert_string_equal(c.charset, "utf-8");                  /* the BOM wins */
    assert_int_equal(cc_conv_orig(&c, 0), 3);
    cc_conv_free(&c);
}

static void residue_lexicon(void **st)
{
    (void)st;
    const cc_lexicon *rx = cc_lexicon_get("residue");
    assert_non_null(rx);
    assert_true(cc_residue_match(rx, "Error message", 13));
    assert_true(cc_residue_match(rx, "  Advertisement  ", 17));
    assert_true(cc_residue_match(rx, "Missing or incomplete installation of the jReject library! Please follow", 72));
    assert_false(cc_residue_match(rx, "An error message was shown to 3 users.", 38));
    assert_false(cc_residue_match(rx, "Advertisements were banned in 1992.", 35));
    assert_false(cc_residue_match(rx, "", 0));
    /* a NUL inside (binary-ish text) is never residue, and never read past */
    assert_false(cc_residue_match(rx, "share\0xx", 8));
    assert_false(cc_residue_match(rx, "error message\0", 14));
}

static cc_text ingest(const char *s)
{
    cc_text t;
    cc_text_init(&t);
    assert_true(cc_ingest_html(s, strlen(s), &t, NULL));
    assert_true(cc_text_finish(&t));
    return t;
}

static void entity_maps_to_its_bytes(void **st)
{
    (void)st;
    const char *s = "<html><body><p>Jo&#8217;s 5&nbsp;000 &amp; more</p></body></html>";
    cc_text t = ingest(s);
    assert_string_equal(t.out.data, "Jo's 5 000 & more");
    size_t q = (size_t)(strstr(s, "&#8217;") - s);
    assert_int_equal(cc_text_src(&t, 2), q);                 /* ' -> &#8217; */
    assert_int_equal(cc_text_src_end(&t, 3), q + 7);
    size_t amp = (size_t)(strstr(s, "&amp;") - s);
    assert_int_equal(cc_text_src(&t, 11), amp);
    assert_int_equal(cc_text_src_end(&t, 12), amp + 5);
    assert_int_equal(cc_text_src(&t, 13), (size_t)(strstr(s, "more") - s));
    cc_text_free(&t);
}

static void blocks_and_roles(void **st)
{
    (void)st;
    const char *s = "<body><div><h1>Title</h1><p>One <b>bold</b>word.</p><h2>Sub</h2>"
                    "<figure><figcaption>Cap</figcaption></figure><p>Two<br>Three</p></div></body>";
    cc_text t = ingest(s);
    assert_string_equal(t.out.data, "One boldword.\n\nSub\n\nCap\n\nTwo\n\nThree");
    assert_int_equal(t.paras.len, 5);
    const cc_text_mark *mk = t.marks.data;
    bool heading = false, caption = false;
    for (size_t i = 0; i < t.marks.len; i++) {
        if (mk[i].role == CC_ROLE_HEADING && mk[i].start == 15) heading = true;
        if (mk[i].role == CC_ROLE_CAPTION && mk[i].start == 20) caption = true;
    }
    assert_true(heading);
    assert_true(caption);
    cc_text_free(&t);
}

static void empty_and_tagless(void **st)
{
    (void)st;
    cc_text t = ingest("");
    assert_int_equal(t.out.len, 0);
    cc_text_free(&t);
    t = ingest("just text, no tags, 42 of them");
    assert_string_equal(t.out.data, "just text, no tags, 42 of them");
    assert_int_equal(cc_text_src(&t, 20), 20);
    cc_text_free(&t);
}

/* The publication date a page states (html_pubdate.tsv), through the
 * public API: "" when none, the given reference date always first. */
static const char *pubdate_of(concur_engine *e, const char *html, const char *given, char *out)
{
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = CONCUR_INPUT_HTML;
    o.ref_date = given;
    concur_doc *d = concur_extract(e, html, strlen(html), &o, NULL);
    assert_non_null(d);
    strcpy(out, concur_doc_ref_date(d));
    concur_doc_free(d);
    return out;
}

static void publication_date(void **st)
{
    (void)st;
    concur_engine *e = concur_engine_new(NULL, NULL);
    assert_non_null(e);
    char b[16];
    const char *body = "<body><p>Yesterday 12 people were killed.</p></body>";
    char page[1024];
    /* meta article:published_time outranks JSON-LD, wherever it comes */
    snprintf(page, sizeof page, "<head><script type=\"application/ld+json\">{\"headline\":\"a \\\"quoted\\\" "
             "headline longer than forty characters, with \\\"datePublished\\\": \\\"1999-01-01\\\" in it\","
             "\"datePublished\":\"2018-01-02T00:00:00Z\"}</script>"
             "<meta property=\"article:published_time\" content=\"2019-11-20T06:35:39Z\"></head>%s", body);
    assert_string_equal(pubdate_of(e, page, NULL, b), "2019-11-20");
    /* JSON-LD alone: the member, not a look-alike inside a string */
    snprintf(page, sizeof page, "<head><script type=\"application/ld+json\">{\"headline\":\"a \\\"quoted\\\" "
             "headline longer than forty characters, with \\\"datePublished\\\": \\\"1999-01-01\\\" in it\","
             "\"datePublished\" : \"2018-01-02T00:00:00Z\"}</script></head>%s", body);
    assert_string_equal(pubdate_of(e, page, NULL, b), "2018-01-02");
    /* a date in words */
    snprintf(page, sizeof page, "<meta name=\"pubdate\" content=\"November 20, 2019 13:42\">%s", body);
    assert_string_equal(pubdate_of(e, page, NULL, b), "2019-11-20");
    snprintf(page, sizeof page, "<time datetime=\"Tue Nov 19 2019 05:44:06 GMT+0000\">x</time>%s", body);
    assert_string_equal(pubdate_of(e, page, NULL, b), "2019-11-19");
    /* placeholders and nonsense are not dates */
    snprintf(page, sizeof page, "<meta itemprop=\"datePublished\" content=\"0001-01-01T00:00:00Z\">"
             "<meta property=\"article:published_time\" content=\"2019-13-40\">%s", body);
    assert_string_equal(pubdate_of(e, page, NULL, b), "");
    /* a given reference date always wins */
    snprintf(page, sizeof page, "<meta property=\"article:published_time\" content=\"2019-11-20\">%s", body);
    assert_string_equal(pubdate_of(e, page, "2001-02-03", b), "2001-02-03");
    /* and the page's date is what relative dates resolve against */
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = CONCUR_INPUT_HTML;
    concur_doc *d = concur_extract(e, page, strlen(page), &o, NULL);
    assert_non_null(d);
    bool found = false;
    for (size_t i = 0; i < concur_doc_count(d); i++) {
        const concur_mention *m = concur_doc_get(d, i);
        if (concur_mention_kind(m) == CONCUR_KIND_DATE) {
            assert_string_equal(concur_mention_timex_value(m), "2019-11-19");
            found = true;
        }
    }
    assert_true(found);
    concur_doc_free(d);
    /* a page without metadata */
    assert_string_equal(pubdate_of(e, "published_time 2019-11-20", NULL, b), "");
    concur_engine_free(e);
}

int run_html_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(conv_identity_for_valid_utf8),
        cmocka_unit_test(conv_windows_1252_maps_back),
        cmocka_unit_test(conv_invalid_utf8_and_nul),
        cmocka_unit_test(conv_http_equiv_and_bom),
        cmocka_unit_test(residue_lexicon),
        cmocka_unit_test(entity_maps_to_its_bytes),
        cmocka_unit_test(blocks_and_roles),
        cmocka_unit_test(empty_and_tagless),
        cmocka_unit_test(publication_date),
    };
    return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
