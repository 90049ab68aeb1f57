/* Unit tests of the public API (include/concur.h only): engine and
 * document lifecycle and ownership, errors returned and never printed, the
 * readers on good and bad JSON Lines, mention accessors, offsets that map
 * to the exact input bytes through multibyte and normalised characters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "concur.h"
#include "unit.h"

static concur_engine *engine(void)
{
    concur_error err;
    memset(&err, 0, sizeof err);
    concur_engine *e = concur_engine_new(NULL, &err);
    assert_non_null(e);
    assert_int_equal(err.code, CONCUR_OK);
    return e;
}

static concur_doc *extract_kinds(concur_engine *e, const char *s, size_t n, unsigned kinds)
{
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = CONCUR_INPUT_TEXT;
    o.kinds = kinds;
    concur_error err;
    concur_doc *d = concur_extract(e, s, n, &o, &err);
    assert_non_null(d);
    return d;
}

/* The number mention whose input text is `want`, or NULL. */
static const concur_mention *find_text(const concur_doc *d, const char *want)
{
    for (size_t i = 0; i < concur_doc_count(d); i++) {
        const concur_mention *m = concur_doc_get(d, i);
        size_t n;
        const char *t = concur_mention_text(m, &n);
        if (concur_mention_kind(m) == CONCUR_KIND_NUMBER && n == strlen(want) && !memcmp(t, want, n)) return m;
    }
    return NULL;
}

/* ---- stderr/stdout capture: the library must never print --------------- */

typedef struct capture {
    int saved_out, saved_err;
    FILE *f;
} capture;

static void capture_start(capture *c)
{
    fflush(stdout);
    fflush(stderr);
    c->f = tmpfile();
    assert_non_null(c->f);
    c->saved_out = dup(1);
    c->saved_err = dup(2);
    dup2(fileno(c->f), 1);
    dup2(fileno(c->f), 2);
}

static long capture_end(capture *c)
{
    fflush(stdout);
    fflush(stderr);
    dup2(c->saved_out, 1);
    dup2(c->saved_err, 2);
    close(c->saved_out);
    close(c->saved_err);
    fseek(c->f, 0, SEEK_END);
    long n = ftell(c->f);
    fclose(c->f);
    return n;
}

/* ------------------------------------------------------------------ tests */

static void names_and_parsers(void **st)
{
    (void)st;
    assert_string_equal(concur_version(), CONCUR_VERSION);
    assert_int_equal(concur_kinds_parse("number"), CONCUR_KIND_NUMBER);
    assert_int_equal(concur_kinds_parse("date,count"), CONCUR_KIND_DATE | CONCUR_KIND_COUNT);
    assert_int_equal(concur_kinds_parse("all"), CONCUR_KIND_ALL);
    assert_int_equal(concur_kinds_parse("number,bogus"), 0);
    assert_int_equal(concur_kinds_parse("numbers"), 0);
    assert_int_equal(concur_kinds_parse("num"), 0);
    assert_string_equal(concur_kind_name(CONCUR_KIND_QUANTITY), "quantity");
    assert_string_equal(concur_kind_name(CONCUR_KIND_COUNT), "count");
    assert_int_equal(concur_input_parse("jsonl"), CONCUR_INPUT_JSONL);
    assert_int_equal(concur_input_parse("auto"), CONCUR_INPUT_AUTO);
    assert_int_equal(concur_input_parse("JSONL"), -1);
    assert_int_equal(concur_input_parse("pdf"), -1);
    assert_null(concur_qualifier_name(CONCUR_QUAL_NONE));
    assert_string_equal(concur_qualifier_name(CONCUR_QUAL_MORE_THAN), "more_than");
    assert_string_equal(concur_qualifier_name(CONCUR_QUAL_VAGUE), "vague");
    assert_null(concur_qualifier_name((concur_qualifier)99));
}

