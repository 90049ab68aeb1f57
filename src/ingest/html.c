/* html.c -- HTML page -> the article's clean text, mapped to the page bytes.
 *
 * 1. charset.c turns the page into valid UTF-8 with a map back.
 * 2. libxml2's HTML parser (recover mode, no network, silent) builds a DOM.
 * 3. One walk over the DOM in document order: every text node is aligned
 *    against the raw bytes with a forward cursor (markup skipped, entities
 *    decoded and compared), so each text node knows where it starts in the
 *    page; every element gets its role from html_tags.tsv and its class/id
 *    hints from boilerplate_class.tsv, and collects text statistics.
 * 4. Content scoring over blocks (a Readability-style algorithm): paragraphs
 *    give points to their ancestors (commas, length), candidates are
 *    weighted by class hints and link density, the best container and its
 *    worthy siblings are the article; inside it, lists, tables and divs
 *    that look like furniture (link-heavy, forms, image galleries) are
 *    removed, as are blocks that are page residue (residue.tsv).
 * 5. The kept text is emitted block by block (each block a paragraph),
 *    from the raw bytes where they equal the text and as replacements
 *    mapped to the entity's bytes where an entity was decoded.
 * No recursion anywhere: a page of 100 000 nested tags costs linear time. */
#include "html_int.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum {
    HK_INLINE = 0, HK_SKIP, HK_DROP, HK_BLOCK, HK_HEADING, HK_CAPTION, HK_QUOTE, HK_ITEM,
    HK_CELL, HK_BR, HK_LINK, HK_IMAGE, HK_EMBED, HK_INPUT
};

static const char *const kind_names[] = {"inline", "skip", "drop", "block", "heading", "caption", "quote",
                                         "item", "cell", "br", "link", "image", "embed", "input"};

/* element flags */
enum {
    EF_SKIP = 1,      /* never text (script, style ...) or inside such */
    EF_HARD = 2,      /* dropped by tag or hidden: always */
    EF_HINT = 4,      /* dropped by class/id hints (only when stripping unlikely) */
    EF_INLINK = 8,    /* inside <a> */
    EF_SCORE = 16,    /* text directly inside counts as a paragraph */
    EF_LIST = 32,     /* ul / ol / dl */
    EF_P = 64,        /* a <p> */
    EF_FIGURE = 128,  /* inside <figure> */
    EF_HASBLOCK = 256, /* has a block child: its own text is a virtual <p> child */
    EF_CLEAN = 512,    /* container that conditional cleaning looks at */
    EF_KEEP = 1024,    /* never dropped by class hints (body, article, a ...) */
    EF_BODY = 2048     /* <body> */
};

typedef struct hel {
    xmlNodePtr node;
    int32_t parent;
    int32_t block;          /* nearest block ancestor-or-self */
    uint16_t flags;
    uint8_t kind;
    uint8_t level;          /* heading level 1..6 */
    int16_t base, weight;
    uint32_t own_text, own_commas, own_link;
    uint32_t nsub;          /* elements in the subtree, self included */
    /* totals, recomputed per attempt */
    uint32_t text, link, commas, head_text, li_text;
    uint32_t np, nimg, nli, ninput, nembed;
    float score;
    float best_below;       /* best candidate score in the subtree */
    bool init;              /* has a content score */
    bool gone;              /* excluded in the current attempt */
    bool keep;              /* part of the selected article */
} hel;

typedef struct hctx {
    cc_conv conv;
    const char *raw;        /* conv.buf */
    size_t len;
    size_t cursor;          /* alignment cursor in raw */
    size_t budget;          /* bytes of text the aligner may still skip */
    cc_vec els;             /* hel */
    const cc_lexicon *tags, *hints, *residue;
    cc_text *t;
    cc_text scratch;
    size_t last_src;        /* input offset after the last emitted text */
    struct tag_info *tag_cache;     /* TAG_CACHE entries */
    struct hint_info *hint_cache;   /* HINT_CACHE entries */
    struct hint_row *hint_rows;     /* boilerplate_class.tsv, parsed */
    size_t nhint;
    bool keep_title;
    const cc_lexicon *pub;  /* html_pubdate.tsv; NULL when a date is given */
    int pub_rank;           /* rank of pub_date (0: none yet) */
    char pub_date[11];      /* the page's own publication date */
} hctx;

#define EL(x, i) (&CC_VEC_AT(&(x)->els, hel, (size_t)(i)))

static bool is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static int32_t el_index(xmlNodePtr n)
{
    return (n && n->type == XML_ELEMENT_NODE && n->_private) ? (int32_t)((intptr_t)n->_private - 1) : -1;
}

/* ------------------------------------------------------------ entities */

/* Decodes the character reference at raw[q] ('&'). Returns its length in
 * raw (0 if it is not one) and writes the UTF-8 into out (*on bytes). The
 * rules follow libxml2's HTML parser: named references need ';' and are
 * looked up in libxml2's own table; numeric ones may omit ';'. */
static size_t decode_entity(const char *raw, size_t len, size_t q, char *out, size_t *on)
{
    *on = 0;
    size_t i = q + 1;
    if (i >= len) return 0;
    if (raw[i] == '#') {
        i++;
        bool hex = i < len && (raw[i] == 'x' || raw[i] == 'X');
        if (hex) i++;
        uint32_t v = 0;
        size_t d0 = i;
        while (i < len && (hex ? isxdigit((unsigned char)raw[i]) : isdigit((unsigned char)raw[i]))) {
            unsigned dv = isdigit((unsigned char)raw[i]) ? (unsigned)(raw[i] - '0')
                                                         : (unsigned)(tolower((unsigned char)raw[i]) - 'a' + 10);
            if (v < 0x110000) v = v * (hex ? 16 : 10) + dv;
            i++;
        }
        if (i == d0) return 0;
        if (i < len && raw[i] == ';') i++;
        if (v == 0 || v >= 0x110000 || (v >= 0xD800 && v < 0xE000)) return i - q;   /* dropped */
        *on = (size_t)cc_utf8_encode(v, out);
        return i - q;
    }
    char name[40];
    size_t k = 0;
    while (i < len && k + 1 < sizeof name && isalnum((unsigned char)raw[i])) name[k++] = raw[i++];
    if (!k || i >= len || raw[i] != ';') return 0;
    name[k] = 0;
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    if (!e) return 0;
    *on = (size_t)cc_utf8_encode(e->value, out);
    return i + 1 - q;
}

