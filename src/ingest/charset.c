/* charset.c -- an HTML page's bytes into valid UTF-8, with a map back.
 *
 * The charset comes from a byte order mark, else from the first <meta>
 * that names one (charset=... or http-equiv content "...; charset=...") or
 * an XML declaration within the first 4 KiB, else UTF-8. As browsers do,
 * ISO-8859-1 / Latin-1 / US-ASCII are read as Windows-1252. Windows-1252 is
 * converted by table; any other declared charset through iconv, one
 * character at a time so that each character keeps its source bytes.
 * Invalid sequences and NUL bytes become U+FFFD. A page that is already
 * valid UTF-8 without NUL is used in place (identity map, no copy). */
#include "html_int.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>

/* Windows-1252 0x80..0x9F (the rest of the range is Latin-1). Bytes that
 * Windows-1252 leaves undefined keep their C1 code point, as in browsers. */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

enum { CS_UTF8, CS_CP1252, CS_ICONV };

static bool ieq_prefix(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    if (n < l) return false;
    for (size_t i = 0; i < l; i++)
        if (tolower((unsigned char)s[i]) != lit[i]) return false;
    return true;
}

/* Reads a charset name at s[0..n) after "charset" (skips blanks, '=',
 * quotes). Returns its length written into out (lower case), 0 if none. */
static size_t read_name(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    if (i >= n || s[i] != '=') return 0;
    i++;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '"' || s[i] == '\'')) i++;
    size_t k = 0;
    while (i < n && k + 1 < cap &&
           (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '_' || s[i] == ':' || s[i] == '.')) {
        out[k++] = (char)tolower((unsigned char)s[i]);
        i++;
    }
    out[k] = 0;
    return k;
}

/* The charset declared in the first 4 KiB: <meta ... charset=NAME> or an
 * XML declaration's encoding="NAME". */
static size_t sniff_declared(const char *s, size_t n, char *out, size_t cap)
{
    if (n > 4096) n = 4096;
    if (n >= 5 && ieq_prefix(s, n, "<?xml")) {
        const char *gt = memchr(s, '>', n);
        size_t e = gt ? (size_t)(gt - s) : n;
        for (size_t i = 0; i + 8 < e; i++)
            if (ieq_prefix(s + i, e - i, "encoding")) {
                size_t k = read_name(s + i + 8, e - i - 8, out, cap);
                if (k) return k;
            }
    }
    for (size_t i = 0; i + 5 < n; i++) {
        if (s[i] != '<' || !ieq_prefix(s + i, n - i, "<meta")) continue;
        size_t e = i + 5;
        while (e < n && s[e] != '>') e++;
        for (size_t j = i + 5; j + 7 < e; j++)
            if (ieq_prefix(s + j, e - j, "charset")) {
                size_t k = read_name(s + j + 7, e - j - 7, out, cap);
                if (k) return k;
            }
        i = e;
    }
    return 0;
}

static int classify(const char *name)
{
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8",
                                       /* browsers read a <meta> UTF-16 as UTF-8 */
                                       "utf-16", "utf-16le", "utf-16be", "unicode"};
    static const char *const latin[] = {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1",
                                        "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
                                        "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-100",
                                        "ibm819", "cp819", "csisolatin1", "iso_8859-1:1987"};
    for (size_t i = 0; i < sizeof utf8 / sizeof *utf8; i++)
        if (!strcmp(name, utf8[i])) return CS_UTF8;
    for (size_t i = 0; i < sizeof latin / sizeof *latin; i++)
        if (!strcmp(name, latin[i])) return CS_CP1252;
    return CS_ICONV;
}

/* ------------------------------------------------------------ the output */

typedef struct conv_out {
    cc_buf b;
    cc_vec *segs;
    bool had_invalid;
    size_t first_invalid;
} conv_out;

static void note_invalid(conv_out *o, size_t at)
{
    if (!o->had_invalid) { o->had_invalid = true; o->first_invalid = at; }
}