static void input_detection(void **st)
{
    (void)st;
    assert_int_equal(concur_input_detect("a.jsonl", "x", 1), CONCUR_INPUT_JSONL);
    assert_int_equal(concur_input_detect("dir/a.NDJSON", "x", 1), CONCUR_INPUT_JSONL);
    assert_int_equal(concur_input_detect("a.HTM", "x", 1), CONCUR_INPUT_HTML);
    assert_int_equal(concur_input_detect("a.warc.gz", "x", 1), CONCUR_INPUT_WARC);
    assert_int_equal(concur_input_detect("a.txt", "plain", 5), CONCUR_INPUT_TEXT);
    assert_int_equal(concur_input_detect(NULL, "  <!DOCTYPE html><p>", 20), CONCUR_INPUT_HTML);
    assert_int_equal(concur_input_detect(NULL, "\xEF\xBB\xBF<html>", 9), CONCUR_INPUT_HTML);
    assert_int_equal(concur_input_detect(NULL, "< 5 people", 10), CONCUR_INPUT_TEXT);
    assert_int_equal(concur_input_detect(NULL, "<htm", 4), CONCUR_INPUT_TEXT);
    assert_int_equal(concur_input_detect(NULL, "", 0), CONCUR_INPUT_TEXT);
}

static void errors_are_values_never_printed(void **st)
{
    (void)st;
    capture c;
    capture_start(&c);
    concur_error err;
    memset(&err, 0, sizeof err);
    /* no engine */
    concur_doc *d = concur_extract(NULL, "x", 1, NULL, &err);
    int code1 = err.code;
    /* NULL error pointer is allowed */
    concur_doc *d2 = concur_extract(NULL, "x", 1, NULL, NULL);
    /* a limit on the document size */
    concur_options opt;
    concur_options_default(&opt);
    opt.max_document_bytes = 10;
    concur_engine *small = concur_engine_new(&opt, &err);
    concur_error err2;
    memset(&err2, 0, sizeof err2);
    concur_doc *d3 = concur_extract(small, "0123456789A", 11, NULL, &err2);
    concur_doc *d4 = concur_extract(small, "0123456789", 10, NULL, NULL);
    /* bad JSON Lines and a broken WARC */
    concur_error err3;
    memset(&err3, 0, sizeof err3);
    concur_reader *w = concur_reader_new("x", 1, CONCUR_INPUT_WARC, "a.warc", &err3);
    concur_record wrec;
    concur_error err5;
    memset(&err5, 0, sizeof err5);
    int kw = concur_reader_next(w, &wrec, &err5);
    int kw2 = concur_reader_next(w, &wrec, &err5);
    concur_reader *r = concur_reader_new("nope\n", 5, CONCUR_INPUT_JSONL, NULL, NULL);
    concur_record rec;
    concur_error err4;
    memset(&err4, 0, sizeof err4);
    int k = concur_reader_next(r, &rec, &err4);
    int k2 = concur_reader_next(r, &rec, NULL);
    long printed = capture_end(&c);

    assert_int_equal(printed, 0);
    assert_null(d);
    assert_null(d2);
    assert_int_equal(code1, CONCUR_ERR_USAGE);
    assert_non_null(small);
    assert_null(d3);
    assert_int_equal(err2.code, CONCUR_ERR_TOO_LARGE);
    assert_non_null(err2.message);
    assert_non_null(strstr(err2.message, "larger than the limit"));
    assert_non_null(d4);   /* exactly at the limit: accepted */
    assert_non_null(w);   /* a WARC that is not one: an error per record, not a crash */
    assert_int_equal(err3.code, 0);
    assert_int_equal(kw, -1);
    assert_int_equal(err5.code, CONCUR_ERR_INPUT);
    assert_non_null(strstr(err5.message, "record 1: not a WARC record header"));
    assert_int_equal(kw2, 0);
    concur_reader_free(w);
    assert_non_null(r);
    assert_int_equal(k, -1);
    assert_int_equal(err4.code, CONCUR_ERR_INPUT);
    assert_non_null(strstr(err4.message, "line 1"));
    assert_int_equal(k2, 0);
    concur_reader_free(r);
    concur_doc_free(d4);
    concur_engine_free(small);
    /* freeing NULL is a no-op */
    concur_doc_free(NULL);
    concur_engine_free(NULL);
    concur_reader_free(NULL);
}

