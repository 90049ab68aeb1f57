/* jsonl.c -- readers: one document per text/HTML file, one per JSON Lines
 * record ({"id", "text", "date", "source"}), one per page of a WARC file
 * (warc.c). */
#include "../internal.h"

#include <ctype.h>
#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>   /* SSE2 is part of every x86-64: the string scan, 16 bytes at a time */
#endif

struct concur_reader {
    const char *bytes;
    size_t len, pos;
    concur_input input;
    bool done;
    size_t line;
    cc_buf id, text, date, source;
    cc_buf key;             /* a member's name: kept between records, not an allocation each */
    cc_warc *warc;          /* WARC input */
};

concur_reader *concur_reader_new(const char *bytes, size_t len, concur_input input, const char *name,
                                 concur_error *err)
{
    if (input == CONCUR_INPUT_AUTO) input = concur_input_detect(name, bytes, len);
    concur_reader *r = calloc(1, sizeof *r);
    if (r && input == CONCUR_INPUT_WARC && !(r->warc = cc_warc_new(bytes, len))) {
        free(r);
        r = NULL;
    }
    if (!r) {
        cc_error_set(err, CONCUR_ERR_NOMEM, 0, "out of memory");
        return NULL;
    }
    r->bytes = bytes ? bytes : "";
    r->len = bytes ? len : 0;
    r->input = input;
    /* a byte-order mark before the first JSON Lines record is not JSON */
    if (input == CONCUR_INPUT_JSONL && r->len >= 3 && !memcmp(r->bytes, "\xEF\xBB\xBF", 3)) r->pos = 3;
    cc_buf_init(&r->id);
    cc_buf_init(&r->text);
    cc_buf_init(&r->date);
    cc_buf_init(&r->source);
    cc_buf_init(&r->key);
    return r;
}

void concur_reader_free(concur_reader *r)
{
    if (!r) return;
    cc_warc_free(r->warc);
    cc_buf_free(&r->id);
    cc_buf_free(&r->text);
    cc_buf_free(&r->date);
    cc_buf_free(&r->source);
    cc_buf_free(&r->key);
    free(r);
}

/* ---- a small JSON reader: objects of strings, other values skipped ---- */

typedef struct jp {
    const char *s;
    size_t n, i;
    int depth;
} jp;

static void ws(jp *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\r' || p->s[p->i] == '\n'))
        p->i++;
}

static int hex4(const char *s)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= c - '0';
        else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
        else return -1;
    }
    return v;
}

/* Parses a string at p->i (on the quote) into out (may be NULL). */
/* Is there a '"' or a '\\' in p[0..8)? Word at a time (exact "has a zero
 * byte" test on the word xor each of the two bytes). */
static inline bool has_quote_or_escape8(const char *p)
{
    const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
    uint64_t x;
    memcpy(&x, p, 8);
    uint64_t q = x ^ (ones * '"'), e = x ^ (ones * '\\');
    return (((q - ones) & ~q) | ((e - ones) & ~e)) & high;
}

/* How many bytes from p on hold no '"' and no '\\' (a multiple of the
 * test's width, up to what p[0..avail) allows): sixteen bytes per test with
 * SSE2, eight otherwise. With SSE2 the block holding the first such byte
 * gives its exact place: text with an escape every line or so ("\n",
 * "\u2019") would otherwise walk up to 15 bytes one at a time per escape. */
static inline size_t plain_run(const char *p, size_t avail)
{
    size_t j = 0;
#if defined(__SSE2__)
    const __m128i q = _mm_set1_epi8('"'), e = _mm_set1_epi8('\\');
    while (j + 16 <= avail) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + j));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, q), _mm_cmpeq_epi8(x, e)));
        if (m) {
#if defined(__GNUC__)
            return j + (size_t)__builtin_ctz(m);
#else
            while (!(m & 1u)) { m >>= 1; j++; }
            return j;
#endif
        }
        j += 16;
    }
#endif
    while (j + 8 <= avail && !has_quote_or_escape8(p + j)) j += 8;
    return j;
}