/* ------------------------------------------------------------ emitting */

static void scratch_reset(cc_text *s)
{
    s->out.len = 0;
    s->segs.len = 0;
    s->paras.len = 0;
    s->in_para = false;
    s->pending_space = false;
}

static bool is_space_cp(uint32_t cp)
{
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0x1680 || cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0x0B || cp < 0x20;
}

/* Appends decoded text s[0..n) standing for input [orig, orig+olen):
 * white space runs become an owed space, the rest is normalised like any
 * input (quotes, dashes, NFKC) and mapped as a whole to the span. */
static void emit_repl(hctx *x, const char *s, size_t n, size_t orig, size_t olen)
{
    size_t i = 0;
    while (i < n) {
        if (is_ws((unsigned char)s[i])) {
            while (i < n && is_ws((unsigned char)s[i])) i++;
            cc_text_append_src(x->t, " ", 1, orig);
            continue;
        }
        size_t j = i;
        while (j < n && !is_ws((unsigned char)s[j])) j++;
        /* C1 controls from numeric references (&#150;) mean Windows-1252 */
        char fix[64];
        const char *p = s + i;
        size_t pn = j - i;
        if (pn == 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] < 0xA0) {
            static const uint16_t c1[32] = {
                0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
            pn = (size_t)cc_utf8_encode(c1[(unsigned char)p[1] - 0x80], fix);
            p = fix;
        }
        /* one piece at a time: a space character stays a (collapsible)
         * space, anything else is normalised through the scratch text */
        size_t q = 0;
        while (q < pn) {
            int l;
            uint32_t cp = cc_utf8_decode((const unsigned char *)p + q, pn - q, &l);
            size_t r = q + (size_t)l;
            if (is_space_cp(cp)) {
                cc_text_append_src(x->t, " ", 1, orig);
                q = r;
                continue;
            }
            while (r < pn) {
                uint32_t c2 = cc_utf8_decode((const unsigned char *)p + r, pn - r, &l);
                if (is_space_cp(c2)) break;
                r += (size_t)l;
            }
            scratch_reset(&x->scratch);
            cc_text_append_src(&x->scratch, p + q, r - q, 0);
            if (x->scratch.out.len) cc_text_append_repl(x->t, x->scratch.out.data, x->scratch.out.len, orig, olen);
            q = r;
        }
        i = j;
    }
    x->last_src = orig + olen;
}

/* Appends raw converted bytes [a, b) (equal to the decoded text). */
static void emit_raw(hctx *x, size_t a, size_t b)
{
    if (a >= b) return;
    const cc_conv *c = &x->conv;
    if (c->identity) {
        cc_text_append_src(x->t, x->raw + a, b - a, a);
        x->last_src = b;
        return;
    }
    size_t si = cc_conv_seg_at(c, a);
    const cc_conv_seg *g = c->segs.data;
    while (a < b && si < c->segs.len) {
        size_t se = g[si].conv + g[si].conv_len;
        size_t e = se < b ? se : b;
        if (g[si].linear) {
            cc_text_append_src(x->t, x->raw + a, e - a, g[si].orig + (a - g[si].conv));
            x->last_src = g[si].orig + (e - g[si].conv);
        } else {
            emit_repl(x, x->raw + a, e - a, g[si].orig, g[si].orig_len);
        }
        a = e;
        si++;
    }
}

/* ----------------------------------------------------------- alignment */

/* End of the markup construct at raw[p] == '<', or 0 if it is not one. */
static size_t skip_markup(const char *raw, size_t len, size_t p)
{
    if (p + 1 >= len) return 0;
    char c = raw[p + 1];
    if (c == '!' && p + 3 < len && raw[p + 2] == '-' && raw[p + 3] == '-') {
        size_t i = p + 4;
        while (i + 2 < len) {
            const char *dash = memchr(raw + i, '-', len - i);
            if (!dash) break;
            i = (size_t)(dash - raw);
            if (i + 2 < len && raw[i + 1] == '-' && raw[i + 2] == '>') return i + 3;
            i++;
        }
        return len;
    }
    if (c == '!' || c == '?') {
        const char *gt = memchr(raw + p, '>', len - p);
        return gt ? (size_t)(gt - raw) + 1 : len;
    }
    if (c == '/') {
        if (p + 2 >= len || !isalpha((unsigned char)raw[p + 2])) return 0;
    } else if (!isalpha((unsigned char)c)) {
        return 0;
    }
    size_t i = p + 1;
    char quote = 0;
    bool after_eq = false;
    while (i < len) {
        char ch = raw[i];
        if (quote) {
            if (ch == quote) quote = 0;
        } else if (ch == '>') {
            return i + 1;
        } else if (after_eq && (ch == '"' || ch == '\'')) {
            quote = ch;
        }
        if (!quote) {
            if (ch == '=') after_eq = true;
            else if (!is_ws((unsigned char)ch)) after_eq = false;
        }
        i++;
    }
    return len;
}

/* Matches decoded text C[0..cn) against raw from q. Returns how many bytes
 * of C were matched (cn when all) and sets *qe to the raw end. When emit is
 * set, the matched text is appended to the clean text as it goes. */