static void out_piece(conv_out *o, const char *s, size_t n, size_t orig, size_t orig_len, bool linear)
{
    cc_conv_seg *last = o->segs->len ? &CC_VEC_AT(o->segs, cc_conv_seg, o->segs->len - 1) : NULL;
    if (linear && last && last->linear && last->orig + last->orig_len == orig &&
        last->conv + last->conv_len == o->b.len) {
        last->conv_len += n;
        last->orig_len += n;
    } else {
        cc_conv_seg *g = cc_vec_push(o->segs);
        if (!g) { o->b.oom = true; return; }
        g->conv = o->b.len;
        g->orig = orig;
        g->conv_len = n;
        g->orig_len = orig_len;
        g->linear = linear;
    }
    cc_buf_put(&o->b, s, n);
}

static void out_cp(conv_out *o, uint32_t cp, size_t orig, size_t orig_len)
{
    char enc[4];
    if (cp == 0) cp = 0xFFFD;
    int n = cc_utf8_encode(cp, enc);
    out_piece(o, enc, (size_t)n, orig, orig_len, false);
}

/* UTF-8 input: valid runs copied, invalid bytes and NUL -> U+FFFD. */
static void conv_utf8(const unsigned char *s, size_t n, size_t base, conv_out *o)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n) {
            if (s[j] && s[j] < 0x80) { j++; continue; }
            if (!s[j]) break;
            int l;
            uint32_t cp = cc_utf8_decode(s + j, n - j, &l);
            if (cp == 0xFFFD && !(l == 3 && s[j] == 0xEF)) break;
            j += (size_t)l;
        }
        if (j > i) out_piece(o, (const char *)s + i, j - i, base + i, j - i, true);
        if (j < n) {
            if (s[j]) note_invalid(o, base + j);
            out_cp(o, 0xFFFD, base + j, 1);
            j++;
        }
        i = j;
    }
}

static void conv_cp1252(const unsigned char *s, size_t n, conv_out *o)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] && s[j] < 0x80) j++;
        if (j > i) out_piece(o, (const char *)s + i, j - i, i, j - i, true);
        if (j < n) {
            uint32_t cp = s[j] >= 0xA0 ? s[j] : s[j] >= 0x80 ? cp1252_hi[s[j] - 0x80] : 0xFFFD;
            out_cp(o, cp, j, 1);
            j++;
        }
        i = j;
    }
}

/* Any other charset: iconv, one character at a time (a character is the
 * shortest prefix iconv accepts, up to 8 bytes). ASCII bytes are copied
 * directly when the charset is ASCII-compatible. */
static bool conv_iconv(const unsigned char *s, size_t n, size_t start, const char *name, conv_out *o)
{
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1) return false;
    bool ascii_ok = !strstr(name, "16") && !strstr(name, "32") && !strstr(name, "2022") &&
                    !strstr(name, "utf-7");
    size_t i = start;
    while (i < n && !o->b.oom) {
        if (ascii_ok && s[i] < 0x80) {
            size_t j = i;
            while (j < n && s[j] && s[j] < 0x80) j++;
            if (j > i) out_piece(o, (const char *)s + i, j - i, i, j - i, true);
            else { out_cp(o, 0xFFFD, i, 1); j++; }
            i = j;
            continue;
        }
        char outb[32];
        size_t used = 0;
        bool done = false;
        for (size_t k = 1; k <= 8 && i + k <= n && !done; k++) {
            char *in = (char *)(s + i);
            size_t inleft = k;
            char *op = outb;
            size_t outleft = sizeof outb;
            iconv(cd, NULL, NULL, NULL, NULL);
            size_t r = iconv(cd, &in, &inleft, &op, &outleft);
            if (r != (size_t)-1 && inleft == 0) {
                size_t on = sizeof outb - outleft;
                if (on && cc_utf8_valid(outb, on) && !memchr(outb, 0, on))
                    out_piece(o, outb, on, i, k, false);
                else if (on)
                    out_cp(o, 0xFFFD, i, k);
                used = k;
                done = true;
            } else if (errno != EINVAL) {
                break;   /* invalid sequence */
            }
        }
        if (!done) { note_invalid(o, i); out_cp(o, 0xFFFD, i, 1); used = 1; }
        i += used;
    }
    iconv_close(cd);
    return true;
}