static bool jstring(jp *p, cc_buf *out)
{
    if (p->i >= p->n || p->s[p->i] != '"') return false;
    p->i++;
    while (p->i < p->n) {
        size_t j = p->i;
        j += plain_run(p->s + j, p->n - j);
        while (j < p->n && p->s[j] != '"' && p->s[j] != '\\') j++;
        if (out) cc_buf_put(out, p->s + p->i, j - p->i);
        p->i = j;
        if (j >= p->n) return false;
        if (p->s[j] == '"') { p->i++; return true; }
        if (j + 1 >= p->n) return false;
        char e = p->s[j + 1];
        p->i = j + 2;
        char c = 0;
        switch (e) {
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        case '/': c = '/'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u': {
            if (p->i + 4 > p->n) return false;
            int v = hex4(p->s + p->i);
            if (v < 0) return false;
            p->i += 4;
            uint32_t cp = (uint32_t)v;
            if (cp >= 0xD800 && cp <= 0xDBFF && p->i + 6 <= p->n && p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
                int lo = hex4(p->s + p->i + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
                    p->i += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
            char enc[4];
            int l = cc_utf8_encode(cp, enc);
            if (out) cc_buf_put(out, enc, (size_t)l);
            continue;
        }
        default: return false;
        }
        if (out) cc_buf_putc(out, c);
    }
    return false;
}

static bool jskip(jp *p)
{
    ws(p);
    if (p->i >= p->n) return false;
    char c = p->s[p->i];
    if (c == '"') return jstring(p, NULL);
    if (c == '{' || c == '[') {
        if (++p->depth > 256) return false;
        char close = c == '{' ? '}' : ']';
        p->i++;
        ws(p);
        if (p->i < p->n && p->s[p->i] == close) { p->i++; p->depth--; return true; }
        for (;;) {
            if (c == '{') {
                ws(p);
                if (!jstring(p, NULL)) return false;
                ws(p);
                if (p->i >= p->n || p->s[p->i] != ':') return false;
                p->i++;
            }
            if (!jskip(p)) return false;
            ws(p);
            if (p->i >= p->n) return false;
            if (p->s[p->i] == ',') { p->i++; continue; }
            if (p->s[p->i] == close) { p->i++; p->depth--; return true; }
            return false;
        }
    }
    size_t j = p->i;
    while (j < p->n && (isalnum((unsigned char)p->s[j]) || p->s[j] == '-' || p->s[j] == '+' || p->s[j] == '.')) j++;
    if (j == p->i) return false;
    p->i = j;
    return true;
}

static int parse_record(concur_reader *r, const char *s, size_t n, concur_error *err)
{
    jp p = {s, n, 0, 0};
    r->id.len = r->text.len = r->date.len = r->source.len = 0;
    bool has_id = false, has_text = false, has_date = false, has_source = false;
    ws(&p);
    if (p.i >= n || s[p.i] != '{') goto bad;
    p.i++;
    ws(&p);
    if (p.i < n && s[p.i] == '}') goto bad;
    cc_buf *key = &r->key;
    for (;;) {
        ws(&p);
        key->len = 0;
        key->oom = false;   /* (a failed growth for an earlier record is tried again) */
        if (!jstring(&p, key)) goto bad;
        ws(&p);
        if (p.i >= n || s[p.i] != ':') goto bad;
        p.i++;
        ws(&p);
        cc_buf *dst = NULL;
        bool *flag = NULL;
        const char *k = key->data ? key->data : "";
        if (key->len == 2 && !memcmp(k, "id", 2)) { dst = &r->id; flag = &has_id; }
        else if (key->len == 4 && !memcmp(k, "text", 4)) { dst = &r->text; flag = &has_text; }
        else if (key->len == 4 && !memcmp(k, "date", 4)) { dst = &r->date; flag = &has_date; }
        else if (key->len == 6 && !memcmp(k, "source", 6)) { dst = &r->source; flag = &has_source; }
        if (dst && p.i < n && s[p.i] == '"') {
            dst->len = 0;
            if (!jstring(&p, dst)) goto bad;
            *flag = true;
        } else if (dst && p.i < n && (isdigit((unsigned char)s[p.i]) || s[p.i] == '-') && dst == &r->id) {
            size_t b = p.i;
            if (!jskip(&p)) goto bad;
            dst->len = 0;
            cc_buf_put(dst, s + b, p.i - b);
            *flag = true;
        } else if (!jskip(&p)) {
            goto bad;
        }
        ws(&p);
        if (p.i < n && s[p.i] == ',') { p.i++; continue; }
        if (p.i < n && s[p.i] == '}') { p.i++; break; }
        goto bad;
    }
    if (!has_text) {
        cc_error_set(err, CONCUR_ERR_INPUT, 0, "line %zu: record has no \"text\" string", r->line);
        return -1;
    }
    (void)has_id; (void)has_date; (void)has_source;
    if (r->text.oom || r->id.oom) {
        cc_error_set(err, CONCUR_ERR_NOMEM, 0, "line %zu: out of memory", r->line);
        return -1;
    }
    return 1;
bad:
    cc_error_set(err, CONCUR_ERR_INPUT, p.i, "line %zu: not a JSON object (at column %zu)", r->line, p.i + 1);
    return -1;
}

int concur_reader_next(concur_reader *r, concur_record *rec, concur_error *err)
{
    memset(rec, 0, sizeof *rec);
    if (r->done) return 0;
    if (r->warc) {
        int k = cc_warc_next(r->warc, rec, err);
        if (k == 0) r->done = true;
        return k;
    }
    if (r->input != CONCUR_INPUT_JSONL) {
        r->done = true;
        rec->text = r->bytes;
        rec->len = r->len;
        rec->input = r->input;
        return 1;
    }
    for (;;) {
        if (r->pos >= r->len) { r->done = true; return 0; }
        const char *s = r->bytes + r->pos;
        const char *nl = memchr(s, '\n', r->len - r->pos);
        size_t n = nl ? (size_t)(nl - s) : r->len - r->pos;
        r->pos += n + (nl ? 1 : 0);
        r->line++;
        size_t b = 0;
        while (b < n && isspace((unsigned char)s[b])) b++;
        if (b == n) continue;   /* blank line */
        int k = parse_record(r, s, n, err);
        if (k < 0) return -1;
        rec->id = r->id.len ? r->id.data : (r->id.data ? r->id.data : NULL);
        if (!r->id.len && r->id.data) r->id.data[0] = 0;
        rec->text = r->text.data ? r->text.data : "";
        rec->len = r->text.len;
        rec->date = r->date.len ? r->date.data : NULL;
        rec->source = r->source.len ? r->source.data : NULL;
        rec->input = concur_input_detect(NULL, rec->text, rec->len);
        rec->line = r->line;
        if (!r->id.len) rec->id = NULL;
        return 1;
    }
}
