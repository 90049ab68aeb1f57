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

/* ------------------------------------------------------------ JSON Lines */

#if defined(__GNUC__)
#define PREFETCH_R(p) __builtin_prefetch((p), 0)
#else
#define PREFETCH_R(p) ((void)(p))
#endif

/* A mention is written with one reservation: cc_json_mention measures its
 * strings, makes room for the most the line can take, then writes through
 * a plain pointer (the cc_fmt_* writers) with no check per field.
 * JSON_FIXED bounds everything but the strings: the keys and punctuation
 * (some 300 bytes for the longest, a count with alternatives), the
 * numbers (3 offsets of CC_FMT_UINT_MAX, at most 6 doubles of
 * CC_FMT_NUM_MAX) and the 32-byte copies of lit32 below. */
#define JSON_FIXED 1024

/* Appends a string literal at o (a constant-size copy), returns the end. */
#define PUT_LIT(o, lit) (memcpy((o), "" lit, sizeof(lit) - 1), (o) + sizeof(lit) - 1)

/* A literal zero-padded to 32 bytes: copied whole (one constant-size
 * copy, the room allows it), then the pointer moves by its length. */
typedef struct lit32 {
    char s[32];
    size_t n;
} lit32;
#define LIT32(str) {str, sizeof(str) - 1}

static inline char *put_lit32(char *o, const lit32 *l)
{
    memcpy(o, l->s, sizeof l->s);
    return o + l->n;
}

/* n bytes from s to o. Short ones (ids, kinds, numbers) without the call
 * to memcpy: two overlapping pieces that cover them, so that nothing
 * past s + n is read. */
static inline char *put_bytes(char *o, const char *s, size_t n)
{
    if (n > 16) {
        memcpy(o, s, n);
    } else if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(o, &a, 8);
        memcpy(o + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(o, &a, 4);
        memcpy(o + n - 4, &b, 4);
    } else if (n) {
        o[0] = s[0];
        o[n / 2] = s[n / 2];
        o[n - 1] = s[n - 1];
    }
    return o + n;
}

/* ,"kind":"<concur_kind_name>","start": by kind bit */
static const lit32 kind_lit[] = {
    LIT32(",\"kind\":\"number\",\"start\":"),
    LIT32(",\"kind\":\"quantity\",\"start\":"),
    LIT32(",\"kind\":\"date\",\"start\":"),
    LIT32(",\"kind\":\"count\",\"start\":"),
};

/* ,"qualifier":<concur_qualifier_name or null> by concur_qualifier */
static const lit32 qual_lit[] = {
    LIT32(",\"qualifier\":null"),           LIT32(",\"qualifier\":\"about\""),
    LIT32(",\"qualifier\":\"at_least\""),   LIT32(",\"qualifier\":\"more_than\""),
    LIT32(",\"qualifier\":\"at_most\""),    LIT32(",\"qualifier\":\"less_than\""),
    LIT32(",\"qualifier\":\"up_to\""),      LIT32(",\"qualifier\":\"range\""),
    LIT32(",\"qualifier\":\"vague\""),
};

/* A string field measured before the line is written. */
typedef struct jstr {
    const char *s;   /* NULL: null */
    size_t n;
} jstr;

static inline jstr measure(const char *s)
{
    jstr j = {s, s ? strlen(s) : 0};
    return j;
}

/* Inline even where the compiler's size limits would not: put_jstr runs
 * a few times per line, and the calls cost some 4 % of the writer's
 * instructions. */
#if defined(__GNUC__)
#define ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define ALWAYS_INLINE inline
#endif

/* "escaped" or null: at most 6n + 2 bytes */
static ALWAYS_INLINE char *put_jstr(char *o, jstr j)
{
    if (!j.s) return PUT_LIT(o, "null");
    *o++ = '"';
    o = cc_fmt_json_str(o, j.s, j.n);
    *o++ = '"';
    return o;
}

/* The same for the rare fields (dates' ends, notes, a count's strings):
 * one out-of-line copy rather than one per field. */
