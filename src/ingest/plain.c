/* plain.c -- plain text into clean paragraphs.
 *
 * Paragraphs are separated by blank lines. Text hard-wrapped at a fixed
 * width (PDF extractions, e-mail) has its lines rejoined; a short line that
 * ends a sentence ends its paragraph. In text that is not wrapped, every
 * line is a paragraph. A line starting "Photo:" (captions.tsv) is a
 * paragraph of its own, marked as a caption. A paragraph that is page
 * residue (residue.tsv: "Error message", cookie and share prompts) is
 * dropped. */
#include "../internal.h"

#include <ctype.h>
#include <stdlib.h>

typedef struct line {
    uint32_t start, end; /* without the line break (documents are under 2 GiB) */
    bool blank;
} line;

/* Longest line width the wrapping tests tell apart: a line of more code
 * points than this is simply "long" (a wrapped text's width is at most
 * 160, and a long line is at least as wide as any such width). */
#define WIDTH_CAP 200

/* Code points in s[0..n), counted up to a little over WIDTH_CAP. */
static size_t cp_width(const char *s, size_t n)
{
    /* code points = bytes - continuation bytes (10xxxxxx); eight bytes at a
     * time, most text being ASCII */
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        if (i - cont > WIDTH_CAP) return i - cont;
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (!(x & 0x8080808080808080ull)) continue;
        uint64_t c = (x >> 7) & ~(x >> 6) & 0x0101010101010101ull;
        cont += (size_t)((c * 0x0101010101010101ull) >> 56);
    }
    for (; i < n; i++) cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return n - cont;
}

/* A line's width as the wrapping tests count it: code points of its first
 * KiB, white space trimmed, up to a little over WIDTH_CAP. Only lines
 * followed by another non-blank line are measured (and, in wrapped text,
 * those that end a sentence): in text of blank-line separated paragraphs
 * most lines are never measured. */
static uint16_t line_width(const char *bytes, const line *l)
{
    size_t b = l->start, q = l->end;
    while (b < q && isspace((unsigned char)bytes[b])) b++;
    while (q > b && isspace((unsigned char)bytes[q - 1])) q--;
    return (uint16_t)cp_width(bytes + b, (q - b) > 1024 ? 1024 : (q - b));
}

static bool is_caption_line(const cc_lexicon *lx, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    size_t w = i;
    while (w < n && isalpha((unsigned char)s[w])) w++;
    if (w == i || w >= n || w - i > 16 || s[w] != ':') return false;
    char key[20];
    for (size_t k = i; k < w; k++) key[k - i] = (char)tolower((unsigned char)s[k]);
    return cc_lex_find(lx, key, w - i) != NULL;
}