bool cc_conv_page(const char *bytes, size_t len, cc_conv *c)
{
    memset(c, 0, sizeof *c);
    cc_vec_init(&c->segs, sizeof(cc_conv_seg));
    const unsigned char *s = (const unsigned char *)bytes;
    char name[32] = "";
    size_t start = 0;
    int cls;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        strcpy(name, "utf-8");
        start = 3;
        cls = CS_UTF8;
    } else if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        strcpy(name, s[0] == 0xFF ? "utf-16le" : "utf-16be");
        start = 2;
        cls = CS_ICONV;
    } else if (sniff_declared(bytes, len, name, sizeof name)) {
        cls = classify(name);
    } else {
        strcpy(name, "utf-8");
        cls = CS_UTF8;
    }
    if (cls == CS_UTF8) strcpy(name, "utf-8");
    if (cls == CS_CP1252) strcpy(name, "windows-1252");

    if (cls == CS_UTF8 && start == 0 && cc_utf8_valid(bytes, len) && !memchr(bytes, 0, len)) {
        c->buf = bytes;
        c->len = len;
        c->identity = true;
        memcpy(c->charset, name, sizeof c->charset);
        return true;
    }
    conv_out o;
    memset(&o, 0, sizeof o);
    cc_buf_init(&o.b);
    o.segs = &c->segs;
    if (!cc_buf_reserve(&o.b, len + len / 4 + 16)) return false;
    bool done = false;
    if (cls == CS_ICONV) {
        done = conv_iconv(s, len, start, name, &o);
        if (!done) strcpy(name, "utf-8");
    }
    if (!done) {
        if (cls == CS_CP1252) conv_cp1252(s, len, &o);
        else conv_utf8(s + start, len - start, start, &o);
    }
    cc_buf_reserve(&o.b, 1);
    if (o.b.oom) { cc_buf_free(&o.b); cc_vec_free(&c->segs); return false; }
    o.b.data[o.b.len] = 0;
    c->owned = o.b.data;
    c->buf = o.b.data;
    c->len = o.b.len;
    memcpy(c->charset, name, sizeof c->charset);
    c->had_invalid = o.had_invalid;
    c->first_invalid = o.first_invalid;
    return true;
}

void cc_conv_free(cc_conv *c)
{
    free(c->owned);
    cc_vec_free(&c->segs);
    memset(c, 0, sizeof *c);
}

size_t cc_conv_seg_at(const cc_conv *c, size_t pos)
{
    if (c->identity || !c->segs.len) return 0;
    const cc_conv_seg *g = c->segs.data;
    size_t lo = 0, hi = c->segs.len;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (g[mid].conv <= pos) lo = mid;
        else hi = mid;
    }
    return lo;
}

size_t cc_conv_orig(const cc_conv *c, size_t pos)
{
    if (c->identity) return pos;
    if (!c->segs.len) return 0;
    const cc_conv_seg *g = &CC_VEC_AT(&c->segs, cc_conv_seg, cc_conv_seg_at(c, pos));
    if (g->linear) {
        size_t d = pos - g->conv;
        return g->orig + (d < g->orig_len ? d : g->orig_len);
    }
    return g->orig;
}

size_t cc_conv_orig_end(const cc_conv *c, size_t end)
{
    if (c->identity) return end;
    if (!c->segs.len) return 0;
    if (end == 0) return cc_conv_orig(c, 0);
    const cc_conv_seg *g = &CC_VEC_AT(&c->segs, cc_conv_seg, cc_conv_seg_at(c, end - 1));
    if (g->linear) {
        size_t d = end - g->conv;
        return g->orig + (d < g->orig_len ? d : g->orig_len);
    }
    return g->orig + g->orig_len;
}
