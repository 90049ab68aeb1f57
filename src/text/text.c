/* text.c -- the clean text and its map back to the input bytes.
 *
 * Every byte appended is tied to the input span it came from (cc_map_seg),
 * so a mention found in the clean text can always be shown in the source.
 * Normalisation happens here, once, for every ingest format. */
#include "../internal.h"

#include <stdlib.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>   /* SSE2 is part of every x86-64: the ASCII run test, 16 bytes at a time */
#endif

void cc_text_init(cc_text *t)
{
    memset(t, 0, sizeof *t);
    cc_buf_init(&t->out);
    cc_vec_init(&t->segs, sizeof(cc_map_seg));
    cc_vec_init(&t->paras, sizeof(size_t) * 2);
    cc_vec_init(&t->marks, sizeof(cc_text_mark));
}

void cc_text_free(cc_text *t)
{
    cc_buf_free(&t->out);
    cc_vec_free(&t->segs);
    cc_vec_free(&t->paras);
    cc_vec_free(&t->marks);
}

/* Adds clean bytes s[0..n) standing for input [src, src+src_len). */
static void emit(cc_text *t, const char *s, size_t n, size_t src, size_t src_len, bool linear)
{
    if (!n) return;
    cc_map_seg *last = t->segs.len ? &CC_VEC_AT(&t->segs, cc_map_seg, t->segs.len - 1) : NULL;
    size_t at = t->out.len;
    if (linear && last && last->linear && last->src + last->src_len == src &&
        last->clean + last->src_len == at) {
        last->src_len += (uint32_t)src_len;    /* extend the running linear segment */
    } else {
        cc_map_seg *g = cc_vec_push(&t->segs);
        if (!g) { t->out.oom = true; return; }
        g->clean = (uint32_t)at;
        g->src = (uint32_t)src;
        g->src_len = (uint32_t)src_len;
        g->linear = linear;
    }
    cc_buf_put(&t->out, s, n);
}

static void open_para(cc_text *t)
{
    if (!t->in_para) {
        t->in_para = true;
        t->para_start = t->out.len;
        t->pending_space = false;
    } else if (t->pending_space) {
        emit(t, " ", 1, t->space_src, 1, false);
        t->pending_space = false;
    }
}

/* open_para for text at input offset `at`: when the owed space is the one
 * plain white-space byte just before (s[-1], "word word"), it is mapped
 * byte for byte so that the linear segments on both sides merge into one;
 * otherwise a map segment per space would cost ~32 bytes per word. */
static void open_para_at(cc_text *t, const unsigned char *s, size_t i, size_t at)
{
    if (t->in_para && t->pending_space && i > 0 && t->space_src + 1 == at &&
        (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n' || s[i - 1] == '\r')) {
        emit(t, " ", 1, t->space_src, 1, true);
        t->pending_space = false;
        return;
    }
    open_para(t);
}

static void owe_space(cc_text *t, size_t src)
{
    if (t->in_para && !t->pending_space) {
        t->pending_space = true;
        t->space_src = src;
    }
}

/* Typographic variants mapped to their plain form; "" drops the character. */
static const char *plain_form(uint32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return "-";
    case 0x2026: return "...";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
        return "";
    default: return NULL;
    }
}

static bool is_space_cp(uint32_t cp)
{
    return cp == 0x20 || cp == 0x09 || cp == 0x0A || cp == 0x0D || cp == 0x0B || cp == 0x0C ||
           cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0x1680 || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* Are p[0..8) all printable ASCII or single spaces, as the fast path
 * below copies them? p[-1] is printable and not a space; p[8] may be read
 * (a space in p[7] joins the run only when p[8] is printable and not a
 * space). Word-at-a-time tests (any byte < n, > n, == ' '). */
static inline bool ascii_run8(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80, low7 = ones * 0x7F;
    uint64_t x;
    memcpy(&x, p, 8);
    if (((x - ones * 0x20) & ~x & high) != 0) return false;     /* a control byte */
    if (((x + ones * (127 - 0x7E)) | x) & high) return false;    /* 0x7F or non-ASCII */
    uint64_t y = x ^ (ones * 0x20);
    uint64_t z = ~(((y & low7) + low7) | y | low7);              /* 0x80 where ' ' */
    if (!z) return true;
    /* no space followed by a space (memory order); a space last only
     * before a printable byte */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (z & (z >> 8)) return false;
    return !(z >> 63) || (p[8] > 0x20 && p[8] < 0x7F);
#else
    unsigned char sp[8];
    memcpy(sp, &z, 8);
    for (int k = 0; k < 7; k++)
        if (sp[k] && sp[k + 1]) return false;
    return !sp[7] || (p[8] > 0x20 && p[8] < 0x7F);
#endif
}

/* How many bytes from p on (a multiple of 8, up to what p[0..avail)
 * allows with one byte to spare) ascii_run8 would accept one word after
 * the other. With SSE2, sixteen bytes per test: bytes below 0x21 that are
 * not spaces, 0x7F and bytes >= 0x80 end the run, as do two spaces in a
 * row and a last space before a byte that is not printable. */
static inline size_t ascii_run(const unsigned char *p, size_t avail)
{
    size_t j = 0;
#if defined(__SSE2__)
    const __m128i sp = _mm_set1_epi8(' '), lo = _mm_set1_epi8(0x21), del = _mm_set1_epi8(0x7F);
    while (j + 17 <= avail) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + j));
        unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, sp));
        /* signed compare: bytes >= 0x80 are negative, so below 0x21 too */
        unsigned below = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, lo));
        unsigned dels = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, del));
        if ((below & ~spaces) | dels) break;
        if (spaces & (spaces >> 1)) break;
        if ((spaces & 0x8000u) && !(p[j + 16] > 0x20 && p[j + 16] < 0x7F)) break;
        j += 16;
    }
