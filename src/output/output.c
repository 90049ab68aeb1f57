/* output.c -- mentions as JSON Lines (the output contract, docs/output.md),
 * TSV and a table for terminals. */
#include "../internal.h"

#include <stdio.h>

static int flush(cc_buf *b, concur_write_fn w, void *u)
{
    int r = 0;
    if (b->oom) r = -1;
    else if (b->len) r = w(u, b->data, b->len);
    b->len = 0;
    return r;
}

/* Keys are literals: ",\"key\":" is written in one copy. */
#define JSON_KEY(b, k) CC_BUF_LIT(b, ",\"" k "\":")

static void json_strv(cc_buf *b, const char *v)
{
    if (!v) { CC_BUF_LIT(b, "null"); return; }
    size_t n = strlen(v);
    /* values are short and plain ASCII (ids, kinds, units, categories):
     * checked while copied, quotes included, in one pass */
    if (!cc_buf_reserve(b, n + 2)) return;
    char *o = b->data + b->len;
    size_t i = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') break;
        o[i + 1] = (char)c;
    }
    if (i == n) {
        o[0] = '"';
        o[n + 1] = '"';
        b->len += n + 2;
        b->data[b->len] = 0;
        return;
    }
    cc_buf_putc(b, '"');
    cc_buf_json_str(b, v, n);
    cc_buf_putc(b, '"');
}

#define json_strf(b, k, v) (JSON_KEY(b, k), json_strv(b, v))

static void json_numv(cc_buf *b, bool has, double v)
{
    if (has) cc_buf_num(b, v);
    else CC_BUF_LIT(b, "null");
}

#define json_numf(b, k, has, v) (JSON_KEY(b, k), json_numv(b, has, v))

/* head: {"doc":"<escaped id>" -- the same for every mention of a document */
static void json_mention(cc_buf *b, const concur_doc *d, const cc_buf *head, const concur_mention *m)
{
    cc_buf_put(b, head->data, head->len);
    json_strf(b, "id", m->id);
    json_strf(b, "kind", concur_kind_name(m->kind));
    JSON_KEY(b, "start");
    cc_buf_uint(b, d->opt.offset_base + m->start);
    JSON_KEY(b, "end");
    cc_buf_uint(b, d->opt.offset_base + m->end);
    JSON_KEY(b, "text");
    cc_buf_putc(b, '"');
    cc_buf_json_str(b, d->src + m->start, m->end - m->start);
    cc_buf_putc(b, '"');
    JSON_KEY(b, "sentence");
    cc_buf_uint(b, d->opt.sentence_base + m->sentence);
    if (m->kind == CONCUR_KIND_DATE) {
        JSON_KEY(b, "timex");
        CC_BUF_LIT(b, "{\"type\":\"");
        cc_buf_puts(b, m->timex_type ? m->timex_type : "DATE");
        cc_buf_putc(b, '"');
        json_strf(b, "value", m->timex_value ? m->timex_value : "");
        json_strf(b, "mod", m->timex_mod);
        cc_buf_putc(b, '}');
        if (m->begin) json_strf(b, "begin", m->begin);
        if (m->end_value) json_strf(b, "end_value", m->end_value);
        if (m->timex_alt) {
            /* the other day/month order of an ambiguous numeric date */
            JSON_KEY(b, "alternatives");
            CC_BUF_LIT(b, "[{\"value\":\"");
            cc_buf_json_str(b, m->timex_alt, strlen(m->timex_alt));
            CC_BUF_LIT(b, "\"}]");
        }
        if (m->note) json_strf(b, "note", m->note);
        CC_BUF_LIT(b, "}\n");
        return;
    }
    json_numf(b, "value", m->has_value, m->value);
    json_numf(b, "min", m->has_min, m->min);
    json_numf(b, "max", m->has_max, m->max);
    JSON_KEY(b, "approx");
    if (m->approx) CC_BUF_LIT(b, "true");
    else CC_BUF_LIT(b, "false");
    json_strf(b, "qualifier", concur_qualifier_name(m->qualifier));
    json_strf(b, "unit", m->unit);
    if (m->ordinal) {
        JSON_KEY(b, "ordinal");
        CC_BUF_LIT(b, "true");
    }
    if (m->nalt) {
        JSON_KEY(b, "alternatives");
        cc_buf_putc(b, '[');
        for (unsigned i = 0; i < m->nalt; i++) {
            if (i) cc_buf_putc(b, ',');
            CC_BUF_LIT(b, "{\"value\":");
            cc_buf_num(b, m->alt[i]);
            cc_buf_putc(b, '}');
        }
        cc_buf_putc(b, ']');
    }
    if (m->kind == CONCUR_KIND_COUNT) {
        json_strf(b, "category", m->category);
        json_strf(b, "group", m->group);
        json_strf(b, "group_text", m->group_text);
        json_strf(b, "parent", m->parent ? m->parent->id : NULL);
        json_strf(b, "attribution", m->attribution);
        json_strf(b, "place", m->place);
        json_strf(b, "date", m->date);
        if (m->hedged) {
            JSON_KEY(b, "hedged");
            CC_BUF_LIT(b, "true");
        }
    }
    if (m->note) json_strf(b, "note", m->note);
    CC_BUF_LIT(b, "}\n");
}