static void document_owns_its_copies(void **st)
{
    (void)st;
    concur_engine *e = engine();
    char *bytes = strdup("He counted 37 and then 512.");
    char id[16] = "doc-1";
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = CONCUR_INPUT_TEXT;
    o.id = id;
    o.kinds = CONCUR_KIND_NUMBER;
    concur_doc *d = concur_extract(e, bytes, strlen(bytes), &o, NULL);
    assert_non_null(d);
    /* the caller's buffers may change or go away: the doc has copies */
    memset(bytes, 'x', strlen(bytes));
    free(bytes);
    strcpy(id, "changed");
    concur_engine_free(e);  /* the doc does not use the engine after extract */
    assert_string_equal(concur_doc_id(d), "doc-1");
    const concur_mention *m = find_text(d, "512");
    assert_non_null(m);
    size_t n;
    assert_memory_equal(concur_mention_text(m, &n), "512", 3);
    assert_int_equal(n, 3);
    size_t tl;
    const char *t = concur_doc_text(d, &tl);
    assert_int_equal(tl, strlen("He counted 37 and then 512."));
    assert_int_equal(t[tl], 0);
    concur_doc_free(d);
}

static void empty_and_null_input(void **st)
{
    (void)st;
    concur_engine *e = engine();
    concur_error err;
    concur_doc *d = concur_extract(e, NULL, 0, NULL, &err);
    assert_non_null(d);
    assert_int_equal(concur_doc_count(d), 0);
    assert_null(concur_doc_get(d, 0));
    size_t n = 99;
    assert_string_equal(concur_doc_text(d, &n), "");
    assert_int_equal(n, 0);
    assert_string_equal(concur_doc_id(d), "");
    assert_int_equal(concur_doc_warning_count(d), 0);
    assert_null(concur_doc_warning(d, 0));
    concur_doc_free(d);
    d = concur_extract(e, " \n\n\t ", 5, NULL, &err);
    assert_non_null(d);
    assert_int_equal(concur_doc_count(d), 0);
    concur_doc_free(d);
    concur_engine_free(e);
}

static void mention_accessors(void **st)
{
    (void)st;
    concur_engine *e = engine();
    const char *s = "One line here. Then he counted 37 and 512.";
    concur_doc *d = extract_kinds(e, s, strlen(s), CONCUR_KIND_NUMBER);
    const concur_mention *m = find_text(d, "37");
    assert_non_null(m);
    assert_int_equal(concur_mention_kind(m), CONCUR_KIND_NUMBER);
    assert_int_equal(concur_mention_start(m), 31);
    assert_int_equal(concur_mention_end(m), 33);
    assert_int_equal(concur_mention_sentence(m), 1);
    double v = 0, lo = 0, hi = 0;
    assert_true(concur_mention_value(m, &v));
    assert_true(concur_mention_min(m, &lo));
    assert_true(concur_mention_max(m, &hi));
    assert_true(v == 37 && lo == 37 && hi == 37);
    assert_true(concur_mention_value(m, NULL));   /* NULL out-pointer allowed */
    assert_false(concur_mention_approx(m));
    assert_int_equal(concur_mention_qualifier(m), CONCUR_QUAL_NONE);
    assert_null(concur_mention_unit(m));
    assert_false(concur_mention_ordinal(m));
    assert_null(concur_mention_category(m));
    assert_null(concur_mention_parent(m));
    assert_null(concur_mention_timex_value(m));
    /* ids unique, "m" + number; mentions in input order */
    size_t prev = 0;
    for (size_t i = 0; i < concur_doc_count(d); i++) {
        const concur_mention *x = concur_doc_get(d, i);
        assert_int_equal(concur_mention_id(x)[0], 'm');
        assert_true(concur_mention_start(x) >= prev);
        prev = concur_mention_start(x);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(concur_mention_id(x), concur_mention_id(concur_doc_get(d, j)));
    }
    assert_null(concur_doc_get(d, concur_doc_count(d)));
    concur_doc_free(d);
    concur_engine_free(e);
}