static size_t match_text(hctx *x, const char *C, size_t cn, size_t q, size_t *qe, bool emit)
{
    const char *raw = x->raw;
    size_t len = x->len, i = 0, run = q;
    char dec[8];
    while (i < cn && q < len) {
        unsigned char ci = (unsigned char)C[i], rq = (unsigned char)raw[q];
        if (ci == rq && rq != '&' && rq != '<') { i++; q++; continue; }
        if (is_ws(ci) && is_ws(rq)) {
            while (i < cn && is_ws((unsigned char)C[i])) i++;
            while (q < len && is_ws((unsigned char)raw[q])) q++;
            continue;
        }
        if (rq == '&') {
            size_t dn, el = decode_entity(raw, len, q, dec, &dn);
            if (el && dn && dn <= cn - i && !memcmp(C + i, dec, dn)) {
                if (emit) { emit_raw(x, run, q); emit_repl(x, C + i, dn, cc_conv_orig(&x->conv, q), cc_conv_orig_end(&x->conv, q + el) - cc_conv_orig(&x->conv, q)); }
                i += dn; q += el; run = q;
                continue;
            }
            if (ci == '&') { i++; q++; continue; }
            if (el) {
                /* decoded differently (or dropped): take one character */
                int l = 0;
                if (dn) cc_utf8_decode((const unsigned char *)C + i, cn - i, &l);
                if (emit) { emit_raw(x, run, q); if (l) emit_repl(x, C + i, (size_t)l, cc_conv_orig(&x->conv, q), cc_conv_orig_end(&x->conv, q + el) - cc_conv_orig(&x->conv, q)); }
                i += (size_t)l; q += el; run = q;
                continue;
            }
            break;
        }
        if (is_ws(rq)) { q++; continue; }            /* white space only in the source */
        if (is_ws(ci)) {                              /* white space only in the text */
            while (i < cn && is_ws((unsigned char)C[i])) i++;
            if (emit) { emit_raw(x, run, q); cc_text_append_src(x->t, " ", 1, cc_conv_orig(&x->conv, q)); }
            run = q;
            continue;
        }
        if (ci == rq) { i++; q++; continue; }         /* a literal '<' */
        if (rq == '<') {
            /* markup the parser dropped inside the text (a stray end tag) */
            size_t e = skip_markup(raw, len, q);
            if (e) {
                if (emit) emit_raw(x, run, q);
                q = run = e;
                continue;
            }
        }
        break;
    }
    /* trailing white space of the text */
    size_t ie = i;
    while (ie < cn && is_ws((unsigned char)C[ie])) ie++;
    if (ie == cn) i = cn;
    if (emit) emit_raw(x, run, q);
    *qe = q;
    return i;
}

/* Finds where text node C starts in raw, from the cursor. On success
 * stores the start in *start and moves the cursor past the text. */
static bool align_text(hctx *x, const char *C, size_t cn, size_t *start)
{
    size_t c0 = 0;
    while (c0 < cn && is_ws((unsigned char)C[c0])) c0++;
    if (c0 == cn) return false;
    size_t need = cn - c0 < 64 ? cn - c0 : 64;
    size_t p = x->cursor, skipped = 0;
    const size_t limit = 1 << 16;
    while (p < x->len) {
        unsigned char r = (unsigned char)x->raw[p];
        if (is_ws(r)) { p++; continue; }
        if (r == (unsigned char)C[c0] || r == '&') {
            size_t qe, m = match_text(x, C + c0, cn - c0, p, &qe, false);
            if (m == cn - c0 || m >= need || m * 2 >= cn - c0) {
                *start = p;
                x->cursor = qe;
                return true;
            }
        }
        if (r == '<') {
            size_t e = skip_markup(x->raw, x->len, p);
            if (e) { p = e; continue; }
        }
        p++;
        if (++skipped > limit || skipped > x->budget) break;
    }
    x->budget = x->budget > skipped ? x->budget - skipped : 0;
    return false;
}

/* ------------------------------------------------------------- hints */

static size_t attr_value(xmlNodePtr n, const char *name, char *out, size_t cap)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (!a->name || strcmp((const char *)a->name, name)) continue;
        size_t k = 0;
        for (xmlNodePtr v = a->children; v && k + 1 < cap; v = v->next) {
            const char *s = (const char *)v->content;
            if (!s) continue;
            while (*s && k + 1 < cap) out[k++] = (char)tolower((unsigned char)*s++);
        }
        out[k] = 0;
        return k;
    }
    if (cap) out[0] = 0;
    return 0;
}

static bool word_at(const char *s, const char *hit, size_t kl)
{
    bool left = hit == s || !isalnum((unsigned char)hit[-1]);
    bool right = !isalnum((unsigned char)hit[kl]);
    return left && right;
}

/* Per-document caches: tag roles by the parser's interned name pointer,
 * class hints by a hash of the attribute text. */
#define TAG_CACHE 128
#define HINT_CACHE 512
typedef struct tag_info {
    const xmlChar *name;
    uint8_t kind, level;
    int16_t base;
    uint16_t flags;
} tag_info;
typedef struct hint_row {
    const char *key;
    size_t len;
    bool word;
    char effect;    /* d(rop) n(eg) p(os) o(k) */
} hint_row;
typedef struct hint_info {
    uint64_t hash;
    int16_t weight;
    bool drop, used;
} hint_info;

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* Class weight and drop decision from the hint text (class, id, role,
 * itemprop, lower case). */
static void class_hints(const hctx *x, const char *buf, size_t k, int16_t *weight, bool *drop)
{
    *weight = 0;
    *drop = false;
    if (k <= 3) return;
    uint64_t h = fnv(buf, k);
    hint_info *c = &x->hint_cache[h % HINT_CACHE];
    if (c->used && c->hash == h) {
        *weight = c->weight;
        *drop = c->drop;
        return;
    }
    bool neg = false, pos = false, ok = false, dr = false;
    for (size_t r = 0; r < x->nhint; r++) {
        const hint_row *row = &x->hint_rows[r];
        bool hit = false;
        for (const char *hh = strstr(buf, row->key); hh; hh = strstr(hh + 1, row->key))
            if (!row->word || word_at(buf, hh, row->len)) { hit = true; break; }
        if (!hit) continue;
        switch (row->effect) {
        case 'd': dr = true; neg = true; break;
        case 'n': neg = true; break;
        case 'p': pos = true; break;
        case 'o': ok = true; break;
        default: break;
        }
    }
    *weight = (int16_t)((neg ? -25 : 0) + (pos ? 25 : 0));
    *drop = dr && !ok;
    c->used = true;
    c->hash = h;
    c->weight = *weight;
    c->drop = *drop;
}

static size_t copy_lower(xmlAttrPtr a, char *out, size_t cap)
{
    size_t k = 0;
    for (xmlNodePtr v = a->children; v && k + 1 < cap; v = v->next) {
        const char *s = (const char *)v->content;
        if (!s) continue;
        while (*s && k + 1 < cap) out[k++] = (char)tolower((unsigned char)*s++);
    }
    return k;
}

/* One pass over the attributes: hint text into buf (returns its length),
 * *hide when the element is hidden (hidden, aria-hidden, display:none). */