#endif
    while (j + 9 <= avail && ascii_run8(p + j)) j += 8;
    return j;
}

void cc_text_append_src(cc_text *t, const char *src, size_t n, size_t off)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0;
    while (i < n) {
        /* ASCII fast path: copy the longest run of printable non-space bytes */
        if (s[i] > 0x20 && s[i] < 0x7F) {
            size_t j = i + 1;
            for (;;) {
                j += ascii_run(s + j, n - j);
                while (j < n && s[j] > 0x20 && s[j] < 0x7F) j++;
                /* a single plain space between two words joins the run: it
                 * is what owe_space + open_para_at would emit, byte for
                 * byte, into the same linear segment */
                if (j + 1 < n && s[j] == ' ' && s[j + 1] > 0x20 && s[j + 1] < 0x7F) {
                    j += 2;
                    continue;
                }
                break;
            }
            open_para_at(t, s, i, off + i);
            emit(t, src + i, j - i, off + i, j - i, true);
            i = j;
            continue;
        }
        int l;
        uint32_t cp;
        if (s[i] < 0x80) { cp = s[i]; l = 1; }
        else cp = cc_utf8_decode(s + i, n - i, &l);
        if (cp == 0xFFFD && !(l == 3 && s[i] == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD)) {
            if (!t->had_invalid_utf8) { t->had_invalid_utf8 = true; t->first_invalid = off + i; }
        }
        if (is_space_cp(cp)) {
            owe_space(t, off + i);
            i += (size_t)l;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            /* control characters: treated as a space (keeps words apart) */
            owe_space(t, off + i);
            i += (size_t)l;
            continue;
        }
        const char *pf = plain_form(cp);
        if (pf) {
            if (*pf) {
                open_para(t);
                emit(t, pf, strlen(pf), off + i, (size_t)l, false);
            }
            i += (size_t)l;
            continue;
        }
        if (cp < 0x80) {
            open_para_at(t, s, i, off + i);
            emit(t, src + i, 1, off + i, 1, true);
            i++;
            continue;
        }
        /* compatibility forms (ligatures, full-width, superscripts) -> NFKC */
        utf8proc_int32_t buf[18] = {0};
        utf8proc_ssize_t k = -1;
        if (cp != 0xFFFD) {
            int lbc = 0;
            k = utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 16,
                                        (utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT), &lbc);
            if (k > 0 && k <= 16)
                k = utf8proc_normalize_utf32(buf, k, (utf8proc_option_t)(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
        }
        open_para_at(t, s, i, off + i);
        if (k == 1 && (uint32_t)buf[0] == cp && l > 0 && cp != 0xFFFD) {
            emit(t, src + i, (size_t)l, off + i, (size_t)l, true);
        } else if (k > 0 && k <= 16) {
            char enc[16 * 4];
            size_t el = 0;
            for (utf8proc_ssize_t q = 0; q < k; q++) {
                uint32_t c2 = (uint32_t)buf[q];
                const char *pf2 = plain_form(c2);
                if (pf2) { size_t pl = strlen(pf2); memcpy(enc + el, pf2, pl); el += pl; }
                else if (is_space_cp(c2)) enc[el++] = ' ';
                else el += (size_t)cc_utf8_encode(c2, enc + el);
            }
            emit(t, enc, el, off + i, (size_t)l, false);
        } else {
            emit(t, "\xEF\xBF\xBD", 3, off + i, (size_t)l, false);
        }
        i += (size_t)l;
    }
}