static void offsets_are_input_bytes(void **st)
{
    (void)st;
    concur_engine *e = engine();
    /* curly quotes, NBSP, en dash, ligature, e-acute, Cyrillic, narrow NBSP,
     * CRLF, tab runs: every one changes the clean text, none the offsets */
    const char *s = "\xE2\x80\x9C" "Caf\xC3\xA9" "\xE2\x80\x9D" "\xC2\xA0" "11\xE2\x80\x93" "22 \xEF\xAC\x81ve\r\n"
                    "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \t\t 333\xE2\x80\xAF" "4444 \xF0\x9F\x98\x80 55555";
    size_t len = strlen(s);
    concur_doc *d = extract_kinds(e, s, len, CONCUR_KIND_NUMBER);
    /* "11-22" (en dash) is one range mention */
    const char *want[] = {"11\xE2\x80\x93" "22", "333", "4444", "55555"};
    for (size_t i = 0; i < 4; i++) {
        const concur_mention *m = find_text(d, want[i]);
        assert_non_null(m);
        const char *at = strstr(s, want[i]);
        assert_int_equal(concur_mention_start(m), (size_t)(at - s));
        assert_int_equal(concur_mention_end(m), (size_t)(at - s) + strlen(want[i]));
    }
    /* every clean offset maps into the input */
    size_t tl;
    const char *t = concur_doc_text(d, &tl);
    for (size_t i = 0; i <= tl; i++) assert_true(concur_doc_source_offset(d, i) <= len);
    assert_non_null(strstr(t, "\"Caf\xC3\xA9\" 11-22 five"));
    concur_doc_free(d);
    concur_engine_free(e);
}

static void invalid_utf8_warns(void **st)
{
    (void)st;
    concur_engine *e = engine();
    const char *s = "ab\xFF\xFE 42 \xC0";
    concur_doc *d = extract_kinds(e, s, strlen(s), CONCUR_KIND_NUMBER);
    assert_int_equal(concur_doc_warning_count(d), 1);
    assert_non_null(strstr(concur_doc_warning(d, 0), "byte 2"));
    const concur_mention *m = find_text(d, "42");
    assert_non_null(m);
    assert_int_equal(concur_mention_start(m), 5);
    concur_doc_free(d);
    d = extract_kinds(e, "plain 42", 8, CONCUR_KIND_NUMBER);
    assert_int_equal(concur_doc_warning_count(d), 0);
    concur_doc_free(d);
    concur_engine_free(e);
}

/* ---- output through a writer callback ----------------------------------- */

typedef struct sink {
    char buf[8192];
    size_t len;
    int calls, fail_at;
} sink;

static int sink_write(void *user, const char *bytes, size_t len)
{
    sink *k = user;
    k->calls++;
    if (k->fail_at && k->calls >= k->fail_at) return 7;
    if (k->len + len >= sizeof k->buf) return 1;
    memcpy(k->buf + k->len, bytes, len);
    k->len += len;
    k->buf[k->len] = 0;
    return 0;
}