static size_t read_attrs(xmlNodePtr n, char *buf, size_t cap, bool *hide)
{
    size_t k = 0;
    *hide = false;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const char *nm = (const char *)a->name;
        if (!nm) continue;
        if (!strcmp(nm, "class") || !strcmp(nm, "id") || !strcmp(nm, "role") || !strcmp(nm, "itemprop")) {
            if (k + 2 < cap) {
                k += copy_lower(a, buf + k, cap - k - 1);
                buf[k++] = ' ';
            }
        } else if (!strcmp(nm, "hidden")) {
            *hide = true;
        } else if (!strcmp(nm, "aria-hidden") || !strcmp(nm, "style")) {
            char v[160], sq[160];
            size_t l = copy_lower(a, v, sizeof v), m = 0;
            for (size_t i = 0; i < l; i++)
                if (!is_ws((unsigned char)v[i])) sq[m++] = v[i];
            sq[m] = 0;
            bool h = nm[0] == 'a' ? !strcmp(sq, "true")
                                  : (strstr(sq, "display:none") || strstr(sq, "visibility:hidden"));
            if (h) *hide = true;
        }
    }
    buf[k] = 0;
    return k;
}

/* ------------------------------------------------------------- pass 1 */

static const tag_info *tag_lookup(hctx *x, const xmlChar *name)
{
    tag_info *c = &x->tag_cache[((uintptr_t)name >> 3) % TAG_CACHE];
    if (c->name == name && name) return c;
    tag_info ti = {name, HK_INLINE, 0, 0, 0};
    const cc_lex_row *r = name ? cc_lex_find(x->tags, (const char *)name, strlen((const char *)name)) : NULL;
    if (r && r->col[1]) {
        for (uint8_t k = 0; k < sizeof kind_names / sizeof *kind_names; k++)
            if (!strcmp(r->col[1], kind_names[k])) ti.kind = k;
        if (r->col[2]) ti.base = (int16_t)atoi(r->col[2]);
        if (r->col[3] && r->col[3][0] == '1') ti.flags |= EF_SCORE;
        const char *f = r->col[4] ? r->col[4] : "";
        if (strstr(f, "list")) ti.flags |= EF_LIST;
        if (strstr(f, "para")) ti.flags |= EF_P;
        if (strstr(f, "figure")) ti.flags |= EF_FIGURE;
        if (strstr(f, "clean")) ti.flags |= EF_CLEAN;
        if (strstr(f, "keep")) ti.flags |= EF_KEEP;
        if (strstr(f, "body")) ti.flags |= EF_BODY;
    }
    if (ti.kind == HK_HEADING && name && name[0] && name[1] >= '1' && name[1] <= '6') ti.level = (uint8_t)(name[1] - '0');
    *c = ti;
    return c;
}

static bool is_blockish(uint8_t k)
{
    return k == HK_BLOCK || k == HK_HEADING || k == HK_CAPTION || k == HK_QUOTE || k == HK_ITEM || k == HK_CELL;
}

/* Text length in characters (white space runs count one, trimmed) and
 * commas of a text node. */
static void text_stats(const char *s, size_t n, uint32_t *chars, uint32_t *commas)
{
    uint32_t c = 0, cm = 0;
    bool sp = false, any = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (is_ws(b)) { sp = any; continue; }
        if ((b & 0xC0) == 0x80) continue;
        if (sp) { c++; sp = false; }
        c++;
        any = true;
        if (b == ',') cm++;
        else if (b == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] == 0x8C) cm++;
        else if (b == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x81) cm++;
        else if (b == 0xD8 && i + 1 < n && (unsigned char)s[i + 1] == 0x8C) cm++;
    }
    *chars = c;
    *commas = cm;
}

/* ---------------------------------------------------- publication date */

/* Rank of `key` found `where` (meta, itemprop, jsonld, time) in
 * html_pubdate.tsv, 0 if not listed. */
static int pub_rank(const hctx *x, const char *where, const char *key, size_t kl)
{
    for (size_t r = 0; r < x->pub->nrows; r++) {
        const cc_lex_row *row = &x->pub->rows[r];
        if (!row->col[0] || !row->col[1] || !row->col[2] || strcmp(row->col[2], where)) continue;
        if (strlen(row->col[0]) == kl && !strncmp(row->col[0], key, kl)) return atoi(row->col[1]);
    }
    return 0;
}

/* "2019-11-20T06:35:39Z", " 2019-11-19 02:24", ... -> "2019-11-20" */
static bool iso_day(const char *v, size_t n, char out[11])
{
    size_t i = 0;
    while (i < n && is_ws((unsigned char)v[i])) i++;
    if (n - i < 10) return false;
    const char *d = v + i;
    for (int k = 0; k < 10; k++) {
        bool dash = k == 4 || k == 7;
        if (dash ? d[k] != '-' : !isdigit((unsigned char)d[k])) return false;
    }
    if (n - i > 10 && isdigit((unsigned char)d[10])) return false;
    int y = atoi(d), m = atoi(d + 5), dd = atoi(d + 8);
    if (y < 1000 || m < 1 || m > 12 || dd < 1 || dd > 31) return false;
    memcpy(out, d, 10);
    out[10] = 0;
    return true;
}

/* "November 20, 2019 13:42", "Tue Nov 19 2019 05:44:06 GMT", "19 Nov 2019
 * 07:09 GMT" -> "2019-11-20": a month name (dates.tsv), a day and a year
 * among the first words, nothing else read. */
static bool text_day(const char *v, size_t n, char out[11])
{
    const cc_lexicon *dl = cc_lexicon_get("dates");
    int y = 0, m = 0, d = 0, words = 0;
    for (size_t i = 0; i < n && words < 6;) {
        if (!isalnum((unsigned char)v[i])) { i++; continue; }
        size_t j = i;
        while (j < n && isalnum((unsigned char)v[j])) j++;
        words++;
        if (isdigit((unsigned char)v[i])) {
            int k = j - i <= 4 ? atoi(v + i) : 0;
            if (j - i == 4 && k >= 1000 && !y) y = k;
            else if (j - i <= 2 && k >= 1 && k <= 31 && !d) d = k;
            else if (j < n && v[j] == ':') break;   /* the time: the date is over */
        } else if (dl && j - i < 16) {
            char w[16];
            for (size_t k = i; k < j; k++) w[k - i] = (char)tolower((unsigned char)v[k]);
            const cc_lex_row *r = cc_lex_find(dl, w, j - i);
            if (r && r->col[1] && !strcmp(r->col[1], "month") && r->col[2] && !m) m = atoi(r->col[2]);
        }
        i = j;
    }
    if (!y || !m || !d) return false;
    int parts[3] = {y, m, d}, widths[3] = {4, 2, 2};
    size_t o = 0;
    for (int k = 0; k < 3; k++) {
        if (k) out[o++] = '-';
        for (int q = widths[k] - 1, v = parts[k]; q >= 0; q--, v /= 10) out[o + (size_t)q] = (char)('0' + v % 10);
        o += (size_t)widths[k];
    }
    out[o] = 0;
    return true;
}