int cc_write_jsonl(const concur_doc *d, unsigned kinds, concur_write_fn w, void *u)
{
    cc_buf b;
    cc_buf_init(&b);
    int r = 0;
    cc_buf head;
    cc_buf_init(&head);
    CC_BUF_LIT(&head, "{\"doc\":\"");
    cc_buf_json_str(&head, d->id, strlen(d->id));
    cc_buf_putc(&head, '"');
    if (head.oom) r = -1;
    for (size_t i = 0; i < d->nm && !r; i++) {
        if (!(d->m[i]->kind & kinds)) continue;
        json_mention(&b, d, &head, d->m[i]);
        if (b.len > 65536) r = flush(&b, w, u);
    }
    if (!r) r = flush(&b, w, u);
    cc_buf_free(&head);
    cc_buf_free(&b);
    return r;
}

/* Copies s[0..n) with tabs, newlines and control bytes as spaces. */
static void put_flat(cc_buf *b, const char *s, size_t n, size_t max_cp)
{
    if (!max_cp) {
        /* no length limit: copy runs of bytes that need no change */
        size_t i = 0;
        while (i < n) {
            size_t j = i;
            while (j < n && (unsigned char)s[j] >= 0x20 && s[j] != 0x7f) j++;
            cc_buf_put(b, s + i, j - i);
            if (j < n) cc_buf_putc(b, ' ');
            i = j + 1;
        }
        return;
    }
    size_t cps = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) {
            if (max_cp && cps == max_cp) { cc_buf_puts(b, "..."); return; }
            cps++;
        }
        cc_buf_putc(b, (c < 0x20 || c == 0x7f) ? ' ' : (char)c);
    }
}

/* The normalised reading of a mention, as one short string. */
static void reading(cc_buf *b, const concur_mention *m)
{
    if (m->kind == CONCUR_KIND_DATE) {
        cc_buf_puts(b, m->timex_type ? m->timex_type : "DATE");
        cc_buf_putc(b, ' ');
        cc_buf_puts(b, m->timex_value ? m->timex_value : "");
        if (m->timex_mod) cc_buf_printf(b, " mod=%s", m->timex_mod);
        if (m->begin || m->end_value)
            cc_buf_printf(b, " [%s..%s]", m->begin ? m->begin : "", m->end_value ? m->end_value : "");
        return;
    }
    if (m->has_value) cc_buf_num(b, m->value);
    else if (m->has_min || m->has_max) {
        if (m->has_min) cc_buf_num(b, m->min);
        cc_buf_puts(b, "..");
        if (m->has_max) cc_buf_num(b, m->max);
    } else cc_buf_putc(b, '?');
    if (m->has_value && m->qualifier == CONCUR_QUAL_RANGE) {
        cc_buf_puts(b, " (");
        cc_buf_num(b, m->min);
        cc_buf_puts(b, "..");
        cc_buf_num(b, m->max);
        cc_buf_putc(b, ')');
    }
    if (m->unit) cc_buf_printf(b, " %s", m->unit);
    if (m->ordinal) cc_buf_puts(b, " (ordinal)");
    if (m->qualifier) cc_buf_printf(b, " %s", concur_qualifier_name(m->qualifier));
    for (unsigned i = 0; i < m->nalt; i++) {
        cc_buf_puts(b, i ? "|" : " or ");
        cc_buf_num(b, m->alt[i]);
    }
}

static void details(cc_buf *b, const concur_mention *m)
{
    if (m->kind != CONCUR_KIND_COUNT) return;
    cc_buf_printf(b, "%s %s", m->category ? m->category : "?", m->group ? m->group : "?");
    if (m->parent) cc_buf_printf(b, " part-of:%s", m->parent->id);
    if (m->attribution) cc_buf_printf(b, " by:\"%s\"", m->attribution);
    if (m->place) cc_buf_printf(b, " at:%s", m->place);
    if (m->date) cc_buf_printf(b, " on:%s", m->date);
    if (m->hedged) cc_buf_puts(b, " hedged");
}

