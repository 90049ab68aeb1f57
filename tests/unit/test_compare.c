/* Unit tests of concur compare: alignment, verdicts and the writers, on
 * documents whose count claims are placed by hand (so that they test the
 * aligner alone, whatever the recognisers find). The Khojaly case uses the
 * two real seed documents with the claims a careful reader marks in them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "internal.h"
#include "unit.h"

/* ------------------------------------------------------------ helpers */

static concur_engine *engine;

static bool drop_claims(const concur_mention *m, void *ud)
{
    (void)ud;
    return m->kind == CONCUR_KIND_COUNT || m->kind == CONCUR_KIND_DATE;
}

static concur_doc *doc_from(const char *id, const char *text, size_t len)
{
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.input = CONCUR_INPUT_TEXT;
    o.id = id;
    concur_doc *d = concur_extract(engine, text, len, &o, NULL);
    assert_non_null(d);
    /* the claims of these tests are placed by hand */
    cc_doc_remove_if(d, drop_claims, NULL);
    return d;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return s;
}

static int cmp_m(const void *a, const void *b)
{
    const concur_mention *x = *(const concur_mention *const *)a, *y = *(const concur_mention *const *)b;
    if (x->cstart != y->cstart) return x->cstart < y->cstart ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Order, ids and input offsets, as concur_extract leaves them. */
static void finish(concur_doc *d)
{
    if (d->nm > 1) qsort(d->m, d->nm, sizeof *d->m, cmp_m);
    for (size_t i = 0; i < d->nm; i++) {
        concur_mention *m = d->m[i];
        m->start = cc_text_src(&d->text, m->cstart);
        m->end = cc_text_src_end(&d->text, m->cend);
        m->id = cc_arena_printf(&d->arena, "m%zu", i + 1);
    }
}

/* A mention over the n-th occurrence (1-based) of `words` in the clean text. */
static concur_mention *at(concur_doc *d, concur_kind kind, const char *words, int nth)
{
    const char *t = concur_doc_text(d, NULL);
    const char *p = t;
    for (int i = 0; i < nth; i++) {
        p = strstr(i ? p + 1 : p, words);
        if (!p) fail_msg("'%s' not in %s", words, d->id);
    }
    size_t s = (size_t)(p - t);
    concur_mention *m = cc_doc_add(d, kind, s, s + strlen(words));
    assert_non_null(m);
    return m;
}

/* A count claim: value v (or -1 for none), qualifier, bounds. */
static concur_mention *claim(concur_doc *d, const char *words, const char *cat, const char *group, double v,
                             concur_qualifier q, double lo, double hi, const char *attr, concur_mention *parent)
{
    concur_mention *m = at(d, CONCUR_KIND_COUNT, words, 1);
    m->category = cat;
    m->group = group;
    m->qualifier = q;
    if (v >= 0) {
        m->has_value = true;
        m->value = v;
    }
    if (lo >= 0) {
        m->has_min = true;
        m->min = lo;
    }
    if (hi >= 0) {
        m->has_max = true;
        m->max = hi;
    }
    if (v >= 0 && lo < 0 && hi < 0 && q == CONCUR_QUAL_NONE) {
        m->has_min = m->has_max = true;
        m->min = m->max = v;
    }
    m->approx = q == CONCUR_QUAL_ABOUT;
    m->attribution = attr;
    m->parent = parent;
    return m;
}

static concur_mention *exact(concur_doc *d, const char *words, const char *cat, const char *group, double v,
                             const char *attr, concur_mention *parent)
{
    return claim(d, words, cat, group, v, CONCUR_QUAL_NONE, -1, -1, attr, parent);
}

static concur_mention *date_at(concur_doc *d, const char *words, const char *value, const char *begin,
                               const char *end)
{
    concur_mention *m = at(d, CONCUR_KIND_DATE, words, 1);
    m->timex_type = "DATE";
    m->timex_value = value;
    m->begin = begin;
    m->end_value = end;
    return m;
}

typedef struct sink {
    cc_buf b;
} sink;

static int to_buf(void *u, const char *s, size_t n)
{
    cc_buf_put(&((sink *)u)->b, s, n);
    return 0;
}

static char *render(const concur_comparison *c, concur_compare_format fmt)
{
    sink s;
    cc_buf_init(&s.b);
    assert_int_equal(concur_comparison_write(c, fmt, 0, to_buf, &s), 0);
    cc_buf_putc(&s.b, 0);
    return s.b.data;
}

/* The fact (index) whose category and group are these and which has a
 * source of this value in document `doc`; fails if none. */
static size_t find_fact(const concur_comparison *c, const char *cat, const char *group, double v, size_t doc)
{
    for (size_t i = 0; i < concur_comparison_fact_count(c); i++) {
        if (strcmp(concur_fact_category(c, i), cat)) continue;
        if (group && (!concur_fact_group(c, i) || strcmp(concur_fact_group(c, i), group))) continue;
        for (size_t j = 0; j < concur_fact_source_count(c, i); j++) {
            size_t di;
            const concur_mention *m = concur_fact_source(c, i, j, &di);
            double x;
            if (di == doc && concur_mention_value(m, &x) && x == v) return i;
        }
    }
    fail_msg("no fact %s %s %g in doc %zu", cat, group ? group : "*", v, doc);
    return 0;
}

static size_t docs_in(const concur_comparison *c, size_t i)
{
    size_t seen = 0, n = 0;
    for (size_t j = 0; j < concur_fact_source_count(c, i); j++) {
        size_t di;
        concur_fact_source(c, i, j, &di);
        if (!(seen & ((size_t)1 << di))) n++;
        seen |= (size_t)1 << di;
    }
    return n;
}

/* ------------------------------------------------------------ Khojaly */

static concur_doc *seed(const char *name, size_t *len_out)
{
    char path[512];
    const char *shared = getenv("SHARED");
    snprintf(path, sizeof path, "%s/seeds/%s", shared ? shared : "../shared", name);
    size_t len;
    char *s = slurp(path, &len);
    if (!s) return NULL;
    concur_doc *d = doc_from(name, s, len);
    free(s);
    if (len_out) *len_out = len;
    return d;
}

static void khojaly_docs(concur_doc **a_out, concur_doc **b_out)
{
    concur_doc *a = seed("000_a6e83453918b2be5.txt", NULL);
    concur_doc *b = seed("002_6637e180a62b7d55.txt", NULL);
    *a_out = a;
    *b_out = b;
    if (!a || !b) return;
    /* 000 */
    date_at(a, "February 25, 1992", "1992-02-25", NULL, NULL);
    concur_mention *k = exact(a, "613 civilians were massacred", "killed", "civilians", 613, "official data", NULL);
    exact(a, "106 women", "killed", "women", 106, "official data", k);
    exact(a, "63 children", "killed", "children", 63, "official data", k);
    exact(a, "70 elderly people", "killed", "elderly", 70, "official data", k);
    concur_mention *w = exact(a, "487 people including 76 children were injured", "injured", "people", 487,
                              "official data", NULL);
    exact(a, "76 children", "injured", "children", 76, "official data", w);
    exact(a, "1.275 people were taken hostage", "hostage", "people", 1275, "official data", NULL);
    exact(a, "150 Azerbaijan Turks", "missing", "people", 150, NULL, NULL);
    exact(a, "1.300 Azeri Turks were massacred", "killed", "people", 1300, "unofficial data", NULL);
    claim(a, "more than 1.000 people were injured", "injured", "people", -1, CONCUR_QUAL_MORE_THAN, 1000, -1,
          "unofficial data", NULL);
    exact(a, "25 children were left orphaned", "orphaned", "children", 25, NULL, NULL);
    finish(a);
    /* 002 */
    exact(b, "killing 40 people", "killed", "people", 40, NULL, NULL);
    date_at(b, "night of 25-26 February 1992", "1992-02-25", "1992-02-25", "1992-02-26");
    concur_mention *k2 = exact(b, "613 of its people", "killed", "people", 613, NULL, NULL);
    exact(b, "106 women", "killed", "women", 106, NULL, k2);
    exact(b, "63 children", "killed", "children", 63, NULL, k2);
    exact(b, "70 elderly", "killed", "elderly", 70, NULL, k2);
    exact(b, "1275 were taken hostage", "hostage", "people", 1275, NULL, NULL);
    exact(b, "another 150 people", "missing", "people", 150, NULL, NULL);
    concur_mention *w2 = exact(b, "487 inhabitants of Khojaly were wounded", "injured", "inhabitants", 487, NULL, NULL);
    exact(b, "76 children", "injured", "children", 76, NULL, w2);
    exact(b, "eight families were completely wiped out", "killed", "families", 8, NULL, NULL);
    exact(b, "130 children lost one parent", "orphaned", "children", 130, NULL, NULL);
    exact(b, "25 children lost both parents", "orphaned", "children", 25, NULL, NULL);
    exact(b, "56 were killed", "killed", "people", 56, NULL, k2);
    claim(b, "about one million Azerbaijanis", "displaced", "people", 1000000, CONCUR_QUAL_ABOUT, -1, -1, NULL, NULL);
    finish(b);
}

static void khojaly_alignment(void **st)
{
    (void)st;
    concur_doc *a, *b;
    khojaly_docs(&a, &b);
    if (!a || !b) {
        concur_doc_free(a);
        concur_doc_free(b);
        skip();
    }
    const concur_doc *docs[2] = {a, b};
    concur_comparison *c = concur_compare(docs, 2, NULL, NULL);
    assert_non_null(c);

    /* killed 613 agrees; the unofficial 1,300 stays in its row */
    size_t k = find_fact(c, "killed", NULL, 613, 0);
    assert_int_equal(find_fact(c, "killed", NULL, 613, 1), k);
    assert_int_equal(find_fact(c, "killed", NULL, 1300, 0), k);
    assert_int_equal(concur_fact_verdict(c, k), CONCUR_VERDICT_AGREE);
    assert_int_equal(concur_fact_source_count(c, k), 3);
    /* its parts, under it, agree */
    const char *parts[] = {"women", "children", "elderly"};
    double pv[] = {106, 63, 70};
    for (int i = 0; i < 3; i++) {
        size_t p = find_fact(c, "killed", parts[i], pv[i], 0);
        assert_int_equal(find_fact(c, "killed", parts[i], pv[i], 1), p);
        assert_int_equal(concur_fact_verdict(c, p), CONCUR_VERDICT_AGREE);
        assert_int_equal(concur_fact_parent(c, p), k);
        assert_true(p > k);
    }
    /* injured 487 with 76 children; "more than 1.000" unofficial stays with it */
    size_t w = find_fact(c, "injured", NULL, 487, 0);
    assert_int_equal(find_fact(c, "injured", NULL, 487, 1), w);
    assert_int_equal(concur_fact_verdict(c, w), CONCUR_VERDICT_AGREE);
    assert_int_equal(concur_fact_source_count(c, w), 3);
    size_t w76 = find_fact(c, "injured", "children", 76, 1);
    assert_int_equal(find_fact(c, "injured", "children", 76, 0), w76);
    assert_int_equal(concur_fact_parent(c, w76), w);
    assert_int_equal(concur_fact_verdict(c, w76), CONCUR_VERDICT_AGREE);
    /* hostage 1275 ("1.275" and "1275"), missing 150, orphaned 25 */
    size_t h = find_fact(c, "hostage", NULL, 1275, 0);
    assert_int_equal(find_fact(c, "hostage", NULL, 1275, 1), h);
    assert_int_equal(concur_fact_verdict(c, h), CONCUR_VERDICT_AGREE);
    size_t mi = find_fact(c, "missing", NULL, 150, 0);
    assert_int_equal(find_fact(c, "missing", NULL, 150, 1), mi);
    assert_int_equal(concur_fact_verdict(c, mi), CONCUR_VERDICT_AGREE);
    size_t o = find_fact(c, "orphaned", "children", 25, 0);
    assert_int_equal(find_fact(c, "orphaned", "children", 25, 1), o);
    assert_int_equal(concur_fact_verdict(c, o), CONCUR_VERDICT_AGREE);
    /* only in 002, each its own row */
    size_t s40 = find_fact(c, "killed", NULL, 40, 1);
    assert_int_not_equal(s40, k);
    assert_int_equal(concur_fact_verdict(c, s40), CONCUR_VERDICT_SINGLE);
    assert_int_equal(concur_fact_parent(c, s40), (size_t)-1);
    size_t o130 = find_fact(c, "orphaned", "children", 130, 1);
    assert_int_not_equal(o130, o);
    assert_int_equal(concur_fact_verdict(c, o130), CONCUR_VERDICT_SINGLE);
    size_t k56 = find_fact(c, "killed", NULL, 56, 1);
    assert_int_equal(concur_fact_verdict(c, k56), CONCUR_VERDICT_SINGLE);
    assert_int_equal(concur_fact_parent(c, k56), k);
    assert_int_equal(concur_fact_verdict(c, find_fact(c, "killed", "families", 8, 1)), CONCUR_VERDICT_SINGLE);
    assert_int_equal(concur_fact_verdict(c, find_fact(c, "displaced", NULL, 1000000, 1)), CONCUR_VERDICT_SINGLE);
    /* the incident date: consistent, and first */
    assert_string_equal(concur_fact_category(c, 0), "date");
    assert_int_equal(concur_fact_verdict(c, 0), CONCUR_VERDICT_CONSISTENT);
    assert_int_equal(docs_in(c, 0), 2);
    /* 15 facts in all: the date and 14 rows */
    assert_int_equal(concur_comparison_fact_count(c), 15);

    /* the table, line by line (tests/compare/khojaly-unit.table) */
    char *t = render(c, CONCUR_COMPARE_TABLE);
    size_t glen;
    char *gold = slurp("tests/compare/khojaly-unit.table", &glen);
    mkdir("tests/out", 0777);
    FILE *f = fopen("tests/out/khojaly-unit.table", "wb");
    if (f) {
        fputs(t, f);
        fclose(f);
    }
    assert_non_null(gold);
    assert_string_equal(t, gold);
    free(gold);
    free(t);
    /* JSON Lines: one object per fact, in the contract's shape */
    char *j = render(c, CONCUR_COMPARE_JSON);
    size_t lines = 0;
    for (char *p = j; *p; p++) lines += *p == '\n';
    assert_int_equal(lines, concur_comparison_fact_count(c));
    assert_non_null(strstr(j, "{\"key\":{\"category\":\"killed\",\"group\":\"people\",\"place\":null},"
                              "\"verdict\":\"agree\",\"sources\":[{\"doc\":\"000_a6e83453918b2be5.txt\",\"id\":"));
    assert_non_null(strstr(j, "\"value\":1275,\"min\":1275,\"max\":1275,\"attribution\":null"));
    assert_non_null(strstr(j, "\"text\":\"1.275\\npeople were taken hostage\""));
    /* the unofficial 1,300 is marked as a figure other than the agreed one */
    assert_non_null(strstr(j, "\"value\":1300,\"min\":1300,\"max\":1300,\"attribution\":\"unofficial data\""));
    const char *v = strstr(j, "\"value\":1300,");
    assert_non_null(v);
    const char *vend = strchr(v, '}');
    const char *vf = strstr(v, "\"variant\":true");
    assert_true(vf && vf < vend);
    assert_int_equal(strstr(j, "\"variant\":true") - j < v - j ? 1 : 0, 0);   /* no earlier variant */
    free(j);
    /* HTML: a report for the browser test */
    char *html = render(c, CONCUR_COMPARE_HTML);
    f = fopen("tests/out/khojaly-unit.html", "wb");
    if (f) {
        fputs(html, f);
        fclose(f);
    }
    assert_non_null(strstr(html, "<mark class=\"claim v-agree\" id=\"d2-"));
    free(html);
    concur_comparison_free(c);
    concur_doc_free(a);
    concur_doc_free(b);
}

/* ------------------------------------------------------------ small cases */

static concur_doc *mkdoc(const char *id, const char *text) { return doc_from(id, text, strlen(text)); }

static void verdicts(void **st)
{
    (void)st;
    /* agree, consistent by bounds, consistent by tolerance, conflict */
    concur_doc *a = mkdoc("a", "Officials said 120 people were killed and more than 1,000 injured. "
                               "Around 2,500 fled. 30 were missing.");
    exact(a, "120 people were killed", "killed", "people", 120, NULL, NULL);
    claim(a, "more than 1,000 injured", "injured", "people", -1, CONCUR_QUAL_MORE_THAN, 1000, -1, NULL, NULL);
    claim(a, "Around 2,500 fled", "displaced", "people", 2500, CONCUR_QUAL_ABOUT, -1, -1, NULL, NULL);
    exact(a, "30 were missing", "missing", "people", 30, NULL, NULL);
    finish(a);
    concur_doc *b = mkdoc("b", "The toll: 120 dead, 1,275 wounded, 2,480 displaced, 45 missing.");
    exact(b, "120 dead", "killed", "people", 120, NULL, NULL);
    exact(b, "1,275 wounded", "injured", "people", 1275, NULL, NULL);
    exact(b, "2,480 displaced", "displaced", "people", 2480, NULL, NULL);
    exact(b, "45 missing", "missing", "people", 45, NULL, NULL);
    finish(b);
    const concur_doc *docs[2] = {a, b};
    concur_comparison *c = concur_compare(docs, 2, NULL, NULL);
    assert_non_null(c);
    assert_int_equal(concur_comparison_fact_count(c), 4);   /* no date */
    assert_int_equal(concur_fact_verdict(c, find_fact(c, "killed", NULL, 120, 1)), CONCUR_VERDICT_AGREE);
    assert_int_equal(concur_fact_verdict(c, find_fact(c, "injured", NULL, 1275, 1)), CONCUR_VERDICT_CONSISTENT);
    assert_int_equal(concur_fact_verdict(c, find_fact(c, "displaced", NULL, 2480, 1)), CONCUR_VERDICT_CONSISTENT);
    assert_int_equal(concur_fact_verdict(c, find_fact(c, "missing", NULL, 45, 1)), CONCUR_VERDICT_CONFLICT);
    concur_comparison_free(c);

    /* a tighter tolerance makes "around 2,500" vs 2,480 a conflict */
    concur_compare_options o;
    concur_compare_options_default(&o);
    o.approx_tolerance = 0.001;
    c = concur_compare(docs, 2, &o, NULL);
    assert_int_equal(concur_fact_verdict(c, find_fact(c, "displaced", NULL, 2480, 1)), CONCUR_VERDICT_CONFLICT);
    concur_comparison_free(c);
    concur_doc_free(a);
    concur_doc_free(b);
}

static void incidents_stay_apart(void **st)
{
    (void)st;
    /* places differ: two incidents, not a conflict; a figure 25 times
     * larger is not taken for the same fact either */
    concur_doc *a = mkdoc("a", "In Shusha 40 people died. In Khojaly 613 people were killed.");
    concur_mention *x = exact(a, "40 people died", "killed", "people", 40, NULL, NULL);
    x->place = "Shusha";
    x = exact(a, "613 people were killed", "killed", "people", 613, NULL, NULL);
    x->place = "Khojaly";
    finish(a);
    concur_doc *b = mkdoc("b", "A strike on Shusha killed 38 people. Elsewhere 1,000 soldiers died.");
    x = exact(b, "killed 38 people", "killed", "people", 38, NULL, NULL);
    x->place = "Shusha";
    exact(b, "1,000 soldiers died", "killed", "soldiers", 1000, NULL, NULL);
    finish(b);
    concur_doc *d3 = mkdoc("c", "Reports said 15000 died.");
    exact(d3, "15000 died", "killed", "people", 15000, NULL, NULL);
    finish(d3);
    const concur_doc *docs[3] = {a, b, d3};
    concur_comparison *c = concur_compare(docs, 3, NULL, NULL);
    size_t sh = find_fact(c, "killed", NULL, 40, 0);
    assert_int_equal(find_fact(c, "killed", NULL, 38, 1), sh);
    assert_int_equal(concur_fact_verdict(c, sh), CONCUR_VERDICT_CONFLICT);
    assert_string_equal(concur_fact_place(c, sh), "Shusha");
    size_t kh = find_fact(c, "killed", NULL, 613, 0);
    assert_int_not_equal(kh, sh);
    assert_int_equal(concur_fact_verdict(c, kh), CONCUR_VERDICT_SINGLE);
    /* soldiers are not civilians */
    assert_int_equal(concur_fact_verdict(c, find_fact(c, "killed", "soldiers", 1000, 1)), CONCUR_VERDICT_SINGLE);
    /* 15000 vs 613: beyond the conflict ratio */
    assert_int_equal(concur_fact_verdict(c, find_fact(c, "killed", NULL, 15000, 2)), CONCUR_VERDICT_SINGLE);
    concur_comparison_free(c);
    concur_doc_free(a);
    concur_doc_free(b);
    concur_doc_free(d3);
}

static void same_doc_variants(void **st)
{
    (void)st;
    /* one document, two attributed figures: one row, never merged */
    concur_doc *a = mkdoc("a", "The ministry said 95 people were killed; the UN counted 120 deaths.");
    exact(a, "95 people were killed", "killed", "people", 95, "the ministry", NULL);
    exact(a, "120 deaths", "killed", "people", 120, "the UN", NULL);
    finish(a);
    concur_doc *b = mkdoc("b", "At least 120 people died, the UN said.");
    claim(b, "At least 120 people died", "killed", "people", -1, CONCUR_QUAL_AT_LEAST, 120, -1, "the UN", NULL);
    finish(b);
    const concur_doc *docs[2] = {a, b};
    concur_comparison *c = concur_compare(docs, 2, NULL, NULL);
    assert_int_equal(concur_comparison_fact_count(c), 1);
    assert_int_equal(concur_fact_source_count(c, 0), 3);
    assert_int_equal(concur_fact_verdict(c, 0), CONCUR_VERDICT_CONSISTENT);
    concur_comparison_free(c);
    /* a single document alone: its variants are one single row */
    c = concur_compare(docs, 1, NULL, NULL);
    assert_int_equal(concur_comparison_fact_count(c), 1);
    assert_int_equal(concur_fact_verdict(c, 0), CONCUR_VERDICT_SINGLE);
    concur_comparison_free(c);
    concur_doc_free(a);
    concur_doc_free(b);
}

static void hostile_text_escaped(void **st)
{
    (void)st;
    const char *evil = "<script>alert(1)</script> 12 people died <img src=x onerror=alert(2)> \"q\" & 'a'";
    concur_doc *a = doc_from("<b>evil</b>.txt", evil, strlen(evil));
    exact(a, "12 people died", "killed", "people", 12, "<i>x</i>", NULL);
    finish(a);
    const concur_doc *docs[1] = {a};
    concur_comparison *c = concur_compare(docs, 1, NULL, NULL);
    char *h = render(c, CONCUR_COMPARE_HTML);
    assert_null(strstr(h, "<script>alert"));
    assert_null(strstr(h, "<img"));
    assert_null(strstr(h, "<b>evil"));
    assert_null(strstr(h, "<i>x"));
    assert_non_null(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(h, "&lt;img src=x onerror=alert(2)&gt; &quot;q&quot; &amp; &#39;a&#39;"));
    /* exactly one script element: ours */
    size_t n = 0;
    for (const char *p = h; (p = strstr(p, "<script")); p++) n++;
    assert_int_equal(n, 1);
    free(h);
    concur_comparison_free(c);
    concur_doc_free(a);
}

static void dates_keep_incidents_apart(void **st)
{
    (void)st;
    /* no place, no date on the claims: the document's last full date
     * before each claim dates it; 3 and 9 March are different incidents,
     * 3 March and "the night of 3-4 March" the same */
    concur_doc *a = mkdoc("a", "On 3 March 2024 a storm killed 20 people. On 9 March 2024 a fire killed 25 people.");
    date_at(a, "3 March 2024", "2024-03-03", NULL, NULL);
    exact(a, "killed 20 people", "killed", "people", 20, NULL, NULL);
    date_at(a, "9 March 2024", "2024-03-09", NULL, NULL);
    exact(a, "killed 25 people", "killed", "people", 25, NULL, NULL);
    finish(a);
    concur_doc *b = mkdoc("b", "The fire of 9 March 2024 killed 25. The storm of the night of 3-4 March 2024 killed 22.");
    date_at(b, "9 March 2024", "2024-03-09", NULL, NULL);
    exact(b, "killed 25", "killed", "people", 25, NULL, NULL);
    date_at(b, "night of 3-4 March 2024", "2024-03-03TNI", "2024-03-03", "2024-03-04");
    exact(b, "killed 22", "killed", "people", 22, NULL, NULL);
    finish(b);
    const concur_doc *docs[2] = {a, b};
    concur_comparison *c = concur_compare(docs, 2, NULL, NULL);
    size_t storm = find_fact(c, "killed", NULL, 20, 0), fire = find_fact(c, "killed", NULL, 25, 0);
    assert_int_not_equal(storm, fire);
    assert_int_equal(find_fact(c, "killed", NULL, 25, 1), fire);
    assert_int_equal(find_fact(c, "killed", NULL, 22, 1), storm);
    assert_int_equal(concur_fact_verdict(c, fire), CONCUR_VERDICT_AGREE);
    assert_int_equal(concur_fact_verdict(c, storm), CONCUR_VERDICT_CONFLICT);
    /* without the date context the storm's 22 would go with the fire's 25
     * (closest figure): check that a window of 0 days still keeps 3 March
     * and 3-4 March together */
    concur_comparison_free(c);
    concur_compare_options o;
    concur_compare_options_default(&o);
    o.date_window_days = 0;   /* 0 = default (1) */
    c = concur_compare(docs, 2, &o, NULL);
    assert_int_equal(find_fact(c, "killed", NULL, 22, 1), find_fact(c, "killed", NULL, 20, 0));
    concur_comparison_free(c);
    concur_doc_free(a);
    concur_doc_free(b);
}

static void background_figures(void **st)
{
    (void)st;
    /* an earlier disaster mentioned in passing stays apart from the event
     * (its year is in its sentence); a relative date ("on Sunday") does not
     * date an incident; the nearer figure wins among overlapping ones */
    concur_doc *a = mkdoc("a", "An earthquake struck on 24 January 2020, killing at least 18 people. "
                               "In 2011, an earthquake in Van killed more than 600 people.");
    date_at(a, "24 January 2020", "2020-01-24", NULL, NULL);
    claim(a, "at least 18 people", "killed", "people", 18, CONCUR_QUAL_AT_LEAST, 18, -1, NULL, NULL);
    date_at(a, "2011", "2011", NULL, NULL);
    claim(a, "more than 600 people", "killed", "people", 600, CONCUR_QUAL_MORE_THAN, 600, -1, NULL, NULL);
    finish(a);
    concur_doc *b = mkdoc("b", "The quake of 24 January 2020 injured 1,466 people, the agency said on Sunday.");
    date_at(b, "24 January 2020", "2020-01-24", NULL, NULL);
    concur_mention *x = exact(b, "1,466 people", "injured", "people", 1466, NULL, NULL);
    x->date = "2020-01-19";
    date_at(b, "Sunday", "2020-01-19", NULL, NULL);
    finish(b);
    concur_doc *c = mkdoc("c", "The earthquake of 24 January 2020 killed 41 people and injured 1,607. "
                               "It was the deadliest since the 2011 Van earthquake, which killed 604 people.");
    date_at(c, "24 January 2020", "2020-01-24", NULL, NULL);
    exact(c, "41 people", "killed", "people", 41, NULL, NULL);
    exact(c, "1,607", "injured", "people", 1607, NULL, NULL);
    date_at(c, "2011", "2011", NULL, NULL);
    exact(c, "604 people", "killed", "people", 604, NULL, NULL);
    finish(c);
    const concur_doc *docs[3] = {a, b, c};
    concur_comparison *cm = concur_compare(docs, 3, NULL, NULL);
    size_t k = find_fact(cm, "killed", NULL, 18, 0), van = find_fact(cm, "killed", NULL, 600, 0);
    assert_int_not_equal(k, van);
    assert_int_equal(find_fact(cm, "killed", NULL, 41, 2), k);
    assert_int_equal(find_fact(cm, "killed", NULL, 604, 2), van);
    assert_int_equal(concur_fact_verdict(cm, k), CONCUR_VERDICT_CONSISTENT);
    assert_int_equal(concur_fact_verdict(cm, van), CONCUR_VERDICT_CONSISTENT);
    size_t inj = find_fact(cm, "injured", NULL, 1466, 1);
    assert_int_equal(find_fact(cm, "injured", NULL, 1607, 2), inj);
    assert_int_equal(concur_fact_verdict(cm, inj), CONCUR_VERDICT_CONFLICT);
    /* the incident date of b is its written 24 January 2020, not Sunday */
    assert_string_equal(concur_fact_category(cm, 0), "date");
    assert_int_equal(concur_fact_verdict(cm, 0), CONCUR_VERDICT_AGREE);
    concur_comparison_free(cm);
    concur_doc_free(a);
    concur_doc_free(b);
    concur_doc_free(c);
}

static void many_documents(void **st)
{
    (void)st;
    /* 300 reports of one event: 200 say 40, 100 say "about 40": one fact,
     * consistent; one more saying 1000 is too far to be the same figure */
    enum { N = 301 };
    const concur_doc *docs[N];
    concur_doc *own[N];
    for (int i = 0; i < N; i++) {
        char id[16];
        snprintf(id, sizeof id, "r%d", i);
        own[i] = mkdoc(id, i == N - 1 ? "It said 1000 people were killed." : "It said 40 people were killed.");
        claim(own[i], i == N - 1 ? "1000 people were killed" : "40 people were killed", "killed", "people",
              i == N - 1 ? 1000 : 40, i % 3 == 2 ? CONCUR_QUAL_ABOUT : CONCUR_QUAL_NONE, -1, -1, NULL, NULL);
        finish(own[i]);
        docs[i] = own[i];
    }
    concur_comparison *c = concur_compare(docs, N, NULL, NULL);
    assert_int_equal(concur_comparison_fact_count(c), 2);
    size_t f = find_fact(c, "killed", NULL, 40, 0);
    assert_int_equal(concur_fact_source_count(c, f), N - 1);
    assert_int_equal(concur_fact_verdict(c, f), CONCUR_VERDICT_CONSISTENT);
    assert_int_equal(concur_fact_verdict(c, find_fact(c, "killed", NULL, 1000, N - 1)), CONCUR_VERDICT_SINGLE);
    /* the list layout of the table for more than 8 documents */
    char *t = render(c, CONCUR_COMPARE_TABLE);
    assert_non_null(strstr(t, "killed people  consistent (300 documents)\n    [1] 40\n    [2] 40\n    [3] about 40\n"));
    free(t);
    concur_comparison_free(c);
    for (int i = 0; i < N; i++) concur_doc_free(own[i]);
}

static void bad_arguments(void **st)
{
    (void)st;
    concur_error err = {0};
    assert_null(concur_compare(NULL, 0, NULL, &err));
    assert_int_equal(err.code, CONCUR_ERR_USAGE);
    const concur_doc *docs[1] = {NULL};
    assert_null(concur_compare(docs, 1, NULL, &err));
    assert_string_equal(concur_verdict_name(CONCUR_VERDICT_CONFLICT), "conflict");
    /* a document without claims: an empty comparison, all formats work */
    concur_doc *a = mkdoc("empty", "Nothing to count here.");
    finish(a);
    docs[0] = a;
    concur_comparison *c = concur_compare(docs, 1, NULL, NULL);
    assert_int_equal(concur_comparison_fact_count(c), 0);
    char *t = render(c, CONCUR_COMPARE_TABLE);
    assert_non_null(strstr(t, "0 facts: 0 agree, 0 consistent, 0 conflict, 0 single"));
    free(t);
    concur_comparison_free(c);
    concur_doc_free(a);
}

int run_compare_tests(void)
{
    engine = concur_engine_new(NULL, NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(khojaly_alignment),  cmocka_unit_test(verdicts),
        cmocka_unit_test(incidents_stay_apart), cmocka_unit_test(same_doc_variants),
        cmocka_unit_test(hostile_text_escaped), cmocka_unit_test(dates_keep_incidents_apart),
        cmocka_unit_test(background_figures), cmocka_unit_test(many_documents),
        cmocka_unit_test(bad_arguments),
    };
    int r = cmocka_run_group_tests_name("compare", tests, NULL, NULL);
    concur_engine_free(engine);
    return r;
}