static void pub_offer(hctx *x, int rank, const char *v, size_t n)
{
    char day[11];
    if (rank > x->pub_rank && (iso_day(v, n, day) || text_day(v, n, day))) {
        x->pub_rank = rank;
        memcpy(x->pub_date, day, sizeof day);
    }
}

/* A "key": "value" member of JSON-LD text whose key is listed for jsonld.
 * Strings are read whole (escapes skipped), so a long value cannot put the
 * scan out of step with the keys. */
static void pub_jsonld(hctx *x, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (s[i] != '"') { i++; continue; }
        size_t a = ++i;
        while (i < n && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
        if (i >= n) return;
        size_t b = i++;
        size_t c = i;
        while (c < n && is_ws((unsigned char)s[c])) c++;
        if (c >= n || s[c] != ':' || b - a >= 48) continue;
        char key[48];
        for (size_t k = a; k < b; k++) key[k - a] = (char)tolower((unsigned char)s[k]);
        int rank = pub_rank(x, "jsonld", key, b - a);
        c++;
        while (c < n && is_ws((unsigned char)s[c])) c++;
        if (rank && c < n && s[c] == '"') pub_offer(x, rank, s + c + 1, n - c - 1);
        i = c;
    }
}

/* Looks at one element for the page's publication date. */
static void pub_hint(hctx *x, xmlNodePtr n)
{
    const char *name = (const char *)n->name;
    char v[64], val[64];
    if (!name) return;
    if (!strcmp(name, "meta")) {
        static const char *const keys[] = {"property", "name", "itemprop"};
        for (size_t k = 0; k < 3; k++) {
            size_t vl = attr_value(n, keys[k], v, sizeof v);
            int rank = vl ? pub_rank(x, "meta", v, vl) : 0;
            if (rank) pub_offer(x, rank, val, attr_value(n, "content", val, sizeof val));
        }
        return;
    }
    size_t vl = attr_value(n, "itemprop", v, sizeof v);
    int rank = vl ? pub_rank(x, "itemprop", v, vl) : 0;
    if (rank) {
        size_t cl = attr_value(n, "content", val, sizeof val);
        if (!cl) cl = attr_value(n, "datetime", val, sizeof val);
        pub_offer(x, rank, val, cl);
    }
    if (!strcmp(name, "time")) {
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            int r = a->name ? pub_rank(x, "time", (const char *)a->name, strlen((const char *)a->name)) : 0;
            if (r) pub_offer(x, r, val, attr_value(n, "datetime", val, sizeof val));
        }
    } else if (!strcmp(name, "script") && attr_value(n, "type", v, sizeof v) &&
               !strcmp(v, "application/ld+json")) {
        for (xmlNodePtr c = n->children; c; c = c->next)
            if (c->content) pub_jsonld(x, (const char *)c->content, strlen((const char *)c->content));
    }
}

static bool walk_collect(hctx *x, xmlDocPtr doc)
{
    xmlNodePtr n = doc->children;
    int32_t cur = -1;
    while (n) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE) {
            hel *e = cc_vec_push(&x->els);
            if (!e || x->els.len > INT32_MAX - 2) return false;
            int32_t idx = (int32_t)(x->els.len - 1);
            const hel *P = cur >= 0 ? EL(x, cur) : NULL;
            e->node = n;
            e->parent = cur;
            if (x->pub) pub_hint(x, n);
            const tag_info *ti = tag_lookup(x, n->name);
            e->kind = ti->kind;
            e->base = ti->base;
            e->level = ti->level;
            uint16_t inh = P ? (uint16_t)(P->flags & (EF_SKIP | EF_HARD | EF_HINT | EF_INLINK | EF_FIGURE)) : 0;
            e->flags = (uint16_t)(inh | (ti->flags & ~EF_FIGURE));
            if (ti->flags & EF_FIGURE) e->flags |= EF_FIGURE;
            if (e->kind == HK_SKIP) e->flags |= EF_SKIP;
            if (!(e->flags & (EF_SKIP | EF_HARD))) {
                char hb[320];
                bool hide, drop;
                size_t hk = read_attrs(n, hb, sizeof hb, &hide);
                if (e->kind == HK_DROP || hide) e->flags |= EF_HARD;
                class_hints(x, hb, hk, &e->weight, &drop);
                if (drop && !(e->flags & EF_KEEP)) e->flags |= EF_HINT;
            }
            if (e->kind == HK_LINK) e->flags |= EF_INLINK;
            e->block = (is_blockish(e->kind) || !P) ? idx : P->block;
            if (P && is_blockish(e->kind)) EL(x, cur)->flags |= EF_HASBLOCK;
            n->_private = (void *)(intptr_t)(idx + 1);
            if (n->children) { cur = idx; descend = true; }
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const char *C = (const char *)n->content;
            size_t cn = C ? strlen(C) : 0;
            size_t start;
            n->_private = (cn && align_text(x, C, cn, &start)) ? (void *)(uintptr_t)(start + 1) : NULL;
            if (cur >= 0 && cn) {
                hel *P = EL(x, cur);
                hel *B = EL(x, P->block);
                if (!(P->flags & (EF_SKIP | EF_HARD)) && (P->flags & EF_HINT) == (B->flags & EF_HINT)) {
                    uint32_t ch, cm;
                    text_stats(C, cn, &ch, &cm);
                    B->own_text += ch;
                    B->own_commas += cm;
                    if (P->flags & EF_INLINK) B->own_link += ch;
                }
            }
        }
        if (descend) { n = n->children; continue; }
        while (n && !n->next) {
            n = n->parent;
            if (!n || n->type != XML_ELEMENT_NODE) { n = NULL; break; }
            cur = EL(x, el_index(n))->parent;
        }
        if (n) n = n->next;
    }
    return true;
}

