/* gkg.c -- the document's count claims as one GDELT GKG 2.1-style record.
 *
 * GKG 2.1 is a tab-separated line of 27 fields per document. We fill the
 * record id and document identifier (the doc id), the date (the reference
 * date, YYYYMMDD000000), V1COUNTS and V2.1COUNTS; the other fields stay
 * empty. A count is
 *   TYPE#QUANTITY#OBJECT#LOCTYPE#LOCNAME#COUNTRY#ADM1#LAT#LON#FEATUREID
 * (V2.1 adds #CHAROFFSET, the byte offset of the claim in the input).
 * Types: killed KILL, injured WOUND, hostage and abducted KIDNAP, arrested
 * ARREST, affected and orphaned AFFECT, displaced DISPLACED, evacuated
 * EVACUATION, missing MISSING, casualties CASUALTIES (GDELT has no type
 * for the last two). QUANTITY is the value, or the lower bound of a vague
 * amount; claims with neither are left out. The location is the claim's
 * place; its country (ISO 3166 alpha-2, where GDELT writes FIPS 10-4) and
 * type (3 US city, 4 world city) come from the gazetteer when the name is
 * in it, else the type is 0 and the rest empty. */
#include "../internal.h"

#include <stdio.h>

static const char *gkg_type(const char *cat)
{
    static const char *const map[][2] = {
        {"killed", "KILL"},       {"injured", "WOUND"},          {"hostage", "KIDNAP"},
        {"abducted", "KIDNAP"},   {"arrested", "ARREST"},        {"affected", "AFFECT"},
        {"orphaned", "AFFECT"},   {"displaced", "DISPLACED"},    {"evacuated", "EVACUATION"},
        {"missing", "MISSING"},   {"casualties", "CASUALTIES"},
    };
    for (size_t i = 0; cat && i < sizeof map / sizeof *map; i++)
        if (!strcmp(cat, map[i][0])) return map[i][1];
    return NULL;
}

/* Text of a GKG field: no tabs, newlines, '#', ';' or ','. */
static void put_field(cc_buf *b, const char *s)
{
    for (; s && *s; s++) {
        char c = *s;
        if (c == '\t' || c == '\n' || c == '\r' || c == '#' || c == ';' || c == ',') c = ' ';
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        cc_buf_putc(b, c);
    }
}

static void put_count(cc_buf *b, const concur_mention *m, const char *type, bool v21, size_t base)
{
    double q = m->has_value ? m->value : m->min;
    cc_buf_puts(b, type);
    cc_buf_putc(b, '#');
    cc_buf_num(b, q);
    cc_buf_putc(b, '#');
    put_field(b, m->group_text ? m->group_text : m->group);
    cc_buf_putc(b, '#');
    const cc_lexicon *pl = cc_lexicon_get("places");
    const cc_lex_row *row = NULL;
    if (m->place && pl) {
        char key[128];
        size_t n = 0;
        for (const char *s = m->place; *s && n + 1 < sizeof key; s++, n++)
            key[n] = (char)((*s >= 'A' && *s <= 'Z') ? *s + 32 : (*s == '-' ? ' ' : *s));
        key[n] = 0;
        row = cc_lex_find(pl, key, n);
    }
    if (!m->place) cc_buf_puts(b, "0######");
    else {
        cc_buf_puts(b, row ? (row->col[2] && !strcmp(row->col[2], "US") ? "3" : "4") : "0");
        cc_buf_putc(b, '#');
        for (const char *s = m->place; *s; s++) cc_buf_putc(b, (*s == '#' || *s == ';' || *s == '\t') ? ' ' : *s);
        cc_buf_putc(b, '#');
        if (row && row->col[2]) cc_buf_puts(b, row->col[2]);
        cc_buf_puts(b, "####");
    }
    if (v21) cc_buf_printf(b, "#%zu", base + m->start);
}

int cc_write_gkg(const concur_doc *d, bool header, concur_write_fn w, void *u)
{
    static const char *const cols[27] = {
        "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
        "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS",
        "V1PERSONS", "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE",
        "V2.1ENHANCEDDATES", "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS",
        "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO",
        "V2EXTRASXML"};
    cc_buf b;
    cc_buf_init(&b);
    if (header) {
        for (int i = 0; i < 27; i++) {
            if (i) cc_buf_putc(&b, '\t');
            cc_buf_puts(&b, cols[i]);
        }
        cc_buf_putc(&b, '\n');
    }
    const char *id = d->id ? d->id : "";
    cc_buf_json_str(&b, id, strlen(id)); /* no raw tabs or newlines */
    cc_buf_putc(&b, '\t');
    if (d->ref_date[0]) {
        char ymd[9] = {d->ref_date[0], d->ref_date[1], d->ref_date[2], d->ref_date[3],
                       d->ref_date[5], d->ref_date[6], d->ref_date[8], d->ref_date[9], 0};
        cc_buf_printf(&b, "%s000000", ymd);
    }
    cc_buf_puts(&b, "\t1\t\t");
    cc_buf_json_str(&b, id, strlen(id));
    for (int v21 = 0; v21 < 2; v21++) {
        cc_buf_putc(&b, '\t');
        bool first = true;
        for (size_t i = 0; i < d->nm; i++) {
            const concur_mention *m = d->m[i];
            const char *type = m->kind == CONCUR_KIND_COUNT ? gkg_type(m->category) : NULL;
            if (!type || (!m->has_value && !m->has_min)) continue;
            if (!first) cc_buf_putc(&b, ';');
            first = false;
            put_count(&b, m, type, v21 == 1, d->opt.offset_base);
        }
    }
    for (int i = 7; i < 27; i++) cc_buf_putc(&b, '\t');
    cc_buf_putc(&b, '\n');
    int r = b.oom ? -1 : w(u, b.data ? b.data : "", b.len);
    cc_buf_free(&b);
    return r;
}