static void writer_output(void **st)
{
    (void)st;
    concur_engine *e = engine();
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = CONCUR_INPUT_TEXT;
    o.id = "q\"1";
    const char *s = "He counted 37 and 512.";
    concur_doc *d = concur_extract(e, s, strlen(s), &o, NULL);
    assert_non_null(d);
    sink k;
    memset(&k, 0, sizeof k);
    assert_int_equal(concur_doc_write(d, CONCUR_FORMAT_JSONL, CONCUR_KIND_NUMBER, false, sink_write, &k), 0);
    /* the id is escaped; one line per number mention */
    assert_non_null(strstr(k.buf, "{\"doc\":\"q\\\"1\",\"id\":\"m"));
    assert_non_null(strstr(k.buf, "\"kind\":\"number\",\"start\":11,\"end\":13,\"text\":\"37\",\"sentence\":0,\"value\":37"));
    size_t lines = 0;
    for (size_t i = 0; i < k.len; i++) lines += k.buf[i] == '\n';
    size_t numbers = 0;
    for (size_t i = 0; i < concur_doc_count(d); i++)
        numbers += concur_mention_kind(concur_doc_get(d, i)) == CONCUR_KIND_NUMBER;
    assert_int_equal(lines, numbers);
    /* TSV with and without a header */
    memset(&k, 0, sizeof k);
    assert_int_equal(concur_doc_write(d, CONCUR_FORMAT_TSV, CONCUR_KIND_NUMBER, true, sink_write, &k), 0);
    assert_memory_equal(k.buf, "doc\tid\tkind\tstart\tend\t", 20);
    memset(&k, 0, sizeof k);
    assert_int_equal(concur_doc_write(d, CONCUR_FORMAT_TSV, CONCUR_KIND_NUMBER, false, sink_write, &k), 0);
    assert_memory_equal(k.buf, "q\"1\tm", 5);
    /* the writer's failure stops the output and is returned */
    memset(&k, 0, sizeof k);
    k.fail_at = 1;
    assert_int_equal(concur_doc_write(d, CONCUR_FORMAT_JSONL, 0, false, sink_write, &k), 7);
    assert_int_equal(k.calls, 1);
    concur_doc_free(d);
    concur_engine_free(e);
}

/* ---- readers ----------------------------------------------------------- */

static void reader_text_and_html(void **st)
{
    (void)st;
    concur_record rec;
    concur_reader *r = concur_reader_new("some text", 9, CONCUR_INPUT_AUTO, "a.txt", NULL);
    assert_non_null(r);
    assert_int_equal(concur_reader_next(r, &rec, NULL), 1);
    assert_int_equal(rec.len, 9);
    assert_memory_equal(rec.text, "some text", 9);
    assert_int_equal(rec.input, CONCUR_INPUT_TEXT);
    assert_null(rec.id);
    assert_int_equal(rec.line, 0);
    assert_int_equal(concur_reader_next(r, &rec, NULL), 0);
    assert_int_equal(concur_reader_next(r, &rec, NULL), 0);
    concur_reader_free(r);
    r = concur_reader_new("<p>x</p>", 8, CONCUR_INPUT_AUTO, "page.html", NULL);
    assert_int_equal(concur_reader_next(r, &rec, NULL), 1);
    assert_int_equal(rec.input, CONCUR_INPUT_HTML);
    concur_reader_free(r);
    r = concur_reader_new(NULL, 0, CONCUR_INPUT_TEXT, NULL, NULL);
    assert_non_null(r);
    assert_int_equal(concur_reader_next(r, &rec, NULL), 1);
    assert_int_equal(rec.len, 0);
    concur_reader_free(r);
}