void cc_text_append_repl(cc_text *t, const char *s, size_t n, size_t off, size_t len)
{
    if (!n) return;
    open_para(t);
    emit(t, s, n, off, len, false);
}

void cc_text_break(cc_text *t)
{
    if (!t->in_para) return;
    t->in_para = false;
    t->pending_space = false;
    if (t->out.len == t->para_start) return;
    size_t *p = cc_vec_push(&t->paras);
    if (!p) { t->out.oom = true; return; }
    p[0] = t->para_start;
    p[1] = t->out.len;
    /* paragraphs are separated by a blank line in the clean text; the
     * separator maps to the end of the paragraph's last source byte */
    size_t last = t->segs.len ? t->segs.len - 1 : 0;   /* the end is in the last segment */
    size_t src = cc_text_src_end_at(t, t->out.len, &last);
    emit(t, "\n\n", 2, src, 0, false);
}

void cc_text_role(cc_text *t, cc_block_role role)
{
    cc_text_mark *m = cc_vec_push(&t->marks);
    if (!m) { t->out.oom = true; return; }
    m->start = t->in_para ? t->para_start : t->out.len;
    m->end = (size_t)-1;
    m->role = role;
}

bool cc_text_finish(cc_text *t)
{
    cc_text_break(t);
    /* drop the separator after the last paragraph */
    if (t->out.len >= 2 && t->paras.len) {
        size_t *p = &CC_VEC_AT(&t->paras, size_t, (t->paras.len - 1) * 2);
        if (t->out.len == p[1] + 2) t->out.len -= 2;
    }
    cc_buf_reserve(&t->out, 1);
    if (t->out.data) t->out.data[t->out.len] = 0;
    return !t->out.oom;
}

static const cc_map_seg *find_seg(const cc_text *t, size_t clean)
{
    size_t lo = 0, hi = t->segs.len;
    const cc_map_seg *g = t->segs.data;
    if (!hi) return NULL;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (g[mid].clean <= clean) lo = mid;
        else hi = mid;
    }
    return &g[lo];
}

/* find_seg starting from the segment found last time (*cur): callers
 * that walk the text forward pay a step instead of a search. */
static const cc_map_seg *find_seg_from(const cc_text *t, size_t clean, size_t *cur)
{
    const cc_map_seg *g = t->segs.data;
    size_t n = t->segs.len, i = *cur;
    if (i < n && g[i].clean <= clean) {
        for (int step = 0; step < 8; step++) {
            if (i + 1 >= n || g[i + 1].clean > clean) {
                *cur = i;
                return &g[i];
            }
            i++;
        }
    }
    const cc_map_seg *r = find_seg(t, clean);
    if (r) *cur = (size_t)(r - g);
    return r;
}

static size_t seg_src(const cc_map_seg *g, size_t clean)
{
    if (!g) return 0;
    if (g->linear) {
        size_t d = clean - g->clean;
        return g->src + (d < g->src_len ? d : g->src_len);
    }
    return g->src;
}

static size_t seg_src_end(const cc_map_seg *g, size_t clean_end)
{
    if (!g) return 0;
    if (g->linear) {
        size_t d = clean_end - g->clean;
        return g->src + (d < g->src_len ? d : g->src_len);
    }
    return g->src + g->src_len;
}

size_t cc_text_src_at(const cc_text *t, size_t clean, size_t *cur)
{
    return seg_src(find_seg_from(t, clean, cur), clean);
}

size_t cc_text_src_end_at(const cc_text *t, size_t clean_end, size_t *cur)
{
    if (clean_end == 0) return cc_text_src_at(t, 0, cur);
    return seg_src_end(find_seg_from(t, clean_end - 1, cur), clean_end);
}

size_t cc_text_src(const cc_text *t, size_t clean)
{
    const cc_map_seg *g = find_seg(t, clean);
    if (!g) return 0;
    if (g->linear) {
        size_t d = clean - g->clean;
        return g->src + (d < g->src_len ? d : g->src_len);
    }
    return g->src;
}

size_t cc_text_src_end(const cc_text *t, size_t clean_end)
{
    if (clean_end == 0) return cc_text_src(t, 0);
    const cc_map_seg *g = find_seg(t, clean_end - 1);
    if (!g) return 0;
    if (g->linear) {
        size_t d = clean_end - g->clean;
        return g->src + (d < g->src_len ? d : g->src_len);
    }
    return g->src + g->src_len;
}