static char last_char(const char *s, const line *l)
{
    size_t e = l->end;
    while (e > l->start && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
    return e > l->start ? s[e - 1] : 0;
}

static char first_char(const char *s, const line *l)
{
    size_t b = l->start;
    while (b < l->end && (s[b] == ' ' || s[b] == '\t')) b++;
    return b < l->end ? s[b] : 0;
}

/* Lines held on the stack (12 bytes each, and a size_t each for the
 * widths): a news article has a few dozen. */
#define LINES_LOCAL 256

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

bool cc_ingest_text(const char *bytes, size_t len, cc_text *t)
{
    const cc_lexicon *captions = cc_lexicon_get("captions"), *residue = cc_lexicon_get("residue");
    /* the clean text is about as long as the input: one block from the
     * start rather than a doubling from 256 bytes per document (the
     * caller may have reserved already) */
    if (!t->out.cap && !cc_buf_reserve(&t->out, len + len / 8)) return false;
    /* the lines of most documents (a JSON Lines record, an article) fit
     * in a block on the stack: the heap only for a longer text, rather
     * than an allocation and its growth per document */
    line local[LINES_LOCAL];
    line *L = local, *heap = NULL;
    size_t n = 0, cap = LINES_LOCAL;
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(bytes + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - bytes) : len;
        if (n == cap) {
            line *p = cap <= SIZE_MAX / (2 * sizeof *p) ? realloc(heap, 2 * cap * sizeof *p) : NULL;
            if (!p) { free(heap); return false; }
            if (!heap) memcpy(p, local, n * sizeof *p);
            heap = L = p;
            cap *= 2;
        }
        line *l = &L[n++];
        l->start = (uint32_t)i;
        l->end = (uint32_t)((e > i && bytes[e - 1] == '\r') ? e - 1 : e);
        /* blank: nothing but white space (its width is measured later,
         * and only when the wrapping tests need it: line_width) */
        size_t b = l->start;
        while (b < l->end && isspace((unsigned char)bytes[b])) b++;
        l->blank = (b == l->end);
        i = nl ? e + 1 : len;
    }

    /* Is the text hard-wrapped? Look at the widths of lines that are
     * followed by another non-blank line (those a wrapper would have cut). */
    size_t cand = 0;
    for (size_t k = 0; k + 1 < n; k++) cand += !L[k].blank && !L[k + 1].blank;
    bool wrapped = false;
    size_t width = 0;
    if (cand >= 3) {
        size_t wlocal[LINES_LOCAL];
        size_t *w = cand <= LINES_LOCAL ? wlocal : malloc(cand * sizeof *w);
        if (w) {
            size_t m = 0;
            for (size_t k = 0; k + 1 < n; k++)
                if (!L[k].blank && !L[k + 1].blank) w[m++] = line_width(bytes, &L[k]);
            qsort(w, m, sizeof *w, cmp_size);
            width = w[(m * 9) / 10];
            size_t near = 0;
            for (size_t k = 0; k < m; k++) near += w[k] * 10 >= width * 7;
            wrapped = width >= 30 && width <= 160 && near * 2 >= m;
            if (w != wlocal) free(w);
        }
    }

    for (size_t k = 0; k < n; k++) {
        const line *l = &L[k];
        if (l->blank) {
            /* A blank line inside a sentence (a PDF page break) does not end
             * the paragraph: previous text ends without punctuation and the
             * next line starts in lower case. */
            size_t p = k, q = k;
            while (p > 0 && L[p - 1].blank) p--;
            while (q < n && L[q].blank) q++;
            if (wrapped && p > 0 && q < n) {
                char lc = last_char(bytes, &L[p - 1]);
                char fc = first_char(bytes, &L[q]);
                if (lc && (isalpha((unsigned char)lc) || lc == ',') && islower((unsigned char)fc)) {
                    cc_text_append_src(t, " ", 1, l->start);
                    k = q - 1;
                    continue;
                }
            }
            cc_text_break(t);
            continue;
        }
        /* a paragraph of its own that is page residue ("Error message") */
        if ((k == 0 || L[k - 1].blank) && (k + 1 == n || L[k + 1].blank) &&
            cc_residue_match(residue, bytes + l->start, l->end - l->start))
            continue;
        bool caption = is_caption_line(captions, bytes + l->start, l->end - l->start);
        if (caption) {
            cc_text_break(t);
            cc_text_role(t, CC_ROLE_CAPTION);
        }
        cc_text_append_src(t, bytes + l->start, l->end - l->start, l->start);
        bool end_para = !wrapped || caption;
        if (wrapped && !end_para) {
            char lc = last_char(bytes, l);
            bool terminal = lc == '.' || lc == '!' || lc == '?' || lc == ':' || lc == '"' || lc == '\'';
            if (terminal && line_width(bytes, l) * 4 < width * 3) end_para = true;
            if (k + 1 < n && !L[k + 1].blank && is_caption_line(captions, bytes + L[k + 1].start, L[k + 1].end - L[k + 1].start))
                end_para = true;
        }
        if (end_para) {
            cc_text_break(t);
        } else if (k + 1 < n && !L[k + 1].blank) {
            /* rejoin the wrapped line: "newly-" + "independent" keeps the
             * hyphen and no space; otherwise the break becomes a space */
            char lc = last_char(bytes, l);
            size_t e = l->end;
            while (e > l->start && (bytes[e - 1] == ' ' || bytes[e - 1] == '\t')) e--;
            bool hyph = lc == '-' && e - l->start >= 2 && isalpha((unsigned char)bytes[e - 2]) &&
                        islower((unsigned char)first_char(bytes, &L[k + 1]));
            if (!hyph) cc_text_append_src(t, "\n", 1, l->end);
        }
    }
    free(heap);
    return !t->out.oom;
}
