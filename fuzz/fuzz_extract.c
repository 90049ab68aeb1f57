/* fuzz_extract.c -- libFuzzer target over the whole entry point: reader,
 * extract, every accessor and every output format, then concur_compare
 * over the documents of the input and its three report formats.
 *
 * The first two bytes choose the options:
 *   byte 0: bits 0-1 input (auto, text, html, jsonl), bits 2-5 kinds
 *           (0 = all), bits 6-7 output format (jsonl, tsv, table, gkg)
 *   byte 1: bits 0-1 date mode, bit 2 a reference date, bit 3 split mode,
 *           bits 4-7 number of chunks - 1 in split mode
 * The rest is the document. Whole mode reads it as one file; split mode
 * cuts it into several chunks, each read as a document of its own (as a
 * caller feeding a stream piece by piece would). Invariants checked on
 * every mention: offsets inside the input, start <= end, text = input
 * bytes, ids unique, order by start. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "concur.h"

static concur_engine *engine;

static int sink(void *user, const char *bytes, size_t len)
{
    size_t *total = user;
    /* touch every byte so that the sanitizers see them */
    unsigned h = 0;
    for (size_t i = 0; i < len; i++) h += (unsigned char)bytes[i];
    *total += len + (h & 1);
    return 0;
}

#define CHECK(c)                                                         \
    do {                                                                 \
        if (!(c)) {                                                      \
            fprintf(stderr, "invariant failed: %s (%s:%d)\n", #c, __FILE__, __LINE__); \
            abort();                                                     \
        }                                                                \
    } while (0)

static void check_doc(const concur_doc *d, const char *src, size_t len, concur_format fmt, unsigned kinds)
{
    size_t n = concur_doc_count(d), prev = 0;
    for (size_t i = 0; i < n; i++) {
        const concur_mention *m = concur_doc_get(d, i);
        CHECK(m);
        size_t s = concur_mention_start(m), e = concur_mention_end(m), tl;
        CHECK(s <= e && e <= len);
        CHECK(s >= prev);
        prev = s;
        const char *t = concur_mention_text(m, &tl);
        CHECK(tl == e - s);
        CHECK(tl == 0 || memcmp(t, src + s, tl) == 0);
        CHECK(concur_mention_id(m) && concur_mention_id(m)[0] == 'm');
        double v, lo, hi;
        bool hv = concur_mention_value(m, &v), hl = concur_mention_min(m, &lo), hh = concur_mention_max(m, &hi);
        (void)hv;
        if (hl && hh) CHECK(!(lo > hi));
        (void)concur_mention_unit(m);
        (void)concur_mention_timex_value(m);
        (void)concur_mention_category(m);
        const concur_mention *p = concur_mention_parent(m);
        if (p) CHECK(concur_mention_kind(p) == CONCUR_KIND_COUNT);
        for (size_t a = 0; a < concur_mention_alternative_count(m); a++) (void)concur_mention_alternative(m, a);
    }
    CHECK(concur_doc_get(d, n) == NULL);
    size_t tl;
    const char *text = concur_doc_text(d, &tl);
    CHECK(text[tl] == 0);
    for (size_t i = 0; i <= tl; i += 1 + tl / 64) CHECK(concur_doc_source_offset(d, i) <= len);
    for (size_t i = 0; i < concur_doc_warning_count(d); i++) CHECK(concur_doc_warning(d, i));
    size_t total = 0;
    CHECK(concur_doc_write(d, fmt, kinds, true, sink, &total) == 0);
}

#define MAX_DOCS 64
typedef struct docset {
    concur_doc *d[MAX_DOCS];
    size_t n;
} docset;

static void one(const char *bytes, size_t len, concur_input input, const char *name,
                const concur_doc_options *base, concur_format fmt, docset *keep)
{
    concur_error err;
    concur_reader *r = concur_reader_new(bytes, len, input, name, &err);
    if (!r) return;
    concur_record rec;
    int k, guard = 0;
    while ((k = concur_reader_next(r, &rec, &err)) != 0 && guard++ < 100000) {
        if (k < 0) {
            CHECK(err.message != NULL);
            continue;
        }
        concur_doc_options o = *base;
        o.input = rec.input;
        o.id = rec.id ? rec.id : "doc";
        if (rec.date) o.ref_date = rec.date;
        concur_doc *d = concur_extract(engine, rec.text, rec.len, &o, &err);
        if (!d) {
            CHECK(err.message != NULL);
            continue;
        }
        check_doc(d, rec.text, rec.len, fmt, o.kinds);
        if (keep->n < MAX_DOCS) keep->d[keep->n++] = d;
        else concur_doc_free(d);
    }
    concur_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine) {
        engine = concur_engine_new(NULL, NULL);
        if (!engine) abort();
    }
    if (size < 2) return 0;
    static const concur_input inputs[] = {CONCUR_INPUT_AUTO, CONCUR_INPUT_TEXT, CONCUR_INPUT_HTML, CONCUR_INPUT_JSONL};
    static const concur_format formats[] = {CONCUR_FORMAT_JSONL, CONCUR_FORMAT_TSV, CONCUR_FORMAT_TABLE,
                                            CONCUR_FORMAT_GKG};
    static const char *const names[] = {NULL, "f.txt", "f.html", "f.jsonl"};
    concur_input input = inputs[data[0] & 3];
    const char *name = names[data[0] & 3];
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.kinds = (data[0] >> 2) & 0xF;
    o.date_mode = (concur_date_mode)(data[1] & 3) == 3 ? CONCUR_DATES_AUTO : (concur_date_mode)(data[1] & 3);
    if (data[1] & 4) o.ref_date = "1992-02-26";
    concur_format fmt = formats[data[0] >> 6];
    bool split = data[1] & 8;
    size_t chunks = (size_t)(data[1] >> 4) + 1;
    /* an exact-size heap copy: ASan sees any read past the end */
    size_t len = size - 2;
    char *buf = malloc(len ? len : 1);
    if (!buf) return 0;
    memcpy(buf, data + 2, len);
    docset keep;
    keep.n = 0;
    if (!split || chunks == 1) {
        one(buf, len, input, name, &o, fmt, &keep);
    } else {
        size_t step = len / chunks + 1, at = 0;
        while (at < len) {
            size_t n = len - at < step ? len - at : step;
            char *piece = malloc(n);
            if (!piece) break;
            memcpy(piece, buf + at, n);
            one(piece, n, input, name, &o, fmt, &keep);
            free(piece);
            at += n;
        }
    }
    /* the documents of this input, lined up */
    if (keep.n) {
        concur_error err;
        concur_comparison *c = concur_compare((const concur_doc *const *)keep.d, keep.n, NULL, &err);
        CHECK(c || err.message);
        if (c) {
            for (size_t i = 0; i < concur_comparison_fact_count(c); i++) {
                CHECK(concur_fact_category(c, i));
                size_t p = concur_fact_parent(c, i);
                CHECK(p == (size_t)-1 || p < concur_comparison_fact_count(c));
                for (size_t j = 0; j < concur_fact_source_count(c, i); j++) {
                    size_t di = (size_t)-1;
                    CHECK(concur_fact_source(c, i, j, &di) && di < keep.n);
                }
            }
            size_t total = 0;
            concur_compare_format cf = (concur_compare_format)((data[1] >> 4) % 3);
            CHECK(concur_comparison_write(c, cf, (data[1] >> 6) & 1 ? CONCUR_COMPARE_COLOR : 0, sink, &total) == 0);
            concur_comparison_free(c);
        }
    }
    for (size_t i = 0; i < keep.n; i++) concur_doc_free(keep.d[i]);
    free(buf);
    return 0;
}