int cc_write_tsv(const concur_doc *d, unsigned kinds, bool header, concur_write_fn w, void *u)
{
    cc_buf b;
    cc_buf_init(&b);
    if (header)
        cc_buf_puts(&b, "doc\tid\tkind\tstart\tend\tsentence\ttext\tvalue\tmin\tmax\tqualifier\tunit\t"
                        "timex_type\ttimex_value\ttimex_mod\tcategory\tgroup\tparent\tattribution\tplace\tdate\n");
    int r = 0;
    for (size_t i = 0; i < d->nm && !r; i++) {
        const concur_mention *m = d->m[i];
        if (!(m->kind & kinds)) continue;
        put_flat(&b, d->id, strlen(d->id), 0);
        cc_buf_putc(&b, '\t');
        cc_buf_puts(&b, m->id);
        cc_buf_putc(&b, '\t');
        cc_buf_puts(&b, concur_kind_name(m->kind));
        cc_buf_putc(&b, '\t');
        cc_buf_uint(&b, d->opt.offset_base + m->start);
        cc_buf_putc(&b, '\t');
        cc_buf_uint(&b, d->opt.offset_base + m->end);
        cc_buf_putc(&b, '\t');
        cc_buf_uint(&b, d->opt.sentence_base + m->sentence);
        cc_buf_putc(&b, '\t');
        put_flat(&b, d->src + m->start, m->end - m->start, 0);
        cc_buf_putc(&b, '\t');
        if (m->has_value) cc_buf_num(&b, m->value);
        cc_buf_putc(&b, '\t');
        if (m->has_min) cc_buf_num(&b, m->min);
        cc_buf_putc(&b, '\t');
        if (m->has_max) cc_buf_num(&b, m->max);
        const char *q = concur_qualifier_name(m->qualifier);
        const char *f[] = {q, m->unit, m->timex_type, m->timex_value, m->timex_mod, m->category, m->group,
                           m->parent ? m->parent->id : NULL, m->attribution, m->place, m->date};
        for (size_t k = 0; k < sizeof f / sizeof *f; k++) {
            cc_buf_putc(&b, '\t');
            if (f[k]) put_flat(&b, f[k], strlen(f[k]), 0);
        }
        cc_buf_putc(&b, '\n');
        if (b.len > 65536) r = flush(&b, w, u);
    }
    if (!r) r = flush(&b, w, u);
    cc_buf_free(&b);
    return r;
}

int cc_write_table(const concur_doc *d, unsigned kinds, bool header, concur_write_fn w, void *u)
{
    cc_buf b, cell;
    cc_buf_init(&b);
    cc_buf_init(&cell);
    if (header) cc_buf_printf(&b, "%-5s %-8s %-13s %-36s %s\n", "id", "kind", "bytes", "text", "reading");
    int r = 0;
    for (size_t i = 0; i < d->nm && !r; i++) {
        const concur_mention *m = d->m[i];
        if (!(m->kind & kinds)) continue;
        char span[32];
        snprintf(span, sizeof span, "%zu-%zu", d->opt.offset_base + m->start, d->opt.offset_base + m->end);
        cell.len = 0;
        put_flat(&cell, d->src + m->start, m->end - m->start, 33);
        /* pad by code points, not bytes */
        size_t cps = 0;
        for (size_t k = 0; k < cell.len; k++) cps += ((unsigned char)cell.data[k] & 0xC0) != 0x80;
        cc_buf_printf(&b, "%-5s %-8s %-13s ", m->id, concur_kind_name(m->kind), span);
        cc_buf_put(&b, cell.data ? cell.data : "", cell.len);
        for (; cps < 36; cps++) cc_buf_putc(&b, ' ');
        cc_buf_putc(&b, ' ');
        reading(&b, m);
        if (m->kind == CONCUR_KIND_COUNT) {
            cc_buf_puts(&b, "  ");
            details(&b, m);
        }
        cc_buf_putc(&b, '\n');
        if (b.len > 65536) r = flush(&b, w, u);
    }
    if (!r) r = flush(&b, w, u);
    cc_buf_free(&b);
    cc_buf_free(&cell);
    return r;
}

int concur_doc_write(const concur_doc *d, concur_format fmt, unsigned kinds, bool header,
                     concur_write_fn write, void *user)
{
    if (!kinds) kinds = CONCUR_KIND_ALL;
    switch (fmt) {
    case CONCUR_FORMAT_TSV: return cc_write_tsv(d, kinds, header, write, user);
    case CONCUR_FORMAT_TABLE: return cc_write_table(d, kinds, header, write, user);
    case CONCUR_FORMAT_GKG: return cc_write_gkg(d, header, write, user);
    default: return cc_write_jsonl(d, kinds, write, user);
    }
}