static void reader_jsonl(void **st)
{
    (void)st;
    const char *s =
        "{\"id\": \"a\", \"text\": \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\\n12\", \"date\": \"2020-01-02\", \"source\": \"wire\"}\n"
        "\n"
        "{\"id\": \"b\" \"text\": \"x\"}\n"
        "{\"text\": \"no id\", \"meta\": {\"k\": [1, true, null, -2.5e3]}}\r\n"
        "{\"id\": 42, \"text\": \"\"}\n"
        "{\"id\": \"c\"}\n"
        "{\"id\": \"d\", \"text\": \"<html><p>5</p>\"}";
    concur_reader *r = concur_reader_new(s, strlen(s), CONCUR_INPUT_AUTO, "x.jsonl", NULL);
    assert_non_null(r);
    concur_record rec;
    concur_error err;
    memset(&err, 0, sizeof err);

    assert_int_equal(concur_reader_next(r, &rec, &err), 1);
    assert_string_equal(rec.id, "a");
    assert_int_equal(rec.len, strlen("caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\"\n12"));
    assert_memory_equal(rec.text, "caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\"\n12", rec.len);
    assert_string_equal(rec.date, "2020-01-02");
    assert_string_equal(rec.source, "wire");
    assert_int_equal(rec.line, 1);
    assert_int_equal(rec.input, CONCUR_INPUT_TEXT);

    assert_int_equal(concur_reader_next(r, &rec, &err), -1);   /* line 3: missing comma */
    assert_int_equal(err.code, CONCUR_ERR_INPUT);
    assert_non_null(strstr(err.message, "line 3"));

    assert_int_equal(concur_reader_next(r, &rec, &err), 1);
    assert_null(rec.id);
    assert_null(rec.date);
    assert_null(rec.source);
    assert_int_equal(rec.line, 4);
    assert_memory_equal(rec.text, "no id", 5);

    assert_int_equal(concur_reader_next(r, &rec, &err), 1);
    assert_string_equal(rec.id, "42");
    assert_int_equal(rec.len, 0);
    assert_int_equal(rec.line, 5);

    assert_int_equal(concur_reader_next(r, &rec, &err), -1);   /* no text */
    assert_non_null(strstr(err.message, "line 6"));
    assert_non_null(strstr(err.message, "text"));

    assert_int_equal(concur_reader_next(r, &rec, &err), 1);    /* last line, no newline */
    assert_string_equal(rec.id, "d");
    assert_int_equal(rec.input, CONCUR_INPUT_HTML);
    assert_int_equal(rec.line, 7);
    assert_int_equal(concur_reader_next(r, &rec, &err), 0);
    concur_reader_free(r);
}

static void jsonl_offsets_count_decoded_bytes(void **st)
{
    (void)st;
    /* the record's decoded text is what extract reads: 77 starts at byte 8
     * of "\xC3\xA9t\xC3\xA9 \\t 77" although the JSON line has escapes */
    const char *s = "{\"id\":\"r\",\"text\":\"\\u00e9t\\u00e9 \\t 77\"}\n";
    concur_reader *r = concur_reader_new(s, strlen(s), CONCUR_INPUT_JSONL, NULL, NULL);
    concur_record rec;
    assert_int_equal(concur_reader_next(r, &rec, NULL), 1);
    concur_engine *e = engine();
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = rec.input;
    o.id = rec.id;
    o.kinds = CONCUR_KIND_NUMBER;
    concur_doc *d = concur_extract(e, rec.text, rec.len, &o, NULL);
    concur_reader_free(r);   /* the record's buffers go; the doc keeps its copy */
    const concur_mention *m = find_text(d, "77");
    assert_non_null(m);
    assert_int_equal(concur_mention_start(m), 8);
    assert_int_equal(concur_mention_end(m), 10);
    assert_string_equal(concur_doc_id(d), "r");
    concur_doc_free(d);
    concur_engine_free(e);
}

static void text_only_builds_no_mentions(void **st)
{
    (void)st;
    concur_engine *e = engine();
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.text_only = true;
    const char *s = "On 26 February 1992, 613 people were killed.\n\nSecond  para.";
    concur_doc *d = concur_extract(e, s, strlen(s), &o, NULL);
    assert_non_null(d);
    assert_int_equal(concur_doc_count(d), 0);
    assert_string_equal(concur_doc_text(d, NULL), "On 26 February 1992, 613 people were killed.\n\nSecond para.");
    assert_int_equal(concur_doc_source_offset(d, 46), strlen("On 26 February 1992, 613 people were killed.\n\n"));
    concur_doc_free(d);
    concur_engine_free(e);
}