static char *put_jstr_cold(char *o, jstr j) { return put_jstr(o, j); }

static inline char *put_jnum(char *o, bool has, double v)
{
    return has ? cc_fmt_num(o, v) : PUT_LIT(o, "null");
}

/* The same number present or absent alike, bit for bit (0 and -0 print
 * differently). */
static inline bool same_num(bool ha, double a, bool hb, double b)
{
    return ha == hb && (!ha || !memcmp(&a, &b, sizeof a));
}

/* Room for n bytes past b->len (plus the fixed part); NULL when out of
 * memory (b->oom is set). */
static inline char *room(cc_buf *b, size_t n)
{
    if (n > SIZE_MAX / 8 || !cc_buf_reserve(b, n + JSON_FIXED)) {
        b->oom = true;
        return NULL;
    }
    return b->data + b->len;
}

static inline void done(cc_buf *b, char *o)
{
    b->len = (size_t)(o - b->data);
    b->data[b->len] = 0;
}

/* The fields every mention has: head, id, kind, start, end, text,
 * sentence. */
static ALWAYS_INLINE char *put_common(char *o, const concur_doc *d, const cc_buf *head, const concur_mention *m,
                                      jstr id)
{
    memcpy(o, head->data, head->len);
    o += head->len;
    o = PUT_LIT(o, ",\"id\":");
    o = put_jstr(o, id);
    unsigned kb = 0;   /* index of the kind bit */
    while (kb < 4 && m->kind != 1u << kb) kb++;
    if (kb < 4) o = put_lit32(o, &kind_lit[kb]);
    else o = PUT_LIT(o, ",\"kind\":\"?\",\"start\":");   /* concur_kind_name's "?" */
    o = cc_fmt_uint(o, d->opt.offset_base + m->start);
    o = PUT_LIT(o, ",\"end\":");
    o = cc_fmt_uint(o, d->opt.offset_base + m->end);
    o = PUT_LIT(o, ",\"text\":\"");
    o = cc_fmt_json_str(o, d->src + m->start, m->end - m->start);
    o = PUT_LIT(o, "\",\"sentence\":");
    return cc_fmt_uint(o, d->opt.sentence_base + m->sentence);
}

static void json_date(cc_buf *b, const concur_doc *d, const cc_buf *head, const concur_mention *m)
{
    jstr id = measure(m->id), note = measure(m->note);
    jstr type = measure(m->timex_type ? m->timex_type : "DATE");
    jstr val = measure(m->timex_value ? m->timex_value : ""), mod = measure(m->timex_mod);
    jstr beg = measure(m->begin), endv = measure(m->end_value), alt = measure(m->timex_alt);
    /* a string of n bytes takes at most 6n + 2 */
    size_t strs = m->end - m->start + id.n + note.n + type.n + val.n + mod.n + beg.n + endv.n + alt.n;
    char *o = room(b, head->len + 6 * strs + 32);
    if (!o) return;
    o = put_common(o, d, head, m, id);
    o = PUT_LIT(o, ",\"timex\":{\"type\":\"");
    o = put_bytes(o, type.s, type.n);   /* a TIMEX3 type: written as it is */
    o = PUT_LIT(o, "\",\"value\":");
    o = put_jstr(o, val);
    o = PUT_LIT(o, ",\"mod\":");
    o = put_jstr(o, mod);
    *o++ = '}';
    if (beg.s) o = put_jstr_cold(PUT_LIT(o, ",\"begin\":"), beg);
    if (endv.s) o = put_jstr_cold(PUT_LIT(o, ",\"end_value\":"), endv);
    if (alt.s) {
        /* the other day/month order of an ambiguous numeric date */
        o = PUT_LIT(o, ",\"alternatives\":[{\"value\":");
        o = put_jstr_cold(o, alt);
        o = PUT_LIT(o, "}]");
    }
    if (note.s) o = put_jstr_cold(PUT_LIT(o, ",\"note\":"), note);
    done(b, PUT_LIT(o, "}\n"));
}

