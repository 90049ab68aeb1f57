/* report.c -- a comparison as a terminal table, as JSON Lines (the compare
 * contract of DESIGN.md) and as one self-contained HTML page. */
#include "compare.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int flush(cc_buf *b, concur_write_fn w, void *u)
{
    int r = 0;
    if (b->oom) r = -1;
    else if (b->len) r = w(u, b->data, b->len);
    b->len = 0;
    return r;
}

static const cc_cmp_fact *fact_k(const concur_comparison *c, size_t k) { return &c->f[c->order[k]]; }

static bool is_date_fact(const cc_cmp_fact *f) { return !strcmp(f->category, "date"); }

static size_t fact_depth(const concur_comparison *c, const cc_cmp_fact *f)
{
    size_t d = 0;
    for (size_t p = f->parent; p != CC_NO_FACT && d < 16; p = c->f[p].parent) d++;
    return d;
}

/* ------------------------------------------------------------- figures */

/* 1275 -> "1,275"; non-integers as the shortest decimal. */
static void put_num(cc_buf *b, double v)
{
    if (!isfinite(v) || fabs(v) >= 1e15 || v != floor(v)) {
        cc_buf_num(b, v);
        return;
    }
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%.0f", fabs(v));
    if (v < 0) cc_buf_putc(b, '-');
    for (int i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0) cc_buf_putc(b, ',');
        cc_buf_putc(b, tmp[i]);
    }
}