/* A document read in pieces: the bases shift offsets, sentences and ids in
 * the output, and the carry hands the story's year to the next piece. */
static void pieces_carry_the_story(void **st)
{
    (void)st;
    concur_engine *e = concur_engine_new(NULL, NULL);
    assert_non_null(e);
    const char *p1 = "From October 1991 the town was under siege.\n";
    const char *p2 = "On 30 October, ground traffic stopped. 12 people were killed.\n";
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = CONCUR_INPUT_TEXT;
    concur_doc *d1 = concur_extract(e, p1, strlen(p1), &o, NULL);
    assert_non_null(d1);
    char carry[CONCUR_CARRY_MAX];
    concur_doc_carry(d1, carry, sizeof carry);
    assert_true(carry[0] != 0);
    /* without the carry the second piece knows no year */
    concur_doc *alone = concur_extract(e, p2, strlen(p2), &o, NULL);
    assert_non_null(alone);
    assert_string_equal(concur_mention_timex_value(concur_doc_get(alone, 0)), "XXXX-10-30");
    o.carry = carry;
    o.offset_base = strlen(p1);
    o.sentence_base = concur_doc_sentence_count(d1);
    o.id_base = concur_doc_count(d1);
    concur_doc *d2 = concur_extract(e, p2, strlen(p2), &o, NULL);
    assert_non_null(d2);
    const concur_mention *m = concur_doc_get(d2, 0);
    assert_string_equal(concur_mention_timex_value(m), "1991-10-30");
    assert_int_equal(concur_mention_start(m), 3);   /* accessors: within the piece */
    char id[16];
    snprintf(id, sizeof id, "m%zu", concur_doc_count(d1) + 1);
    assert_string_equal(concur_mention_id(m), id);   /* ids run on */
    sink k;
    memset(&k, 0, sizeof k);
    assert_int_equal(concur_doc_write(d2, CONCUR_FORMAT_JSONL, CONCUR_KIND_ALL, false, sink_write, &k), 0);
    const char *out = k.buf;
    char want[64];
    snprintf(want, sizeof want, "\"start\":%zu,", strlen(p1) + 3);   /* the writer adds the base */
    assert_non_null(strstr(out, want));
    snprintf(want, sizeof want, "\"sentence\":%zu", concur_doc_sentence_count(d1));
    assert_non_null(strstr(out, want));
    concur_doc_free(alone);
    concur_doc_free(d1);
    concur_doc_free(d2);
    concur_engine_free(e);
}

static void one_engine_many_docs(void **st)
{
    (void)st;
    concur_engine *e = engine();
    concur_doc *d[8];
    char buf[8][32];
    for (int i = 0; i < 8; i++) {
        snprintf(buf[i], sizeof buf[i], "Item %d of 8.", 100 + i);
        d[i] = extract_kinds(e, buf[i], strlen(buf[i]), CONCUR_KIND_NUMBER);
    }
    for (int i = 7; i >= 0; i--) {
        char want[8];
        snprintf(want, sizeof want, "%d", 100 + i);
        assert_non_null(find_text(d[i], want));
        concur_doc_free(d[i]);
    }
    concur_engine_free(e);
}

int run_api_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_and_parsers),
        cmocka_unit_test(input_detection),
        cmocka_unit_test(errors_are_values_never_printed),
        cmocka_unit_test(document_owns_its_copies),
        cmocka_unit_test(empty_and_null_input),
        cmocka_unit_test(mention_accessors),
        cmocka_unit_test(offsets_are_input_bytes),
        cmocka_unit_test(invalid_utf8_warns),
        cmocka_unit_test(writer_output),
        cmocka_unit_test(reader_text_and_html),
        cmocka_unit_test(reader_jsonl),
        cmocka_unit_test(jsonl_offsets_count_decoded_bytes),
        cmocka_unit_test(text_only_builds_no_mentions),
        cmocka_unit_test(one_engine_many_docs),
        cmocka_unit_test(pieces_carry_the_story),
    };
    return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
