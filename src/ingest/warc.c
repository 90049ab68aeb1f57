/* warc.c -- the WARC reader (ISO 28500, WARC/1.0 and 1.1): one document per
 * page in a web archive.
 *
 * Input is a .warc file, or a .warc.gz file: gzip members one after the
 * other (one per record, as crawlers write them, or one for the whole file),
 * inflated a window at a time, so memory stays bounded by the largest record,
 * not the file. Records read:
 *   response   an HTTP response (application/http): the status line and the
 *              headers are read, the body is un-chunked (Transfer-Encoding:
 *              chunked) and inflated (Content-Encoding: gzip, deflate); only
 *              2xx responses;
 *   resource   a stored object, its type in the record's Content-Type;
 *   conversion a converted form of a page (text extracted from it: WET files).
 * Of those, the HTML (text/html, application/xhtml+xml) and plain-text
 * payloads become documents; the rest (images, scripts, style sheets,
 * requests, metadata, warcinfo, revisit records) is skipped in silence: a
 * web archive is mostly that. The document id is WARC-Target-URI (else
 * WARC-Record-ID), the source the URI's host. The crawl date (WARC-Date) is
 * not a reference date: a page crawled in 2020 may tell a 1992 story.
 * Offsets of mentions count bytes of the payload as decoded here. */
#include "../internal.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <zlib.h>

#define WARC_HEAD_MAX ((size_t)64 << 10)   /* record or HTTP header block */
#define WARC_BLOCK_MAX ((size_t)64 << 20)  /* one record's content */
#define WARC_STEP ((size_t)64 << 10)       /* inflate this much at a time */

struct cc_warc {
    const unsigned char *in;   /* the whole file */
    size_t in_len;
    bool gz;
    z_stream z;
    bool z_live;               /* inflateInit2 done */
    size_t in_off;             /* next input byte to hand to zlib */
    bool eof;                  /* no more bytes will come */
    char zerr[96];             /* why the stream ended early, or "" */
    /* the window W(w)[pos..len): raw input (plain WARC) or inflated bytes
     * (gzip; the buffer moves when it grows, so never keep a pointer into
     * it across want/skip) */
    size_t pos, len;
    cc_buf buf;                /* gzip: the inflated window */
    size_t base;               /* stream offset of win[0] */
    size_t nrec;               /* records seen */
    cc_buf id, source, body, tmp;
};

/* ------------------------------------------------------------ the window */

static const unsigned char *W(const cc_warc *w)
{
    return w->gz ? (const unsigned char *)(w->buf.data ? w->buf.data : "") : w->in;
}

static bool gz_member_follows(const cc_warc *w)
{
    return w->in_len - w->in_off >= 2 && w->in[w->in_off] == 0x1f && w->in[w->in_off + 1] == 0x8b;
}

/* Inflates at least one more step into the window; false at the end. */
static bool gz_more(cc_warc *w)
{
    if (w->eof) return false;
    if (w->pos > 0) {   /* slide the unread part to the front */
        memmove(w->buf.data, w->buf.data + w->pos, w->len - w->pos);
        w->base += w->pos;
        w->len -= w->pos;
        w->pos = 0;
    }
    w->buf.len = w->len;   /* what cc_buf_reserve counts as used */
    if (!cc_buf_reserve(&w->buf, WARC_STEP)) {
        snprintf(w->zerr, sizeof w->zerr, "out of memory");
        w->eof = true;
        return false;
    }
    size_t before = w->len;
    while (w->len - before < WARC_STEP / 2 && !w->eof) {
        if (w->z.avail_in == 0) {
            size_t left = w->in_len - w->in_off;
            if (left == 0) {
                snprintf(w->zerr, sizeof w->zerr, "the gzip data ends in the middle of a member");
                w->eof = true;
                break;
            }
            w->z.next_in = (unsigned char *)(uintptr_t)(w->in + w->in_off);
            w->z.avail_in = left > UINT_MAX ? UINT_MAX : (uInt)left;
            w->in_off += w->z.avail_in;
        }
        w->z.next_out = (unsigned char *)w->buf.data + w->len;
        w->z.avail_out = (uInt)(w->buf.cap - w->len);
        int rc = inflate(&w->z, Z_NO_FLUSH);
        w->len = w->buf.cap - w->z.avail_out;
        if (rc == Z_STREAM_END) {
            /* the member is done: the bytes zlib did not use go back */
            w->in_off -= w->z.avail_in;
            w->z.avail_in = 0;
            if (gz_member_follows(w)) {
                inflateReset(&w->z);
                continue;
            }
            size_t k = w->in_off;
            while (k < w->in_len && w->in[k] == 0) k++;   /* tape-style zero padding */
            if (k < w->in_len)
                snprintf(w->zerr, sizeof w->zerr, "bytes after the last gzip member (at byte %zu) ignored",
                         w->in_off);
            w->eof = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            snprintf(w->zerr, sizeof w->zerr, "corrupt gzip data near byte %zu (%s)", w->in_off - w->z.avail_in,
                     w->z.msg ? w->z.msg : "inflate failed");
            w->eof = true;
        }
        if (w->z.avail_out == 0) break;
    }
    return w->len > before;
}