void cc_cmp_figure(cc_buf *b, const concur_mention *m)
{
    static const char *const words[] = {NULL, "about ", "at least ", "more than ", "at most ",
                                        "less than ", "up to ", NULL, NULL};
    concur_qualifier q = m->qualifier;
    if (q == CONCUR_QUAL_RANGE && m->has_min && m->has_max) {
        put_num(b, m->min);
        cc_buf_putc(b, '-');
        put_num(b, m->max);
        return;
    }
    if (q == CONCUR_QUAL_VAGUE || (!m->has_value && !m->has_min && !m->has_max)) {
        /* "thousands", "dozens": the words themselves */
        size_t n = m->end - m->start;
        const char *s = m->doc->src + m->start;
        cc_buf_puts(b, "\"");
        for (size_t i = 0; i < n && i < 40; i++) cc_buf_putc(b, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
        cc_buf_puts(b, "\"");
        return;
    }
    if ((unsigned)q < sizeof words / sizeof *words && words[q]) cc_buf_puts(b, words[q]);
    else if (m->approx) cc_buf_puts(b, "about ");
    double v = m->has_value ? m->value : (m->has_min ? m->min : m->max);
    if (!m->has_value) {
        if (q == CONCUR_QUAL_AT_MOST || q == CONCUR_QUAL_LESS_THAN || q == CONCUR_QUAL_UP_TO)
            v = m->has_max ? m->max : v;
        else v = m->has_min ? m->min : v;
    }
    put_num(b, v);
}

/* Date source: "1992-02-25", or "1992-02-25..1992-02-26" with its ends. */
static void date_figure(cc_buf *b, const cc_cmp_src *s)
{
    const concur_mention *m = s->m;
    if (m->kind == CONCUR_KIND_DATE && m->begin && m->end_value && strcmp(m->begin, m->end_value)) {
        cc_buf_printf(b, "%s..%s", m->begin, m->end_value);
        return;
    }
    cc_buf_puts(b, s->timex ? s->timex : "?");
}

static void source_figure(cc_buf *b, const cc_cmp_fact *f, const cc_cmp_src *s)
{
    if (is_date_fact(f)) {
        date_figure(b, s);
        return;
    }
    cc_cmp_figure(b, s->m);
    /* what the figure counts, where the trigger says more than its
     * category: "17 in hospital", "12 lost one parent" */
    if (s->m->note) {
        cc_buf_putc(b, ' ');
        cc_buf_puts(b, s->m->note);
    }
}

static void fact_label(cc_buf *b, const cc_cmp_fact *f)
{
    if (is_date_fact(f)) {
        cc_buf_puts(b, "incident date");
        return;
    }
    cc_buf_puts(b, f->category);
    if (f->group) {
        cc_buf_putc(b, ' ');
        cc_buf_puts(b, f->group);
    }
    if (f->place) {
        cc_buf_puts(b, " in ");
        cc_buf_puts(b, f->place);
    }
}

/* Counts of each verdict, for the summary lines. */
static void tally(const concur_comparison *c, size_t n[4])
{
    n[0] = n[1] = n[2] = n[3] = 0;
    for (size_t i = 0; i < c->nf; i++) n[c->f[i].verdict & 3]++;
}

/* --------------------------------------------------------------- table */

static size_t cps_of(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Appends s padded (or cut, with "...") to exactly `width` code points;
 * control bytes become spaces. */
static void put_cell(cc_buf *b, const char *s, size_t n, size_t width)
{
    size_t cps = cps_of(s, n);
    size_t keep = n;
    if (cps > width) {
        size_t lim = width > 3 ? width - 3 : 0, k = 0;
        for (keep = 0; keep < n; keep++) {
            if (((unsigned char)s[keep] & 0xC0) != 0x80) {
                if (k == lim) break;
                k++;
            }
        }
        cps = k;
    }
    for (size_t i = 0; i < keep; i++) cc_buf_putc(b, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
    if (keep < n) {
        cc_buf_puts(b, "...");
        cps += 3;
    }
    for (; cps < width; cps++) cc_buf_putc(b, ' ');
}

static const char *verdict_color(concur_verdict v)
{
    switch (v) {
    case CONCUR_VERDICT_AGREE: return "\033[32m";
    case CONCUR_VERDICT_CONSISTENT: return "\033[36m";
    case CONCUR_VERDICT_CONFLICT: return "\033[1;31m";
    default: return "\033[33m";
    }
}

/* The lines of one cell: each figure of that document, with who says so. */
static size_t cell_lines(const cc_cmp_fact *f, size_t doc, cc_buf *tmp, size_t *starts, size_t max)
{
    size_t n = 0;
    tmp->len = 0;
    for (size_t j = 0; j < f->nsrc && n < max; j++) {
        const cc_cmp_src *s = &f->src[j];
        if (s->doc != doc) continue;
        starts[n++] = tmp->len;
        source_figure(tmp, f, s);
        if (s->m->attribution) cc_buf_printf(tmp, " (%s)", s->m->attribution);
        cc_buf_putc(tmp, 0);
    }
    return n;
}

#define CELL_MAX 36
#define LINES_MAX 8

static int table_columns(const concur_comparison *c, bool color, concur_write_fn w, void *u, cc_buf *b)
{
    cc_buf tmp;
    cc_buf_init(&tmp);
    size_t starts[LINES_MAX];
    size_t nd = c->ndocs;
    size_t widths[9];
    size_t lw = 4;
    /* widths: fact labels, then each document's column */
    for (size_t k = 0; k < c->nf; k++) {
        const cc_cmp_fact *f = fact_k(c, k);
        tmp.len = 0;
        fact_label(&tmp, f);
        size_t l = cps_of(tmp.data ? tmp.data : "", tmp.len) + 2 * fact_depth(c, f);
        if (l > lw) lw = l;
    }
    if (lw > 40) lw = 40;
    for (size_t d = 0; d < nd; d++) {
        widths[d] = 3;
        for (size_t k = 0; k < c->nf; k++) {
            size_t n = cell_lines(fact_k(c, k), d, &tmp, starts, LINES_MAX);
            for (size_t i = 0; i < n; i++) {
                size_t l = cps_of(tmp.data + starts[i], strlen(tmp.data + starts[i]));
                if (l > widths[d]) widths[d] = l;
            }
        }
        if (widths[d] > CELL_MAX) widths[d] = CELL_MAX;
    }
    put_cell(b, "fact", 4, lw);
    for (size_t d = 0; d < nd; d++) {
        char h[16];
        int n = snprintf(h, sizeof h, "[%zu]", d + 1);
        cc_buf_puts(b, "  ");
        put_cell(b, h, (size_t)n, widths[d]);
    }
    cc_buf_puts(b, "  verdict\n");
    int r = 0;
    for (size_t k = 0; k < c->nf && !r; k++) {
        const cc_cmp_fact *f = fact_k(c, k);
        /* the cells' lines, row by row */
        size_t height = 1;
        for (size_t d = 0; d < nd; d++) {
            size_t n = cell_lines(f, d, &tmp, starts, LINES_MAX);
            if (n > height) height = n;
        }
        for (size_t line = 0; line < height; line++) {
            if (line == 0) {
                cc_buf tl;
                cc_buf_init(&tl);
                for (size_t i = 0; i < fact_depth(c, f); i++) cc_buf_puts(&tl, "  ");
                fact_label(&tl, f);
                put_cell(b, tl.data ? tl.data : "", tl.len, lw);
                cc_buf_free(&tl);
            } else {
                put_cell(b, "", 0, lw);
            }
            for (size_t d = 0; d < nd; d++) {
                size_t n = cell_lines(f, d, &tmp, starts, LINES_MAX);
                cc_buf_puts(b, "  ");
                if (line < n) put_cell(b, tmp.data + starts[line], strlen(tmp.data + starts[line]), widths[d]);
                else if (line == 0) put_cell(b, "-", 1, widths[d]);
                else put_cell(b, "", 0, widths[d]);
            }
            if (line == 0) {
                cc_buf_puts(b, "  ");
                if (color) cc_buf_puts(b, verdict_color(f->verdict));
                cc_buf_puts(b, concur_verdict_name(f->verdict));
                if (color) cc_buf_puts(b, "\033[0m");
            }
            /* no trailing blanks */
            while (b->len && b->data[b->len - 1] == ' ') b->len--;
            cc_buf_putc(b, '\n');
        }
        if (b->len > 65536) r = flush(b, w, u);
    }
    cc_buf_free(&tmp);
    return r;
}

/* Many documents: one block per fact, one line per source. */
static int table_list(const concur_comparison *c, bool color, concur_write_fn w, void *u, cc_buf *b)
{
    int r = 0;
    for (size_t k = 0; k < c->nf && !r; k++) {
        const cc_cmp_fact *f = fact_k(c, k);
        for (size_t i = 0; i < fact_depth(c, f); i++) cc_buf_puts(b, "  ");
        fact_label(b, f);
        cc_buf_puts(b, "  ");
        if (color) cc_buf_puts(b, verdict_color(f->verdict));
        cc_buf_puts(b, concur_verdict_name(f->verdict));
        if (color) cc_buf_puts(b, "\033[0m");
        cc_buf_printf(b, " (%zu documents)\n", f->ndocs);
        for (size_t j = 0; j < f->nsrc; j++) {
            const cc_cmp_src *s = &f->src[j];
            for (size_t i = 0; i < fact_depth(c, f); i++) cc_buf_puts(b, "  ");
            cc_buf_printf(b, "    [%zu] ", s->doc + 1);
            source_figure(b, f, s);
            if (s->m->attribution) cc_buf_printf(b, " (%s)", s->m->attribution);
            cc_buf_putc(b, '\n');
        }
        if (b->len > 65536) r = flush(b, w, u);
    }
    return r;
}

int cc_cmp_write_table(const concur_comparison *c, bool color, concur_write_fn w, void *u)
{
    cc_buf b;
    cc_buf_init(&b);
    for (size_t d = 0; d < c->ndocs; d++) {
        const char *id = cc_cmp_doc_name(c, d);
        cc_buf_printf(&b, "[%zu] ", d + 1);
        put_cell(&b, id, strlen(id), cps_of(id, strlen(id)) > 200 ? 200 : cps_of(id, strlen(id)));
        cc_buf_putc(&b, '\n');
    }
    cc_buf_putc(&b, '\n');
    int r = c->ndocs <= 8 ? table_columns(c, color, w, u, &b) : table_list(c, color, w, u, &b);
    size_t n[4];
    tally(c, n);
    if (!r) {
        cc_buf_printf(&b, "\n%zu facts: %zu agree, %zu consistent, %zu conflict, %zu single\n", c->nf,
                      n[CONCUR_VERDICT_AGREE], n[CONCUR_VERDICT_CONSISTENT], n[CONCUR_VERDICT_CONFLICT],
                      n[CONCUR_VERDICT_SINGLE]);
        r = flush(&b, w, u);
    }
    cc_buf_free(&b);
    return r;
}

/* ---------------------------------------------------------------- JSON */

static void jstr(cc_buf *b, const char *s)
{
    if (!s) {
        cc_buf_puts(b, "null");
        return;
    }
    cc_buf_putc(b, '"');
    cc_buf_json_str(b, s, strlen(s));
    cc_buf_putc(b, '"');
}

static void jnum(cc_buf *b, bool has, double v)
{
    if (has) cc_buf_num(b, v);
    else cc_buf_puts(b, "null");
}

int cc_cmp_write_json(const concur_comparison *c, concur_write_fn w, void *u)
{
    cc_buf b;
    cc_buf_init(&b);
    int r = 0;
    for (size_t k = 0; k < c->nf && !r; k++) {
        const cc_cmp_fact *f = fact_k(c, k);
        bool date = is_date_fact(f);
        cc_buf_puts(&b, "{\"key\":{\"category\":");
        jstr(&b, f->category);
        cc_buf_puts(&b, ",\"group\":");
        jstr(&b, f->group);
        cc_buf_puts(&b, ",\"place\":");
        jstr(&b, f->place);
        cc_buf_puts(&b, "},\"verdict\":");
        jstr(&b, concur_verdict_name(f->verdict));
        cc_buf_puts(&b, ",\"sources\":[");
        for (size_t j = 0; j < f->nsrc; j++) {
            const cc_cmp_src *s = &f->src[j];
            const concur_mention *m = s->m;
            if (j) cc_buf_putc(&b, ',');
            cc_buf_puts(&b, "{\"doc\":");
            jstr(&b, cc_cmp_doc_name(c, s->doc));
            cc_buf_puts(&b, ",\"id\":");
            jstr(&b, m->id);
            if (date) {
                cc_buf_puts(&b, ",\"value\":null,\"min\":null,\"max\":null,\"attribution\":null,\"timex\":");
                jstr(&b, s->timex);
                bool ends = m->kind == CONCUR_KIND_DATE && m->begin && m->end_value;
                cc_buf_puts(&b, ",\"begin\":");
                jstr(&b, ends ? m->begin : NULL);
                cc_buf_puts(&b, ",\"end_value\":");
                jstr(&b, ends ? m->end_value : NULL);
            } else {
                cc_buf_puts(&b, ",\"value\":");
                jnum(&b, m->has_value, m->value);
                cc_buf_puts(&b, ",\"min\":");
                jnum(&b, m->has_min, m->min);
                cc_buf_puts(&b, ",\"max\":");
                jnum(&b, m->has_max, m->max);
                cc_buf_puts(&b, ",\"attribution\":");
                jstr(&b, m->attribution);
                cc_buf_puts(&b, ",\"qualifier\":");
                jstr(&b, concur_qualifier_name(m->qualifier));
                cc_buf_puts(&b, ",\"group\":");
                jstr(&b, m->group);
                cc_buf_puts(&b, ",\"date\":");
                jstr(&b, m->date);
            }
            if (cc_cmp_is_variant(f, j)) cc_buf_puts(&b, ",\"variant\":true");
            cc_buf_puts(&b, ",\"text\":\"");
            cc_buf_json_str(&b, m->doc->src + m->start, m->end - m->start);
            cc_buf_printf(&b, "\",\"start\":%zu,\"end\":%zu}", (size_t)m->start, (size_t)m->end);
        }
        cc_buf_printf(&b, "],\"fact\":\"f%zu\",\"parent\":", f->id);
        if (f->parent != CC_NO_FACT) cc_buf_printf(&b, "\"f%zu\"", c->f[f->parent].id);
        else cc_buf_puts(&b, "null");
        cc_buf_puts(&b, "}\n");
        if (b.len > 65536) r = flush(&b, w, u);
    }
    if (!r) r = flush(&b, w, u);
    cc_buf_free(&b);
    return r;
}

/* ---------------------------------------------------------------- HTML */

/* Escapes text for HTML element content and attribute values: & < > " '
 * as entities, control bytes as spaces, invalid UTF-8 as U+FFFD. */
static void hesc(cc_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {
            switch (ch) {
            case '&': cc_buf_puts(b, "&amp;"); break;
            case '<': cc_buf_puts(b, "&lt;"); break;
            case '>': cc_buf_puts(b, "&gt;"); break;
            case '"': cc_buf_puts(b, "&quot;"); break;
            case '\'': cc_buf_puts(b, "&#39;"); break;
            default: cc_buf_putc(b, (ch < 0x20 && ch != '\n') || ch == 0x7f ? ' ' : (char)ch);
            }
            i++;
            continue;
        }
        int len;
        uint32_t cp = cc_utf8_decode((const unsigned char *)s + i, n - i, &len);
        if (cp == 0xFFFD && len == 1) cc_buf_puts(b, "\xEF\xBF\xBD");
        else cc_buf_put(b, s + i, (size_t)len);
        i += (size_t)len;
    }
}

static void hesc_z(cc_buf *b, const char *s) { hesc(b, s ? s : "", s ? strlen(s) : 0); }

/* Category names are words from the recogniser; keep only [a-z_] for use
 * in class names and data attributes. */
static void put_ident(cc_buf *b, const char *s)
{
    for (; s && *s; s++) {
        char ch = *s;
        cc_buf_putc(b, (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ? ch : '_');
    }
}

static const char html_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>concur compare</title>\n<style>\n"
    "body{font:15px/1.45 system-ui,sans-serif;margin:1.2em;color:#1b1b1b;background:#fff}\n"
    "h1{font-size:1.3em;margin:0 0 .3em}h2{font-size:1.05em;margin:.2em 0 .5em;word-break:break-all}\n"
    "#filters{margin:.6em 0;padding:.4em .6em;background:#f3f3f3;border-radius:4px}\n"
    "#filters label{margin-right:1em}\n"
    "table.facts{border-collapse:collapse;margin:.8em 0;width:100%}\n"
    "table.facts th,table.facts td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}\n"
    "table.facts th{background:#eee}\n"
    "tr.part td.label{padding-left:1.8em}tr.part2 td.label{padding-left:3em}\n"
    "tr.hidden{display:none}\n"
    "td.verdict{font-weight:600}\n"
    ".v-agree td.verdict{color:#1a7f37}.v-consistent td.verdict{color:#0b6e99}"
    ".v-conflict td.verdict{color:#c62828}.v-single td.verdict{color:#8a6d00}\n"
    ".attr{color:#555;font-size:.9em}\n"
    ".docs{display:flex;gap:1em;align-items:flex-start}\n"
    ".doc{flex:1 1 0;min-width:18em;border:1px solid #ccc;border-radius:4px;padding:.5em .8em}\n"
    ".doc p{margin:.4em 0;white-space:pre-wrap}\n"
    "mark{padding:0 .1em;border-radius:2px}\n"
    "a.fref{font-size:.7em;vertical-align:super;margin-left:.1em;color:#555}\n"
    ".fid{color:#777;font-size:.8em;margin-right:.3em}\n"
    "mark.v-agree{background:#c8efd0}mark.v-consistent{background:#c6e6f5}"
    "mark.v-conflict{background:#f9c9c9}mark.v-single{background:#fbeeb8}\n"
    "mark.variant{background:none;border-bottom:2px dashed #888}a.src.variant{font-style:italic}\n"
    "mark.off{background:none}\n"
    "td.label{min-width:12em}\n"
    ":target{outline:3px solid #f0a000}\n"
    "@media print{#filters{display:none}.docs{display:block}.doc{border:none;padding:0;margin-bottom:1em}"
    "mark{background:none!important;border-bottom:2px solid #555}a{color:inherit;text-decoration:none}"
    "a.fref{color:#000}"
    "tr{break-inside:avoid}}\n"
    "</style>\n</head>\n<body>\n";

static const char html_script[] =
    "<script>\n"
    "(function(){\n"
    "  function apply(){\n"
    "    var on={};\n"
    "    document.querySelectorAll('#filters input[type=checkbox]').forEach(function(c){on[c.value]=c.checked;});\n"
    "    var cat=document.getElementById('fcat').value;\n"
    "    document.querySelectorAll('tr.fact').forEach(function(r){\n"
    "      var ok=on[r.dataset.verdict]&&(cat===''||r.dataset.category===cat);\n"
    "      r.classList.toggle('hidden',!ok);});\n"
    "    document.querySelectorAll('mark.claim').forEach(function(m){\n"
    "      var ok=on[m.dataset.verdict]&&(cat===''||m.dataset.category===cat);\n"
    "      m.classList.toggle('off',!ok);});\n"
    "  }\n"
    "  document.querySelectorAll('#filters input,#filters select').forEach(function(e){\n"
    "    e.addEventListener('change',apply);});\n"
    "  apply();\n"
    "})();\n"
    "</script>\n";

/* A highlighted span of a document: the source of a fact. */
typedef struct hmark {
    size_t cstart, cend;
    const concur_mention *m;
    const cc_cmp_fact *f;
    bool variant;            /* a figure other than the agreed one */
} hmark;

static int cmp_hmark(const void *a, const void *b)
{
    const hmark *x = a, *y = b;
    if (x->cstart != y->cstart) return x->cstart < y->cstart ? -1 : 1;
    if (x->cend != y->cend) return x->cend > y->cend ? -1 : 1;
    return x->f->id < y->f->id ? -1 : x->f->id > y->f->id;
}

static void mark_id(cc_buf *b, size_t doc, const concur_mention *m) { cc_buf_printf(b, "d%zu-%s", doc + 1, m->id); }

/* Plain document text [s, e): escaped, paragraphs at blank lines. */
static void html_text(cc_buf *b, const char *t, size_t s, size_t e)
{
    while (s < e) {
        const char *br = memchr(t + s, '\n', e - s);
        size_t stop = br ? (size_t)(br - t) : e;
        hesc(b, t + s, stop - s);
        if (!br) return;
        size_t k = stop;
        while (k < e && t[k] == '\n') k++;
        cc_buf_puts(b, k - stop >= 2 ? "</p>\n<p>" : "<br>");
        s = k;
    }
}

static void html_open_mark(cc_buf *b, size_t doc, const hmark *h)
{
    cc_buf_puts(b, "<mark class=\"claim v-");
    cc_buf_puts(b, concur_verdict_name(h->f->verdict));
    if (h->variant) cc_buf_puts(b, " variant");
    cc_buf_puts(b, "\" id=\"");
    mark_id(b, doc, h->m);
    cc_buf_printf(b, "\" data-fact=\"f%zu\" data-verdict=\"%s\" data-category=\"", h->f->id,
                  concur_verdict_name(h->f->verdict));
    put_ident(b, h->f->category);
    cc_buf_puts(b, "\" title=\"");
    cc_buf tl;
    cc_buf_init(&tl);
    fact_label(&tl, h->f);
    hesc(b, tl.data ? tl.data : "", tl.len);
    cc_buf_free(&tl);
    cc_buf_printf(b, ": %s%s\">", concur_verdict_name(h->f->verdict), h->variant ? " (another figure)" : "");
}

#define MARK_DEPTH 8

/* One document with its sources highlighted. Marks nest (a part inside
 * the words of its whole); a mark that crosses another's end is left out.
 * Each mark is followed by a link to its fact ("f3"). */
static void html_doc(cc_buf *b, const concur_comparison *c, size_t doc, const hmark *marks, size_t nmarks)
{
    const concur_doc *d = c->docs[doc];
    size_t len;
    const char *t = concur_doc_text(d, &len);
    cc_buf_printf(b, "<article class=\"doc\" id=\"doc%zu\">\n<h2>[%zu] ", doc + 1, doc + 1);
    hesc_z(b, concur_doc_id(d));
    cc_buf_puts(b, "</h2>\n<div class=\"text\"><p>");
    const hmark *open[MARK_DEPTH];
    size_t nopen = 0, pos = 0, mk = 0;
    for (;;) {
        size_t top_end = nopen ? open[nopen - 1]->cend : len;
        /* leave out marks already passed or crossing the open one's end */
        while (mk < nmarks) {
            const hmark *h = &marks[mk];
            if (h->cstart < pos || h->cend > len || h->cend < h->cstart) { mk++; continue; }
            if (h->cstart < top_end && (h->cend > top_end || nopen == MARK_DEPTH)) { mk++; continue; }
            break;
        }
        bool open_next = mk < nmarks && (marks[mk].cstart < top_end || nopen == 0);
        size_t next = open_next ? marks[mk].cstart : top_end;
        html_text(b, t, pos, next);
        pos = next;
        if (open_next) {
            html_open_mark(b, doc, &marks[mk]);
            open[nopen++] = &marks[mk++];
            continue;
        }
        if (!nopen) break;
        const hmark *h = open[--nopen];
        cc_buf_printf(b, "</mark><a class=\"fref\" href=\"#f%zu\">f%zu</a>", h->f->id, h->f->id);
    }
    cc_buf_puts(b, "</p></div>\n</article>\n");
}

static void html_cell_sources(cc_buf *b, const concur_comparison *c, const cc_cmp_fact *f, size_t doc, bool label)
{
    bool any = false;
    for (size_t j = 0; j < f->nsrc; j++) {
        const cc_cmp_src *s = &f->src[j];
        if (doc != CC_NO_FACT && s->doc != doc) continue;
        if (any) cc_buf_puts(b, "<br>");
        any = true;
        if (label) cc_buf_printf(b, "[%zu] ", s->doc + 1);
        cc_buf_puts(b, cc_cmp_is_variant(f, j) ? "<a class=\"src variant\" href=\"#" : "<a class=\"src\" href=\"#");
        mark_id(b, s->doc, s->m);
        cc_buf_puts(b, "\" title=\"");
        hesc(b, s->m->doc->src + s->m->start, s->m->end - s->m->start);
        cc_buf_puts(b, "\">");
        cc_buf tmp;
        cc_buf_init(&tmp);
        source_figure(&tmp, f, s);
        hesc(b, tmp.data ? tmp.data : "", tmp.len);
        cc_buf_free(&tmp);
        cc_buf_puts(b, "</a>");
        if (s->m->attribution) {
            cc_buf_puts(b, " <span class=\"attr\">(");
            hesc_z(b, s->m->attribution);
            cc_buf_puts(b, ")</span>");
        }
    }
    (void)c;
    if (!any) cc_buf_puts(b, "&ndash;");
}

int cc_cmp_write_html(const concur_comparison *c, concur_write_fn w, void *u)
{
    cc_buf b;
    cc_buf_init(&b);
    int r = 0;
    size_t n[4];
    tally(c, n);
    bool columns = c->ndocs <= 8;
    cc_buf_puts(&b, html_head);
    cc_buf_printf(&b, "<h1>concur compare</h1>\n<p class=\"summary\">%zu documents, %zu facts: "
                      "%zu agree, %zu consistent, %zu conflict, %zu single</p>\n",
                  c->ndocs, c->nf, n[CONCUR_VERDICT_AGREE], n[CONCUR_VERDICT_CONSISTENT],
                  n[CONCUR_VERDICT_CONFLICT], n[CONCUR_VERDICT_SINGLE]);
    /* filters */
    cc_buf_puts(&b, "<form id=\"filters\">Show: ");
    static const concur_verdict vs[] = {CONCUR_VERDICT_AGREE, CONCUR_VERDICT_CONSISTENT, CONCUR_VERDICT_CONFLICT,
                                        CONCUR_VERDICT_SINGLE};
    for (size_t i = 0; i < 4; i++)
        cc_buf_printf(&b, "<label><input type=\"checkbox\" value=\"%s\" checked> %s</label>",
                      concur_verdict_name(vs[i]), concur_verdict_name(vs[i]));
    cc_buf_puts(&b, " <label>category <select id=\"fcat\"><option value=\"\">all</option>");
    for (size_t k = 0; k < c->nf; k++) {
        const cc_cmp_fact *f = fact_k(c, k);
        bool seen = false;
        for (size_t q = 0; q < k && !seen; q++) seen = !strcmp(fact_k(c, q)->category, f->category);
        if (seen) continue;
        cc_buf_puts(&b, "<option value=\"");
        put_ident(&b, f->category);
        cc_buf_puts(&b, "\">");
        hesc_z(&b, f->category);
        cc_buf_puts(&b, "</option>");
    }
    cc_buf_puts(&b, "</select></label></form>\n");
    /* the fact table */
    cc_buf_puts(&b, "<table class=\"facts\" id=\"facts\">\n<thead><tr><th>fact</th>");
    if (columns)
        for (size_t d = 0; d < c->ndocs; d++) {
            cc_buf_printf(&b, "<th><a href=\"#doc%zu\">[%zu]</a> ", d + 1, d + 1);
            hesc_z(&b, cc_cmp_doc_name(c, d));
            cc_buf_puts(&b, "</th>");
        }
    else
        cc_buf_puts(&b, "<th>sources</th>");
    cc_buf_puts(&b, "<th>verdict</th></tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < c->nf && !r; k++) {
        const cc_cmp_fact *f = fact_k(c, k);
        size_t depth = fact_depth(c, f);
        cc_buf_printf(&b, "<tr class=\"fact v-%s%s\" id=\"f%zu\" data-verdict=\"%s\" data-category=\"",
                      concur_verdict_name(f->verdict), depth == 0 ? "" : depth == 1 ? " part" : " part part2", f->id,
                      concur_verdict_name(f->verdict));
        put_ident(&b, f->category);
        cc_buf_printf(&b, "\"><td class=\"label\"><span class=\"fid\">f%zu</span> ", f->id);
        cc_buf tl;
        cc_buf_init(&tl);
        fact_label(&tl, f);
        hesc(&b, tl.data ? tl.data : "", tl.len);
        cc_buf_free(&tl);
        cc_buf_puts(&b, "</td>");
        if (columns)
            for (size_t d = 0; d < c->ndocs; d++) {
                cc_buf_puts(&b, "<td>");
                html_cell_sources(&b, c, f, d, false);
                cc_buf_puts(&b, "</td>");
            }
        else {
            cc_buf_puts(&b, "<td>");
            html_cell_sources(&b, c, f, CC_NO_FACT, true);
            cc_buf_puts(&b, "</td>");
        }
        cc_buf_printf(&b, "<td class=\"verdict\">%s</td></tr>\n", concur_verdict_name(f->verdict));
        if (b.len > 65536) r = flush(&b, w, u);
    }
    cc_buf_puts(&b, "</tbody>\n</table>\n<section class=\"docs\" id=\"docs\">\n");
    /* the documents, each source highlighted: the sources bucketed by
     * document in one pass (counting sort), each bucket in text order */
    size_t total = 0;
    for (size_t k = 0; k < c->nf; k++) total += fact_k(c, k)->nsrc;
    size_t *start = calloc(c->ndocs + 1, sizeof *start);
    hmark *hm = malloc((total ? total : 1) * sizeof *hm);
    if (!start || !hm) b.oom = true;
    else {
        for (size_t k = 0; k < c->nf; k++) {
            const cc_cmp_fact *f = fact_k(c, k);
            for (size_t j = 0; j < f->nsrc; j++) start[f->src[j].doc + 1]++;
        }
        for (size_t d = 0; d < c->ndocs; d++) start[d + 1] += start[d];
        for (size_t k = 0; k < c->nf; k++) {
            const cc_cmp_fact *f = fact_k(c, k);
            for (size_t j = 0; j < f->nsrc; j++) {
                const concur_mention *m = f->src[j].m;
                hm[start[f->src[j].doc]++] = (hmark){m->cstart, m->cend, m, f, cc_cmp_is_variant(f, j)};
            }
        }
        /* start[d] is now the end of bucket d, i.e. the start of d + 1 */
        for (size_t d = c->ndocs; d > 0; d--) start[d] = start[d - 1];
        start[0] = 0;
        for (size_t d = 0; d < c->ndocs && !r; d++) {
            size_t n = start[d + 1] - start[d];
            if (n > 1) qsort(hm + start[d], n, sizeof *hm, cmp_hmark);
            html_doc(&b, c, d, hm + start[d], n);
            if (b.len > 65536) r = flush(&b, w, u);
        }
    }
    free(start);
    free(hm);
    if (!r) {
        cc_buf_puts(&b, "</section>\n");
        cc_buf_puts(&b, html_script);
        cc_buf_puts(&b, "</body>\n</html>\n");
        r = flush(&b, w, u);
    }
    cc_buf_free(&b);
    return r;
}