/* A number, a quantity or a count. */
static void json_figure(cc_buf *b, const concur_doc *d, const cc_buf *head, const concur_mention *m)
{
    bool count = m->kind == CONCUR_KIND_COUNT;
    jstr id = measure(m->id), note = measure(m->note), unit = measure(m->unit);
    /* a count's category, group, group_text, parent, attribution, place
     * and date */
    jstr c[7];
    size_t strs = m->end - m->start + id.n + note.n + unit.n;   /* at most 6n + 2 bytes each */
    if (count) {
        const char *v[7] = {m->category, m->group, m->group_text, m->parent ? m->parent->id : NULL,
                            m->attribution, m->place, m->date};
        for (int k = 0; k < 7; k++) {
            c[k] = measure(v[k]);
            strs += c[k].n;
        }
    }
    char *o = room(b, head->len + 6 * strs + 32);
    if (!o) return;
    o = put_common(o, d, head, m, id);
    /* value, min, max: an exact figure repeats the value's text */
    o = PUT_LIT(o, ",\"value\":");
    char *vs = o;
    o = put_jnum(o, m->has_value, m->value);
    size_t vn = (size_t)(o - vs);
    o = PUT_LIT(o, ",\"min\":");
    if (same_num(m->has_min, m->min, m->has_value, m->value)) o = put_bytes(o, vs, vn);
    else o = put_jnum(o, m->has_min, m->min);
    o = PUT_LIT(o, ",\"max\":");
    if (same_num(m->has_max, m->max, m->has_value, m->value)) o = put_bytes(o, vs, vn);
    else o = put_jnum(o, m->has_max, m->max);
    if (m->approx) o = PUT_LIT(o, ",\"approx\":true");
    else o = PUT_LIT(o, ",\"approx\":false");
    if ((unsigned)m->qualifier < sizeof qual_lit / sizeof *qual_lit) o = put_lit32(o, &qual_lit[m->qualifier]);
    else o = PUT_LIT(o, ",\"qualifier\":null");
    o = put_jstr(PUT_LIT(o, ",\"unit\":"), unit);
    if (m->ordinal) o = PUT_LIT(o, ",\"ordinal\":true");
    if (m->nalt) {
        o = PUT_LIT(o, ",\"alternatives\":[");
        for (unsigned i = 0; i < m->nalt && i < 3; i++) {
            if (i) *o++ = ',';
            o = PUT_LIT(o, "{\"value\":");
            o = cc_fmt_num(o, m->alt[i]);
            *o++ = '}';
        }
        *o++ = ']';
    }
    if (count) {
        o = put_jstr_cold(PUT_LIT(o, ",\"category\":"), c[0]);
        o = put_jstr_cold(PUT_LIT(o, ",\"group\":"), c[1]);
        o = put_jstr_cold(PUT_LIT(o, ",\"group_text\":"), c[2]);
        o = put_jstr_cold(PUT_LIT(o, ",\"parent\":"), c[3]);
        o = put_jstr_cold(PUT_LIT(o, ",\"attribution\":"), c[4]);
        o = put_jstr_cold(PUT_LIT(o, ",\"place\":"), c[5]);
        o = put_jstr_cold(PUT_LIT(o, ",\"date\":"), c[6]);
        if (m->hedged) o = PUT_LIT(o, ",\"hedged\":true");
    }
    if (note.s) o = put_jstr_cold(PUT_LIT(o, ",\"note\":"), note);
    done(b, PUT_LIT(o, "}\n"));
}

/* head: {"doc":"<escaped id>" -- the same for every mention of a document */
void cc_json_mention(cc_buf *b, const concur_doc *d, const cc_buf *head, const concur_mention *m)
{
    if (m->kind == CONCUR_KIND_DATE) json_date(b, d, head, m);
    else json_figure(b, d, head, m);
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
        /* a large document's mentions and their input text are not in
         * the cache: ask for the lines of the mention eight places on (all
         * of it is read), and for the text of the one four places on
         * (whose start was asked for four mentions ago) */
        if (i + 8 < d->nm) {
            const char *next = (const char *)d->m[i + 8];
            for (size_t o = 0; o < sizeof(concur_mention); o += 64) PREFETCH_R(next + o);
            PREFETCH_R(next + sizeof(concur_mention) - 1);
        }
        if (i + 4 < d->nm) PREFETCH_R(d->src + d->m[i + 4]->start);
        if (!(d->m[i]->kind & kinds)) continue;
        cc_json_mention(&b, d, &head, d->m[i]);
        if (b.len > 65536) r = flush(&b, w, u);
    }
    if (!r) r = flush(&b, w, u);
    cc_buf_free(&head);
    cc_buf_free(&b);
    return r;
}