/* Makes n bytes from w->pos available; false when the stream ends first. */
static bool want(cc_warc *w, size_t n)
{
    while (w->len - w->pos < n)
        if (!w->gz || !gz_more(w)) return false;
    return true;
}

/* Drops n bytes (reading them if need be); false when the stream ends. */
static bool skip(cc_warc *w, size_t n)
{
    for (;;) {
        size_t have = w->len - w->pos;
        if (have >= n) { w->pos += n; return true; }
        w->pos = w->len;
        n -= have;
        if (!w->gz || !gz_more(w)) return false;
    }
}

/* Finds "\r\n\r\n" (or "\n\n") from w->pos within WARC_HEAD_MAX; returns
 * the length of the header block including it, 0 if none. */
static size_t header_end(cc_warc *w)
{
    size_t scanned = 0;
    for (;;) {
        const unsigned char *s = W(w) + w->pos;
        size_t n = w->len - w->pos;
        if (n > WARC_HEAD_MAX) n = WARC_HEAD_MAX;
        for (size_t i = scanned; i < n; i++) {
            if (s[i] != '\n') continue;
            if (i + 1 < n && s[i + 1] == '\n') return i + 2;
            if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') return i + 3;
        }
        scanned = n > 2 ? n - 2 : 0;
        if (n >= WARC_HEAD_MAX || !w->gz || !gz_more(w)) return 0;
    }
}

/* ------------------------------------------------------------- headers */

/* The value of header `name` (case-insensitive) in the block s[0..n), its
 * spaces trimmed; NULL if absent. */
static const char *header(const char *s, size_t n, const char *name, size_t *vlen)
{
    size_t nl = strlen(name), i = 0;
    while (i < n) {
        const char *eol = memchr(s + i, '\n', n - i);
        size_t e = eol ? (size_t)(eol - s) : n;
        if (e - i > nl && s[i + nl] == ':' && !strncasecmp(s + i, name, nl)) {
            size_t a = i + nl + 1, b = e;
            while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
            while (b > a && (s[b - 1] == '\r' || s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
            *vlen = b - a;
            return s + a;
        }
        i = e + 1;
    }
    return NULL;
}

static bool has_prefix_ci(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && !strncasecmp(s, lit, l);
}

/* TEXT, HTML, or -1 for a media type that is not a page. A missing type is
 * left to detection (AUTO). */
static int media_input(const char *ct, size_t n)
{
    if (!ct || n == 0) return CONCUR_INPUT_AUTO;
    if (has_prefix_ci(ct, n, "text/html") || has_prefix_ci(ct, n, "application/xhtml")) return CONCUR_INPUT_HTML;
    if (has_prefix_ci(ct, n, "text/plain")) return CONCUR_INPUT_TEXT;
    return -1;
}

static bool parse_size(const char *v, size_t n, int base, size_t *out)
{
    size_t x = 0, i = 0;
    if (n == 0) return false;
    for (; i < n; i++) {
        int c = (unsigned char)v[i], d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else break;
        if (x > (SIZE_MAX - (size_t)d) / (size_t)base) return false;
        x = x * (size_t)base + (size_t)d;
    }
    if (i == 0) return false;
    *out = x;
    return true;
}

/* ---------------------------------------------------------- HTTP bodies */

/* Un-chunks s[0..n) into out; false when the chunk framing is broken (the
 * part read so far is kept). */
static bool unchunk(const char *s, size_t n, cc_buf *out)
{
    size_t i = 0;
    while (i < n) {
        size_t size;
        const char *eol = memchr(s + i, '\n', n - i);
        if (!eol || !parse_size(s + i, (size_t)(eol - s) - i, 16, &size)) return false;
        i = (size_t)(eol - s) + 1;
        if (size == 0) return true;
        if (size > n - i) { cc_buf_put(out, s + i, n - i); return false; }
        cc_buf_put(out, s + i, size);
        i += size;
        if (i < n && s[i] == '\r') i++;
        if (i < n && s[i] == '\n') i++;
    }
    return false;
}

/* Inflates gzip or zlib/raw deflate s[0..n) into out (at most
 * WARC_BLOCK_MAX bytes); false on corrupt data. */
static bool inflate_body(const char *s, size_t n, bool gzip, cc_buf *out)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        z_stream z;
        memset(&z, 0, sizeof z);
        /* gzip: 16 + 15; deflate: zlib-wrapped first, raw on the retry */
        int wbits = gzip ? 31 : attempt == 0 ? 15 : -15;
        if (inflateInit2(&z, wbits) != Z_OK) return false;
        out->len = 0;
        z.next_in = (unsigned char *)(uintptr_t)s;
        z.avail_in = n > UINT_MAX ? UINT_MAX : (uInt)n;
        int rc = Z_OK;
        while (rc == Z_OK) {
            if (!cc_buf_reserve(out, WARC_STEP) || out->len > WARC_BLOCK_MAX) break;
            z.next_out = (unsigned char *)out->data + out->len;
            z.avail_out = (uInt)(out->cap - out->len);
            rc = inflate(&z, Z_NO_FLUSH);
            out->len = out->cap - z.avail_out;
            if (rc == Z_BUF_ERROR && z.avail_in == 0) rc = Z_STREAM_END;   /* truncated: keep what came */
        }
        inflateEnd(&z);
        if (rc == Z_STREAM_END || (rc == Z_OK && out->len)) return true;
        if (gzip) return false;
    }
    return false;
}