/* ------------------------------------------------------ scoring, choice */

typedef struct attempt {
    bool strip_unlikely, weight_classes, clean_conditionally;
} attempt;

static void reset_totals(hel *e)
{
    e->text = e->own_text;
    e->link = e->own_link;
    e->commas = e->own_commas;
    e->head_text = e->kind == HK_HEADING ? e->own_text : 0;
    e->li_text = e->kind == HK_ITEM ? e->own_text : 0;
    e->np = (e->flags & EF_P) != 0;
    e->nimg = e->kind == HK_IMAGE;
    e->nli = e->kind == HK_ITEM;
    e->ninput = e->kind == HK_INPUT;
    e->nembed = e->kind == HK_EMBED;
}

static void add_totals(hel *to, const hel *e)
{
    to->text += e->text;
    to->link += e->link;
    to->commas += e->commas;
    to->head_text += e->head_text;
    to->li_text += e->li_text;
    to->np += e->np;
    to->nimg += e->nimg;
    to->nli += e->nli;
    to->ninput += e->ninput;
    to->nembed += e->nembed;
}

static float link_density(const hel *e) { return e->text ? (float)e->link / (float)e->text : 0.0f; }

/* Lower-cased text of element i's subtree, at most cap-1 bytes. */
static size_t subtree_text(const hctx *x, const hel *e, char *out, size_t cap)
{
    size_t k = 0, visits = 0;
    xmlNodePtr root = e->node, n = root->children;
    /* bounded: a short block is what is looked at; deep chains stop early */
    while (n && k + 1 < cap && ++visits < 512) {
        if (n->type == XML_TEXT_NODE && n->content) {
            for (const char *s = (const char *)n->content; *s && k + 1 < cap; s++) {
                char c = (char)tolower((unsigned char)*s);
                if (is_ws((unsigned char)c)) { if (k && out[k - 1] != ' ') out[k++] = ' '; }
                else out[k++] = c;
            }
        }
        if (n->type == XML_ELEMENT_NODE && n->children && !(EL(x, el_index(n))->flags & EF_SKIP)) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next) n = n->parent;
        if (!n || n == root) break;
        n = n->next;
    }
    out[k] = 0;
    return k;
}

static bool is_residue(const hctx *x, const hel *e)
{
    if (e->nsub > 32) return false;      /* residue is a small block */
    char buf[256];
    size_t k = subtree_text(x, e, buf, sizeof buf);
    return k && cc_residue_match(cc_lexicon_get("residue"), buf, k);
}

/* Decides whether element e (totals complete) is furniture inside the
 * article: Readability's conditional cleaning. */
static bool clean_out(const hctx *x, const hel *e, const attempt *a)
{
    if (e->kind == HK_HEADING) {
        if (a->weight_classes && e->weight < 0) return true;
        if (e->level == 1 && !x->keep_title) return true;
        if (e->text && link_density(e) > 0.5f) return true;
        return false;
    }
    if (!a->clean_conditionally) return false;
    /* a short block that is all link: a teaser for another page */
    if ((e->flags & EF_P || e->kind == HK_BLOCK) && e->text && e->text < 200 && link_density(e) > 0.8f) return true;
    if (!(e->flags & (EF_CLEAN | EF_LIST))) return false;
    int weight = a->weight_classes ? e->weight : 0;
    float score = e->init ? e->score : 0.0f;
    if ((float)weight + score < 0) return true;
    if (e->commas >= 10) return false;
    float p = (float)e->np, img = (float)e->nimg, li = (float)e->nli - 100.0f, input = (float)e->ninput;
    bool is_list = (e->flags & EF_LIST) || (e->text && (float)e->li_text / (float)e->text > 0.9f);
    float hd = e->text ? (float)e->head_text / (float)e->text : 0.0f;
    float ld = link_density(e);
    bool fig = (e->flags & EF_FIGURE) != 0;
    if (img > 1 && p / img < 0.5f && !fig) return true;
    if (!is_list && li > p) return true;
    if (input > (float)(e->np / 3)) return true;
    if (!is_list && hd < 0.9f && e->text < 25 && (img == 0 || img > 2) && !fig) return true;
    if (!is_list && weight < 25 && ld > 0.2f) return true;
    if (weight >= 25 && ld > 0.5f) return true;
    if ((e->nembed == 1 && e->text < 75) || e->nembed > 1) return true;
    return false;
}

static void sub_init(hel *e, const attempt *a)
{
    if (e->init) return;
    e->init = true;
    e->score = (float)e->base + (a->weight_classes ? (float)e->weight : 0.0f);
}

/* Sections of one article: a sibling of the winner (levels up: JOIN_UP)
 * whose best candidate scores at least JOIN_RATIO of the winner's joins.
 * Measured on the dev pages: 1 level and 0.5 (2 levels or 0.3 cost
 * precision). */
#define JOIN_UP 1
#define JOIN_RATIO 0.5f

/* Runs one attempt: marks the kept roots (keep) and the cleaned elements
 * (gone). Returns the article's length in characters. */