/* ------------------------------------------------------------------- TSV */

/* Nonzero when one of the 8 bytes of x is a control byte or DEL, which a
 * cell writes as a space (b - 0x20 or (b ^ 0x7f) - 1 sets the high bit
 * of such a byte below 0x80; exact about whether there is one, as
 * cc_json_special8). */
static inline uint64_t flat_special8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u;
    return ((x - ones * 0x20) | ((x ^ ones * 0x7f) - ones)) & ~x & (ones * 0x80);
}

static inline char flat_byte(char c)
{
    return ((unsigned char)c < 0x20 || c == 0x7f) ? ' ' : c;
}

/* Eight bytes to o, control bytes as spaces. */
static inline void flat8(char *o, uint64_t x)
{
    memcpy(o, &x, 8);
    if (flat_special8(x))
        for (int k = 0; k < 8; k++) o[k] = flat_byte(o[k]);
}

/* s[0..n) at o with control bytes as spaces: exactly n bytes, each byte
 * on its own, so that the last eight may overlap the eight before. */
static char *put_flat(char *o, const char *s, size_t n)
{
    uint64_t x;
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&x, s + i, 8);
            flat8(o + i, x);
        }
        memcpy(&x, s + n - 8, 8);
        flat8(o + n - 8, x);
        return o + n;
    }
    if (n >= 4) {
        /* two overlapping halves, as cc_fmt_json_str does */
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        if (!flat_special8(a | (uint64_t)b << 32)) {
            memcpy(o, &a, 4);
            memcpy(o + n - 4, &b, 4);
            return o + n;
        }
    }
    for (size_t k = 0; k < n; k++) o[k] = flat_byte(s[k]);
    return o + n;
}