/* --------------------------------------------------------------- reader */

static void record_error(concur_error *err, size_t nrec, const char *fmt, const char *what)
{
    cc_error_set(err, CONCUR_ERR_INPUT, 0, fmt, nrec, what);
}

cc_warc *cc_warc_new(const char *bytes, size_t len)
{
    cc_warc *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->in = (const unsigned char *)(bytes ? bytes : "");
    w->in_len = bytes ? len : 0;
    cc_buf_init(&w->buf);
    cc_buf_init(&w->id);
    cc_buf_init(&w->source);
    cc_buf_init(&w->body);
    cc_buf_init(&w->tmp);
    if (w->in_len >= 2 && w->in[0] == 0x1f && w->in[1] == 0x8b) {
        w->gz = true;
        if (inflateInit2(&w->z, 31) != Z_OK) {
            free(w);
            return NULL;
        }
        w->z_live = true;
    } else {
        w->len = w->in_len;
        w->eof = true;
    }
    return w;
}

void cc_warc_free(cc_warc *w)
{
    if (!w) return;
    if (w->z_live) inflateEnd(&w->z);
    cc_buf_free(&w->buf);
    cc_buf_free(&w->id);
    cc_buf_free(&w->source);
    cc_buf_free(&w->body);
    cc_buf_free(&w->tmp);
    free(w);
}

/* The host of a URI ("https://www.bbc.co.uk/news/x" -> "www.bbc.co.uk"). */
static void uri_host(const char *u, size_t n, cc_buf *out)
{
    out->len = 0;
    const char *p = memchr(u, ':', n);
    if (!p || (size_t)(p - u) + 3 > n || p[1] != '/' || p[2] != '/') return;
    size_t a = (size_t)(p - u) + 3, b = a;
    while (b < n && u[b] != '/' && u[b] != '?' && u[b] != '#' && u[b] != ':') b++;
    for (size_t i = a; i < b; i++) cc_buf_putc(out, (char)tolower((unsigned char)u[i]));
}

/* Skips forward to the next line that starts "WARC/" (after damage). */
static bool resync(cc_warc *w)
{
    for (;;) {
        const unsigned char *s = W(w) + w->pos;
        size_t n = w->len - w->pos;
        for (size_t i = 1; i + 5 <= n; i++)
            if (s[i - 1] == '\n' && !memcmp(s + i, "WARC/", 5)) { w->pos += i; return true; }
        if (n > 5) w->pos = w->len - 5;
        if (!w->gz || !gz_more(w)) return false;
    }
}