static size_t run_attempt(hctx *x, const attempt *a, uint8_t *mark)
{
    size_t n = x->els.len;
    if (!n) return 0;
    for (size_t i = 0; i < n; i++) {
        hel *e = EL(x, i);
        e->gone = (e->flags & (EF_SKIP | EF_HARD)) || (a->strip_unlikely && (e->flags & EF_HINT));
        e->keep = false;
        e->init = false;
        e->score = 0;
        e->best_below = 0;
        reset_totals(e);
    }
    for (size_t i = n; i-- > 0;) {
        hel *e = EL(x, i);
        if (e->gone || e->parent < 0) continue;
        hel *P = EL(x, e->parent);
        if (!P->gone) add_totals(P, e);
    }
    /* paragraphs score their ancestors */
    for (size_t i = 0; i < n; i++) {
        hel *e = EL(x, i);
        if (e->gone || !(e->flags & EF_SCORE) || e->own_text < 25) continue;
        float cs = 1.0f + (float)e->own_commas + (float)(e->own_text / 100 < 3 ? e->own_text / 100 : 3);
        /* text mixed with blocks counts as a paragraph of this element */
        int32_t anc = (e->flags & EF_HASBLOCK) && !(e->flags & EF_P) ? (int32_t)i : e->parent;
        for (int level = 0; anc >= 0 && level < 5; level++) {
            hel *A = EL(x, anc);
            if (A->gone) break;
            sub_init(A, a);
            A->score += cs / (level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f);
            anc = A->parent;
        }
    }
    int32_t body = -1;
    for (size_t i = 0; i < n && i < 8; i++)
        if (EL(x, i)->flags & EF_BODY) { body = (int32_t)i; break; }
    if (body < 0) body = 0;
    /* the five best candidates */
    int32_t top[5] = {-1, -1, -1, -1, -1};
    for (size_t i = 0; i < n; i++) {
        hel *e = EL(x, i);
        if (!e->init) continue;
        e->score *= 1.0f - link_density(e);
        int32_t c = (int32_t)i;
        for (int k = 0; k < 5; k++) {
            if (top[k] < 0 || EL(x, top[k])->score < EL(x, c)->score) {
                int32_t t = top[k];
                top[k] = c;
                c = t;
                if (c < 0) break;
            }
        }
    }
    int32_t best = top[0];
    if (best < 0 || EL(x, best)->gone) {
        best = body;
        if (EL(x, best)->gone) return 0;
    } else {
        /* several good candidates under one ancestor: take the ancestor */
        memset(mark, 0, n);
        int alts = 0;
        for (int k = 1; k < 5; k++) {
            if (top[k] < 0 || EL(x, top[k])->score < 0.75f * EL(x, best)->score) continue;
            alts++;
            int depth = 0;
            for (int32_t p = EL(x, top[k])->parent; p >= 0 && depth < 4096; p = EL(x, p)->parent, depth++)
                if (mark[p] < 255) mark[p]++;
        }
        if (alts >= 3) {
            int depth = 0;
            for (int32_t p = EL(x, best)->parent; p >= 0 && p != body && depth < 4096; p = EL(x, p)->parent, depth++)
                if (mark[p] >= 3) { best = p; break; }
        }
        sub_init(EL(x, best), a);
        /* a parent scoring higher than its child holds more of the article */
        float last = EL(x, best)->score, threshold = last / 3.0f;
        int32_t p = EL(x, best)->parent;
        for (int depth = 0; p >= 0 && p != body && depth < 4096; depth++) {
            hel *P = EL(x, p);
            if (!P->init) { p = P->parent; continue; }
            if (P->score < threshold) break;
            if (P->score > last) { best = p; break; }
            last = P->score;
            p = P->parent;
        }
        /* an only child stands for its parent */
        for (int depth = 0; depth < 4096; depth++) {
            int32_t pp = EL(x, best)->parent;
            if (pp < 0 || pp == body) break;
            int kids = 0;
            for (xmlNodePtr c = EL(x, pp)->node->children; c; c = c->next)
                if (c->type == XML_ELEMENT_NODE) kids++;
            if (kids != 1) break;
            best = pp;
        }
    }
    /* the best candidate and its worthy siblings */
    hel *B = EL(x, best);
    float bs = B->init ? B->score : 0.0f;
    float thr = bs * 0.2f > 10.0f ? bs * 0.2f : 10.0f;
    char bclass[128], sclass[128];
    attr_value(B->node, "class", bclass, sizeof bclass);
    if (B->parent < 0 || best == body) {
        B->keep = true;
    } else {
        for (xmlNodePtr c = EL(x, B->parent)->node->children; c; c = c->next) {
            int32_t si = el_index(c);
            if (si < 0) continue;
            hel *S = EL(x, si);
            if (S->gone) continue;
            bool app = si == best;
            if (!app) {
                float bonus = 0;
                if (bclass[0] && attr_value(c, "class", sclass, sizeof sclass) && !strcmp(bclass, sclass))
                    bonus = bs * 0.2f;
                if (S->init && S->score + bonus >= thr) app = true;
                else if (((S->flags & EF_P) || ((S->flags & EF_SCORE) && !(S->flags & EF_HASBLOCK))) &&
                         S->text) {
                    /* a paragraph (or a div holding only text, as good as one) */
                    float ld = link_density(S);
                    if (S->text > 80 && ld < 0.25f) app = true;
                    else if (S->text < 80 && ld == 0.0f && S->nsub <= 32) {
                        char buf[256];
                        size_t k = subtree_text(x, S, buf, sizeof buf);
                        while (k && buf[k - 1] == ' ') k--;
                        if ((k && buf[k - 1] == '.') || strstr(buf, ". ")) app = true;
                    }
                }
            }
            S->keep = app;
        }
        /* an article split into sections: a sibling (of the winner or of
         * its parent) holding a candidate nearly as strong joins */
        for (size_t i = n; i-- > 0;) {
            hel *e = EL(x, i);
            if (e->gone) continue;
            float own = e->init ? e->score : 0.0f;
            if (own > e->best_below) e->best_below = own;
            if (e->parent >= 0 && EL(x, e->parent)->best_below < e->best_below)
                EL(x, e->parent)->best_below = e->best_below;
        }
        int32_t A = best;
        for (int up = 0; up < JOIN_UP && A >= 0 && A != body && EL(x, A)->parent >= 0; up++) {
            for (xmlNodePtr c = EL(x, EL(x, A)->parent)->node->children; c; c = c->next) {
                int32_t si = el_index(c);
                if (si < 0 || si == A) continue;
                hel *S = EL(x, si);
                if (S->gone || S->keep) continue;
                if (S->best_below >= thr && S->best_below >= JOIN_RATIO * bs && link_density(S) < 0.25f)
                    S->keep = true;
            }
            A = EL(x, A)->parent;
        }
    }
    /* clean inside the kept roots, innermost first, with totals recounted */
    size_t total = 0;
    for (size_t r = 0; r < n; r++) {
        hel *R = EL(x, r);
        if (!R->keep) continue;
        size_t end = r + R->nsub;
        for (size_t i = r; i < end; i++) reset_totals(EL(x, i));
        for (size_t i = end; i-- > r;) {
            hel *e = EL(x, i);
            if (e->gone) continue;
            if (i != r && clean_out(x, e, a)) { e->gone = true; continue; }
            if (i != r && is_blockish(e->kind) && e->text && e->text <= 120 && is_residue(x, e)) {
                e->gone = true;
                continue;
            }
            if (i != r && e->parent >= 0) add_totals(EL(x, e->parent), e);
        }
        total += R->text;
        r = end - 1;
    }
    return total;
}