/* Copies s[0..n) with tabs, newlines and control bytes as spaces. */
void cc_put_flat(cc_buf *b, const char *s, size_t n, size_t max_cp)
{
    if (!max_cp) {
        if (!cc_buf_reserve(b, n)) return;
        b->len = (size_t)(put_flat(b->data + b->len, s, n) - b->data);
        b->data[b->len] = 0;
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

/* Room every TSV line needs besides its strings: 20 tabs and a newline,
 * three offsets, three numbers, the kind and the qualifier name, and the
 * 16-byte copies of tabs below. */
#define TSV_FIXED 256

/* "<concur_kind_name>\t" by kind bit; "\t<concur_qualifier_name>" by
 * concur_qualifier */
static const lit32 kind_tsv[] = {LIT32("number\t"), LIT32("quantity\t"), LIT32("date\t"), LIT32("count\t")};
static const lit32 qual_tsv[] = {
    LIT32("\t"),         LIT32("\tabout"),     LIT32("\tat_least"), LIT32("\tmore_than"), LIT32("\tat_most"),
    LIT32("\tless_than"), LIT32("\tup_to"),    LIT32("\trange"),    LIT32("\tvague"),
};

int cc_write_tsv(const concur_doc *d, unsigned kinds, bool header, concur_write_fn w, void *u)
{
    static const char tabs[16] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
    cc_buf b, head;
    cc_buf_init(&b);
    cc_buf_init(&head);
    if (header)
        cc_buf_puts(&b, "doc\tid\tkind\tstart\tend\tsentence\ttext\tvalue\tmin\tmax\tqualifier\tunit\t"
                        "timex_type\ttimex_value\ttimex_mod\tcategory\tgroup\tparent\tattribution\tplace\tdate\n");
    /* the document's cell, the same on every line */
    cc_put_flat(&head, d->id, strlen(d->id), 0);
    cc_buf_putc(&head, '\t');
    int r = head.oom ? -1 : 0;
    for (size_t i = 0; i < d->nm && !r; i++) {
        const concur_mention *m = d->m[i];
        if (!(m->kind & kinds)) continue;
        /* the cells after the qualifier; most are empty on any line */
        const char *f[] = {m->unit, m->timex_type, m->timex_value, m->timex_mod, m->category, m->group,
                           m->parent ? m->parent->id : NULL, m->attribution, m->place, m->date};
        const unsigned nf = sizeof f / sizeof *f;
        size_t fn[sizeof f / sizeof *f];
        unsigned present = 0;   /* bit k: f[k] is there */
        /* one reservation per line (as cc_json_mention): the strings are
         * measured first, a flattened cell is as long as its string */
        size_t idn = strlen(m->id), tn = m->end - m->start;
        size_t need = head.len + idn + tn + TSV_FIXED;
        for (unsigned k = 0; k < nf; k++) {
            if (!f[k]) continue;
            need += fn[k] = strlen(f[k]);
            present |= 1u << k;
        }
        unsigned kb = 0;   /* index of the kind bit */
        while (kb < 4 && m->kind != 1u << kb) kb++;
        const char *kind = kb < 4 ? NULL : concur_kind_name(m->kind);
        if (kind) need += strlen(kind);
        if (!cc_buf_reserve(&b, need)) break;

        char *o = b.data + b.len;
        memcpy(o, head.data, head.len);
        o += head.len;
        o = put_bytes(o, m->id, idn);   /* the id and the kind as they are */
        *o++ = '\t';
        if (kind) {
            o = put_bytes(o, kind, strlen(kind));
            *o++ = '\t';
        } else {
            o = put_lit32(o, &kind_tsv[kb]);
        }
        o = cc_fmt_uint(o, d->opt.offset_base + m->start);
        *o++ = '\t';
        o = cc_fmt_uint(o, d->opt.offset_base + m->end);
        *o++ = '\t';
        o = cc_fmt_uint(o, d->opt.sentence_base + m->sentence);
        *o++ = '\t';
        o = put_flat(o, d->src + m->start, tn);
        *o++ = '\t';
        /* value, min, max: an exact figure repeats the value's text */
        char *vs = o;
        if (m->has_value) o = cc_fmt_num(o, m->value);
        size_t vn = (size_t)(o - vs);
        *o++ = '\t';
        if (same_num(m->has_min, m->min, m->has_value, m->value)) o = put_bytes(o, vs, vn);
        else if (m->has_min) o = cc_fmt_num(o, m->min);
        *o++ = '\t';
        if (same_num(m->has_max, m->max, m->has_value, m->value)) o = put_bytes(o, vs, vn);
        else if (m->has_max) o = cc_fmt_num(o, m->max);
        if ((unsigned)m->qualifier < sizeof qual_tsv / sizeof *qual_tsv) o = put_lit32(o, &qual_tsv[m->qualifier]);
        else *o++ = '\t';   /* concur_qualifier_name: NULL */
        /* each cell after its tab; a run of empty cells is a run of tabs,
         * copied 16 at a time and cut to length */
        unsigned k = 0;
        for (; present; present &= present - 1) {
            unsigned next = k;
            while (!(present >> next & 1)) next++;
            memcpy(o, tabs, sizeof tabs);
            o += next - k + 1;
            o = put_flat(o, f[next], fn[next]);
            k = next + 1;
        }
        memcpy(o, tabs, sizeof tabs);
        o += nf - k;
        *o++ = '\n';
        b.len = (size_t)(o - b.data);
        b.data[b.len] = 0;
        if (b.len > 65536) r = flush(&b, w, u);
    }
    if (!r) r = flush(&b, w, u);
    cc_buf_free(&b);
    cc_buf_free(&head);
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
        cc_put_flat(&cell, d->src + m->start, m->end - m->start, 33);
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