int cc_warc_next(cc_warc *w, concur_record *rec, concur_error *err)
{
    for (;;) {
        /* the blank lines between records */
        for (;;) {
            if (!want(w, 1)) {
                if (w->zerr[0]) {
                    cc_error_set(err, CONCUR_ERR_INPUT, 0, "%s", w->zerr);
                    w->zerr[0] = 0;
                    return -1;
                }
                return 0;
            }
            unsigned char c = W(w)[w->pos];
            if (c != '\r' && c != '\n') break;
            w->pos++;
        }
        size_t at = w->base + w->pos;
        w->nrec++;
        want(w, 5);
        if (w->len - w->pos < 5 || memcmp(W(w) + w->pos, "WARC/", 5)) {
            bool again = resync(w);
            cc_error_set(err, CONCUR_ERR_INPUT, at, "record %zu: not a WARC record header%s", w->nrec,
                         again ? ", skipped to the next one" : "");
            if (!again) w->pos = w->len;
            return -1;
        }
        size_t hl = header_end(w);
        if (!hl) {
            bool again = (w->pos++, resync(w));
            record_error(err, w->nrec, "record %zu: %s", "header block not terminated (or over 64 KiB)");
            if (!again) w->pos = w->len;
            return -1;
        }
        const char *h = (const char *)W(w) + w->pos;
        size_t clen_n, type_n = 0, ct_n = 0, uri_n = 0, rid_n = 0;
        const char *clen = header(h, hl, "Content-Length", &clen_n);
        const char *type = header(h, hl, "WARC-Type", &type_n);
        const char *ct = header(h, hl, "Content-Type", &ct_n);
        const char *uri = header(h, hl, "WARC-Target-URI", &uri_n);
        const char *rid = header(h, hl, "WARC-Record-ID", &rid_n);
        size_t blen;
        if (!clen || !parse_size(clen, clen_n, 10, &blen)) {
            w->pos++;
            bool again = resync(w);
            record_error(err, w->nrec, "record %zu: %s", "no valid Content-Length");
            if (!again) w->pos = w->len;
            return -1;
        }
        /* keep what the document needs before the window moves */
        w->id.len = 0;
        if (uri && uri_n) {
            /* WARC/1.0 writes the URI in angle brackets in some tools */
            if (uri_n >= 2 && uri[0] == '<' && uri[uri_n - 1] == '>') { uri++; uri_n -= 2; }
            cc_buf_put(&w->id, uri, uri_n);
            uri_host(uri, uri_n, &w->source);
        } else {
            if (rid) cc_buf_put(&w->id, rid, rid_n);
            w->source.len = 0;
        }
        cc_buf_putc(&w->id, 0);
        cc_buf_putc(&w->source, 0);
        enum { SKIP, RESPONSE, DIRECT } what = SKIP;
        int input = CONCUR_INPUT_AUTO;
        if (type && (has_prefix_ci(type, type_n, "response") && type_n == 8)) {
            if (ct && has_prefix_ci(ct, ct_n, "application/http")) what = RESPONSE;
        } else if (type && ((type_n == 8 && has_prefix_ci(type, type_n, "resource")) ||
                            (type_n == 10 && has_prefix_ci(type, type_n, "conversion")))) {
            input = media_input(ct, ct_n);
            if (input >= 0) what = DIRECT;
        }
        w->pos += hl;
        if (what == SKIP) {
            if (!skip(w, blen)) {
                record_error(err, w->nrec, "record %zu: %s", "the file ends inside the record");
                return -1;
            }
            continue;
        }
        if (blen > WARC_BLOCK_MAX) {
            bool ok = skip(w, blen);
            cc_error_set(err, CONCUR_ERR_INPUT, 0, "record %zu: %s: %zu-byte record over the %zu MiB limit, skipped",
                         w->nrec, w->id.data, blen, WARC_BLOCK_MAX >> 20);
            if (!ok) w->pos = w->len;
            return -1;
        }
        bool whole = want(w, blen);
        size_t have = whole ? blen : w->len - w->pos;
        const char *blk = (const char *)W(w) + w->pos;
        w->body.len = 0;
        const char *pay = blk;
        size_t pay_n = have;
        if (what == RESPONSE) {
            /* "HTTP/1.1 200 OK" then headers then the body */
            const char *sp = have > 5 && !memcmp(blk, "HTTP/", 5) ? memchr(blk, ' ', have < 32 ? have : 32) : NULL;
            size_t status = 0;
            if (!sp || !parse_size(sp + 1, have - (size_t)(sp + 1 - blk), 10, &status)) {
                w->pos += have;
                record_error(err, w->nrec, "record %zu: %s", "response without an HTTP status line");
                return -1;
            }
            size_t hh = 0;
            for (size_t i = 0; i + 1 < have && i < WARC_HEAD_MAX; i++) {
                if (blk[i] != '\n') continue;
                if (blk[i + 1] == '\n') { hh = i + 2; break; }
                if (i + 2 < have && blk[i + 1] == '\r' && blk[i + 2] == '\n') { hh = i + 3; break; }
            }
            if (!hh) hh = have;   /* headers only */
            size_t hct_n = 0, te_n = 0, ce_n = 0;
            const char *hct = header(blk, hh, "Content-Type", &hct_n);
            const char *te = header(blk, hh, "Transfer-Encoding", &te_n);
            const char *ce = header(blk, hh, "Content-Encoding", &ce_n);
            input = media_input(hct, hct_n);
            if (status < 200 || status > 299 || input < 0 || hh == have) {
                w->pos += have;
                if (!whole) {
                    record_error(err, w->nrec, "record %zu: %s", "the file ends inside the record");
                    return -1;
                }
                continue;
            }
            pay = blk + hh;
            pay_n = have - hh;
            if (te && has_prefix_ci(te, te_n, "chunked")) {
                w->tmp.len = 0;
                unchunk(pay, pay_n, &w->tmp);   /* broken framing: keep what was read */
                pay = w->tmp.data ? w->tmp.data : "";
                pay_n = w->tmp.len;
            }
            if (ce && ce_n && !has_prefix_ci(ce, ce_n, "identity")) {
                bool gzip = has_prefix_ci(ce, ce_n, "gzip") || has_prefix_ci(ce, ce_n, "x-gzip");
                bool defl = has_prefix_ci(ce, ce_n, "deflate");
                if ((!gzip && !defl) || !inflate_body(pay, pay_n, gzip, &w->body)) {
                    w->pos += have;
                    cc_error_set(err, CONCUR_ERR_INPUT, 0, "record %zu: %s: %s body (Content-Encoding: %.*s)",
                                 w->nrec, w->id.data, gzip || defl ? "corrupt" : "cannot decode the",
                                 (int)(ce_n > 40 ? 40 : ce_n), ce);
                    return -1;
                }
                pay = w->body.data ? w->body.data : "";
                pay_n = w->body.len;
            }
        }
        if (pay != w->body.data) {   /* copy: the window moves on the next call */
            w->body.len = 0;
            cc_buf_put(&w->body, pay, pay_n);
        }
        w->pos += have;
        if (w->body.oom || w->id.oom || w->source.oom) {
            cc_error_set(err, CONCUR_ERR_NOMEM, 0, "record %zu: out of memory", w->nrec);
            return -1;
        }
        if (!whole) {   /* a cut-off page is reported, not read */
            record_error(err, w->nrec, "record %zu: %s", "the file ends inside the record");
            return -1;
        }
        memset(rec, 0, sizeof *rec);
        rec->id = w->id.data[0] ? w->id.data : NULL;
        rec->source = w->source.data[0] ? w->source.data : NULL;
        rec->text = w->body.data ? w->body.data : "";
        rec->len = w->body.len;
        rec->input = input == CONCUR_INPUT_AUTO ? concur_input_detect(NULL, rec->text, rec->len) : (concur_input)input;
        rec->line = 0;
        return 1;
    }
}

/* Is this gzip data a compressed WARC file? (inflates its first bytes) */
bool cc_warc_sniff_gz(const char *bytes, size_t len)
{
    if (len < 18 || (unsigned char)bytes[0] != 0x1f || (unsigned char)bytes[1] != 0x8b) return false;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 31) != Z_OK) return false;
    unsigned char out[8] = {0};   /* filled by inflate (cppcheck cannot see it) */
    z.next_in = (unsigned char *)(uintptr_t)bytes;
    z.avail_in = len > 4096 ? 4096 : (uInt)len;
    z.next_out = out;
    z.avail_out = sizeof out;
    inflate(&z, Z_SYNC_FLUSH);
    size_t got = sizeof out - z.avail_out;
    inflateEnd(&z);
    return got >= 5 && !memcmp(out, "WARC/", 5);
}