/* ------------------------------------------------------------ emission */

static void emit_text_node(hctx *x, xmlNodePtr n)
{
    const char *C = (const char *)n->content;
    if (!C || !*C) return;
    size_t cn = strlen(C);
    if (n->_private) {
        size_t start = (size_t)(uintptr_t)n->_private - 1;
        size_t c0 = 0;
        while (c0 < cn && is_ws((unsigned char)C[c0])) c0++;
        if (c0) cc_text_append_src(x->t, " ", 1, cc_conv_orig(&x->conv, start));
        size_t qe, m = match_text(x, C + c0, cn - c0, start, &qe, true);
        if (c0 + m < cn) emit_repl(x, C + c0 + m, cn - c0 - m, cc_conv_orig_end(&x->conv, qe), 0);
    } else {
        emit_repl(x, C, cn, x->last_src, 0);
    }
}

static void enter_block(hctx *x, const hel *e)
{
    cc_text_break(x->t);
    switch (e->kind) {
    case HK_HEADING: cc_text_role(x->t, e->level == 1 ? CC_ROLE_TITLE : CC_ROLE_HEADING); break;
    case HK_CAPTION: cc_text_role(x->t, CC_ROLE_CAPTION); break;
    case HK_QUOTE: cc_text_role(x->t, CC_ROLE_QUOTE); break;
    case HK_ITEM: cc_text_role(x->t, CC_ROLE_LIST); break;
    default: break;
    }
}

static void emit_root(hctx *x, const hel *R)
{
    enter_block(x, R);
    xmlNodePtr root = R->node, n = root->children;
    while (n) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE) {
            const hel *e = EL(x, el_index(n));
            if (!e->gone) {
                if (is_blockish(e->kind) || e->kind == HK_BR) enter_block(x, e);
                if (n->children) descend = true;
            }
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            emit_text_node(x, n);
        }
        if (descend) { n = n->children; continue; }
        while (n && n != root && !n->next) {
            n = n->parent;
            if (n && n != root && is_blockish(EL(x, el_index(n))->kind)) cc_text_break(x->t);
        }
        if (!n || n == root) break;
        n = n->next;
    }
    cc_text_break(x->t);
}

/* ---------------------------------------------------------------- entry */

void cc_ingest_html_init(void) { xmlInitParser(); }

bool cc_ingest_html(const char *bytes, size_t len, cc_text *t, concur_doc *d)
{
    hctx x;
    memset(&x, 0, sizeof x);
    x.t = t;
    x.keep_title = false;
    x.tags = cc_lexicon_get("html_tags");
    x.hints = cc_lexicon_get("boilerplate_class");
    if (!x.tags || !x.hints) return false;
    if (!cc_conv_page(bytes, len, &x.conv)) return false;
    x.pub = d && !d->ref_date[0] ? cc_lexicon_get("html_pubdate") : NULL;
    if (x.conv.had_invalid && !t->had_invalid_utf8) {
        /* reported by the document like invalid UTF-8 in plain text */
        t->had_invalid_utf8 = true;
        t->first_invalid = x.conv.first_invalid;
    }
    x.raw = x.conv.buf;
    x.len = x.conv.len;
    x.budget = 8 * (x.len + 1024);
    cc_vec_init(&x.els, sizeof(hel));
    x.tag_cache = calloc(TAG_CACHE, sizeof(tag_info));
    x.hint_cache = calloc(HINT_CACHE, sizeof(hint_info));
    x.hint_rows = calloc(x.hints->nrows + 1, sizeof(hint_row));
    if (!x.tag_cache || !x.hint_cache || !x.hint_rows) {
        free(x.tag_cache);
        free(x.hint_cache);
        free(x.hint_rows);
        cc_conv_free(&x.conv);
        return false;
    }
    cc_text_init(&x.scratch);
    for (size_t r = 0; r < x.hints->nrows; r++) {
        const cc_lex_row *row = &x.hints->rows[r];
        if (!row->col[0] || !row->col[0][0] || !row->col[1]) continue;
        hint_row *h = &x.hint_rows[x.nhint++];
        h->key = row->col[0];
        h->len = strlen(row->col[0]);
        h->word = row->col[3] && !strcmp(row->col[3], "word");
        h->effect = row->col[1][0];
    }
    bool ok = true;
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE;
    htmlDocPtr doc = NULL;
    if (x.len && x.len < (size_t)INT32_MAX)
        doc = htmlReadMemory(x.raw, (int)x.len, NULL, "UTF-8", opts);
    if (doc) {
        ok = walk_collect(&x, doc);
        size_t n = x.els.len;
        /* subtree sizes */
        for (size_t i = 0; i < n; i++) EL(&x, i)->nsub = 1;
        for (size_t i = n; i-- > 0;) {
            hel *e = EL(&x, i);
            if (e->parent >= 0) EL(&x, e->parent)->nsub += e->nsub;
        }
        uint8_t *mark = n ? malloc(n) : NULL;
        if (ok && n && mark) {
            static const attempt tries[] = {{true, true, true}, {false, true, true}, {false, false, true},
                                            {false, false, false}};
            size_t best_len = 0, best_i = 0;
            for (size_t k = 0; k < sizeof tries / sizeof *tries; k++) {
                size_t l = run_attempt(&x, &tries[k], mark);
                if (l > best_len) { best_len = l; best_i = k; }
                if (l >= 500) break;
                if (k + 1 == sizeof tries / sizeof *tries) run_attempt(&x, &tries[best_i], mark);
            }
            if (best_len) {
                for (size_t i = 0; i < n; i++) {
                    hel *e = EL(&x, i);
                    if (!e->keep) continue;
                    emit_root(&x, e);
                    i += e->nsub - 1;
                }
            }
        } else if (n) {
            ok = false;
        }
        free(mark);
        xmlFreeDoc(doc);
    }
    /* the page's own date is the reference when none was given */
    if (x.pub && x.pub_rank) memcpy(d->ref_date, x.pub_date, sizeof x.pub_date);
    cc_text_free(&x.scratch);
    cc_vec_free(&x.els);
    free(x.tag_cache);
    free(x.hint_cache);
    free(x.hint_rows);
    cc_conv_free(&x.conv);
    return ok && !t->out.oom;
}
